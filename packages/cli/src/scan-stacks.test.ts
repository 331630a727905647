import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ec2Xml, emptyAccountRoutes, type FakeAws, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { main } from './main.js';

// `scan --account` with the configuration's `stacks`: the account is collected through the real SDK
// from the local fake endpoint, and its finding lands on the template the stack was made from.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-scan-stacks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

const TEMPLATE = `Resources:
  AdminSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIp: 10.0.0.0/8
`;

// The live group opens RDP to the world: the template does not, so the account drifted.
const GROUP = `<securityGroupInfo><item><groupDescription>admin</groupDescription><groupName>ops-AdminSecurityGroup-1ABC</groupName><groupId>sg-0123456789abcdef0</groupId><ownerId>210987654321</ownerId><vpcId>vpc-1</vpcId><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>3389</fromPort><toPort>3389</toPort><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissions><ipPermissionsEgress/><tagSet><item><key>aws:cloudformation:stack-name</key><value>ops-admin</value></item><item><key>aws:cloudformation:logical-id</key><value>AdminSecurityGroup</value></item></tagSet></item></securityGroupInfo>`;

describe('scan --account with stacks in the configuration', () => {
  it('places the live finding on the template line of its logical id, the live group its related location', async () => {
    aws = await startFakeAws({ ...emptyAccountRoutes(), 'ec2:DescribeSecurityGroups': ec2Xml('DescribeSecurityGroups', GROUP) });
    restore = useFakeAwsEnv(aws.url);
    process.env.AWS_MAX_ATTEMPTS = '2';
    writeFileSync(path.join(dir, 'admin.yaml'), TEMPLATE);
    writeFileSync(path.join(dir, 'mamori.config.yaml'), 'stacks:\n  ops-*: admin.yaml\n');
    let stdout = '';
    const code = await main(['scan', '--account', '--snapshot-output', 'account.json', '--quiet', '--format', 'sarif', '--fail-on', 'none'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      cwd: dir,
      color: false,
    });
    expect(code).toBe(0);
    const results = (JSON.parse(stdout) as Log).runs[0]?.results ?? [];
    const rdp = results.filter((r) => r.ruleId === 'MAM101');
    expect(rdp).toHaveLength(1);
    const [r] = rdp;
    expect(r?.locations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'admin.yaml' }, region: { startLine: 2 } });
    expect(r?.relatedLocations?.[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'account.json' } },
      logicalLocations: [{ fullyQualifiedName: 'arn:aws:ec2:eu-west-1:210987654321:security-group/sg-0123456789abcdef0' }],
    });
    expect(r?.properties).toMatchObject({ cloudformationStack: 'ops-admin', cloudformationLogicalId: 'AdminSecurityGroup', templateState: 'drift' });
    expect(r?.message.text).toMatch(/has drifted from it\.$/);
    // The snapshot written keeps CloudFormation's tags.
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'account.json'), 'utf8'));
    expect(snapshot.regional['eu-west-1'].ec2.DescribeSecurityGroups.SecurityGroups[0].Tags).toContainEqual({
      Key: 'aws:cloudformation:logical-id',
      Value: 'AdminSecurityGroup',
    });
  });
});
