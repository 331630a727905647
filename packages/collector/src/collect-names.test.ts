import { loadSnapshot } from '@mamori/core';
import { runRules, snapshotText } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAccountRoutes, type FakeAws, queryXml, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { collectSnapshot } from './collect.js';

// `__proto__` and `constructor` are valid IAM user names: an account must not hide a user behind one.
const USERS = ['__proto__', 'constructor'];

let fake: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await fake?.close();
  fake = undefined;
});

describe('resource names that are also JavaScript property names', () => {
  it('a user named __proto__ or constructor is collected, kept in the snapshot and judged', async () => {
    const member = (user: string) =>
      `<member><UserName>${user}</UserName><UserId>AIDA${user.length}EXAMPLEID01</UserId><Arn>arn:aws:iam::210987654321:user/${user}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>`;
    fake = await startFakeAws({
      ...emptyAccountRoutes(),
      'iam:ListUsers': queryXml('iam', 'ListUsers', `<Users>${USERS.map(member).join('')}</Users><IsTruncated>false</IsTruncated>`),
      'iam:ListAccessKeys': (req) =>
        queryXml(
          'iam',
          'ListAccessKeys',
          `<AccessKeyMetadata><member><UserName>${req.params.UserName}</UserName><AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId><Status>Active</Status><CreateDate>2023-01-01T00:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>`,
        ),
    });
    restore = useFakeAwsEnv(fake.url);
    const snapshot = await collectSnapshot({
      retryBackoff: () => 1,
      credentialReportPoll: 0.01,
      now: () => new Date('2026-11-25T15:00:00.000Z'),
      maxAttempts: 2,
    });
    const text = snapshotText(snapshot);
    const written = JSON.parse(text).global.iam.ListAccessKeys;
    expect(Object.keys(written).sort()).toEqual([...USERS].sort());
    const loaded = loadSnapshot('account.json', text, rules);
    const rotated = rules.filter((r) => r.name === 'iam-access-key-not-rotated');
    expect(
      runRules(rotated, loaded.entities)
        .findings.map((f) => f.message)
        .sort(),
    ).toEqual(USERS.map((u) => `Access key AKIA************MPLE of IAM user ${u} was created on 2023-01-01, 1424 days before the snapshot.`).sort());
  });
});
