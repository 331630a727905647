import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '@mamori/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scan, scanText } from './scan.js';

const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;

let dir: string;
function write(rel: string, text: string | Buffer): void {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-scan-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scan', () => {
  it('walks folders recursively and reports paths relative to cwd', async () => {
    write('a/b/stack.yaml', OPEN_SSH);
    write('c.json', JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }));
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.files).toEqual(['a/b/stack.yaml', 'c.json']);
    expect(result.findings.map((f) => [f.location.file, f.location.line, f.ruleId])).toEqual([['a/b/stack.yaml', 8, 'MAM101']]);
  });

  it('skips node_modules, .git, cdk.out and what .gitignore ignores', async () => {
    mkdirSync(path.join(dir, '.git'));
    write('.gitignore', 'build/\n*.generated.yaml\n');
    write('node_modules/pkg/t.yaml', OPEN_SSH);
    write('.git/t.yaml', OPEN_SSH);
    write('cdk.out/t.yaml', OPEN_SSH);
    write('build/t.yaml', OPEN_SSH);
    write('sub/x.generated.yaml', OPEN_SSH);
    write('sub/.gitignore', 'local.yaml\n');
    write('sub/local.yaml', OPEN_SSH);
    write('sub/kept.yaml', OPEN_SSH);
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.files).toEqual(['sub/kept.yaml']);
    // Scanning the sub-folder alone still honours the repository root's .gitignore.
    const sub = await scan({ paths: ['sub'], cwd: dir, rules });
    expect(sub.files).toEqual(['sub/kept.yaml']);
  });

  it('skips YAML and JSON that are not templates, quietly', async () => {
    write('k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
    write('package.json', '{"name": "x"}');
    write('helm/templates/deploy.yaml', 'spec: {{ .Values.spec }}\n  bad: [\n');
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.files).toEqual([]);
    expect(result.notifications).toEqual([]);
  });

  it('a broken template is an error naming file and line, and never hides the other files', async () => {
    write('bad.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [unclosed\n");
    write('good.yaml', OPEN_SSH);
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', file: 'bad.yaml', line: 4 })]);
    expect(result.findings.map((f) => f.location.file)).toEqual(['good.yaml']);
  });

  it('a file named explicitly that is not a template gets a note', async () => {
    write('config.yaml', 'a: 1\n');
    const result = await scan({ paths: ['config.yaml'], cwd: dir, rules });
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'note', code: 'not-a-template', file: 'config.yaml' })]);
  });

  it('a missing path is an error', async () => {
    const result = await scan({ paths: ['nope'], cwd: dir, rules });
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'path-not-found', file: 'nope' })]);
  });

  it('binary files and invalid UTF-8', async () => {
    write('image.template', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    write('latin1.yaml', Buffer.concat([Buffer.from("AWSTemplateFormatVersion: '2010-09-09'\nDescription: caf"), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.notifications).toEqual([
      expect.objectContaining({ level: 'error', code: 'read-error', file: 'latin1.yaml', message: expect.stringContaining('UTF-8') }),
      { level: 'note', code: 'skipped', message: '1 binary file not checked for keys: image.template', files: ['image.template'] },
    ]);
  });

  it('does not follow symbolic links to folders, so loops end', async () => {
    write('a/stack.yaml', OPEN_SSH);
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'loop'));
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.files).toEqual(['a/stack.yaml']);
  });

  it('a rule that throws becomes an error notification, and other rules still report', async () => {
    write('t.yaml', OPEN_SSH);
    const broken = {
      ...rules[0],
      id: 'X001',
      name: 'broken',
      check: () => {
        throw new Error('boom');
      },
    } as (typeof rules)[number];
    const result = await scan({ paths: ['.'], cwd: dir, rules: [broken, ...rules] });
    expect(result.notifications).toEqual([
      expect.objectContaining({ level: 'error', code: 'rule-error', ruleId: 'X001', message: expect.stringContaining('boom') }),
    ]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['MAM101']);
  });

  it('checks every other text file for AWS keys, as git-secrets and gitleaks do', async () => {
    const keyId = ['AKIA', 'Z7QXW4LM2RTB6NHE'].join('');
    const secret = ['q3Xv9LmT2rBfK8wZpN4s', 'Yd7HcJ1eGuA6oVtR0kWi'].join('');
    mkdirSync(path.join(dir, '.git'));
    write('.gitignore', 'ignored.env\n');
    write('deploy/.env', `# ci\nAWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    write('src/upload.py', `import boto3\n\nclient = boto3.client("s3", aws_access_key_id="${keyId}")\n`);
    write('k8s/secret.yaml', `apiVersion: v1\nkind: Secret\nstringData:\n  key: ${keyId}\n`);
    write('docs/setup.md', 'Use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as placeholders.\n');
    write('ignored.env', `KEY=${keyId}\n`);
    write('node_modules/pkg/index.js', `const k = "${keyId}";\n`);
    write('image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(keyId)]));
    write('big.log', `${'x'.repeat(1024 * 1024)}\n${keyId}\n`);
    const result = await scan({ paths: ['.'], cwd: dir, rules });
    expect(result.findings.map((f) => [f.location.file, f.location.line, f.location.column, f.messageId])).toEqual([
      ['deploy/.env', 2, 19, 'accessKeyId'],
      ['deploy/.env', 3, 23, 'secretAccessKey'],
      ['k8s/secret.yaml', 4, 8, 'accessKeyId'],
      ['src/upload.py', 3, 48, 'accessKeyId'],
    ]);
    expect(result.findings[0]?.message).toBe('Hard-coded AWS access key id AKIA************6NHE in deploy/.env.');
    // What was not checked is named: the file over the text limit, and the binary one.
    expect(result.notifications).toEqual([
      {
        level: 'note',
        code: 'skipped',
        file: 'big.log',
        message: "Not checked for keys: 1,048,598 bytes (1.0 MiB) is over mamori's 1.0 MiB limit for text files",
      },
      { level: 'note', code: 'skipped', message: '1 binary file not checked for keys: image.png', files: ['image.png'] },
    ]);
    // Templates only, when asked.
    expect((await scan({ paths: ['.'], cwd: dir, rules, secretsInAllFiles: false })).findings).toEqual([]);
  });

  it('fingerprints stay the same when unrelated lines above move', async () => {
    write('t.yaml', OPEN_SSH);
    const before = await scan({ paths: ['.'], cwd: dir, rules });
    write('t.yaml', OPEN_SSH.replace('Resources:', 'Description: |\n  added\n  lines\nResources:'));
    const after = await scan({ paths: ['.'], cwd: dir, rules });
    expect(after.findings[0]?.location.line).toBe((before.findings[0]?.location.line ?? 0) + 3);
    expect(after.findings[0]?.fingerprint).toBe(before.findings[0]?.fingerprint);
  });
});

describe('scanning account snapshots', () => {
  it('a folder holding the snapshot schema is not taken for a snapshot', async () => {
    const result = await scan({ paths: ['packages/core/src/schema'], cwd: fileURLToPath(new URL('../../..', import.meta.url)), rules });
    expect(result.notifications).toEqual([]);
    expect(result.files).toEqual([]);
  });
});

describe('scanText', () => {
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Metadata:
      mamori:
        suppress:
          - rule: MAM101
            reason: bastion host, SSH only from the VPN
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`;

  it('honours suppressions written in the template, as a scan of the file does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-scantext-'));
    try {
      writeFileSync(path.join(dir, 'bastion.yaml'), text);
      const fromText = await scanText({ file: 'bastion.yaml', text, rules });
      const fromFile = await scan({ paths: ['bastion.yaml'], cwd: dir, rules });
      const open = fromText.findings.find((f) => f.ruleId === 'MAM101');
      expect(open?.suppression).toEqual({ kind: 'inSource', justification: 'bastion host, SSH only from the VPN', via: 'mamori' });
      expect(fromText.findings).toEqual(fromFile.findings);
      expect(fromText.notifications).toEqual(fromFile.notifications);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
