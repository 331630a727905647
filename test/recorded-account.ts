import type { FakeRequest, FakeResponse, Routes } from './fake-aws.js';
import { ec2Error, json, json10, jsonError, queryError, queryXml, s3Error, wire } from './fake-aws.js';

// The recorded account (see fixtures/aws-wire/README.md) as routes for the fake AWS server, with
// pagination (DescribeSecurityGroups by NextToken, ListUsers and GetAccountAuthorizationDetails by Marker), throttling before success
// (EC2 RequestLimitExceeded, IAM Throttling, CloudTrail ThrottlingException), ElastiCache cache
// clusters in two pages by Marker, an AccessDenied on DescribeDBClusters, and the credential report's STARTED, INPROGRESS, COMPLETE sequence.

/** Splits the recorded DescribeSecurityGroups into two pages joined by a nextToken. */
function securityGroupPages(req: FakeRequest): FakeResponse {
  const xml = wire('ec2/DescribeSecurityGroups.xml');
  const head = xml.slice(0, xml.indexOf('<securityGroupInfo>') + '<securityGroupInfo>'.length);
  const tail = xml.slice(xml.indexOf('</securityGroupInfo>'));
  const items = xml
    .slice(head.length, xml.indexOf('</securityGroupInfo>'))
    .split('<item><groupDescription>')
    .filter((s) => s !== '')
    .map((s) => `<item><groupDescription>${s}`);
  if (req.params.NextToken === 'page-2') return { body: `${head}${items.slice(2).join('')}${tail}`, contentType: 'text/xml' };
  return {
    body: `${head}${items.slice(0, 2).join('')}${tail.replace('</securityGroupInfo>', '</securityGroupInfo><nextToken>page-2</nextToken>')}`,
    contentType: 'text/xml',
  };
}

function xml(name: string): FakeResponse {
  return { body: wire(name), contentType: 'text/xml' };
}

