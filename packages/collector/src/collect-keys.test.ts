import { loadSnapshot, validateSnapshot } from '@mamori/core';
import { runRules, snapshotText } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAccountRoutes, type FakeAws, json, queryError, queryXml, type Routes, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { collectSnapshot } from './collect.js';

/**
 * Access key ids never reach a snapshot whole: `git secrets --register-aws --scan` finds nothing in
 * what `mamori collect` writes, and the rules that read keys still join each key to its last use.
 */

// git-secrets' `register_aws` patterns and allowed strings, as it adds them to git config
// (awslabs/git-secrets, `git-secrets`, `register_aws`); `--scan` runs `grep -nwHEI` with them.
const aws = '(AWS|aws|Aws)?_?';
const quote = `("|')`;
const connect = '\\s*(:|=>|=)\\s*';
const optQuote = `${quote}?`;
const GIT_SECRETS_PATTERNS = [
  '(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}',
  `${optQuote}${aws}(SECRET|secret|Secret)?_?(ACCESS|access|Access)?_?(KEY|key|Key)${optQuote}${connect}${optQuote}[A-Za-z0-9/\\+=]{40}${optQuote}`,
  `${optQuote}${aws}(ACCOUNT|account|Account)_?(ID|id|Id)?${optQuote}${connect}${optQuote}[0-9]{4}\\-?[0-9]{4}\\-?[0-9]{4}${optQuote}`,
];
const GIT_SECRETS_ALLOWED = ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'];

/** The lines `git secrets --scan` reports: grep -w (the match stands between non-word characters), line by line, less the allowed ones. */
function gitSecretsScan(text: string): string[] {
  // A POSIX ERE and this regular expression agree on these patterns; -w is the look-around.
  const prohibited = GIT_SECRETS_PATTERNS.map((p) => new RegExp(`(?<![A-Za-z0-9_])(?:${p})(?![A-Za-z0-9_])`));
  return text.split('\n').filter((line) => prohibited.some((p) => p.test(line)) && !GIT_SECRETS_ALLOWED.some((a) => new RegExp(a).test(line)));
}

const KEYS: Record<string, { id: string; created: string; lastUsed?: string }[]> = {
  ken: [
    { id: 'AKIARZPUZDIKN7ZCKWEE', created: '2025-01-10T08:00:00Z', lastUsed: '2025-02-01T08:00:00Z' },
    { id: 'AKIARZPUZDIKQ4YU6NHE', created: '2026-11-01T08:00:00Z' },
  ],
  // The same first and last four characters as ken's second key: two keys, one redacted form.
  yui: [{ id: 'AKIAQW3RTY7UI2OP6NHE', created: '2025-03-01T08:00:00Z', lastUsed: '2026-11-20T08:00:00Z' }],
};
const ALL_IDS = Object.values(KEYS).flatMap((keys) => keys.map((k) => k.id));
const SESSION_KEY = 'ASIAQW3RTY7UI2OPLK5J';

function accountWithKeys(): Routes {
  const member = (user: string) =>
    `<member><UserName>${user}</UserName><UserId>AIDA${user.toUpperCase()}EXAMPLEID01</UserId><Arn>arn:aws:iam::210987654321:user/${user}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>`;
  const event = {
    eventVersion: '1.09',
    userIdentity: { type: 'Root', principalId: '210987654321', arn: 'arn:aws:iam::210987654321:root', accountId: '210987654321', accessKeyId: SESSION_KEY },
    eventTime: '2026-11-19T16:02:11Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    eventType: 'AwsApiCall',
  };
  return {
    ...emptyAccountRoutes(),
    'iam:ListUsers': queryXml('iam', 'ListUsers', `<Users>${member('ken')}${member('yui')}</Users><IsTruncated>false</IsTruncated>`),
    'iam:ListAccessKeys': (req) => {
      const user = req.params.UserName ?? '';
      const keys = (KEYS[user] ?? [])
        .map(
          (k) => `<member><UserName>${user}</UserName><AccessKeyId>${k.id}</AccessKeyId><Status>Active</Status><CreateDate>${k.created}</CreateDate></member>`,
        )
        .join('');
      return queryXml('iam', 'ListAccessKeys', `<AccessKeyMetadata>${keys}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`);
    },
    'iam:GetAccessKeyLastUsed': (req) => {
      const entry = Object.entries(KEYS)
        .flatMap(([user, keys]) => keys.map((k) => ({ user, ...k })))
        .find((k) => k.id === req.params.AccessKeyId);
      if (!entry) return queryError('NoSuchEntity', `The Access Key with id ${req.params.AccessKeyId} cannot be found`, 404);
      const date = entry.lastUsed ? `<LastUsedDate>${entry.lastUsed}</LastUsedDate>` : '';
      return queryXml(
        'iam',
        'GetAccessKeyLastUsed',
        `<UserName>${entry.user}</UserName><AccessKeyLastUsed>${date}<ServiceName>s3</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>`,
      );
    },
    // A denial whose message names a key id, as some AWS errors do.
    'iam:ListMFADevices': (req) =>
      queryError('AccessDenied', `User with key ${KEYS.ken?.[0]?.id} is not authorized to list the MFA devices of ${req.params.UserName}`, 403),
    'cloudtrail:LookupEvents': json({
      Events: [
        {
          EventId: 'e1',
          EventName: 'ListBuckets',
          EventTime: 1795104131,
          EventSource: 's3.amazonaws.com',
          Username: 'root',
          AccessKeyId: SESSION_KEY,
          CloudTrailEvent: JSON.stringify(event),
        },
      ],
    }),
  };
}

