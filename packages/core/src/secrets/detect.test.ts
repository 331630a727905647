import { describe, expect, it } from 'vitest';
import { entropy, findSecrets, isDocumentationExample, redact } from './detect.js';

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
