import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcSettings } from '../../../../test/property.js';
import { decodeEscapes, entropy, findSecrets, isDocumentationExample, redact, secretCandidates, secretIds } from './detect.js';

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

  it('keeps neither the raw value nor anything derived from it but its redacted form', () => {
    const [s, k] = findSecrets(`secret=${SECRET}\nid=${KEY_ID}`);
    expect(s).toEqual({ type: 'aws-secret-access-key', start: 7, end: 47, redacted: `q3Xv${'*'.repeat(36)}`, evidence: 'secret key name' });
    expect(k).toEqual({ type: 'aws-access-key-id', start: 51, end: 71, redacted: 'AKIA************6NHE', evidence: 'access key id prefix' });
    expect(s?.redacted).toBe(redact('aws-secret-access-key', SECRET));
  });

  it('entropy of random keys is high and of repeated text low', () => {
    expect(entropy(SECRET)).toBeGreaterThan(4.5);
    expect(entropy('a'.repeat(40))).toBe(0);
  });
});

describe('keys written with JSON escapes', () => {
  const at = (text: string, s: { start: number; end: number } | undefined) => text.slice(s?.start ?? 0, s?.end ?? 0);

  it('a secret key with `\\/` for its slashes is found, located at its escaped text, redacted from its value', () => {
    const key = 'q3Xv9LmT/rBfK8wZpN4s/d7HcJ1eGuA6oVtR0kWi';
    const escaped = key.replaceAll('/', '\\/');
    const text = `{\n  "Parameters": {\n    "SecretAccessKey": {"Default": "${escaped}"}\n  }\n}\n`;
    const found = findSecrets(text);
    expect(found.map((s) => [s.type, s.evidence, s.redacted])).toEqual([['aws-secret-access-key', 'secret key name', `q3Xv${'*'.repeat(36)}`]]);
    expect(at(text, found[0])).toBe(escaped);
  });

  it('`\\u002F` for a slash and `\\u0041` for the A of AKIA', () => {
    const key = 'q3Xv9LmT2rBfK8wZ/N4sYd7HcJ1eGuA6oVtR0kWi';
    const text = `{"id": "\\u0041KIAZ7QXW4LM2RTB6NHE", "secret": "${key.replace('/', '\\u002F')}"}`;
    const found = findSecrets(text);
    expect(found.map((s) => [s.type, s.redacted, at(text, s)])).toEqual([
      ['aws-access-key-id', 'AKIA************6NHE', '\\u0041KIAZ7QXW4LM2RTB6NHE'],
      ['aws-secret-access-key', `q3Xv${'*'.repeat(36)}`, key.replace('/', '\\u002F')],
    ]);
  });

  it('an escaped key name counts as context; a line break stays one', () => {
    const text = `{"\\u0073ecret": "x",\n "v": "${SECRET}"}`;
    expect(findSecrets(text).map((s) => s.evidence)).toEqual(['secret key name nearby']);
    expect(decodeEscapes('a\\nb\\u000Ac')?.text).toBeUndefined();
  });

  it('an escaped backslash is a backslash: `\\\\/` does not join two halves into a key', () => {
    const half = 'q3Xv9LmT2rBfK8wZpN4s';
    expect(findSecrets(`secret: "${half}\\\\/${half.slice(1)}"`)).toEqual([]);
    expect(findSecrets(`secret: "${half}\\/${half.slice(1)}"`).map((s) => s.type)).toEqual(['aws-secret-access-key']);
  });

  it('maps every decoded offset back to the character it came from', () => {
    const text = 'a\\/b\\u0043d\\\\e\\nf';
    const decoded = decodeEscapes(text);
    expect(decoded?.text).toBe('a/bCd\\e\\nf');
    expect([...(decoded?.text ?? '')].map((_, i) => decoded?.toSource(i))).toEqual([0, 1, 3, 4, 10, 11, 13, 14, 15, 16]);
  });
});

describe('secret ids', () => {
  it('come from the place and the rank of the match there, never from the value', () => {
    const a = findSecrets(`id: ${KEY_ID}\nsecret: ${SECRET}\nid2: ${KEY_ID}\n`);
    const b = findSecrets(`\n\n# moved\nid: AKIAQW3RTY7UI2OPLK5J\nsecret: ${SECRET.split('').reverse().join('')}\nid2: ${KEY_ID}\n`);
    const ids = secretIds('notes.txt#', a);
    expect(ids).toEqual(['notes.txt#@aws-access-key-id:0', 'notes.txt#@aws-secret-access-key:0', 'notes.txt#@aws-access-key-id:1']);
    expect(secretIds('notes.txt#', b)).toEqual(ids);
    expect(secretIds('t.yaml#', a, ['Resources/A', 'Resources/A', 'Resources/B'])).toEqual([
      't.yaml#Resources/A@aws-access-key-id:0',
      't.yaml#Resources/A@aws-secret-access-key:0',
      't.yaml#Resources/B@aws-access-key-id:0',
    ]);
  });
});

describe('the search is the plain definition, done in one pass', () => {
  // What the search did before it was made linear: every candidate re-read up to four lines and every key id.
  function reference(text: string): { type: string; start: number; evidence: string }[] {
    const lines = text.split('\n');
    const starts: number[] = [];
    let at = 0;
    for (const l of lines) {
      starts.push(at);
      at += l.length + 1;
    }
    const lineOf = (o: number) => starts.findLastIndex((s) => s <= o);
    const out: { type: string; start: number; evidence: string }[] = [];
    const keyLines: number[] = [];
    for (const m of text.matchAll(/(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/g)) {
      keyLines.push(lineOf(m.index));
      if (!(m[1] ?? '').includes('EXAMPLE')) out.push({ type: 'aws-access-key-id', start: m.index, evidence: 'access key id prefix' });
    }
    for (const start of secretCandidates(text)) {
      const v = text.slice(start, start + 40);
      if (v.includes('EXAMPLE') || !/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[0-9]/.test(v) || entropy(v) < 4) continue;
      const line = lineOf(start);
      let evidence: string | undefined;
      for (let l = line; l >= Math.max(0, line - 3) && !evidence; l--) {
        const t = l === line ? text.slice(starts[line], start) : (lines[l] ?? '');
        if (/secret|aws_?sak|sk_?aws/i.test(t)) evidence = l === line ? 'secret key name' : 'secret key name nearby';
      }
      if (!evidence && keyLines.some((l) => Math.abs(l - line) <= 3)) evidence = 'next to an access key id';
      if (evidence) out.push({ type: 'aws-secret-access-key', start, evidence });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  it('finds what the definition finds, with the same evidence, on any text of keys, names and lines', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\n', ' ', '=', ': ', 'secret', 'SecretKey', 'aws_sak', 'skaws', 'x', KEY_ID, 'ASIAQW3RTY7UI2OPLK5J', SECRET),
      fc.stringMatching(/^[A-Za-z0-9/+]{40}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(findSecrets(text).map((s) => ({ type: s.type, start: s.start, evidence: s.evidence }))).toEqual(reference(text));
      }),
      fcSettings(500),
    );
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
