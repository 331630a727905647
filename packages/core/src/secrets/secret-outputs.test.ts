import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toHtml } from '../reporters/html.js';
import { toJson } from '../reporters/json.js';
import { toSarif } from '../reporters/sarif.js';
import { toStylish } from '../reporters/stylish.js';
import { type ScanResult, scan } from '../scan.js';

/**
 * Every output of a scan that finds keys: nothing in it is the key or derived from it but the
 * redacted form, and finding ids and fingerprints come from where the key is written.
 */

const KEY_ID = ['AKIA', 'Z7QXW4LM2RTB6NHE'].join('');
// The same redacted form (first and last four characters), a different key.
const OTHER_KEY_ID = ['AKIA', 'Q2W3E4R5T6Y7', '6NHE'].join('');
const SECRET = ['q3Xv9LmT2rBfK8wZpN4s', 'Yd7HcJ1eGuA6oVtR0kWi'].join('');
const OTHER_SECRET = ['q3Xv', 'R7pL2mZ8kW4nT6yB1cD3fG5hJ9sA0eUoIxVq'].join('');

function template(keyId: string, secret: string, before = ''): string {
  const userData = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${keyId}\nexport AWS_SECRET_ACCESS_KEY=${secret}\n`).toString('base64');
  return `AWSTemplateFormatVersion: '2010-09-09'
${before}Parameters:
  DeployKeyId:
    Type: String
    Default: ${keyId}
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Code: { ZipFile: x }
      Environment:
        Variables:
          AWS_ACCESS_KEY_ID: ${keyId}
          AWS_SECRET_ACCESS_KEY: ${secret}
          BACKUP_KEY_ID: ${keyId}
  Vm:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      UserData: ${userData}
`;
}

function jsonTemplate(keyId: string, secret: string): string {
  return JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Metadata: { id: keyId, SecretAccessKey: secret } } } }, null, 2).replaceAll('/', '\\/');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-secret-outputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function scanWith(files: Record<string, string>): Promise<ScanResult> {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return scan({ paths: ['.'], cwd: dir, rules: rules.filter((r) => r.name === 'hardcoded-aws-credentials') });
}

function outputs(result: ScanResult): string {
  return [toJson(result), JSON.stringify(toSarif(result)), toHtml(result), toStylish(result, { color: false })].join('\n');
}

/** Digests anyone could try: of the value, hex and base64, whole and cut to the lengths ids and fingerprints use. */
function derived(value: string): string[] {
  const out: string[] = [];
  for (const algorithm of ['sha256', 'sha1', 'md5', 'sha512']) {
    const digest = createHash(algorithm).update(value).digest();
    out.push(digest.toString('hex').slice(0, 16), digest.toString('base64').slice(0, 16), digest.toString('base64url').slice(0, 16));
  }
  return out;
}

const place = (result: ScanResult) => result.findings.map((f) => [f.entity.id, f.fingerprint, f.location.line, f.message]);

describe('keys in a scan', () => {
  it('no output carries a key or any digest of it; the redacted forms are there', async () => {
    const result = await scanWith({
      'stack.yaml': template(KEY_ID, SECRET),
      'stack.json': jsonTemplate(KEY_ID, SECRET),
      'notes.txt': `aws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`,
    });
    // Three places in the YAML text, two in its base64 user data, two in the JSON, two in the notes.
    expect(result.findings).toHaveLength(10);
    const text = outputs(result);
    expect(text).toContain('AKIA************6NHE');
    expect(text).toContain(`q3Xv${'*'.repeat(36)}`);
    for (const value of [KEY_ID, SECRET, SECRET.replaceAll('/', '\\/')]) {
      expect(text).not.toContain(value);
      for (const d of derived(value)) expect(text).not.toContain(d);
    }
  });

  it('a key written as a map key, or as a logical id, is redacted in the ids and messages of the keys under it', async () => {
    const result = await scanWith({
      'keyed.yaml': `Mappings:\n  ${KEY_ID}:\n    ${SECRET}:\n      secret: ${SECRET}\nResources:\n  ${KEY_ID}:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: ${Buffer.from(`id=${KEY_ID}\n`).toString('base64')}\n`,
    });
    expect(result.findings.map((f) => [f.entity.id, f.message])).toEqual([
      ['keyed.yaml#Mappings@aws-access-key-id:0', 'Hard-coded AWS access key id AKIA************6NHE in keyed.yaml.'],
      [
        `keyed.yaml#Mappings/AKIA************6NHE@aws-secret-access-key:0`,
        `Hard-coded AWS secret access key q3Xv${'*'.repeat(36)} (next to an access key id) in mapping AKIA************6NHE.`,
      ],
      [
        `keyed.yaml#Mappings/AKIA************6NHE/q3Xv${'*'.repeat(36)}/secret@aws-secret-access-key:0`,
        `Hard-coded AWS secret access key q3Xv${'*'.repeat(36)} (secret key name) in mapping AKIA************6NHE.`,
      ],
      ['keyed.yaml#Resources@aws-access-key-id:0', 'Hard-coded AWS access key id AKIA************6NHE in keyed.yaml.'],
      [
        'keyed.yaml#Resources/AKIA************6NHE/Properties/UserData (base64)@aws-access-key-id:0',
        'Hard-coded AWS access key id AKIA************6NHE in base64-encoded user data of resource AKIA************6NHE.',
      ],
    ]);
    const text = outputs(result);
    for (const value of [KEY_ID, SECRET]) expect(text).not.toContain(value);
  });

  it('ids and fingerprints say where the key is: another key with the same redacted form there gives the same ones', async () => {
    const a = await scanWith({ 'stack.yaml': template(KEY_ID, SECRET), 'notes.txt': `id ${KEY_ID}\nsecret ${SECRET}\n` });
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(tmpdir(), 'mamori-secret-outputs-'));
    const b = await scanWith({ 'stack.yaml': template(OTHER_KEY_ID, OTHER_SECRET), 'notes.txt': `id ${OTHER_KEY_ID}\nsecret ${OTHER_SECRET}\n` });
    expect(place(b)).toEqual(place(a));
    expect(a.findings.map((f) => f.entity.id)).toEqual([
      'notes.txt#@aws-access-key-id:0',
      'notes.txt#@aws-secret-access-key:0',
      'stack.yaml#Parameters/DeployKeyId/Default@aws-access-key-id:0',
      'stack.yaml#Resources/Fn/Properties/Environment/Variables/AWS_ACCESS_KEY_ID@aws-access-key-id:0',
      'stack.yaml#Resources/Fn/Properties/Environment/Variables/AWS_SECRET_ACCESS_KEY@aws-secret-access-key:0',
      'stack.yaml#Resources/Fn/Properties/Environment/Variables/BACKUP_KEY_ID@aws-access-key-id:0',
      'stack.yaml#Resources/Vm/Properties/UserData (base64)@aws-access-key-id:0',
      'stack.yaml#Resources/Vm/Properties/UserData (base64)@aws-secret-access-key:0',
    ]);
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(8);
  });

  it('ids and fingerprints stay when lines move above the keys; the same key twice in one value keeps two', async () => {
    const twice = (before: string) => `${before}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      keys: "${KEY_ID} and ${KEY_ID}"\n`;
    const a = await scanWith({ 'stack.yaml': template(KEY_ID, SECRET), 'two.yaml': twice(''), 'notes.txt': `${KEY_ID}\n` });
    const b = await scanWith({
      'stack.yaml': template(KEY_ID, SECRET, 'Description: moved down\n# by a comment\n\n'),
      'two.yaml': twice('# one more line\n\n'),
      'notes.txt': `\n\nheader\n${KEY_ID}\n`,
    });
    const stable = (r: ScanResult) => r.findings.map((f) => [f.entity.id, f.fingerprint]);
    expect(stable(b)).toEqual(stable(a));
    expect(b.findings.map((f) => f.location.line)).not.toEqual(a.findings.map((f) => f.location.line));
    const inTwo = a.findings.filter((f) => f.location.file === 'two.yaml');
    expect(inTwo.map((f) => f.entity.id)).toEqual([
      'two.yaml#Resources/Q/Metadata/keys@aws-access-key-id:0',
      'two.yaml#Resources/Q/Metadata/keys@aws-access-key-id:1',
    ]);
    expect(new Set(inTwo.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('a file with more keys than are reported one by one gives the first 1,000 and a warning that counts the rest', async () => {
    const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const id = (i: number) => `AKIAQ${Array.from({ length: 15 }, (_, k) => B32[Math.floor(i / 32 ** k) % 32]).join('')}`;
    const ids = Array.from({ length: 1003 }, (_, i) => id(i));
    const result = await scanWith({
      'many.yaml': `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      keys: |\n${ids.map((k) => `        ${k}`).join('\n')}\n`,
      'many.txt': `${ids.join('\n')}\n`,
    });
    for (const file of ['many.txt', 'many.yaml']) {
      const mine = result.findings.filter((f) => f.location.file === file);
      expect(mine).toHaveLength(1000);
      expect(mine.at(-1)?.entity.id).toMatch(/@aws-access-key-id:999$/);
    }
    expect(result.notifications.filter((n) => n.code === 'truncated')).toEqual([
      {
        level: 'warning',
        code: 'truncated',
        file: 'many.txt',
        message: '1,003 AWS keys found in this file: the first 1,000 are reported, 3 more are not listed',
      },
      {
        level: 'warning',
        code: 'truncated',
        file: 'many.yaml',
        message: '1,003 AWS keys found in this file: the first 1,000 are reported, 3 more are not listed',
      },
    ]);
  });
});
