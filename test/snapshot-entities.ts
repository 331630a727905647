import type { AnyRule, AzSpan, CacheReplicationGroup, Entity, Finding, SourceLocation } from '@mamori/core';
import { runRules } from '@mamori/core/internal';
import { expect } from 'vitest';

/**
 * Entities as an account snapshot gives them: no template settings, located at the resource's ARN.
 * Rules that read them must work without `settingSources` and report at the entity.
 */
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

function at(arn: string): SourceLocation {
  return { file: 'snapshot.json', line: 1, column: 1, endLine: 1, endColumn: 1, arn, logicalPath: arn };
}

export function snapshotAzSpan(name: string, fields: Partial<AzSpan> = {}): AzSpan {
  const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:subgrp:${name}`;
  return {
    kind: 'AzSpan',
    id: arn,
    source: 'snapshot',
    location: at(arn),
    displayName: name,
    region: REGION,
    resourceType: 'DbSubnetGroup',
    name,
    subnetIds: [],
    ...fields,
  };
}

export function snapshotCacheReplicationGroup(name: string, fields: Partial<CacheReplicationGroup> = {}): CacheReplicationGroup {
  const arn = `arn:aws:elasticache:${REGION}:${ACCOUNT}:replicationgroup:${name}`;
  return {
    kind: 'CacheReplicationGroup',
    id: arn,
    source: 'snapshot',
    location: at(arn),
    displayName: name,
    region: REGION,
    replicationGroupId: name,
    resourceType: 'ReplicationGroup',
    ...fields,
  };
}

/** Findings of one rule on the given entities; a rule that throws fails the test. */
export function entityFindings(rule: AnyRule, entities: Entity[]): Finding[] {
  const out = runRules([rule], entities);
  expect(out.notifications).toEqual([]);
  return out.findings;
}
