import type { SecretMatch, SecretType } from '../model/entities.js';
import type { Notification } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';

export interface RawSecret {
  type: SecretType;
  /** Offsets of the value in the text: [start, end). */
  start: number;
  end: number;
  redacted: string;
  evidence: string;
}

// Key id prefixes AWS documents for long-term (AKIA) and temporary (ASIA) credentials, plus the older
// ones gitleaks and git-secrets also match. The 16 characters after the prefix are base32.
const ACCESS_KEY_ID = /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/g;
const SECRET_LENGTH = 40;
/** Characters of a secret access key: base64 without padding. */
const KEY_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+') KEY_CHAR[c.charCodeAt(0)] = 1;

const isKeyChar = (c: number): boolean => c < 128 && KEY_CHAR[c] === 1;

/**
 * Offsets of every run of exactly 40 key characters; `=` may not follow (base64 padding would make
 * it longer than a key) but may precede (`KEY=value`). One pass that looks at most characters of a
 * text of short words once, not at all: a run of 40 starting at or after `i` (where a run may start)
 * covers `i + 39`, so when that is not a key character, none starts before `i + 40`. A regular
 * expression with a look-behind costs a scan per position of every long word.
 */
export function secretCandidates(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  // Invariant: `i` is 0 or follows a character that is not a key character.
  let i = 0;
  while (i + SECRET_LENGTH <= n) {
    const probe = i + SECRET_LENGTH - 1;
    if (!isKeyChar(text.charCodeAt(probe))) {
      i = probe + 1;
      continue;
    }
    // The run through the probe: back to its start (not before `i`), then on to its end.
    let start = probe;
    while (start > i && isKeyChar(text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < n && isKeyChar(text.charCodeAt(end))) end++;
    if (end - start === SECRET_LENGTH && text.charCodeAt(end) !== 61) out.push(start);
    i = end + 1;
  }
  return out;
}
const SECRET_CONTEXT = /secret|aws_?sak|sk_?aws/i;
const CONTEXT_LINES = 3;

/** AWS documentation's placeholder credentials (and the family they belong to) are not real keys. */
export function isDocumentationExample(value: string): boolean {
  return value.includes('EXAMPLE');
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

const counts = new Uint8Array(128);

/**
 * Secret access keys are random base64: mixed case and digits, high entropy. This keeps out hex
 * digests (one case), words run together and long runs of one character. `value` is made of key
 * characters only (ASCII).
 */
function looksRandom(value: string): boolean {
  let lower = false;
  let upper = false;
  let digit = false;
  counts.fill(0);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    counts[c & 127] = (counts[c & 127] ?? 0) + 1;
  }
  if (!lower || !upper || !digit) return false;
  let bits = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits >= 4.0;
}

/**
 * The text with the escapes a JSON string (or a YAML double-quoted one) may hide a key behind
 * decoded: `\/`, `\\`, `\"` and `\uXXXX` of a printable ASCII character, so that
 * `wJalr\/K7MDENG...` or `\u0041KIA...` is seen as the key it is. Line breaks and other escapes stay
 * as written, so lines are the same. `undefined` when there is nothing to decode (most texts).
 * `toSource` maps an offset of the decoded text back to the source.
 */
export function decodeEscapes(text: string): { text: string; toSource: (offset: number) => number } | undefined {
  let first = text.indexOf('\\');
  while (first >= 0 && !escapeAt(text, first)) first = text.indexOf('\\', first + 1);
  if (first < 0) return undefined;
  const parts: string[] = [];
  // For each decoded escape: where its character is in the decoded text, where the escape starts in the source, its source length.
  const at: number[] = [];
  const from: number[] = [];
  const width: number[] = [];
  let copied = 0;
  let decodedLength = 0;
  for (let i = first; i >= 0 && i < text.length; i = text.indexOf('\\', i)) {
    const esc = escapeAt(text, i);
    if (!esc) {
      i++;
      continue;
    }
    parts.push(text.slice(copied, i), esc.char);
    decodedLength += i - copied;
    at.push(decodedLength);
    from.push(i);
    width.push(esc.length);
    decodedLength += 1;
    i += esc.length;
    copied = i;
  }
  parts.push(text.slice(copied));
  const toSource = (offset: number): number => {
    // The last escape at or before `offset`.
    let lo = 0;
    let hi = at.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((at[mid] ?? 0) <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return offset;
    const d = at[k] ?? 0;
    const s = from[k] ?? 0;
    return offset === d ? s : s + (width[k] ?? 1) + (offset - d - 1);
  };
  return { text: parts.join(''), toSource };
}

function escapeAt(text: string, i: number): { char: string; length: number } | undefined {
  const next = text.charCodeAt(i + 1);
  // `\/`, `\\`, `\"`.
  if (next === 47 || next === 92 || next === 34) return { char: text[i + 1] ?? '', length: 2 };
  if (next !== 117) return undefined;
  const hex = text.slice(i + 2, i + 6);
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return undefined;
  const code = Number.parseInt(hex, 16);
  return code >= 0x20 && code <= 0x7e ? { char: String.fromCharCode(code), length: 6 } : undefined;
}

/**
 * Finds AWS access key ids by their prefix, and secret access keys by shape plus context: a key name
 * with "secret" on the same line or just above, or an access key id nearby. Documentation examples
 * (`AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) are skipped. Keys written
 * with JSON escapes are found too, located at their text in the source. Linear in the text: each
 * line is tested for a key name at most once.
 */
export function findSecrets(text: string): RawSecret[] {
  const decoded = decodeEscapes(text);
  if (!decoded) return search(text);
  return search(decoded.text).map((s) => {
    const last = decoded.toSource(s.end - 1);
    return { ...s, start: decoded.toSource(s.start), end: last + sourceWidth(text, last) };
  });
}

/** How many source characters the decoded character at source offset `at` takes: an escape's length, else 1. */
function sourceWidth(text: string, at: number): number {
  return text.charCodeAt(at) === 92 ? (escapeAt(text, at)?.length ?? 1) : 1;
}

function search(text: string): RawSecret[] {
  const out: RawSecret[] = [];
  const keyIdStarts: number[] = [];
  for (const m of text.matchAll(ACCESS_KEY_ID)) {
    const value = m[1] ?? '';
    const start = m.index ?? 0;
    keyIdStarts.push(start);
    if (isDocumentationExample(value)) continue;
    out.push({ type: 'aws-access-key-id', start, end: start + value.length, redacted: redact('aws-access-key-id', value), evidence: 'access key id prefix' });
  }
  const candidates = secretCandidates(text);
  if (candidates.length === 0) return out;

  // Line starts, then per line: how many key ids start on it or before (a prefix count), and where
  // the first key name on it ends (found on first use).
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lines = starts.length;
  const keyIdsUpTo = new Int32Array(lines + 1);
  {
    let line = 0;
    for (const start of keyIdStarts) {
      while (line + 1 < lines && (starts[line + 1] ?? 0) <= start) line++;
      keyIdsUpTo[line + 1] = (keyIdsUpTo[line + 1] ?? 0) + 1;
    }
    for (let l = 1; l <= lines; l++) keyIdsUpTo[l] = (keyIdsUpTo[l] ?? 0) + (keyIdsUpTo[l - 1] ?? 0);
  }
  // -2: not looked at yet; -1: no key name on the line; else the offset where the first one ends.
  const nameEnd = new Int32Array(lines).fill(-2);
  const keyNameEnd = (line: number): number => {
    const known = nameEnd[line] ?? -1;
    if (known !== -2) return known;
    const from = starts[line] ?? 0;
    const m = SECRET_CONTEXT.exec(text.slice(from, (starts[line + 1] ?? text.length + 1) - 1));
    const end = m ? from + m.index + m[0].length : -1;
    nameEnd[line] = end;
    return end;
  };

  let line = 0;
  for (const start of candidates) {
    const value = text.slice(start, start + SECRET_LENGTH);
    if (isDocumentationExample(value) || !looksRandom(value)) continue;
    while (line + 1 < lines && (starts[line + 1] ?? 0) <= start) line++;
    let evidence: string | undefined;
    const own = keyNameEnd(line);
    // A key name before the value on its own line, or on one of the lines just above.
    if (own >= 0 && own <= start) evidence = 'secret key name';
    for (let l = line - 1; l >= Math.max(0, line - CONTEXT_LINES) && !evidence; l--) if (keyNameEnd(l) >= 0) evidence = 'secret key name nearby';
    if (!evidence) {
      const from = Math.max(0, line - CONTEXT_LINES);
      const to = Math.min(lines, line + CONTEXT_LINES + 1);
      if ((keyIdsUpTo[to] ?? 0) - (keyIdsUpTo[from] ?? 0) > 0) evidence = 'next to an access key id';
    }
    if (!evidence) continue;
    out.push({ type: 'aws-secret-access-key', start, end: start + value.length, redacted: redact('aws-secret-access-key', value), evidence });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A name (a mapping key, a logical id, a path) with any key id or secret-looking key in it redacted:
 * a key written as a map key would otherwise be shown whole in the ids and messages of the keys
 * found under it.
 */
export function redactSecretsIn(name: string): string {
  let out = name.replace(ACCESS_KEY_ID, (whole, id: string) => (isDocumentationExample(id) ? whole : redact('aws-access-key-id', id)));
  const starts = secretCandidates(out).filter((i) => looksRandom(out.slice(i, i + SECRET_LENGTH)));
  for (const i of starts.reverse())
    out = `${out.slice(0, i)}${redact('aws-secret-access-key', out.slice(i, i + SECRET_LENGTH))}${out.slice(i + SECRET_LENGTH)}`;
  return out;
}

/**
 * Keys reported one by one in a file; more are counted in a warning. A file of nothing but keys
 * would otherwise make a report hundreds of times its size (a 20 MiB template holds 400,000).
 */
export const MAX_SECRETS_PER_FILE = 1_000;

/** The warning for a file with more keys than are reported one by one, `undefined` when there are not that many. */
export function tooManySecrets(total: number, file: string): Notification | undefined {
  if (total <= MAX_SECRETS_PER_FILE) return undefined;
  const n = (v: number) => v.toLocaleString('en-US');
  return {
    level: 'warning',
    code: 'truncated',
    file,
    message: `${n(total)} AWS keys found in this file: the first ${n(MAX_SECRETS_PER_FILE)} are reported, ${n(total - MAX_SECRETS_PER_FILE)} more are not listed`,
  };
}

/**
 * Entity ids for the secrets found in one place, from where they are and never from their value (a
 * hash of a key id can be brute-forced from its redacted form): `<place>@<type>:<n>`, n counting the
 * matches of that type in that place in text order. Moving lines does not change them.
 */
export function secretIds(place: string, secrets: readonly Pick<RawSecret, 'type'>[], scopes?: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return secrets.map((s, i) => {
    const scope = scopes?.[i] ?? '';
    const key = `${scope}@${s.type}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${place}${scope}@${s.type}:${n}`;
  });
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
    evidence: s.evidence,
    where,
    ...(encoding ? { encoding } : {}),
  };
}