/** The recorded account, with pagination, throttling, an AccessDenied and the report's generate-then-get flow. */
export function recordedAccountRoutes(): Routes {
  return {
    'sts:GetCallerIdentity': xml('sts/GetCallerIdentity.xml'),
    'ec2:DescribeSecurityGroups': securityGroupPages,
    'ec2:DescribeNetworkAcls': xml('ec2/DescribeNetworkAcls.xml'),
    'ec2:DescribeAddresses': [ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503), xml('ec2/DescribeAddresses.xml')],
    'ec2:DescribeInstances': xml('ec2/DescribeInstances.xml'),
    'ec2:DescribeNatGateways': xml('ec2/DescribeNatGateways.xml'),
    'ec2:DescribeRouteTables': xml('ec2/DescribeRouteTables.xml'),
    'ec2:DescribeSubnets': xml('ec2/DescribeSubnets.xml'),
    'rds:DescribeDBInstances': xml('rds/DescribeDBInstances.xml'),
    'rds:DescribeDBClusters': queryError(
      'AccessDenied',
      'User: arn:aws:sts::123456789012:assumed-role/audit/ci is not authorized to perform: rds:DescribeDBClusters',
      403,
    ),
    'elasticache:DescribeReplicationGroups': xml('elasticache/DescribeReplicationGroups.xml'),
    // Two pages by Marker.
    'elasticache:DescribeCacheClusters': (req) =>
      xml(req.params.Marker === 'page-2' ? 'elasticache/DescribeCacheClusters-page2.xml' : 'elasticache/DescribeCacheClusters-page1.xml'),
    'cloudtrail:DescribeTrails': json(wire('cloudtrail/DescribeTrails.json')),
    'cloudtrail:LookupEvents': [jsonError('ThrottlingException', 'Rate exceeded'), json(wire('cloudtrail/LookupEvents.json'))],
    'cloudtrail:GetTrailStatus': json(wire('cloudtrail/GetTrailStatus.json')),
    'cloudtrail:GetEventSelectors': (req) =>
      req.params.TrailName?.endsWith('/app')
        ? json(wire('cloudtrail/GetEventSelectors.json'))
        : json({
            TrailARN: req.params.TrailName,
            EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
          }),
    // Trails made by hand: tags of their own, none of CloudFormation's.
    'cloudtrail:ListTags': (req) =>
      json({
        ResourceTagList: (JSON.parse(req.params.ResourceIdList ?? '[]') as string[]).map((ResourceId) => ({
          ResourceId,
          TagsList: [{ Key: 'team', Value: 'platform' }],
        })),
      }),
    's3:GetBucketLifecycleConfiguration': (req) =>
      req.params.Bucket === 'org-trail-logs'
        ? { body: wire('s3/GetBucketLifecycleConfiguration.xml'), contentType: 'application/xml' }
        : s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404),
    'iam:GetAccountSummary': xml('iam/GetAccountSummary.xml'),
    'iam:GenerateCredentialReport': [
      xml('iam/GenerateCredentialReport.xml'),
      queryXml('iam', 'GenerateCredentialReport', '<State>INPROGRESS</State><Description>Report generation in progress</Description>'),
      queryXml('iam', 'GenerateCredentialReport', '<State>COMPLETE</State>'),
    ],
    'iam:GetCredentialReport': xml('iam/GetCredentialReport.xml'),
    // Two pages by Marker: ken, then yui.
    'iam:ListUsers': (req) => {
      const users = wire('iam/ListUsers.xml');
      const members = users.match(/<member>.*?<\/member>/g) ?? [];
      return req.params.Marker === 'after-ken'
        ? queryXml('iam', 'ListUsers', `<Users>${members[1]}</Users><IsTruncated>false</IsTruncated>`)
        : queryXml('iam', 'ListUsers', `<Users>${members[0]}</Users><IsTruncated>true</IsTruncated><Marker>after-ken</Marker>`);
    },
    'iam:ListAccessKeys': (req) =>
      req.params.UserName === 'ken'
        ? req.attempt === 1
          ? queryError('Throttling', 'Rate exceeded', 400)
          : xml('iam/ListAccessKeys.xml')
        : queryXml(
            'iam',
            'ListAccessKeys',
            '<AccessKeyMetadata><member><UserName>yui</UserName><AccessKeyId>AKIARZPUZDIKQ4YUI7MX</AccessKeyId><Status>Active</Status><CreateDate>2025-06-01T08:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>',
          ),
    'iam:GetAccessKeyLastUsed': (req) =>
      req.params.AccessKeyId === 'AKIARZPUZDIKQ4YUI7MX' ? xml('iam/GetAccessKeyLastUsed-used.xml') : xml('iam/GetAccessKeyLastUsed.xml'),
    'iam:ListMFADevices': xml('iam/ListMFADevices.xml'),
    // Two pages by Marker: users and groups, then roles and policies.
    'iam:GetAccountAuthorizationDetails': (req) =>
      req.params.Marker === 'page-2' ? xml('iam/GetAccountAuthorizationDetails-2.xml') : xml('iam/GetAccountAuthorizationDetails.xml'),
    // Two pages: a cost budget, then a usage budget.
    'budgets:DescribeBudgets': (req) =>
      json(req.params.NextToken === 'AAEAAXBhZ2UtMg==' ? wire('budgets/DescribeBudgets-2.json') : wire('budgets/DescribeBudgets.json')),
    // A CPU alarm, which the snapshot leaves out, and a metric-math alarm on the estimated charges.
    'cloudwatch:DescribeAlarms': json10(wire('cloudwatch/DescribeAlarms.json')),
    // No DB subnet group, load balancer or Auto Scaling group was recorded.
    'rds:DescribeDBSubnetGroups': queryXml('rds', 'DescribeDBSubnetGroups', '<DBSubnetGroups/>'),
    'elbv2:DescribeLoadBalancers': queryXml('elbv2', 'DescribeLoadBalancers', '<LoadBalancers/>'),
    'elb:DescribeLoadBalancers': queryXml('elb', 'DescribeLoadBalancers', '<LoadBalancerDescriptions/>'),
    'autoscaling:DescribeAutoScalingGroups': queryXml('autoscaling', 'DescribeAutoScalingGroups', '<AutoScalingGroups/>'),
  };
}
