import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcSettings } from '../../../../test/property.js';
import { entropy, findSecrets, isDocumentationExample, redact, secretCandidates } from './detect.js';

const KEY_ID = ['AKIA', 'Z7QXW4LM2RTB6NHE'].join('');
const SECRET = ['q3Xv9LmT2rBfK8wZpN4s', 'Yd7HcJ1eGuA6oVtR0kWi'].join('');

describe('findSecrets', () => {
  it('finds key ids of every documented prefix', () => {
    for (const prefix of ['AKIA', 'ASIA', 'ABIA', 'ACCA']) {
      const found = findSecrets(`id = ${prefix}Z7QXW4LM2RTB6NHE`);
      expect(found.map((s) => s.type)).toEqual(['aws-access-key-id']);
      expect(found[0]?.start).toBe(5);
    }
  });

  it('does not take a longer word or a non-base32 tail for a key id', () => {
    expect(findSecrets(`x${KEY_ID}`)).toEqual([]);
    expect(findSecrets(`${KEY_ID}9`)).toEqual([]);
    expect(findSecrets('AKIA0123456789012345')).toEqual([]);
  });

  it('finds secrets by key name in the shapes tools write them', () => {
    for (const line of [`aws_secret_access_key = ${SECRET}`, `AWS_SECRET_ACCESS_KEY=${SECRET}`, `"SecretAccessKey": "${SECRET}"`, `secretKey: '${SECRET}'`]) {
      expect(findSecrets(line).map((s) => [s.type, s.evidence])).toEqual([['aws-secret-access-key', 'secret key name']]);
    }
  });

  it('finds a secret named on the line above (ECS/CodeBuild Name/Value pairs)', () => {
    const text = `- Name: AWS_SECRET_ACCESS_KEY\n  Value: ${SECRET}\n`;
    expect(findSecrets(text).map((s) => s.evidence)).toEqual(['secret key name nearby']);
  });

  it('ignores documentation examples', () => {
    expect(findSecrets('AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY secret')).toEqual([]);
    expect(isDocumentationExample('AKIAI44QH8DHBEXAMPLE')).toBe(true);
  });

  it('ignores 40-character strings that are not random base64', () => {
    const text = ['secret: 3f786850e387550fdab836ed7e6dc881de23001b', `secret: ${'Ab1'.repeat(13)}A`].join('\n');
    expect(findSecrets(text)).toEqual([]);
  });

  it('never keeps the raw value, only its redacted form and hash', () => {
    const [s] = findSecrets(`secret=${SECRET}`);
    expect(JSON.stringify(s)).not.toContain(SECRET);
    expect(s?.redacted).toBe(redact('aws-secret-access-key', SECRET));
    expect(s?.redacted).toMatch(/^q3Xv\*{36}$/);
    expect(s?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('entropy of random keys is high and of repeated text low', () => {
    expect(entropy(SECRET)).toBeGreaterThan(4.5);
    expect(entropy('a'.repeat(40))).toBe(0);
  });
});

describe('secret candidates', () => {
  // The definition the one-pass search must agree with.
  const REFERENCE = /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
  const byRegex = (text: string): number[] => [...text.matchAll(REFERENCE)].map((m) => m.index ?? 0);

  it.each([
    ['a run of exactly 40 key characters', `key: ${'aB3/'.repeat(10)}\n`, [5]],
    ['41 characters are not a key', `key: ${'aB3/'.repeat(10)}x\n`, []],
    ['padding after it makes it base64 of something else', `${'aB3+'.repeat(10)}=`, []],
    ['`=` before it is an assignment', `SECRET=${'aB3+'.repeat(10)}`, [7]],
    ['at the very end of the text', 'Z'.repeat(40), [0]],
    ['two keys side by side in a list', `[${'a'.repeat(40)},${'b'.repeat(40)}]`, [1, 42]],
  ])('%s', (_name, text, expected) => {
    expect(secretCandidates(text)).toEqual(expected);
    expect(byRegex(text)).toEqual(expected);
  });

  it('finds what the regular expression finds, on any text', () => {
    const piece = fc.oneof(
      fc.constantFrom('=', ' ', '\n', '/', '+', '-', '"', 'é', 'A', 'z', '9'),
      fc.stringMatching(/^[A-Za-z0-9/+]{38,42}$/),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(secretCandidates(text)).toEqual(byRegex(text));
      }),
      fcSettings(500),
    );
  });
});
