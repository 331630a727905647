import { describe, expect, it } from 'vitest';
import { templateEntitiesOf } from '../../../../test/entities.js';
import { snapshotJson } from '../../../../test/snapshot-builder.js';
import { loadSnapshot } from '../snapshot/read.js';
import { defineRule, ruleKinds } from './rule.js';
import { runRules } from './run.js';

// A rule may read several kinds that hold the same setting: its check is given each entity of any of them.
const encrypted = defineRule({
  id: 'TEST1',
  name: 'test-encryption',
  title: 't',
  description: 'd',
  severity: 'warning',
  area: 'resilience',
  tags: [],
  compliance: {},
  covers: {},
  docs: { risk: 'r', fix: 'f' },
  messages: { off: '{{kind}} {{name}} is not encrypted.' },
  entity: ['DbInstance', 'DbCluster'],
  reads: ['storageEncrypted'],
  check(db, context) {
    if (db.storageEncrypted === false) context.report({ messageId: 'off', data: { kind: db.kind, name: db.displayName } });
  },
});

describe('a rule of several entity kinds', () => {
  it('lists its kinds; a rule of one kind lists that one', () => {
    expect(ruleKinds(encrypted)).toEqual(['DbInstance', 'DbCluster']);
    expect(ruleKinds({ entity: 'Trail' })).toEqual(['Trail']);
  });

  it('checks every entity of each kind, once', () => {
    const entities = templateEntitiesOf(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, StorageEncrypted: false}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-mysql, StorageEncrypted: false}
`);
    expect(runRules([encrypted], entities).findings.map((f) => f.message)).toEqual(['DbInstance Db is not encrypted.', 'DbCluster Cluster is not encrypted.']);
  });

  it('is named not evaluated when a call feeding any of its kinds fails', () => {
    const doc = snapshotJson({
      regional: { 'eu-west-1': { rds: { DescribeDBInstances: { DBInstances: [] } } } },
      errors: [{ service: 'rds', region: 'eu-west-1', operation: 'DescribeDBClusters', code: 'AccessDenied', httpStatus: 403 }],
    });
    expect(loadSnapshot('s.json', doc, [encrypted]).notifications.map((n) => n.message)).toContain(
      'rds DescribeDBClusters in eu-west-1 failed with AccessDenied; not evaluated there: TEST1 test-encryption',
    );
  });
});
