import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { Trail } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('trails from the recorded account snapshot', () => {
  it('trails with status, selectors and bucket lifecycle', () => {
    const trails = of('Trail', loaded.entities);
    expect(
      trails.map(
        (t): Partial<Trail> => ({
          name: t.name,
          isMultiRegion: t.isMultiRegion,
          logFileValidation: t.logFileValidation,
          isLogging: t.isLogging,
          bucketHasLifecycle: t.bucketHasLifecycle,
          managementEvents: t.managementEvents,
          selectorsKnown: t.selectorsKnown,
        }),
      ),
    ).toEqual([
      { name: 'org', isMultiRegion: true, logFileValidation: true, isLogging: true, bucketHasLifecycle: true, managementEvents: true, selectorsKnown: true },
      { name: 'app', isMultiRegion: false, logFileValidation: false, isLogging: true, bucketHasLifecycle: false, managementEvents: true, selectorsKnown: true },
    ]);
    const app = trails[1];
    expect(app?.dataEvents).toEqual([
      {
        resourceType: 'AWS::S3::Object',
        allResources: true,
        location: expect.objectContaining(
          at([
            ...R,
            'cloudtrail',
            'GetEventSelectors',
            'arn:aws:cloudtrail:eu-west-1:123456789012:trail/app',
            'EventSelectors',
            0,
            'DataResources',
            0,
            'Values',
          ]),
        ),
      },
    ]);
    expect(app?.bucketLocation).toMatchObject(at(['global', 's3', 'GetBucketLifecycleConfiguration', 'app-trail-logs', 'Rules']));
    expect(app?.location).toMatchObject({
      ...at([...R, 'cloudtrail', 'DescribeTrails', 'trailList', 1, 'Name']),
      arn: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/app',
    });
  });
});

