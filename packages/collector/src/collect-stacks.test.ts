import { loadSnapshot, validateSnapshot } from '@mamori/core';
import { runRules, snapshotText } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, type FakeRequest, json, startFakeAws, useFakeAwsEnv, wire } from '../../../test/fake-aws.js';
import { recordedAccountRoutes } from '../../../test/recorded-account.js';
import { collectSnapshot } from './collect.js';

// The recorded account as if CloudFormation had made part of it: the tags it puts on what it creates,
// in each service's own wire format (EC2's tagSet, RDS's TagList, CloudTrail's ListTags).

const STACK_ID = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/shop-db/0b6c9e10-ae4b-11f1-9c7e-0a3b5c7d9e21';
const cfn = (logicalId: string): [string, string][] => [
  ['aws:cloudformation:stack-name', 'shop-db'],
  ['aws:cloudformation:logical-id', logicalId],
  ['aws:cloudformation:stack-id', STACK_ID],
];
const ec2Tags = (logicalId: string): string =>
  `<tagSet>${cfn(logicalId)
    .map(([k, v]) => `<item><key>${k}</key><value>${v}</value></item>`)
    .join('')}</tagSet>`;
const rdsTags = (logicalId: string): string =>
  `<TagList>${cfn(logicalId)
    .map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`)
    .join('')}</TagList>`;

function xml(body: string) {
  return { body, contentType: 'text/xml' };
}

function taggedRoutes() {
  const routes = recordedAccountRoutes();
  // The db-admin group, and it alone, made by the stack (one page: the tags are what is tested here).
  const groups = wire('ec2/DescribeSecurityGroups.xml');
  const at = groups.indexOf('<groupName>db-admin');
  const tagged = groups.slice(0, at) + groups.slice(at).replace('<tagSet/>', ec2Tags('AdminSecurityGroup'));
  // The NAT gateway's address (the first one listed).
  const addresses = wire('ec2/DescribeAddresses.xml').replace('<tagSet/>', ec2Tags('NatAddress'));
  return {
    ...routes,
    'ec2:DescribeSecurityGroups': xml(tagged),
    'ec2:DescribeAddresses': xml(addresses),
    'rds:DescribeDBInstances': xml(wire('rds/DescribeDBInstances.xml').replace('<TagList/>', rdsTags('Database'))),
    // The app trail's tags in two pages, CloudFormation's on the second; the org trail made by hand.
    'cloudtrail:ListTags': (req: FakeRequest) => {
      const [arn] = JSON.parse(req.params.ResourceIdList ?? '[]') as string[];
      if (!arn?.endsWith('/app')) return json({ ResourceTagList: [{ ResourceId: arn, TagsList: [{ Key: 'team', Value: 'platform' }] }] });
      if (req.params.NextToken !== 'page-2')
        return json({ ResourceTagList: [{ ResourceId: arn, TagsList: [{ Key: 'team', Value: 'shop' }] }], NextToken: 'page-2' });
      return json({ ResourceTagList: [{ ResourceId: arn, TagsList: cfn('AppTrail').map(([Key, Value]) => ({ Key, Value })) }] });
    },
  };
}

let fake: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await fake?.close();
  fake = undefined;
});

describe('the stack each resource was made in, through the real SDK clients', () => {
  it('keeps the aws:cloudformation tags in the snapshot, and each entity and finding carries its stack and logical id', async () => {
    fake = await startFakeAws(taggedRoutes());
    restore = useFakeAwsEnv(fake.url);
    const snapshot = await collectSnapshot({ retryBackoff: () => 1, credentialReportPoll: 0.01, now: () => new Date('2026-11-25T15:00:00.000Z') });
    expect(validateSnapshot(snapshot)).toEqual([]);
    // ListTags is asked once per trail (trails are read side by side), with that trail alone, and paged through.
    const asked = fake.requests
      .filter((r) => r.operation === 'ListTags')
      .map((r) => [JSON.parse(r.params.ResourceIdList ?? '[]'), r.params.NextToken ?? ''])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(asked).toEqual([
      [['arn:aws:cloudtrail:eu-west-1:123456789012:trail/app'], ''],
      [['arn:aws:cloudtrail:eu-west-1:123456789012:trail/app'], 'page-2'],
      [['arn:aws:cloudtrail:eu-west-1:123456789012:trail/org'], ''],
    ]);
    const text = snapshotText(snapshot);
    const loaded = loadSnapshot('account.json', text, rules);
    expect(loaded.notifications.filter((n) => n.level === 'error')).toEqual([]);
    const stacks = loaded.entities.flatMap((e) => (e.stack ? [[e.kind, e.displayName, e.stack]] : []));
    const ref = (logicalId: string) => ({ name: 'shop-db', logicalId, id: STACK_ID });
    expect(stacks).toEqual([
      ['SecurityGroup', expect.stringContaining('(db-admin)'), ref('AdminSecurityGroup')],
      ['ElasticIp', expect.any(String), ref('NatAddress')],
      ['Trail', 'app', ref('AppTrail')],
      ['DbInstance', 'legacy-mysql', ref('Database')],
    ]);
    // The findings on them say so; those on other resources do not.
    const findings = runRules(rules, loaded.entities).findings;
    const onGroup = findings.filter((f) => f.location.arn?.includes('security-group/') && f.message.includes('db-admin'));
    expect(onGroup.length).toBeGreaterThan(0);
    for (const f of onGroup) expect(f.entity.stack).toEqual(ref('AdminSecurityGroup'));
    expect(findings.find((f) => f.entity.kind === 'DbInstance')?.entity.stack).toEqual(ref('Database'));
    expect(findings.filter((f) => f.entity.stack === undefined).length).toBeGreaterThan(0);
  });
});
