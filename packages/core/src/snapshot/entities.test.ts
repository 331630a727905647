import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { at, RECORDED_FILE as FILE, recorded as loaded, of, recordedText } from '../../../../test/entities.js';
import { snapshotJson } from '../../../../test/snapshot-builder.js';
import { ENTITY_SLICES } from '../entities/index.js';
import { isSnapshotText } from './load.js';
import { loadSnapshot } from './read.js';

describe('entities from the recorded account snapshot', () => {
  it('loads marked incomplete, with one not-evaluated warning for the AccessDenied call', () => {
    expect(loaded.notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'incomplete-snapshot',
        file: FILE,
        ...at(['incomplete']),
        message: 'Incomplete account snapshot: calls failed while it was collected (1 failed call recorded)',
      }),
      expect.objectContaining({
        level: 'warning',
        code: 'not-evaluated',
        file: FILE,
        ...at(['errors', 0]),
        message: expect.stringMatching(/^rds DescribeDBClusters in eu-west-1 failed with AccessDenied/),
      }),
    ]);
    const counts = Object.fromEntries([...new Set(loaded.entities.map((e) => e.kind))].map((k) => [k, loaded.entities.filter((e) => e.kind === k).length]));
    expect(counts).toEqual({
      SecurityGroup: 3,
      NetworkAcl: 2,
      ElasticIp: 3,
      NatGateway: 1,
      Instance: 1,
      DbInstance: 1,
      CacheReplicationGroup: 3,
      Trail: 2,
      TrailSet: 1,
      IamUser: 2,
      Policy: 3,
      RootAccount: 1,
      BillingGuardrails: 1,
      IamGroup: 1,
      IamRole: 1,
    });
    // A kind read by another is mapped once: the database holds the security group entity itself.
    const [db] = of('DbInstance', loaded.entities);
    expect(db?.securityGroups).toHaveLength(1);
    expect(of('SecurityGroup', loaded.entities)).toContain(db?.securityGroups[0]);
    for (const e of loaded.entities) {
      expect(e.source).toBe('snapshot');
      expect(e.observedAt).toBe('2026-11-25T15:00:00.000Z');
      expect(e.location.file).toBe(FILE);
      expect(e.location.arn).toMatch(/^arn:aws:/);
    }
  });
});

describe('a bad snapshot', () => {
  it('is an error naming the JSON path and its line', () => {
    const doc = snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeAddresses: { Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: 7 }] } } } } });
    const out = loadSnapshot('bad.json', doc);
    expect(out.snapshot).toBeUndefined();
    expect(out.notifications).toEqual([
      {
        level: 'error',
        code: 'invalid-snapshot',
        file: 'bad.json',
        ...at(['regional', 'eu-west-1', 'ec2', 'DescribeAddresses', 'Addresses', 0, 'PublicIp'], doc),
        message: "Invalid account snapshot: $.regional['eu-west-1'].ec2.DescribeAddresses.Addresses[0].PublicIp: must be string",
      },
    ]);
  });

  it('names a missing field, an unknown service and a wrong version', () => {
    const doc = JSON.parse(snapshotJson()) as Record<string, unknown>;
    doc.mamoriSnapshot = 2;
    delete doc.accountId;
    (doc.regional as Record<string, unknown>)['eu-west-1'] = { lambda: {} };
    const out = loadSnapshot('bad.json', JSON.stringify(doc, null, 2));
    expect(out.notifications.map((n) => n.message).sort()).toEqual(
      [
        'Invalid account snapshot: $.mamoriSnapshot: must be 1',
        'Invalid account snapshot: $: missing required property "accountId"',
        "Invalid account snapshot: $.regional['eu-west-1'].lambda: unknown property (not part of the snapshot format)",
      ].sort(),
    );
  });

  it('a syntax error is a parse error with its position', () => {
    const out = loadSnapshot('bad.json', '{\n  "mamoriSnapshot": 1,\n  "accountId": \n}');
    expect(out.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', line: 4, column: 1 })]);
  });
});

describe('recognising a snapshot', () => {
  it('by its top-level marker, even when broken; not the schema that mentions it', () => {
    expect(isSnapshotText(snapshotJson())).toBe(true);
    expect(isSnapshotText('{\n  "mamoriSnapshot": 1,\n  "accountId": \n}')).toBe(true);
    expect(isSnapshotText(readFileSync(new URL('../schema/snapshot.schema.json', import.meta.url), 'utf8'))).toBe(false);
    expect(isSnapshotText('{ "Resources": { "Note": { "Type": "AWS::SSM::Parameter", "Properties": { "Value": "{\\"mamoriSnapshot\\": 1}" } } } }')).toBe(
      false,
    );
  });

  it('the same failure for many resources is one warning that counts them', () => {
    const keys = ['AKIA1', 'AKIA2', 'AKIA3', 'AKIA4', 'AKIA5'];
    const doc = snapshotJson({
      errors: [
        ...keys.map((resource) => ({ service: 'iam', region: 'global', operation: 'GetAccessKeyLastUsed', resource, code: 'AccessDenied' })),
        { service: 'iam', region: 'global', operation: 'GetAccessKeyLastUsed', resource: 'AKIA6', code: 'Throttling' },
      ],
    });
    const out = loadSnapshot('s.json', doc, [{ id: 'MAM209', name: 'iam-access-key-unused', entity: 'IamUser' }]);
    expect(out.notifications).toEqual([
      expect.objectContaining({
        ...at(['errors', 0], doc),
        message:
          'iam GetAccessKeyLastUsed for 5 resources (AKIA1, AKIA2, AKIA3 and 2 more) failed with AccessDenied; not evaluated: MAM209 iam-access-key-unused',
      }),
      expect.objectContaining({
        ...at(['errors', 5], doc),
        message: 'iam GetAccessKeyLastUsed for AKIA6 failed with Throttling; not evaluated: MAM209 iam-access-key-unused',
      }),
    ]);
  });
});

describe('a kind whose mapping fails', () => {
  it('costs that kind and the kinds built on it, each said as an error, never the other kinds', () => {
    const slice = ENTITY_SLICES.Trail as { snapshot?: unknown };
    const original = slice.snapshot;
    slice.snapshot = () => {
      throw new TypeError('trailList is not iterable');
    };
    try {
      const outcome = loadSnapshot(FILE, recordedText);
      const errors = outcome.notifications.filter((n) => n.level === 'error');
      expect(errors.map((n) => n.message)).toEqual([
        'Cannot read the Trail entities of the account snapshot (internal error: trailList is not iterable): the rules about them are not evaluated',
        'Cannot read the TrailSet entities of the account snapshot (internal error: trailList is not iterable): the rules about them are not evaluated',
      ]);
      const kinds = new Set(outcome.entities.map((e) => e.kind));
      expect(kinds.has('Trail') || kinds.has('TrailSet')).toBe(false);
      expect(outcome.entities.filter((e) => e.kind !== 'Trail' && e.kind !== 'TrailSet')).toEqual(
        loaded.entities.filter((e) => e.kind !== 'Trail' && e.kind !== 'TrailSet'),
      );
    } finally {
      slice.snapshot = original;
    }
  });
});
