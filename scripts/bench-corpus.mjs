// Deterministic corpora for `pnpm bench`: CloudFormation templates shaped like a monorepo's (varied
// resource types and sizes, YAML with short-form intrinsics and JSON with long-form ones, parameters,
// conditions, mappings, UserData and inline policies), and an account snapshot in the format
// `mamori collect` writes. The same seed always gives the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped whenever the output changes, so a cached corpus is regenerated. */
export const GENERATOR_VERSION = 2;
/** The same, for the account snapshot alone. */
export const SNAPSHOT_GENERATOR_VERSION = 2;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  hex(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
  chars(n, alphabet) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

// An intrinsic function call: written `!Name arg` in YAML (mostly) and `{ "Fn::Name": arg }` in JSON.
class Fn {
  constructor(name, arg) {
    this.name = name;
    this.arg = arg;
  }
  get longName() {
    return this.name === 'Ref' || this.name === 'Condition' ? this.name : `Fn::${this.name}`;
  }
}
const ref = (x) => new Fn('Ref', x);
const att = (r, a) => new Fn('GetAtt', [r, a]);
const sub = (s, vars) => new Fn('Sub', vars ? [s, vars] : s);
const iff = (c, a, b) => new Fn('If', [c, a, b]);
const selectAz = (i) => new Fn('Select', [i, new Fn('GetAZs', '')]);
const findInMap = (m, k1, k2) => new Fn('FindInMap', [m, k1, k2]);

function toJsonValue(v) {
  if (v instanceof Fn) return { [v.longName]: toJsonValue(v.arg) };
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}

// YAML writing: block style, flow style for short lists and intrinsics, `|` for multi-line text.
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_ ./:@*()-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function yamlString(s) {
  if (s === '') return "''";
  if (PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(' ') && !s.includes(': ') && !s.includes(' #')) return s;
  if (!s.includes("'") && !s.includes('\n')) return `'${s}'`;
  return JSON.stringify(s);
}

function yamlScalar(v) {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return yamlString(String(v));
}

function isMultiline(v) {
  return typeof v === 'string' && v.includes('\n');
}

/** A value written on one line (`[a, b]`, `!Ref X`), or undefined when it is too big or holds maps or text blocks. */
function flow(v, budget = 70) {
  let out;
  if (v instanceof Fn) {
    if (v.name === 'GetAtt') out = `!GetAtt ${v.arg.join('.')}`;
    else {
      // Two tags cannot sit on one node: `!ImportValue !Sub x` is written in block style.
      if (v.arg instanceof Fn) return undefined;
      const inner = flow(v.arg, budget);
      if (inner === undefined) return undefined;
      out = `!${v.name} ${inner}`;
    }
  } else if (Array.isArray(v)) {
    const parts = [];
    for (const item of v) {
      const f = flow(item, budget);
      if (f === undefined) return undefined;
      parts.push(f);
    }
    out = `[${parts.join(', ')}]`;
  } else if (v && typeof v === 'object') {
    return undefined;
  } else {
    if (isMultiline(v)) return undefined;
    out = yamlScalar(v);
  }
  return out.length <= budget ? out : undefined;
}

function blockText(text, indent) {
  const pad = ' '.repeat(indent);
  return `${text.endsWith('\n') ? '|' : '|-'}\n${text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? pad + l : ''))
    .join('\n')}\n`;
}

/** Lines for `value` placed after `prefix` (`Key:` or `-`), at `indent` spaces. */
function yamlEntry(prefix, value, indent, longForm) {
  const pad = ' '.repeat(indent);
  if (value instanceof Fn && longForm && value.name !== 'Ref') {
    return `${pad}${prefix}\n${yamlEntry(`${value.longName}:`, value.arg, indent + 2, longForm)}`;
  }
  if (value instanceof Fn) {
    const arg = value.arg;
    if (value.name === 'GetAtt') return `${pad}${prefix} !GetAtt ${arg.join('.')}\n`;
    if (isMultiline(arg)) return `${pad}${prefix} !${value.name} ${blockText(arg, indent + 2)}`;
    if (arg instanceof Fn) return `${pad}${prefix} !${value.name}\n${yamlBlock(arg, indent + 2, longForm)}`;
    if (arg === null || typeof arg !== 'object') return `${pad}${prefix} !${value.name} ${yamlScalar(arg)}\n`;
    const f = flow(value, 90 - indent);
    if (f !== undefined) return `${pad}${prefix} ${f}\n`;
    return `${pad}${prefix} !${value.name}\n${yamlBlock(arg, indent + 2, longForm)}`;
  }
  if (isMultiline(value)) return `${pad}${prefix} ${blockText(value, indent + 2)}`;
  const f = flow(value, 90 - indent);
  if (f !== undefined && !(Array.isArray(value) && value.length > 4)) return `${pad}${prefix} ${f}\n`;
  if (Array.isArray(value) && value.length === 0) return `${pad}${prefix} []\n`;
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return `${pad}${prefix} {}\n`;
  return `${pad}${prefix}\n${yamlBlock(value, indent + 2, longForm)}`;
}

function yamlBlock(value, indent, longForm) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) {
      if (item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Fn)) {
        // `- Key: v` then the other keys aligned under the first.
        const body = yamlBlock(item, indent + 2, longForm);
        out += `${pad}- ${body.slice(indent + 2)}`;
      } else out += yamlEntry('-', item, indent, longForm);
    }
    return out;
  }
  if (value instanceof Fn) return yamlEntry(`${value.longName}:`, value.arg, indent, longForm);
  let out = '';
  for (const [k, v] of Object.entries(value)) out += yamlEntry(`${yamlString(k)}:`, v, indent, longForm);
  return out;
}

function toYaml(template, longForm) {
  let out = '';
  const sections = Object.entries(template);
  sections.forEach(([k, v], i) => {
    if (i > 0 && typeof v === 'object') out += '\n';
    out += yamlEntry(`${k}:`, v, 0, longForm);
  });
  return out;
}

