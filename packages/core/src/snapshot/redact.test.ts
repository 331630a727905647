import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { snapshotJson } from '../../../../test/snapshot-builder.js';
import { runRules } from '../engine/run.js';
import { loadSnapshot } from './read.js';
import { keyIdForDisplay, redactKeyIds, snapshotText } from './redact.js';

const OLD_KEY = 'AKIARZPUZDIKN7ZCKWEE';
const NEVER_USED = 'AKIARZPUZDIKQ4YU6NHE';

/** A snapshot as collectors before key redaction wrote it: whole key ids in the lists, the join and an error. */
function oldSnapshot(): string {
  return snapshotJson({
    iam: {
      ListUsers: { Users: [{ UserName: 'ken', Arn: 'arn:aws:iam::123456789012:user/ken', CreateDate: '2024-01-01T00:00:00Z' }] },
      ListAccessKeys: {
        ken: {
          AccessKeyMetadata: [
            { UserName: 'ken', AccessKeyId: OLD_KEY, Status: 'Active', CreateDate: '2025-01-10T08:00:00Z' },
            { UserName: 'ken', AccessKeyId: NEVER_USED, Status: 'Active', CreateDate: '2025-01-10T08:00:00Z' },
          ],
        },
      },
      GetAccessKeyLastUsed: { [OLD_KEY]: { UserName: 'ken', AccessKeyLastUsed: { LastUsedDate: '2025-02-01T08:00:00Z', ServiceName: 's3' } } },
    },
    errors: [
      {
        service: 'iam',
        region: 'global',
        operation: 'GetAccessKeyLastUsed',
        resource: NEVER_USED,
        code: 'AccessDenied',
        message: `not authorized for ${NEVER_USED}`,
      },
    ],
  });
}

describe('a snapshot with whole access key ids (written before they were redacted)', () => {
  it('still loads; findings and warnings show the keys redacted, each joined to its own last use', () => {
    const text = oldSnapshot();
    const lineOf = (id: string) => text.split('\n').findIndex((l) => l.includes(`"AccessKeyId": "${id}"`)) + 1;
    const loaded = loadSnapshot('old.json', text, rules);
    const findings = runRules(rules, loaded.entities).findings.filter((f) => f.ruleName.startsWith('iam-access-key'));
    expect(findings.map((f) => [f.message, f.location.line])).toEqual([
      ['Access key AKIA************KWEE of IAM user ken was last used on 2025-02-01, 662 days before the snapshot.', lineOf(OLD_KEY)],
      ['Access key AKIA************KWEE of IAM user ken was created on 2025-01-10, 684 days before the snapshot.', lineOf(OLD_KEY)],
      ['Access key AKIA************6NHE of IAM user ken was created on 2025-01-10, 684 days before the snapshot.', lineOf(NEVER_USED)],
    ]);
    expect(loaded.notifications.map((n) => n.message)).toEqual([
      'iam GetAccessKeyLastUsed for AKIA************6NHE failed with AccessDenied (not authorized for AKIA************6NHE); not evaluated: MAM209 iam-access-key-unused, MAM213 iam-user-inactive, MAM214 iam-console-user-unused-key',
    ]);
    const shown = JSON.stringify([findings, loaded.notifications, loaded.entities]);
    for (const id of [OLD_KEY, NEVER_USED]) expect(shown).not.toContain(id);
  });
});

describe('key id redaction', () => {
  it('keeps the kind and the last four characters, as the IAM console shows a key', () => {
    expect(redactKeyIds(`a ${OLD_KEY}, "ASIAQW3RTY7UI2OPLK5J" x${OLD_KEY} ${OLD_KEY}9`)).toBe(
      `a AKIA************KWEE, "ASIA************LK5J" x${OLD_KEY} ${OLD_KEY}9`,
    );
    expect(keyIdForDisplay('AKIA************6NHE#2')).toBe('AKIA************6NHE');
    expect(keyIdForDisplay(OLD_KEY)).toBe('AKIA************KWEE');
  });

  it('writes the account id so that git-secrets does not take it for a leak, and JSON reads it back the same', () => {
    const text = snapshotText(JSON.parse(snapshotJson()));
    expect(text).toContain('"accountId": "\\u00312345678');
    expect(JSON.parse(text).accountId).toBe('123456789012');
  });
});
