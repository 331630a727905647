import { createHash } from 'node:crypto';
import type { SecretMatch, SecretType } from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';

export interface RawSecret {
  type: SecretType;
  /** Offsets of the value in the text: [start, end). */
  start: number;
  end: number;
  redacted: string;
  hash: string;
  evidence: string;
}

// Key id prefixes AWS documents for long-term (AKIA) and temporary (ASIA) credentials, plus the older
// ones gitleaks and git-secrets also match. The 16 characters after the prefix are base32.
const ACCESS_KEY_ID = /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/g;
const SECRET_LENGTH = 40;
/** Characters of a secret access key: base64 without padding. */
const KEY_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+') KEY_CHAR[c.charCodeAt(0)] = 1;

/**
 * Offsets of every run of exactly 40 key characters; `=` may not follow (base64 padding would make
 * it longer than a key) but may precede (`KEY=value`). One pass: a regular expression with a
 * look-behind costs a scan per position of every long word, and templates are mostly words.
 */
export function secretCandidates(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || KEY_CHAR[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 128 || KEY_CHAR[d] === 0) break;
      i++;
    }
    if (i - start === SECRET_LENGTH && text.charCodeAt(i) !== 61) out.push(start);
  }
  return out;
}
const SECRET_CONTEXT = /secret|aws_?sak|sk_?aws/i;
const CONTEXT_LINES = 3;

/** AWS documentation's placeholder credentials (and the family they belong to) are not real keys. */
export function isDocumentationExample(value: string): boolean {
  return /EXAMPLE/.test(value);
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function redact(type: SecretType, value: string): string {
  return type === 'aws-access-key-id' ? `${value.slice(0, 4)}${'*'.repeat(12)}${value.slice(-4)}` : `${value.slice(0, 4)}${'*'.repeat(36)}`;
}

export function secretHash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function looksRandom(value: string): boolean {
  // Secret access keys are random base64: mixed case and digits, high entropy. This keeps out
  // hex digests (one case), words run together and long runs of one character.
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && entropy(value) >= 4.0;
}

/**
 * Finds AWS access key ids by their prefix, and secret access keys by shape plus context: a key name
 * with "secret" on the same line or just above, or an access key id nearby. Documentation examples
 * (`AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) are skipped.
 */
export function findSecrets(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  const keyIdLines: number[] = [];
  // Line starts are found only for a text with a candidate: most texts have none.
  let starts: number[] | undefined;
  const lines = (): number[] => {
    if (starts) return starts;
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  const lineOf = (offset: number): number => {
    const lineStarts = lines();
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineText = (line: number): string => text.slice(lines()[line] ?? 0, (lines()[line + 1] ?? text.length + 1) - 1);

  for (const m of text.matchAll(ACCESS_KEY_ID)) {
    const value = m[1] ?? '';
    const start = m.index ?? 0;
    keyIdLines.push(lineOf(start));
    if (isDocumentationExample(value)) continue;
    out.push({
      type: 'aws-access-key-id',
      start,
      end: start + value.length,
      redacted: redact('aws-access-key-id', value),
      hash: secretHash(value),
      evidence: 'access key id prefix',
    });
  }
  for (const start of secretCandidates(text)) {
    const value = text.slice(start, start + SECRET_LENGTH);
    if (isDocumentationExample(value) || !looksRandom(value)) continue;
    const line = lineOf(start);
    let evidence: string | undefined;
    for (let l = line; l >= Math.max(0, line - CONTEXT_LINES) && !evidence; l--) {
      const t = l === line ? text.slice(lines()[line] ?? 0, start) : lineText(l);
      if (SECRET_CONTEXT.test(t)) evidence = l === line ? 'secret key name' : 'secret key name nearby';
    }
    if (!evidence && keyIdLines.some((l) => Math.abs(l - line) <= CONTEXT_LINES)) evidence = 'next to an access key id';
    if (!evidence) continue;
    out.push({
      type: 'aws-secret-access-key',
      start,
      end: start + value.length,
      redacted: redact('aws-secret-access-key', value),
      hash: secretHash(value),
      evidence,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The entity rules read for a secret found at `location`, described as `where`. */
export function secretEntity(id: string, s: RawSecret, location: SourceLocation, where: string, encoding?: 'base64'): SecretMatch {
  return {
    kind: 'Secret',
    id,
    source: 'template',
    location,
    displayName: where,
    secretType: s.type,
    redacted: s.redacted,
    hash: s.hash,
    evidence: s.evidence,
    where,
    ...(encoding ? { encoding } : {}),
  };
}