// Names and values.
const NOUNS = [
  'orders',
  'billing',
  'catalog',
  'search',
  'users',
  'sessions',
  'payments',
  'inventory',
  'shipping',
  'reports',
  'audit',
  'media',
  'thumbnails',
  'notifications',
  'ledger',
  'pricing',
  'reviews',
  'carts',
  'events',
  'metrics',
  'exports',
  'imports',
  'webhooks',
  'profiles',
];
const pascal = (s) => s.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
const RUNTIMES = ['python3.12', 'python3.11', 'nodejs20.x', 'nodejs22.x', 'java21', 'provided.al2023'];
const INSTANCE_TYPES = ['t3.micro', 't3.small', 't3.medium', 'm7g.large', 'c7g.xlarge', 'r6i.large'];
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'ca-central-1',
  'sa-east-1',
  'me-south-1',
];
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One template: a kind of stack, grown to a size drawn from a distribution like public templates' (median ~5 resources, a long tail). */
function makeTemplate(seed) {
  const r = new Rand(seed);
  const roll = r.next();
  const target = roll < 0.5 ? r.int(1, 5) : roll < 0.8 ? r.int(6, 12) : roll < 0.95 ? r.int(13, 30) : roll < 0.995 ? r.int(31, 60) : r.int(61, 150);
  const kind = r.pick(['serverless', 'serverless', 'web', 'web', 'data', 'network', 'iam', 'queue', 'ecs', 'mixed']);
  const sam = kind === 'serverless' && r.chance(0.6);
  const params = {};
  const conditions = {};
  const mappings = {};
  const resources = {};
  const outputs = {};
  const used = new Set();
  const id = (base) => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return name;
  };

  params.Environment = { Type: 'String', AllowedValues: ['dev', 'staging', 'prod'], Default: 'dev', Description: 'Deployment stage' };
  if (r.chance(0.7)) conditions.IsProd = new Fn('Equals', [ref('Environment'), 'prod']);
  const isProd = conditions.IsProd ? 'IsProd' : undefined;
  const needVpc = () => {
    if (!params.VpcId) {
      params.VpcId = { Type: 'AWS::EC2::VPC::Id', Description: 'VPC to deploy into' };
      params.SubnetIds = { Type: 'List<AWS::EC2::Subnet::Id>', Description: 'Private subnets' };
    }
  };
  const tags = (name) => [
    { Key: 'Name', Value: sub(`\${AWS::StackName}-${name}`) },
    { Key: 'team', Value: r.pick(['platform', 'payments', 'growth', 'data']) },
  ];

  const role = (name, service, extra = []) => {
    const rid = id(`${pascal(name)}Role`);
    const statements = [
      {
        Effect: 'Allow',
        Action: r.chance(0.5) ? ['s3:GetObject', 's3:PutObject'] : ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
        Resource: r.chance(0.9) ? sub(`arn:\${AWS::Partition}:s3:::${name}-\${Environment}/*`) : '*',
      },
      ...extra,
    ];
    if (r.chance(0.02)) statements.push({ Effect: 'Allow', Action: '*', Resource: '*' });
    resources[rid] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: `${service}.amazonaws.com` }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: [
          service === 'lambda'
            ? sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')
            : 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
        ],
        Policies: [{ PolicyName: `${name}-access`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    };
    return rid;
  };

  const units = {
    function: (name) => {
      const table = id(`${pascal(name)}Table`);
      resources[table] = {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: isProd ? iff(isProd, true, false) : true },
          SSESpecification: { SSEEnabled: true },
        },
      };
      const fn = id(`${pascal(name)}Function`);
      const env = { Variables: { TABLE_NAME: ref(table), STAGE: ref('Environment'), LOG_LEVEL: r.pick(['INFO', 'DEBUG', 'WARN']) } };
      if (sam) {
        resources[fn] = {
          Type: 'AWS::Serverless::Function',
          Properties: {
            CodeUri: `src/${name}/`,
            Handler: 'app.handler',
            Runtime: r.pick(RUNTIMES),
            MemorySize: r.pick([128, 256, 512, 1024]),
            Timeout: r.pick([3, 10, 30]),
            Environment: env,
            Policies: [{ DynamoDBCrudPolicy: { TableName: ref(table) } }],
            Events: { Api: { Type: 'Api', Properties: { Path: `/${name}/{id}`, Method: r.pick(['get', 'post', 'put']) } } },
          },
        };
      } else {
        const rid = role(name, 'lambda');
        const inline = r.chance(0.3);
        resources[fn] = {
          Type: 'AWS::Lambda::Function',
          Properties: {
            FunctionName: sub(`\${AWS::StackName}-${name}`),
            Runtime: inline ? 'python3.12' : r.pick(RUNTIMES),
            Handler: inline ? 'index.handler' : 'app.handler',
            Role: att(rid, 'Arn'),
            Code: inline
              ? {
                  ZipFile: `import json\nimport os\n\n\ndef handler(event, context):\n    table = os.environ["TABLE_NAME"]\n    print(json.dumps({"table": table, "records": len(event.get("Records", []))}))\n    return {"statusCode": 200, "body": json.dumps({"ok": True})}\n`,
                }
              : { S3Bucket: sub('artifacts-${AWS::AccountId}-${AWS::Region}'), S3Key: `${name}/${r.hex(12)}.zip` },
            MemorySize: r.pick([128, 256, 512, 1024]),
            Timeout: r.pick([3, 10, 30, 60]),
            Environment: env,
            Tags: tags(name),
          },
        };
        if (r.chance(0.5)) {
          const rule = id(`${pascal(name)}Schedule`);
          resources[rule] = {
            Type: 'AWS::Events::Rule',
            Properties: {
              ScheduleExpression: r.pick(['rate(5 minutes)', 'rate(1 hour)', 'cron(0 3 * * ? *)']),
              Targets: [{ Arn: att(fn, 'Arn'), Id: 'target' }],
            },
          };
          resources[id(`${pascal(name)}Permission`)] = {
            Type: 'AWS::Lambda::Permission',
            Properties: { FunctionName: ref(fn), Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: att(rule, 'Arn') },
          };
        }
      }
      outputs[`${pascal(name)}FunctionArn`] = { Value: att(fn, 'Arn'), Export: { Name: sub(`\${AWS::StackName}-${name}-function`) } };
    },
    queue: (name) => {
      const dlq = id(`${pascal(name)}DeadLetters`);
      resources[dlq] = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true } };
      const q = id(`${pascal(name)}Queue`);
      resources[q] = {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: sub(`\${AWS::StackName}-${name}`),
          VisibilityTimeout: r.pick([30, 60, 300]),
          RedrivePolicy: { deadLetterTargetArn: att(dlq, 'Arn'), maxReceiveCount: r.int(3, 10) },
          SqsManagedSseEnabled: true,
        },
      };
      const topic = id(`${pascal(name)}Topic`);
      resources[topic] = { Type: 'AWS::SNS::Topic', Properties: { TopicName: sub(`\${AWS::StackName}-${name}`), KmsMasterKeyId: 'alias/aws/sns' } };
      resources[id(`${pascal(name)}Subscription`)] = {
        Type: 'AWS::SNS::Subscription',
        Properties: { TopicArn: ref(topic), Protocol: 'sqs', Endpoint: att(q, 'Arn'), RawMessageDelivery: true },
      };
      resources[id(`${pascal(name)}Alarm`)] = {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          AlarmDescription: `Messages are piling up in the ${name} dead-letter queue`,
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: att(dlq, 'QueueName') }],
          Statistic: 'Maximum',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [ref(topic)],
        },
      };
    },
    bucket: (name) => {
      const b = id(`${pascal(name)}Bucket`);
      resources[b] = {
        Type: 'AWS::S3::Bucket',
        DeletionPolicy: 'Retain',
        Properties: {
          BucketName: sub(`${name}-\${Environment}-\${AWS::AccountId}`),
          VersioningConfiguration: { Status: 'Enabled' },
          ...(r.chance(0.85)
            ? { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } }
            : {}),
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          LifecycleConfiguration: { Rules: [{ Id: 'expire-old', Status: 'Enabled', ExpirationInDays: r.pick([30, 90, 365]) }] },
          Tags: tags(name),
        },
      };
      resources[id(`${pascal(name)}BucketPolicy`)] = {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref(b),
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [att(b, 'Arn'), sub(`\${${b}.Arn}/*`)],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      };
    },
    web: (name) => {
      needVpc();
      if (!params.InstanceType) params.InstanceType = { Type: 'String', Default: r.pick(INSTANCE_TYPES), AllowedValues: INSTANCE_TYPES };
      if (!mappings.RegionMap) {
        mappings.RegionMap = Object.fromEntries(REGIONS.slice(0, r.int(3, 8)).map((reg) => [reg, { AMI: `ami-0${r.hex(16)}` }]));
      }
      const sg = id(`${pascal(name)}SecurityGroup`);
      const open = r.chance(0.1);
      if (open && !params.SshCidr) params.SshCidr = { Type: 'String', Default: '0.0.0.0/0', Description: 'Where SSH may come from' };
      resources[sg] = {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: `${name} web servers`,
          VpcId: ref('VpcId'),
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: r.chance(0.7) ? '0.0.0.0/0' : '10.0.0.0/8', Description: 'HTTPS' },
            ...(open ? [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: ref('SshCidr') }] : []),
            ...(r.chance(0.3) ? [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/16' }] : []),
          ],
          Tags: tags(name),
        },
      };
      const profileRole = r.chance(0.8) ? role(name, 'ec2') : undefined;
      let profile;
      if (profileRole) {
        profile = id(`${pascal(name)}InstanceProfile`);
        resources[profile] = { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [ref(profileRole)] } };
      }
      const inst = id(`${pascal(name)}Instance`);
      resources[inst] = {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: findInMap('RegionMap', ref('AWS::Region'), 'AMI'),
          InstanceType: ref('InstanceType'),
          SubnetId: new Fn('Select', [0, ref('SubnetIds')]),
          SecurityGroupIds: [ref(sg)],
          ...(profile ? { IamInstanceProfile: ref(profile) } : {}),
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: r.pick([8, 20, 50]), VolumeType: 'gp3', Encrypted: true } }],
          UserData: new Fn(
            'Base64',
            sub(
              `#!/bin/bash\nset -euo pipefail\ndnf install -y nginx amazon-cloudwatch-agent\ncat > /etc/nginx/conf.d/${name}.conf <<'EOF'\nserver {\n  listen 443 ssl;\n  location / { proxy_pass http://127.0.0.1:8080; }\n}\nEOF\nsystemctl enable --now nginx\n/opt/aws/bin/cfn-signal -e $? --stack \${AWS::StackName} --resource ${pascal(name)}Instance --region \${AWS::Region}\n`,
            ),
          ),
          Tags: tags(name),
        },
      };
      if (r.chance(0.4)) {
        resources[id(`${pascal(name)}Address`)] = {
          Type: 'AWS::EC2::EIP',
          Properties: { Domain: 'vpc', ...(r.chance(0.85) ? { InstanceId: ref(inst) } : {}) },
        };
      }
      outputs[`${pascal(name)}PrivateIp`] = { Value: att(inst, 'PrivateIp') };
    },
    database: (name) => {
      needVpc();
      const secret = id(`${pascal(name)}Secret`);
      resources[secret] = {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Description: `${name} database credentials`,
          GenerateSecretString: { SecretStringTemplate: '{"username": "app"}', GenerateStringKey: 'password', PasswordLength: 32, ExcludeCharacters: '"@/\\' },
        },
      };
      const sg = id(`${pascal(name)}DatabaseSecurityGroup`);
      resources[sg] = {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: `${name} database`,
          VpcId: ref('VpcId'),
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: r.chance(0.05) ? '0.0.0.0/0' : '10.0.0.0/16' }],
        },
      };
      const subnets = id(`${pascal(name)}SubnetGroup`);
      resources[subnets] = {
        Type: 'AWS::RDS::DBSubnetGroup',
        Properties: { DBSubnetGroupDescription: `${name} private subnets`, SubnetIds: ref('SubnetIds') },
      };
      const literal = r.chance(0.02);
      resources[id(`${pascal(name)}Database`)] = {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          Engine: r.pick(['postgres', 'mysql', 'mariadb']),
          DBInstanceClass: r.pick(['db.t4g.medium', 'db.m7g.large', 'db.r7g.large']),
          AllocatedStorage: r.pick([20, 100, 500]),
          MasterUsername: 'app',
          MasterUserPassword: literal ? `Pw-${r.chars(14, B64.slice(0, 62))}` : sub(`{{resolve:secretsmanager:\${${secret}}::password}}`),
          MultiAZ: isProd ? iff(isProd, true, false) : r.chance(0.5),
          StorageEncrypted: r.chance(0.9),
          PubliclyAccessible: false,
          BackupRetentionPeriod: isProd ? iff(isProd, 14, 1) : 7,
          DBSubnetGroupName: ref(subnets),
          VPCSecurityGroups: [ref(sg)],
        },
      };
      if (r.chance(0.3)) {
        resources[id(`${pascal(name)}Cache`)] = {
          Type: 'AWS::ElastiCache::ReplicationGroup',
          Properties: {
            ReplicationGroupDescription: `${name} cache`,
            Engine: 'valkey',
            CacheNodeType: 'cache.t4g.small',
            NumCacheClusters: isProd ? iff(isProd, 2, 1) : 2,
            AutomaticFailoverEnabled: isProd ? iff(isProd, true, false) : true,
            SecurityGroupIds: [ref(sg)],
          },
        };
      }
    },
    network: (name) => {
      const vpc = id(`${pascal(name)}Vpc`);
      const octet = r.int(0, 250);
      resources[vpc] = {
        Type: 'AWS::EC2::VPC',
        Properties: { CidrBlock: `10.${octet}.0.0/16`, EnableDnsHostnames: true, EnableDnsSupport: true, Tags: tags(name) },
      };
      const igw = id(`${pascal(name)}InternetGateway`);
      resources[igw] = { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: tags(name) } };
      resources[id(`${pascal(name)}GatewayAttachment`)] = {
        Type: 'AWS::EC2::VPCGatewayAttachment',
        Properties: { VpcId: ref(vpc), InternetGatewayId: ref(igw) },
      };
      const rt = id(`${pascal(name)}PublicRoutes`);
      resources[rt] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(vpc) } };
      resources[id(`${pascal(name)}DefaultRoute`)] = {
        Type: 'AWS::EC2::Route',
        Properties: { RouteTableId: ref(rt), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(igw) },
      };
      const azs = r.int(2, 3);
      for (let i = 0; i < azs; i++) {
        const subnet = id(`${pascal(name)}PublicSubnet${i + 1}`);
        resources[subnet] = {
          Type: 'AWS::EC2::Subnet',
          Properties: { VpcId: ref(vpc), CidrBlock: new Fn('Select', [i, new Fn('Cidr', [att(vpc, 'CidrBlock'), 6, 8])]), AvailabilityZone: selectAz(i) },
        };
        resources[id(`${pascal(name)}PublicSubnet${i + 1}Routes`)] = {
          Type: 'AWS::EC2::SubnetRouteTableAssociation',
          Properties: { SubnetId: ref(subnet), RouteTableId: ref(rt) },
        };
        if (i === 0 && r.chance(0.5)) {
          const eip = id(`${pascal(name)}NatAddress`);
          resources[eip] = { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } };
          resources[id(`${pascal(name)}NatGateway`)] = {
            Type: 'AWS::EC2::NatGateway',
            Properties: { AllocationId: att(eip, 'AllocationId'), SubnetId: ref(subnet) },
          };
        }
      }
      if (r.chance(0.3)) {
        const acl = id(`${pascal(name)}NetworkAcl`);
        resources[acl] = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(vpc) } };
        resources[id(`${pascal(name)}AclSsh`)] = {
          Type: 'AWS::EC2::NetworkAclEntry',
          Properties: {
            NetworkAclId: ref(acl),
            RuleNumber: 100,
            Protocol: 6,
            RuleAction: 'allow',
            Egress: false,
            CidrBlock: r.chance(0.3) ? '0.0.0.0/0' : '10.0.0.0/8',
            PortRange: { From: 22, To: 22 },
          },
        };
      }
      outputs[`${pascal(name)}VpcId`] = { Value: ref(vpc), Export: { Name: sub(`\${AWS::StackName}-${name}-vpc`) } };
    },
    identity: (name) => {
      const pol = id(`${pascal(name)}Policy`);
      resources[pol] = {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Description: `What ${name} automation may do`,
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['cloudformation:Describe*', 'cloudformation:List*'], Resource: '*' },
              { Effect: 'Allow', Action: ['s3:GetObject'], Resource: sub(`arn:\${AWS::Partition}:s3:::${name}-artifacts/*`) },
              ...(r.chance(0.05) ? [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] : []),
            ],
          },
        },
      };
      if (r.chance(0.25)) {
        const user = id(`${pascal(name)}User`);
        if (!params.OperatorPassword && r.chance(0.5))
          params.OperatorPassword = { Type: 'String', NoEcho: r.chance(0.8), Description: 'Initial console password' };
        resources[user] = {
          Type: 'AWS::IAM::User',
          Properties: {
            ManagedPolicyArns: [ref(pol)],
            ...(params.OperatorPassword ? { LoginProfile: { Password: ref('OperatorPassword'), PasswordResetRequired: true } } : {}),
          },
        };
        if (r.chance(0.3)) resources[id(`${pascal(name)}AccessKey`)] = { Type: 'AWS::IAM::AccessKey', Properties: { UserName: ref(user) } };
      } else {
        resources[id(`${pascal(name)}DeployRole`)] = {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'sts:AssumeRole' }],
            },
            ManagedPolicyArns: [ref(pol)],
            MaxSessionDuration: 3600,
          },
        };
      }
    },
    ecs: (name) => {
      needVpc();
      const logs = id(`${pascal(name)}Logs`);
      resources[logs] = {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: sub(`/ecs/\${AWS::StackName}/${name}`), RetentionInDays: r.pick([7, 30, 90]) },
      };
      const task = id(`${pascal(name)}Task`);
      resources[task] = {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: sub(`\${AWS::StackName}-${name}`),
          Cpu: '512',
          Memory: '1024',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
          ExecutionRoleArn: att(role(name, 'ecs-tasks'), 'Arn'),
          ContainerDefinitions: [
            {
              Name: name,
              Image: sub(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/${name}:latest`),
              PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
              Environment: [
                { Name: 'STAGE', Value: ref('Environment') },
                { Name: 'PORT', Value: '8080' },
              ],
              LogConfiguration: {
                LogDriver: 'awslogs',
                Options: { 'awslogs-group': ref(logs), 'awslogs-region': ref('AWS::Region'), 'awslogs-stream-prefix': name },
              },
            },
          ],
        },
      };
      resources[id(`${pascal(name)}Service`)] = {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: new Fn('ImportValue', 'platform-cluster'),
          TaskDefinition: ref(task),
          DesiredCount: isProd ? iff(isProd, 3, 1) : 1,
          LaunchType: 'FARGATE',
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ref('SubnetIds'), AssignPublicIp: 'DISABLED' } },
        },
      };
    },
    trail: (name) => {
      const b = id(`${pascal(name)}TrailBucket`);
      resources[b] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: sub(`${name}-trail-\${AWS::AccountId}`) } };
      resources[id(`${pascal(name)}Trail`)] = {
        Type: 'AWS::CloudTrail::Trail',
        Properties: {
          IsLogging: true,
          IsMultiRegionTrail: r.chance(0.7),
          EnableLogFileValidation: r.chance(0.8),
          S3BucketName: ref(b),
          ...(r.chance(0.3)
            ? {
                EventSelectors: [
                  {
                    ReadWriteType: 'All',
                    IncludeManagementEvents: true,
                    DataResources: [{ Type: 'AWS::S3::Object', Values: [sub('arn:${AWS::Partition}:s3')] }],
                  },
                ],
              }
            : {}),
        },
      };
    },
    stateMachine: (name) => {
      const fn = `${pascal(name)}Worker`;
      resources[id(`${pascal(name)}StateMachine`)] = {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          RoleArn: att(role(name, 'states'), 'Arn'),
          DefinitionString: sub(
            JSON.stringify(
              {
                Comment: `${name} workflow`,
                StartAt: 'Work',
                States: {
                  Work: {
                    Type: 'Task',
                    Resource: `arn:aws:states:::lambda:invoke`,
                    Parameters: { FunctionName: `\${${fn}}` },
                    Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }],
                    Next: 'Done',
                  },
                  Done: { Type: 'Succeed' },
                },
              },
              null,
              2,
            ),
            { [fn]: new Fn('ImportValue', sub(`\${Environment}-${name}-worker`)) },
          ),
        },
      };
    },
  };
  const byKind = {
    serverless: ['function', 'function', 'queue', 'bucket', 'stateMachine'],
    web: ['web', 'web', 'bucket', 'database'],
    data: ['database', 'bucket', 'queue', 'trail'],
    network: ['network'],
    iam: ['identity', 'identity', 'trail'],
    queue: ['queue', 'function'],
    ecs: ['ecs', 'queue', 'bucket'],
    mixed: Object.keys(units),
  };
  let n = 0;
  while (Object.keys(resources).length < target && n < 200) {
    const name = n < NOUNS.length ? NOUNS[(seed + n) % NOUNS.length] : `${NOUNS[n % NOUNS.length]}-${n}`;
    units[r.pick(byKind[kind])](name);
    n++;
  }
  // A key pasted into a template now and then, built at run time so no literal sits in this file.
  if (r.chance(0.004)) {
    const first = Object.values(resources).find((x) => x.Type === 'AWS::Lambda::Function');
    if (first) first.Properties.Environment.Variables.LEGACY_KEY_ID = `AKIA${r.chars(16, B32)}`;
  }
  const template = {
    ...(r.chance(0.92) ? { AWSTemplateFormatVersion: '2010-09-09' } : {}),
    ...(sam ? { Transform: 'AWS::Serverless-2016-10-31' } : {}),
    Description: `${pascal(kind)} stack ${seed}: ${Object.keys(resources).length} resources for the ${NOUNS[seed % NOUNS.length]} team.`,
    Parameters: params,
    ...(Object.keys(mappings).length ? { Mappings: mappings } : {}),
    ...(Object.keys(conditions).length ? { Conditions: conditions } : {}),
    Resources: resources,
    ...(Object.keys(outputs).length ? { Outputs: outputs } : {}),
  };
  const format = r.chance(0.3) ? 'json' : 'yaml';
  const plain = toJsonValue(template);
  if (format === 'json') return { format, text: `${JSON.stringify(plain, null, r.chance(0.5) ? 2 : 4)}\n`, plain };
  return { format, text: toYaml(template, r.chance(0.1)), plain };
}

function ready(dir, key) {
  const marker = path.join(dir, '.generated');
  return existsSync(marker) && readFileSync(marker, 'utf8') === key;
}

function markReady(dir, key) {
  writeFileSync(path.join(dir, '.generated'), key);
}

/** Writes `count` templates under `dir` (services/<team>/<stack>.yaml|json), unless the same corpus is already there. */
export function generateTemplates(dir, count) {
  const key = `templates v${GENERATOR_VERSION} n=${count}`;
  if (ready(dir, key)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { format, text } = makeTemplate(i + 1);
    const sub = path.join(dir, 'services', `team-${String(i % 97).padStart(2, '0')}`, `svc-${String(Math.floor(i / 97)).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `template-${i}.${format}`), text);
  }
  markReady(dir, key);
  return dir;
}

/** The first `count` generated templates as texts, for tests of the generator. */
export function sampleTemplates(count, from = 1) {
  return Array.from({ length: count }, (_, i) => makeTemplate(from + i));
}

// Account snapshots.

const ACCOUNT = '210987654321';
const COLLECTED_AT = '2026-11-25T12:00:00.000Z';

function ec2Id(r, prefix) {
  return `${prefix}-0${r.hex(16)}`;
}

function ipOf(r) {
  return `${r.pick([3, 18, 34, 44, 52, 54])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

function nameTags(r, name) {
  return [
    { Key: 'Name', Value: name },
    { Key: 'team', Value: r.pick(['platform', 'payments', 'growth', 'data']) },
  ];
}

/** The credential report's columns, as IAM writes them. */
const REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
];

/** A JSON object with its keys sorted, as the collector writes the answers of calls made per resource. */
function sortedKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A policy document of one statement. */
function policyDocument(statement) {
  return { Version: '2012-10-17', Statement: [statement] };
}

/**
 * A snapshot of about `entities` entities (security groups, network ACLs, Elastic IPs, NAT gateways,
 * instances, database instances and clusters, trails, subnet groups, load balancers, Auto Scaling and
 * cache replication groups; IAM users, groups, roles and their policies, the root account) spread over
 * the first `regionCount` regions, with the route tables and subnets they refer to: every call the
 * collector makes answered, written as `mamori collect` writes it (services, then calls in the order
 * they are asked, answers made per resource by resource; access key ids redacted).
 */
export function makeSnapshot(entities, regionCount) {
  const r = new Rand(4242);
  const regions = REGIONS.slice(0, regionCount);
  // Global: users (1 entity each) with an inline policy for one in four (1 entity each), AdministratorAccess
  // attached directly to one in 500 (1 each), four groups (two of them with a policy), roles (1 each)
  // with an inline policy for one in two, customer managed policies, the root account, the trail set and
  // the billing guardrails. The rest is regional.
  const users = Math.round(entities * 0.04);
  const inline = Math.floor(users / 4);
  const directAdmins = Math.floor(users / 500);
  const roles = Math.round(entities * 0.01);
  const roleInline = Math.floor(roles / 2);
  const managed = Math.max(1, Math.round(entities * 0.0004));
  const trailsPerRegion = 2;
  const fixed = users + inline + directAdmins + 4 + 2 + roles + roleInline + managed + 3 + trailsPerRegion * regionCount;
  const perRegion = Math.floor((entities - fixed) / regionCount);
  let extra = entities - fixed - perRegion * regionCount;
  const regional = {};
  const lifecycles = {};
  for (const region of regions) {
    const vpcCount = Math.max(1, Math.round(perRegion / 400));
    // A subnet group per VPC, a load balancer, an Auto Scaling group and a cache replication group.
    const count = perRegion + (extra-- > 0 ? 1 : 0) - vpcCount - 3;
    const sgCount = Math.round(count * 0.5);
    const aclCount = Math.round(count * 0.12);
    const eipCount = Math.round(count * 0.12);
    const natCount = Math.round(count * 0.04);
    const dbCount = count - sgCount - aclCount - eipCount - natCount;
    const vpcs = Array.from({ length: vpcCount }, () => ec2Id(r, 'vpc'));
    const subnets = vpcs.flatMap((vpc) =>
      ['a', 'b', 'c'].map((az, i) => ({
        AvailabilityZone: `${region}${az}`,
        AvailabilityZoneId: `${region.slice(0, 2)}1-az${i + 1}`,
        AvailableIpAddressCount: r.int(10, 250),
        CidrBlock: `10.${r.int(0, 255)}.${i}.0/24`,
        DefaultForAz: false,
        MapPublicIpOnLaunch: i === 0,
        State: 'available',
        SubnetId: ec2Id(r, 'subnet'),
        VpcId: vpc,
        OwnerId: ACCOUNT,
        Tags: nameTags(r, `subnet-${az}`),
        SubnetArn: `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${vpc}`,
      })),
    );
    const groups = [];
    for (let i = 0; i < sgCount; i++) {
      const groupId = ec2Id(r, 'sg');
      const vpc = r.pick(vpcs);
      const peer = groups.length > 0 && r.chance(0.4) ? r.pick(groups).GroupId : groupId;
      const ingress = [];
      const rules = r.int(1, 4);
      for (let j = 0; j < rules; j++) {
        const port = r.pick([22, 80, 443, 3306, 5432, 6379, 8080, 3389]);
        const world = r.chance(port === 443 || port === 80 ? 0.5 : 0.03);
        ingress.push({
          FromPort: port,
          IpProtocol: 'tcp',
          IpRanges: world ? [{ CidrIp: '0.0.0.0/0', Description: 'anywhere' }] : r.chance(0.6) ? [{ CidrIp: `10.${r.int(0, 255)}.0.0/16` }] : [],
          Ipv6Ranges: world && r.chance(0.3) ? [{ CidrIpv6: '::/0' }] : [],
          PrefixListIds: [],
          ToPort: port,
          UserIdGroupPairs: r.chance(0.4) ? [{ GroupId: peer, UserId: ACCOUNT }] : [],
        });
      }
      groups.push({
        GroupId: groupId,
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
        VpcId: vpc,
        SecurityGroupArn: `arn:aws:ec2:${region}:${ACCOUNT}:security-group/${groupId}`,
        OwnerId: ACCOUNT,
        GroupName: i % 50 === 0 ? 'default' : `svc-${i}-${r.hex(4)}`,
        Description: i % 50 === 0 ? 'default VPC security group' : `service ${i} traffic`,
        IpPermissions: ingress,
        ...(r.chance(0.7) ? { Tags: nameTags(r, `svc-${i}`) } : {}),
      });
    }
    const acls = [];
    for (let i = 0; i < aclCount; i++) {
      const aclId = ec2Id(r, 'acl');
      const subnet = r.pick(subnets);
      acls.push({
        Associations: [{ NetworkAclAssociationId: ec2Id(r, 'aclassoc'), NetworkAclId: aclId, SubnetId: subnet.SubnetId }],
        Entries: [
          { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
          { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
          r.chance(0.1)
            ? { CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 22, To: 22 }, Protocol: '6', RuleAction: 'allow', RuleNumber: 90 }
            : { CidrBlock: '10.0.0.0/8', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
          { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
        ],
        IsDefault: i % 20 === 0,
        NetworkAclId: aclId,
        Tags: [],
        VpcId: subnet.VpcId,
        OwnerId: ACCOUNT,
      });
    }
    const nats = [];
    const natAddresses = [];
    for (let i = 0; i < natCount; i++) {
      const natId = ec2Id(r, 'nat');
      const subnet = r.pick(subnets);
      const address = {
        AllocationId: ec2Id(r, 'eipalloc'),
        NetworkInterfaceId: ec2Id(r, 'eni'),
        PrivateIp: `10.${r.int(0, 255)}.0.${r.int(4, 250)}`,
        PublicIp: ipOf(r),
      };
      natAddresses.push(address);
      nats.push({
        CreateTime: '2024-02-20T10:31:00.000Z',
        NatGatewayAddresses: [{ ...address, AssociationId: ec2Id(r, 'eipassoc'), IsPrimary: true, Status: 'succeeded' }],
        NatGatewayId: natId,
        State: r.chance(0.95) ? 'available' : 'failed',
        SubnetId: subnet.SubnetId,
        VpcId: subnet.VpcId,
        Tags: nameTags(r, `nat-${i}`),
        ConnectivityType: 'public',
      });
    }
    const routeTables = subnets.map((s, i) => ({
      Associations: [{ Main: false, RouteTableAssociationId: ec2Id(r, 'rtbassoc'), RouteTableId: `rtb-${i}`, SubnetId: s.SubnetId }],
      PropagatingVgws: [],
      RouteTableId: ec2Id(r, 'rtb'),
      Routes: [
        { DestinationCidrBlock: '10.0.0.0/8', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
        ...(nats.length > 0 && r.chance(0.8)
          ? [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: r.pick(nats).NatGatewayId, Origin: 'CreateRoute', State: 'active' }]
          : []),
      ],
      Tags: [],
      VpcId: s.VpcId,
      OwnerId: ACCOUNT,
    }));
    const instances = [];
    const addresses = [];
    for (let i = 0; i < eipCount; i++) {
      const nat = i < natAddresses.length ? natAddresses[i] : undefined;
      if (nat) {
        addresses.push({
          AllocationId: nat.AllocationId,
          Domain: 'vpc',
          PublicIp: nat.PublicIp,
          PublicIpv4Pool: 'amazon',
          NetworkInterfaceId: nat.NetworkInterfaceId,
          AssociationId: ec2Id(r, 'eipassoc'),
        });
        continue;
      }
      const attached = r.chance(0.8);
      const instanceId = attached ? ec2Id(r, 'i') : undefined;
      if (instanceId) {
        instances.push({
          AmiLaunchIndex: 0,
          ImageId: ec2Id(r, 'ami'),
          InstanceId: instanceId,
          InstanceType: r.pick(INSTANCE_TYPES),
          LaunchTime: '2025-09-14T06:12:40.000Z',
          Placement: { AvailabilityZone: `${region}a`, GroupName: '', Tenancy: 'default' },
          PrivateIpAddress: `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(4, 250)}`,
          State: r.chance(0.9) ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
          SubnetId: r.pick(subnets).SubnetId,
          VpcId: r.pick(vpcs),
          ...(r.chance(0.7) ? { IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app-${i}`, Id: `AIPA${r.chars(17, B32)}` } } : {}),
          SecurityGroups: [{ GroupId: r.pick(groups).GroupId, GroupName: 'app' }],
          Tags: nameTags(r, `app-${i}`),
        });
      }
      addresses.push({
        AllocationId: ec2Id(r, 'eipalloc'),
        Domain: 'vpc',
        PublicIp: ipOf(r),
        PublicIpv4Pool: 'amazon',
        ...(instanceId
          ? { InstanceId: instanceId, AssociationId: ec2Id(r, 'eipassoc'), NetworkInterfaceId: ec2Id(r, 'eni'), PrivateIpAddress: '10.0.0.10' }
          : {}),
        Tags: nameTags(r, `eip-${i}`),
      });
    }
    const dbs = [];
    const clusters = [];
    for (let i = 0; i < dbCount; i++) {
      const engine = r.pick(['postgres', 'mysql', 'aurora-postgresql', 'aurora-mysql']);
      const name = `db-${region}-${i}`;
      const aurora = engine.startsWith('aurora');
      let clusterId;
      if (aurora) {
        clusterId = `cluster-${i}`;
        clusters.push({
          DBClusterIdentifier: clusterId,
          DBClusterArn: `arn:aws:rds:${region}:${ACCOUNT}:cluster:${clusterId}`,
          Engine: engine,
          MultiAZ: r.chance(0.7),
          StorageEncrypted: r.chance(0.9),
          DBClusterMembers: [{ DBInstanceIdentifier: name, IsClusterWriter: true }],
          BackupRetentionPeriod: 7,
        });
      }
      const port = engine.includes('postgres') ? 5432 : 3306;
      dbs.push({
        DBInstanceIdentifier: name,
        DBInstanceClass: r.pick(['db.t4g.medium', 'db.m7g.large', 'db.r7g.large']),
        Engine: engine,
        DBInstanceStatus: 'available',
        MasterUsername: 'app',
        Endpoint: { Address: `${name}.c${r.hex(10)}.${region}.rds.amazonaws.com`, Port: port, HostedZoneId: 'Z29XKXDKYMONMX' },
        AllocatedStorage: aurora ? 1 : r.pick([20, 100, 500]),
        BackupRetentionPeriod: r.chance(0.05) ? 0 : 7,
        VpcSecurityGroups: [{ VpcSecurityGroupId: r.pick(groups).GroupId, Status: 'active' }],
        AvailabilityZone: `${region}a`,
        MultiAZ: r.chance(0.6),
        PubliclyAccessible: r.chance(0.03),
        StorageEncrypted: r.chance(0.9),
        DBInstanceArn: `arn:aws:rds:${region}:${ACCOUNT}:db:${name}`,
        ...(clusterId ? { DBClusterIdentifier: clusterId } : {}),
      });
    }
    const trails = [];
    const status = {};
    const selectors = {};
    const trailTags = {};
    for (let i = 0; i < trailsPerRegion; i++) {
      const name = `trail-${region}-${i}`;
      const arn = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
      const bucket = `${name}-logs-${ACCOUNT}`;
      trails.push({
        Name: name,
        S3BucketName: bucket,
        IncludeGlobalServiceEvents: i === 0,
        IsMultiRegionTrail: false,
        HomeRegion: region,
        TrailARN: arn,
        LogFileValidationEnabled: r.chance(0.7),
        HasCustomEventSelectors: true,
        HasInsightSelectors: false,
        IsOrganizationTrail: false,
      });
      status[arn] = { IsLogging: r.chance(0.9), LatestDeliveryTime: '2026-11-25T09:21:07.000Z' };
      selectors[arn] = {
        TrailARN: arn,
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
      };
      trailTags[arn] = { ResourceTagList: [{ ResourceId: arn, TagsList: [{ Key: 'team', Value: 'platform' }] }] };
      lifecycles[bucket] = { Rules: r.chance(0.5) ? [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 365 }, Filter: { Prefix: '' } }] : [] };
    }
    const subnetGroups = vpcs.map((vpc, i) => ({
      DBSubnetGroupName: `db-${region}-${i}`,
      DBSubnetGroupDescription: 'database subnets',
      VpcId: vpc,
      SubnetGroupStatus: 'Complete',
      // One in ten spans a single zone.
      Subnets: subnets
        .filter((s) => s.VpcId === vpc)
        .slice(0, i % 10 === 0 ? 1 : 3)
        .map((s) => ({ SubnetIdentifier: s.SubnetId, SubnetAvailabilityZone: { Name: s.AvailabilityZone }, SubnetOutpost: {}, SubnetStatus: 'Active' })),
      DBSubnetGroupArn: `arn:aws:rds:${region}:${ACCOUNT}:subgrp:db-${region}-${i}`,
      SupportedNetworkTypes: ['IPV4'],
    }));
    const web = subnets.filter((s) => s.VpcId === vpcs[0]);
    const loadBalancer = {
      LoadBalancerArn: `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/app/web/${r.hex(16)}`,
      DNSName: `web-${r.int(1e8, 2e9)}.${region}.elb.amazonaws.com`,
      CanonicalHostedZoneId: 'Z32O12XQLNTSW2',
      CreatedTime: '2024-03-11T09:20:14.610Z',
      LoadBalancerName: 'web',
      Scheme: 'internet-facing',
      VpcId: vpcs[0],
      State: { Code: 'active' },
      Type: 'application',
      AvailabilityZones: web.map((s) => ({ ZoneName: s.AvailabilityZone, SubnetId: s.SubnetId, LoadBalancerAddresses: [] })),
      SecurityGroups: [groups[0]?.GroupId ?? ''],
      IpAddressType: 'ipv4',
    };
    const autoScalingGroup = {
      AutoScalingGroupName: 'batch',
      AutoScalingGroupARN: `arn:aws:autoscaling:${region}:${ACCOUNT}:autoScalingGroup:${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}:autoScalingGroupName/batch`,
      LaunchTemplate: { LaunchTemplateId: ec2Id(r, 'lt'), LaunchTemplateName: 'batch', Version: '4' },
      MinSize: 0,
      MaxSize: 4,
      DesiredCapacity: 0,
      DefaultCooldown: 300,
      AvailabilityZones: [web[0]?.AvailabilityZone ?? `${region}a`],
      LoadBalancerNames: [],
      TargetGroupARNs: [],
      HealthCheckType: 'EC2',
      HealthCheckGracePeriod: 300,
      Instances: [],
      CreatedTime: '2024-06-03T07:45:12.304Z',
      SuspendedProcesses: [],
      VPCZoneIdentifier: web[0]?.SubnetId ?? '',
      EnabledMetrics: [],
      Tags: [],
      TerminationPolicies: ['Default'],
      NewInstancesProtectedFromScaleIn: false,
      ServiceLinkedRoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      CapacityRebalance: false,
    };
    const cacheId = `sessions-${region}`;
    const cacheMembers = [`${cacheId}-001`, `${cacheId}-002`];
    const replicationGroup = {
      ReplicationGroupId: cacheId,
      Description: 'sessions',
      GlobalReplicationGroupInfo: {},
      Status: 'available',
      PendingModifiedValues: {},
      MemberClusters: cacheMembers,
      NodeGroups: [
        {
          NodeGroupId: '0001',
          Status: 'available',
          PrimaryEndpoint: { Address: `${cacheId}.k2v9qa.ng.0001.cache.amazonaws.com`, Port: 6379 },
          ReaderEndpoint: { Address: `${cacheId}-ro.k2v9qa.ng.0001.cache.amazonaws.com`, Port: 6379 },
          NodeGroupMembers: cacheMembers.map((id, i) => ({
            CacheClusterId: id,
            CacheNodeId: '0001',
            ReadEndpoint: { Address: `${id}.k2v9qa.0001.cache.amazonaws.com`, Port: 6379 },
            PreferredAvailabilityZone: `${region}${'ab'[i]}`,
            CurrentRole: i === 0 ? 'primary' : 'replica',
          })),
        },
      ],
      AutomaticFailover: 'enabled',
      MultiAZ: 'enabled',
      SnapshotRetentionLimit: 1,
      SnapshotWindow: '03:30-04:30',
      ClusterEnabled: false,
      CacheNodeType: 'cache.t4g.small',
      AuthTokenEnabled: false,
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      ARN: `arn:aws:elasticache:${region}:${ACCOUNT}:replicationgroup:${cacheId}`,
      LogDeliveryConfigurations: [],
      ReplicationGroupCreateTime: '2025-09-14T06:30:00.000Z',
      AutoMinorVersionUpgrade: true,
      NetworkType: 'ipv4',
      IpDiscovery: 'ipv4',
      ClusterMode: 'disabled',
      Engine: 'valkey',
    };
    const cacheClusters = cacheMembers.map((id, i) => ({
      CacheClusterId: id,
      CacheNodeType: 'cache.t4g.small',
      Engine: 'valkey',
      EngineVersion: '8.0.1',
      CacheClusterStatus: 'available',
      NumCacheNodes: 1,
      PreferredAvailabilityZone: `${region}${'ab'[i]}`,
      CacheClusterCreateTime: '2025-09-14T06:30:00.000Z',
      CacheSubnetGroupName: 'cache',
      ReplicationGroupId: cacheId,
      SnapshotRetentionLimit: 1,
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
      ARN: `arn:aws:elasticache:${region}:${ACCOUNT}:cluster:${id}`,
    }));
    // Services in name order, each one's calls in the order they are asked.
    regional[region] = {
      autoscaling: { DescribeAutoScalingGroups: { AutoScalingGroups: [autoScalingGroup] } },
      cloudtrail: {
        DescribeTrails: { trailList: trails },
        LookupEvents: { Events: [] },
        GetTrailStatus: sortedKeys(status),
        GetEventSelectors: sortedKeys(selectors),
        ListTags: sortedKeys(trailTags),
      },
      ec2: {
        DescribeSecurityGroups: { SecurityGroups: groups },
        DescribeNetworkAcls: { NetworkAcls: acls },
        DescribeAddresses: { Addresses: addresses },
        DescribeInstances: { Reservations: instances.map((inst) => ({ Groups: [], Instances: [inst], OwnerId: ACCOUNT, ReservationId: ec2Id(r, 'r') })) },
        DescribeNatGateways: { NatGateways: nats },
        DescribeRouteTables: { RouteTables: routeTables },
        DescribeSubnets: { Subnets: subnets },
      },
      elasticache: { DescribeReplicationGroups: { ReplicationGroups: [replicationGroup] }, DescribeCacheClusters: { CacheClusters: cacheClusters } },
      elb: { DescribeLoadBalancers: { LoadBalancerDescriptions: [] } },
      elbv2: {
        DescribeLoadBalancers: { LoadBalancers: [loadBalancer] },
        DescribeTags: {
          [loadBalancer.LoadBalancerArn]: { TagDescriptions: [{ ResourceArn: loadBalancer.LoadBalancerArn, Tags: [{ Key: 'team', Value: 'web' }] }] },
        },
      },
      rds: {
        DescribeDBInstances: { DBInstances: dbs },
        DescribeDBClusters: { DBClusters: clusters },
        DescribeDBSubnetGroups: { DBSubnetGroups: subnetGroups },
      },
    };
  }
  const reportRows = [REPORT_COLUMNS.join(',')];
  const reportRow = (values) => REPORT_COLUMNS.map((c) => values[c] ?? 'N/A').join(',');
  reportRows.push(
    reportRow({
      user: '<root_account>',
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      user_creation_time: '2019-03-01T09:00:00+00:00',
      password_enabled: 'not_supported',
      password_last_used: 'no_information',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'true',
      access_key_1_active: 'false',
      access_key_2_active: 'false',
    }),
  );
  const ADMIN = { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
  const groupNames = ['admins', 'developers', 'operators', 'readonly'];
  const policies = Array.from({ length: managed }, (_, i) => {
    const name = `app-policy-${String(i).padStart(3, '0')}`;
    return { name, arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, attachments: 0, wide: i % 25 === 0 };
  });
  const listUsers = [];
  const accessKeys = {};
  const lastUsed = {};
  const mfaDevices = {};
  const userDetails = [];
  for (let i = 0; i < users; i++) {
    const name = `user-${String(i).padStart(5, '0')}`;
    const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
    const userId = `AIDA${r.chars(17, B32)}`;
    const consoleUser = r.chance(0.3);
    listUsers.push({
      Path: '/',
      UserName: name,
      UserId: userId,
      Arn: arn,
      CreateDate: '2024-01-10T09:00:00.000Z',
      ...(consoleUser && r.chance(0.8) ? { PasswordLastUsed: '2026-11-02T08:15:00.000Z' } : {}),
    });
    // Stored redacted, as the collector keeps them: the last four characters are unique here, so no `#2`.
    const keys = r.chance(0.5)
      ? [
          {
            UserName: name,
            AccessKeyId: `AKIA${'*'.repeat(12)}${i.toString(32).toUpperCase().padStart(4, '0')}`,
            Status: r.chance(0.8) ? 'Active' : 'Inactive',
            CreateDate: '2024-06-01T10:00:00.000Z',
          },
        ]
      : [];
    accessKeys[name] = { AccessKeyMetadata: keys };
    for (const k of keys) {
      lastUsed[k.AccessKeyId] = {
        UserName: name,
        AccessKeyLastUsed: r.chance(0.7)
          ? { LastUsedDate: '2026-10-01T08:00:00.000Z', ServiceName: 's3', Region: 'eu-west-1' }
          : { ServiceName: 'N/A', Region: 'N/A' },
      };
    }
    const mfa = r.chance(0.6);
    mfaDevices[name] = {
      MFADevices: mfa ? [{ UserName: name, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}`, EnableDate: '2024-01-11T09:00:00.000Z' }] : [],
    };
    const attached = [];
    if (i % 500 === 499) attached.push(ADMIN);
    if (i % 200 === 7) {
      const policy = r.pick(policies);
      policy.attachments++;
      attached.push({ PolicyName: policy.name, PolicyArn: policy.arn });
    }
    userDetails.push({
      Path: '/',
      UserName: name,
      UserId: userId,
      Arn: arn,
      CreateDate: '2024-01-10T09:00:00.000Z',
      UserPolicyList:
        i < inline
          ? [
              {
                PolicyName: 'inline-access',
                PolicyDocument: policyDocument({
                  Effect: 'Allow',
                  Action: r.chance(0.03) ? '*' : ['s3:GetObject', 's3:ListBucket'],
                  Resource: r.chance(0.5) ? '*' : `arn:aws:s3:::data-${i}/*`,
                }),
              },
            ]
          : [],
      GroupList: r.chance(0.8) ? [r.pick(groupNames)] : [],
      AttachedManagedPolicies: attached,
      Tags: [],
    });
    const key = keys[0];
    reportRows.push(
      reportRow({
        user: name,
        arn,
        user_creation_time: '2024-01-10T09:00:00+00:00',
        password_enabled: String(consoleUser),
        password_last_used: consoleUser ? '2026-11-02T08:15:00+00:00' : 'N/A',
        mfa_active: String(mfa),
        access_key_1_active: String(key?.Status === 'Active'),
        ...(key ? { access_key_1_last_rotated: '2024-06-01T10:00:00+00:00' } : {}),
        access_key_2_active: 'false',
      }),
    );
  }
  const groupDetails = groupNames.map((name, i) => ({
    Path: '/',
    GroupName: name,
    GroupId: `AGPA${r.chars(17, B32)}`,
    Arn: `arn:aws:iam::${ACCOUNT}:group/${name}`,
    CreateDate: '2023-02-01T09:00:00.000Z',
    GroupPolicyList:
      name === 'operators'
        ? [{ PolicyName: 'operate', PolicyDocument: policyDocument({ Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances'], Resource: '*' }) }]
        : [],
    AttachedManagedPolicies: [
      [ADMIN],
      [{ PolicyName: 'PowerUserAccess', PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }],
      [],
      [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    ][i],
  }));
  const services = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'];
  const roleDetails = Array.from({ length: roles }, (_, i) => {
    const name = `app-${i}`;
    // Most roles are for a service; one in a hundred is for another account, one in five hundred for anyone.
    const principal = i % 500 === 250 ? { AWS: '*' } : i % 100 === 50 ? { AWS: 'arn:aws:iam::111122223333:root' } : { Service: r.pick(services) };
    const policy = r.pick(policies);
    policy.attachments++;
    return {
      Path: '/',
      RoleName: name,
      RoleId: `AROA${r.chars(17, B32)}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      CreateDate: '2024-04-01T09:00:00.000Z',
      AssumeRolePolicyDocument: policyDocument({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }),
      InstanceProfileList:
        principal.Service === 'ec2.amazonaws.com'
          ? [
              {
                Path: '/',
                InstanceProfileName: name,
                InstanceProfileId: `AIPA${r.chars(17, B32)}`,
                Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${name}`,
                CreateDate: '2024-04-01T09:00:00.000Z',
              },
            ]
          : [],
      RolePolicyList:
        i < roleInline
          ? [
              {
                PolicyName: 'queue-access',
                PolicyDocument: policyDocument({
                  Effect: 'Allow',
                  Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
                  Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:queue-${i}`,
                }),
              },
            ]
          : [],
      AttachedManagedPolicies: [{ PolicyName: policy.name, PolicyArn: policy.arn }],
      Tags: [],
      RoleLastUsed: r.chance(0.7) ? { LastUsedDate: '2026-11-20T03:00:00.000Z', Region: 'eu-west-1' } : {},
    };
  });
  const policyDetails = policies.map((p) => ({
    PolicyName: p.name,
    PolicyId: `ANPA${r.chars(17, B32)}`,
    Arn: p.arn,
    Path: '/',
    DefaultVersionId: 'v2',
    AttachmentCount: p.attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2023-03-14T08:00:00.000Z',
    UpdateDate: '2025-01-20T10:15:00.000Z',
    PolicyVersionList: [
      {
        Document: policyDocument({ Effect: 'Allow', Action: p.wide ? 'dynamodb:*' : ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: '*' }),
        VersionId: 'v2',
        IsDefaultVersion: true,
        CreateDate: '2025-01-20T10:15:00.000Z',
      },
      {
        Document: policyDocument({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }),
        VersionId: 'v1',
        IsDefaultVersion: false,
        CreateDate: '2023-03-14T08:00:00.000Z',
      },
    ],
  }));
  // Calls in the order the collector asks them; the answers made per resource by resource.
  const iam = {
    GetAccountSummary: {
      SummaryMap: { Users: users, Groups: groupNames.length, Roles: roles, Policies: managed, AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
    },
    GetCredentialReport: { Content: `${reportRows.join('\n')}\n`, ReportFormat: 'text/csv', GeneratedTime: '2026-11-25T11:58:00.000Z' },
    ListUsers: { Users: listUsers },
    ListAccessKeys: sortedKeys(accessKeys),
    GetAccessKeyLastUsed: sortedKeys(lastUsed),
    ListMFADevices: sortedKeys(mfaDevices),
    GetAccountAuthorizationDetails: { UserDetailList: userDetails, GroupDetailList: groupDetails, RoleDetailList: roleDetails, Policies: policyDetails },
  };
  const doc = {
    $schema: 'https://github.com/mamori-dev/mamori/raw/main/packages/core/src/schema/snapshot.schema.json',
    mamoriSnapshot: 1,
    accountId: ACCOUNT,
    partition: 'aws',
    collectedAt: COLLECTED_AT,
    completedAt: '2026-11-25T12:14:31.000Z',
    collector: { name: 'mamori', version: '0.1.0' },
    regions,
    global: {
      budgets: {
        DescribeBudgets: {
          Budgets: [
            {
              BudgetName: 'monthly-cost',
              BudgetLimit: { Amount: '50000.0', Unit: 'USD' },
              TimeUnit: 'MONTHLY',
              TimePeriod: { Start: '2025-01-01T00:00:00.000Z', End: '2087-06-15T00:00:00.000Z' },
              CalculatedSpend: { ActualSpend: { Amount: '31822.4', Unit: 'USD' } },
              BudgetType: 'COST',
              LastUpdatedTime: '2025-01-02T09:14:27.000Z',
            },
          ],
        },
      },
      cloudwatch: { DescribeAlarms: { MetricAlarms: [] } },
      iam,
      s3: { GetBucketLifecycleConfiguration: sortedKeys(lifecycles) },
      sts: { GetCallerIdentity: { UserId: 'AIDAEXAMPLEUSERID', Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor` } },
    },
    regional,
    errors: [],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes the snapshot to `file` unless the same one is there; returns its path. */
export function generateSnapshot(file, entities, regions) {
  const dir = path.dirname(file);
  const key = `snapshot v${SNAPSHOT_GENERATOR_VERSION} entities=${entities} regions=${regions}`;
  const marker = `${file}.generated`;
  if (existsSync(file) && existsSync(marker) && readFileSync(marker, 'utf8') === key) return file;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, makeSnapshot(entities, regions));
  writeFileSync(marker, key);
  return file;
}

/** A short digest of a folder's generated content, for the report. */
export function digest(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

// Hostile templates: small files that would take a naive scanner minutes or gigabytes, and one
// file at the size limit made of random 40-character tokens (each shaped like a secret access key).
// `scale` 1 is the bench's size; tests use a fraction of it.

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n";

/** Just under the 20 MiB a template may have: random tokens in a block scalar, in a map and in a list. */
function tokensTemplate(r, bytes) {
  const out = [HEADER, 'Resources:\n  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata:\n      Blob: |\n'];
  let size = out[0].length + out[1].length;
  const third = bytes / 3;
  for (let i = 0; size < third; i++) {
    // Now and then a line a secret search has to look at twice: a key id beside a token, a key name before one.
    const line =
      i % 997 === 0
        ? `        aws_access_key_id AKIA${r.chars(16, B32)} ${r.chars(40, TOKEN)}\n`
        : `        ${Array.from({ length: 5 }, () => r.chars(40, TOKEN)).join(' ')}\n`;
    out.push(line);
    size += line.length;
  }
  out.push('      Pairs:\n');
  for (let i = 0; size < 2 * third; i++) {
    const line = `        ${i % 1009 === 0 ? 'SecretAccessKey' : `Key${i}`}${i % 1009 === 0 ? i : ''}: ${r.chars(40, TOKEN)}\n`;
    out.push(line);
    size += line.length;
  }
  out.push('      Lines:\n');
  while (size < bytes) {
    const line = `        - ${r.chars(40, TOKEN)} ${r.chars(40, TOKEN)}\n`;
    out.push(line);
    size += line.length;
  }
  return out.join('');
}

/** `Fn::If` nests: chains deeper than any bound, a full tree of branches, and a join of many independent choices. */
function ifNestTemplate(count) {
  const conditions = Array.from({ length: 40 }, (_, i) => `  C${i}: !Equals [!Ref Env, e${i}]\n`).join('');
  // Every chain ends in the branch taken when all conditions are false: SSH from the world.
  const chain = (depth, leaf, last, from = 0) => {
    let v = last;
    for (let i = from + depth - 1; i >= from; i--) v = `{'Fn::If': [C${i}, ${leaf(i)}, ${v}]}`;
    return v;
  };
  const tree = (depth, i = 0) => (depth === 0 ? `10.${i % 250}.0.0/16` : `{'Fn::If': [C${depth}, ${tree(depth - 1, 2 * i)}, ${tree(depth - 1, 2 * i + 1)}]}`);
  const joined = `{'Fn::Join': ['', [${Array.from({ length: 24 }, (_, i) => `{'Fn::If': [C${i}, '1', '2']}`).join(', ')}]]}`;
  const out = [HEADER, 'Parameters:\n  Env: {Type: String}\nConditions:\n', conditions, 'Resources:\n'];
  for (let i = 0; i < count; i++) {
    out.push(`  Sg${i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ${joined}
      SecurityGroupIngress:
        - IpProtocol: ${chain(12, () => 'udp', 'tcp', 20)}
          FromPort: ${chain(30, (j) => String(1000 + j), '22')}
          ToPort: ${chain(30, (j) => String(1000 + j), '22')}
          CidrIp: ${chain(40, (j) => `'10.${j}.0.0/16'`, "'0.0.0.0/0'")}
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: ${tree(12)}
        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: ${joined}}
`);
  }
  return out.join('');
}

/** `Fn::ForEach` bombs: nested loops that multiply, a small collection times a large body, identifiers in keys. */
function forEachTemplate(scale) {
  const items = (n, p) => `[${Array.from({ length: n }, (_, i) => `${p}${i}`).join(', ')}]`;
  const body = Array.from({ length: Math.round(4000 * scale) }, (_, i) => `            K${i}\${A}: !Sub '\${A}-${i}'\n`).join('');
  const nested = (level) =>
    level === 5
      ? `- R\${A}\${B}\${C}\${D}\${E}:\n${' '.repeat(4 + 2 * level)}  Type: AWS::SNS::Topic\n`
      : `- Fn::ForEach::L${level}:\n${' '.repeat(6 + 2 * level)}- ${'ABCDE'[level]}\n${' '.repeat(6 + 2 * level)}- ${items(30, `i${level}`)}\n${' '.repeat(6 + 2 * level)}${nested(level + 1)}`;
  return `${HEADER}Transform: AWS::LanguageExtensions
Mappings:
  Lists:
    All: {Names: ${items(Math.round(2000 * scale), 'm')}}
Resources:
  Fn::ForEach::Nested:
    - A
    - ${items(30, 'x')}
    - Fn::ForEach::Inner:
        - B
        - ${items(30, 'y')}
        ${nested(2).replace(/^- /, '- ')}
  Fn::ForEach::Wide:
    - A
    - !FindInMap [Lists, All, Names]
    - Wide\${A}:
        Type: AWS::CloudFormation::WaitConditionHandle
        Metadata:
          Body:
${body}`;
}

/**
 * Many conditions, mappings and references, each looked up by name: quadratic if a lookup scans the
 * section. Passwords and `Fn::Sub` strings that make backtracking patterns or repeated searches slow.
 */
function lookupsTemplate(count) {
  const out = [HEADER, 'Parameters:\n  Env: {Type: String}\n  Region: {Type: String}\nConditions:\n'];
  for (let i = 0; i < count; i++) out.push(`  C${i}: !Or [!Equals [!Ref Env, e${i}], !Condition C${Math.max(0, i - 1)}]\n`);
  out.push('Mappings:\n  Cidrs:\n');
  for (let i = 0; i < count; i++) out.push(`    R${i}: {Cidr: 10.${i % 250}.0.0/16}\n`);
  out.push('Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties: {UserName: u}\n');
  out.push(`  Placeholder:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: '{{${' '.repeat(200_000)}x'\n`);
  out.push(`  Leak:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: !Sub '${'${Key.SecretAccessKey}'.repeat(20_000)}'\n`);
  for (let i = 0; i < count / 4; i++) {
    out.push(`  Sg${i}:
    Type: AWS::EC2::SecurityGroup
    Condition: C${count - 1 - i}
    Properties:
      GroupDescription: !If [C${i}, a, b]
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !FindInMap [Cidrs, !Ref Region, Cidr]}
`);
  }
  return out.join('');
}

/** What each hostile template is, for the bench's rows. */
export const HOSTILE_FILES = {
  'tokens.yaml': '20 MiB of random 40-character tokens',
  'if-nest.yaml': 'Fn::If chains of 40 conditions, trees of 4,096 branches, joins of 24 choices',
  'foreach.yaml': 'nested and wide Fn::ForEach loops',
  'lookups.yaml': '40,000 conditions and mapping keys looked up by name, a 200,000-character password placeholder, 20,000 references in one Fn::Sub',
  'fixes.json': '5,000 RDS instances without MultiAZ, each finding with a fix',
  'fixes.yaml': '5,000 security groups open to the world on SSH, each finding with a fix that adds one shared parameter',
};

/** `count` RDS instances without MultiAZ, as JSON: a fix each, every one an insertion of its own. */
function fixesJson(count) {
  const resources = {};
  for (let i = 0; i < count; i++) {
    resources[`Db${i}`] = {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'postgres', DBSubnetGroupName: 'private', StorageEncrypted: true, BackupRetentionPeriod: 7 },
    };
  }
  return `${JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2)}\n`;
}

/** `count` security groups open to the world on SSH, as YAML: each fix adds the same parameter and references it. */
function fixesYaml(count) {
  let out = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
  for (let i = 0; i < count; i++) {
    out += `  Sg${i}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: bastion ${i}\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n`;
  }
  return out;
}

/** The hostile templates, by file name; `scale` 1 makes the tokens file 20 MiB less a little. */
export function hostileTemplates(scale = 1) {
  const r = new Rand(12);
  return {
    'tokens.yaml': tokensTemplate(r, Math.round((20 * 1024 * 1024 - 64 * 1024) * scale)),
    'if-nest.yaml': ifNestTemplate(Math.max(1, Math.round(12 * scale))),
    'foreach.yaml': forEachTemplate(scale),
    'lookups.yaml': lookupsTemplate(Math.max(8, Math.round(40_000 * scale))),
    'fixes.json': fixesJson(Math.max(1, Math.round(5_000 * scale))),
    'fixes.yaml': fixesYaml(Math.max(1, Math.round(5_000 * scale))),
  };
}

/** Writes the hostile templates under `dir`, unless they are already there. */
export function generateHostile(dir) {
  const key = `hostile v${GENERATOR_VERSION}`;
  if (ready(dir, key)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(hostileTemplates())) writeFileSync(path.join(dir, name), text);
  markReady(dir, key);
  return dir;
}