describe('trails from snapshots', () => {
  it('advanced event selectors: all S3 objects, named Lambda functions, management events', () => {
    const arn = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/data`;
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          cloudtrail: {
            DescribeTrails: { trailList: [{ Name: 'data', TrailARN: arn, HomeRegion: 'eu-west-1' }] },
            GetEventSelectors: {
              [arn]: {
                AdvancedEventSelectors: [
                  { Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
                  {
                    Name: 's3',
                    FieldSelectors: [
                      { Field: 'eventCategory', Equals: ['Data'] },
                      { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                    ],
                  },
                  {
                    Name: 'fn',
                    FieldSelectors: [
                      { Field: 'eventCategory', Equals: ['Data'] },
                      { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] },
                      { Field: 'resources.ARN', StartsWith: [`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:pay`] },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    });
    const [trail] = of('Trail', loadSnapshot('s.json', doc).entities);
    expect(trail?.managementEvents).toBe(true);
    expect(trail?.dataEvents.map((d) => [d.resourceType, d.allResources])).toEqual([
      ['AWS::S3::Object', true],
      ['AWS::Lambda::Function', false],
    ]);
    expect(trail?.dataEvents[1]?.location).toMatchObject(
      at(['regional', 'eu-west-1', 'cloudtrail', 'GetEventSelectors', arn, 'AdvancedEventSelectors', 2, 'FieldSelectors', 1], doc),
    );
  });

  it('a trail whose selectors or status could not be read leaves them unknown; a bucket in another account has no lifecycle answer', () => {
    const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org`;
    const doc = snapshotJson({
      regional: {
        'us-east-1': {
          cloudtrail: {
            DescribeTrails: { trailList: [{ Name: 'org', TrailARN: arn, HomeRegion: 'us-east-1', S3BucketName: 'log-archive', IsOrganizationTrail: true }] },
          },
        },
      },
      errors: [
        { service: 'cloudtrail', region: 'us-east-1', operation: 'GetTrailStatus', resource: arn, code: 'TrailNotFoundException' },
        { service: 'cloudtrail', region: 'us-east-1', operation: 'GetEventSelectors', resource: arn, code: 'TrailNotFoundException' },
        { service: 's3', region: 'global', operation: 'GetBucketLifecycleConfiguration', resource: 'log-archive', code: 'AccessDenied', httpStatus: 403 },
      ],
    });
    const out = loadSnapshot('s.json', doc, [{ id: 'MAM705', name: 'cloudtrail-bucket-no-lifecycle', entity: 'Trail' }]);
    const [trail] = of('Trail', out.entities);
    expect(trail).toMatchObject({ selectorsKnown: false, dataEvents: [], isOrganizationTrail: true, s3BucketName: 'log-archive' });
    expect(trail?.isLogging).toBeUndefined();
    expect(trail?.managementEvents).toBeUndefined();
    expect(trail?.bucketHasLifecycle).toBeUndefined();
    expect(out.notifications.map((n) => n.message)).toEqual([
      `cloudtrail GetTrailStatus in us-east-1 for ${arn} failed with TrailNotFoundException; not evaluated there: MAM705 cloudtrail-bucket-no-lifecycle`,
      `cloudtrail GetEventSelectors in us-east-1 for ${arn} failed with TrailNotFoundException; not evaluated there: MAM705 cloudtrail-bucket-no-lifecycle`,
      's3 GetBucketLifecycleConfiguration for log-archive failed with AccessDenied; not evaluated: MAM705 cloudtrail-bucket-no-lifecycle',
    ]);
  });

  it('a lifecycle rule counts only where it applies to the trail’s log files: their prefix, and no tag filter', () => {
    const trail = (name: string, extra: Record<string, unknown> = {}) => ({
      Name: name,
      TrailARN: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/${name}`,
      HomeRegion: 'eu-west-1',
      S3BucketName: `${name}-logs`,
      ...extra,
    });
    const expire = { Status: 'Enabled', Expiration: { Days: 365 } };
    const doc = snapshotJson({
      s3: {
        GetBucketLifecycleConfiguration: {
          'aws-logs': { Rules: [{ ...expire, Filter: { Prefix: 'AWSLogs/' } }] },
          'disabled-logs': { Rules: [{ ...expire, Status: 'Disabled', Filter: {} }] },
          'legacy-logs': { Rules: [{ Status: 'Enabled', Prefix: '', Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] }] },
          'other-prefix-logs': { Rules: [{ ...expire, Filter: { Prefix: 'AWSLogs/' } }] },
          'org-prefix-logs': { Rules: [{ ...expire, Filter: { And: { Prefix: `org/AWSLogs/${ACCOUNT}/`, Tags: [] } } }] },
          'tagged-logs': { Rules: [{ ...expire, Filter: { Tag: { Key: 'retention', Value: 'short' } } }] },
          'uploads-logs': { Rules: [{ ...expire, Filter: { Prefix: 'uploads/' } }] },
        },
      },
      regional: {
        'eu-west-1': {
          cloudtrail: {
            DescribeTrails: {
              trailList: [
                trail('aws'),
                trail('disabled'),
                trail('legacy'),
                trail('other-prefix', { S3KeyPrefix: 'org' }),
                trail('org-prefix', { S3KeyPrefix: 'org' }),
                trail('tagged'),
                trail('uploads'),
              ],
            },
          },
        },
      },
    });
    expect(of('Trail', loadSnapshot('s.json', doc).entities).map((t) => [t.name, t.bucketHasLifecycle])).toEqual([
      ['aws', true],
      ['disabled', false],
      ['legacy', true],
      ['other-prefix', false],
      ['org-prefix', true],
      ['tagged', false],
      ['uploads', false],
    ]);
  });

  it('advanced selectors: an ARN condition that only excludes resources still logs every other one', () => {
    const arn = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/data`;
    const data = (name: string, type: string, arnCondition?: Record<string, string[]>) => ({
      Name: name,
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: [type] },
        ...(arnCondition ? [{ Field: 'resources.ARN', ...arnCondition }] : []),
      ],
    });
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          cloudtrail: {
            DescribeTrails: { trailList: [{ Name: 'data', TrailARN: arn, HomeRegion: 'eu-west-1' }] },
            GetEventSelectors: {
              [arn]: {
                AdvancedEventSelectors: [
                  data('all but logs', 'AWS::S3::Object', { NotStartsWith: ['arn:aws:s3:::acme-logs/'] }),
                  data('every bucket, spelled out', 'AWS::S3::Object', { StartsWith: ['arn:aws:s3:::'] }),
                  data('one table', 'AWS::DynamoDB::Table', { Equals: [`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`] }),
                  data('by suffix', 'AWS::Lambda::Function', { EndsWith: [':function:pay'] }),
                  data('every queue', 'AWS::SQS::Queue'),
                ],
              },
            },
          },
        },
      },
    });
    const [trail] = of('Trail', loadSnapshot('s.json', doc).entities);
    expect(trail?.dataEvents.map((d) => [d.resourceType, d.allResources])).toEqual([
      ['AWS::S3::Object', true],
      ['AWS::S3::Object', true],
      ['AWS::DynamoDB::Table', false],
      ['AWS::Lambda::Function', false],
      ['AWS::SQS::Queue', true],
    ]);
  });
});
