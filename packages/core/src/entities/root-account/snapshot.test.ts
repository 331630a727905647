import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { credentialReport, rootRow, snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { RootAccount } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('the root user from the recorded account snapshot', () => {
  it('the root user from the summary, the credential report and the event history', () => {
    const [root] = of('RootAccount', loaded.entities);
    expect(root).toMatchObject<Partial<RootAccount>>({
      id: 'arn:aws:iam::123456789012:root',
      accountId: '123456789012',
      mfaActive: false,
      accessKeysPresent: true,
      passwordLastUsed: '2026-11-20T08:12:44+00:00',
      accessKeysLastUsed: ['2026-11-02T07:15:00+00:00'],
    });
    // The AssumeRole that AWS Config made on root's behalf is not root's own use.
    expect(root?.recentActivity).toEqual([
      {
        time: '2026-11-19T16:02:11.000Z',
        eventName: 'ListBuckets',
        eventSource: 's3.amazonaws.com',
        region: 'eu-west-1',
        location: expect.objectContaining(at([...R, 'cloudtrail', 'LookupEvents', 'Events', 0, 'EventName'])),
      },
    ]);
    expect(root?.location).toMatchObject(at(['global', 'iam', 'GetCredentialReport', 'Content']));
  });
});

describe('the root user from snapshots', () => {
  it('a credential report given as base64, as the CLI prints it', () => {
    const report = credentialReport([rootRow({ mfa_active: 'false' })]);
    const doc = snapshotJson({ iam: { GetCredentialReport: { ...report, Content: Buffer.from(report.Content).toString('base64') } } });
    expect(of('RootAccount', loadSnapshot('s.json', doc).entities)[0]?.mfaActive).toBe(false);
  });
});
