import { fileURLToPath } from 'node:url';
import type { TrailSet } from '@mamori/core';
import { runRules } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const ARN = (region: string, name: string) => `arn:aws:cloudtrail:${region}:123456789012:trail/${name}`;

function trail(region: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Name: name,
    S3BucketName: `${name}-logs`,
    IsMultiRegionTrail: false,
    HomeRegion: region,
    TrailARN: ARN(region, name),
    LogFileValidationEnabled: true,
    ...extra,
  };
}

function status(logging: Record<string, boolean>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(logging).map(([arn, IsLogging]) => [arn, { IsLogging }]));
}

ruleTester.run(rule, {
  valid: [
    {
      name: 'one logging trail',
      snapshot: snapshotJson({
        regional: {
          'eu-west-1': {
            cloudtrail: { DescribeTrails: { trailList: [trail('eu-west-1', 'main')] }, GetTrailStatus: status({ [ARN('eu-west-1', 'main')]: true }) },
          },
        },
      }),
    },
    {
      name: 'a stopped trail and a logging one',
      snapshot: snapshotJson({
        regional: {
          'eu-west-1': {
            cloudtrail: {
              DescribeTrails: { trailList: [trail('eu-west-1', 'old'), trail('eu-west-1', 'main')] },
              GetTrailStatus: status({ [ARN('eu-west-1', 'old')]: false, [ARN('eu-west-1', 'main')]: true }),
            },
          },
        },
      }),
    },
    {
      name: 'an organization trail from the management account, status unreadable here',
      snapshot: snapshotJson({
        regional: {
          'eu-west-1': { cloudtrail: { DescribeTrails: { trailList: [trail('us-east-1', 'org', { IsMultiRegionTrail: true, IsOrganizationTrail: true })] } } },
        },
        errors: [
          { service: 'cloudtrail', region: 'eu-west-1', operation: 'GetTrailStatus', resource: ARN('us-east-1', 'org'), code: 'TrailNotFoundException' },
        ],
      }),
    },
    {
      name: 'no trail seen but one region could not be listed: not evaluated',
      snapshot: snapshotJson({
        regional: { 'eu-west-1': { cloudtrail: { DescribeTrails: { trailList: [] } } }, 'us-east-1': {} },
        errors: [{ service: 'cloudtrail', region: 'us-east-1', operation: 'DescribeTrails', code: 'AccessDeniedException' }],
      }),
    },
    {
      name: 'a template whose only trail is stopped: a template is not the account',
      template: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties: {S3BucketName: logs, IsLogging: false}\n',
    },
  ],
  invalid: [
    {
      name: 'no trail in any region',
      snapshot: snapshotJson({
        regional: { 'eu-west-1': { cloudtrail: { DescribeTrails: { trailList: [] } } }, 'us-east-1': { cloudtrail: { DescribeTrails: { trailList: [] } } } },
      }),
      errors: [{ messageId: 'noTrail', at: ['regional', 'eu-west-1', 'cloudtrail', 'DescribeTrails'], data: { account: '123456789012' } }],
    },
    {
      name: 'every trail stopped, a multi-region one listed in two regions counted once',
      snapshot: snapshotJson({
        regional: {
          'eu-west-1': {
            cloudtrail: {
              DescribeTrails: { trailList: [trail('us-east-1', 'main', { IsMultiRegionTrail: true }), trail('eu-west-1', 'app')] },
              GetTrailStatus: status({ [ARN('eu-west-1', 'app')]: false }),
            },
          },
          'us-east-1': {
            cloudtrail: {
              DescribeTrails: { trailList: [trail('us-east-1', 'main', { IsMultiRegionTrail: true })] },
              GetTrailStatus: status({ [ARN('us-east-1', 'main')]: false }),
            },
          },
        },
      }),
      errors: [{ messageId: 'noneLogging', at: ['regional', 'eu-west-1', 'cloudtrail', 'DescribeTrails'], data: { trails: 'main, app' } }],
    },
  ],
});

describe('cloudtrail-missing and templates', () => {
  it('says nothing about a template without a trail', () => {
    const set: TrailSet = {
      kind: 'TrailSet',
      id: 'stack.yaml#trails',
      source: 'template',
      location: { file: 'stack.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 },
      displayName: 'stack.yaml',
      scope: 'template',
      trails: [],
    };
    expect(runRules([rule], [set]).findings).toEqual([]);
  });
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