let fake: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await fake?.close();
  fake = undefined;
});

async function collectKeys() {
  fake = await startFakeAws(accountWithKeys());
  restore = useFakeAwsEnv(fake.url);
  return collectSnapshot({ retryBackoff: () => 1, credentialReportPoll: 0.01, now: () => new Date('2026-11-25T15:00:00.000Z'), maxAttempts: 2 });
}

describe('access key ids in a collected snapshot', () => {
  it('git-secrets AWS patterns find nothing in the snapshot as written; no key id is in it whole', async () => {
    const snapshot = await collectKeys();
    // The keys were read with their whole ids.
    expect(
      fake?.requests
        .filter((r) => r.operation === 'GetAccessKeyLastUsed')
        .map((r) => r.params.AccessKeyId)
        .sort(),
    ).toEqual([...ALL_IDS].sort());
    const text = snapshotText(snapshot);
    expect(gitSecretsScan(text)).toEqual([]);
    for (const id of [...ALL_IDS, SESSION_KEY]) expect(text).not.toContain(id);
    expect(text).not.toContain(SESSION_KEY.slice(4, 16));
    expect(validateSnapshot(JSON.parse(text))).toEqual([]);
    expect(JSON.parse(text).accountId).toBe('210987654321');
    // The patterns do find what a snapshot would hold unredacted.
    expect(gitSecretsScan(`${JSON.stringify({ accountId: '210987654321', AccessKeyId: ALL_IDS[0] }, null, 2)}\n`)).toHaveLength(2);
  });

  it('keeps each key as its kind and last four characters, two keys sharing that told apart for the join', async () => {
    const snapshot = await collectKeys();
    const iam = snapshot.global.iam;
    expect(iam?.ListAccessKeys?.ken?.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual(['AKIA************KWEE', 'AKIA************6NHE']);
    expect(iam?.ListAccessKeys?.yui?.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual(['AKIA************6NHE#2']);
    expect(Object.keys(iam?.GetAccessKeyLastUsed ?? {}).sort()).toEqual(['AKIA************6NHE', 'AKIA************6NHE#2', 'AKIA************KWEE']);
    expect(iam?.GetAccessKeyLastUsed?.['AKIA************6NHE#2']?.UserName).toBe('yui');
    expect(snapshot.errors.map((e) => e.message)).toEqual([
      'User with key AKIA************KWEE is not authorized to list the MFA devices of ken',
      'User with key AKIA************KWEE is not authorized to list the MFA devices of yui',
    ]);
  });

  it('the key rules read each key with its own last use, and name it redacted', async () => {
    const snapshot = await collectKeys();
    const loaded = loadSnapshot('account.json', snapshotText(snapshot), rules);
    const keyRules = rules.filter((r) => r.name === 'iam-access-key-unused' || r.name === 'iam-access-key-not-rotated');
    const messages = runRules(keyRules, loaded.entities)
      .findings.map((f) => f.message)
      .sort();
    expect(messages).toEqual([
      'Access key AKIA************6NHE of IAM user yui was created on 2025-03-01, 634 days before the snapshot.',
      'Access key AKIA************KWEE of IAM user ken was created on 2025-01-10, 684 days before the snapshot.',
      'Access key AKIA************KWEE of IAM user ken was last used on 2025-02-01, 662 days before the snapshot.',
    ]);
  });
});
