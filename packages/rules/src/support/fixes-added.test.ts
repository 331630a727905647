import { type AnyRule, scanText } from '@mamori/core';
import { applyReplacements, templateEdits } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../core/src/template/parsing/parse.js';
import { rules } from '../index.js';

// Fixes that add, remove and reference: a new parameter for world-open ingress, a parameter's
// default removed, NoEcho, a trail bucket's lifecycle rule. Each case gives a whole template and,
// written out by hand, the template fixed.

const rule = (id: string): AnyRule => rules.find((r) => r.id === id) as AnyRule;

/** The parsed tree without positions (short forms as long forms). */
function tree(file: string, text: string): Record<string, unknown> {
  const parsed = parseText(file, text, file.endsWith('.json') ? 'json' : 'yaml');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  type Node = NonNullable<typeof parsed.root>;
  const plain = (node: Node): unknown =>
    node.kind === 'scalar' ? node.value : node.kind === 'seq' ? node.items.map(plain) : Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
  return (parsed.root && plain(parsed.root)) as Record<string, unknown>;
}

function without(value: Record<string, unknown>, paths: readonly (readonly (string | number)[])[]): Record<string, unknown> {
  const copy = structuredClone(value);
  for (const path of paths) {
    let node = copy as Record<string | number, unknown> | undefined;
    for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, unknown> | undefined;
    if (node) delete node[path[path.length - 1] as string | number];
  }
  return copy;
}

/** Every fix of the rules' findings made in turn, as `mamori fix` does; the reasons of those refused. */
async function fixAll(file: string, text: string, ids: readonly string[]): Promise<{ text: string; refused: string[] }> {
  const { findings } = await scanText({ file, text, rules: ids.map(rule) });
  let edited = text;
  const refused: string[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const made = templateEdits(file, edited, f.fix.edits);
    if ('unfixable' in made) refused.push(made.unfixable);
    else edited = applyReplacements(edited, made.replacements);
  }
  return { text: edited, refused };
}

interface Case {
  name: string;
  file: string;
  rules: string[];
  before: string[];
  after: string[];
  /** What the fix changes in the parsed template; everything else must parse the same. */
  changed: (string | number)[][];
  eol?: string;
}

const ADMIN_CIDR_YAML = [
  '  AdminCidr:',
  '    Type: String',
  '    Description: IPv4 range (CIDR) allowed to reach the administration and database ports, such as your office or VPN; no default, so that each deployment chooses it',
  '    AllowedPattern: ^(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])$',
  '    ConstraintDescription: an IPv4 CIDR block such as 203.0.113.0/24',
];

const CASES: Case[] = [
  {
    name: 'world-open SSH, short-form YAML without Parameters: a Parameters section before Resources, !Ref where 0.0.0.0/0 stood',
    file: 'sg.yaml',
    rules: ['MAM101'],
    before: [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Description: bastion # kept',
      '',
      '# The resources',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: !Sub "${AWS::StackName} bastion"',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 22',
      '          ToPort: 22',
      "          CidrIp: '0.0.0.0/0' # anyone",
      '',
    ],
    after: [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Description: bastion # kept',
      '',
      'Parameters:',
      ...ADMIN_CIDR_YAML,
      '',
      '# The resources',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: !Sub "${AWS::StackName} bastion"',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 22',
      '          ToPort: 22',
      '          CidrIp: !Ref AdminCidr # anyone',
      '',
    ],
    changed: [['Parameters'], ['Resources', 'Sg', 'Properties', 'SecurityGroupIngress', 0, 'CidrIp']],
  },
  {
    name: 'world-open RDP and PostgreSQL over IPv4 and IPv6, long-form YAML with CRLF and four-space indentation: parameters appended, { Ref } in flow',
    file: 'sg.yml',
    rules: ['MAM101'],
    eol: '\r\n',
    before: [
      'Parameters:',
      '    Env:',
      '        Type: String',
      'Resources:',
      '    Rdp:',
      '        Type: AWS::EC2::SecurityGroupIngress',
      '        Properties:',
      '            GroupId: sg-123',
      '            IpProtocol: tcp',
      '            FromPort: 3389',
      '            ToPort: 3389',
      '            CidrIpv6: ::/0',
      '    Db:',
      '        Type: AWS::EC2::SecurityGroupIngress',
      '        Properties: { GroupId: sg-123, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }',
      '',
    ],
    after: [
      'Parameters:',
      '    Env:',
      '        Type: String',
      '    AdminCidrIpv6:',
      '        Type: String',
      '        Description: IPv6 range (CIDR) allowed to reach the administration and database ports, such as your office or VPN; no default, so that each deployment chooses it',
      '        AllowedPattern: ^[0-9A-Fa-f:.]+/\\d{1,3}$',
      '        ConstraintDescription: an IPv6 CIDR block such as 2001:db8::/48',
      '    AdminCidr:',
      '        Type: String',
      '        Description: IPv4 range (CIDR) allowed to reach the administration and database ports, such as your office or VPN; no default, so that each deployment chooses it',
      '        AllowedPattern: ^(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])$',
      '        ConstraintDescription: an IPv4 CIDR block such as 203.0.113.0/24',
      'Resources:',
      '    Rdp:',
      '        Type: AWS::EC2::SecurityGroupIngress',
      '        Properties:',
      '            GroupId: sg-123',
      '            IpProtocol: tcp',
      '            FromPort: 3389',
      '            ToPort: 3389',
      '            CidrIpv6: { Ref: AdminCidrIpv6 }',
      '    Db:',
      '        Type: AWS::EC2::SecurityGroupIngress',
      '        Properties: { GroupId: sg-123, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: { Ref: AdminCidr } }',
      '',
    ],
    changed: [
      ['Parameters', 'AdminCidr'],
      ['Parameters', 'AdminCidrIpv6'],
      ['Resources', 'Rdp', 'Properties', 'CidrIpv6'],
      ['Resources', 'Db', 'Properties', 'CidrIp'],
    ],
  },
  {
    name: "world-open through a parameter's default: the default goes, in a flow mapping and in a block one",
    file: 'sg.yaml',
    rules: ['MAM101'],
    before: [
      'Parameters:',
      '  SshCidr: { Type: String, Default: 0.0.0.0/0 }  # who may log in',
      '  DbCidr:',
      '    Type: String',
      '    # anyone, for now',
      '    Default: 0.0.0.0/0',
      '    Description: database clients',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: x',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SshCidr }',
      '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: !Ref DbCidr }',
      '',
    ],
    after: [
      'Parameters:',
      '  SshCidr: { Type: String }  # who may log in',
      '  DbCidr:',
      '    Type: String',
      '    # anyone, for now',
      '    Description: database clients',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: x',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SshCidr }',
      '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: !Ref DbCidr }',
      '',
    ],
    changed: [
      ['Parameters', 'SshCidr', 'Default'],
      ['Parameters', 'DbCidr', 'Default'],
    ],
  },
  {
    name: 'world-open in JSON without Parameters: the section goes before Resources, { "Ref" } on the line',
    file: 'sg.json',
    rules: ['MAM101'],
    before: [
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Resources": {',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroup",',
      '      "Properties": {',
      '        "GroupDescription": "ssh",',
      '        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0" }]',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ],
    after: [
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Parameters": {',
      '    "AdminCidr": {',
      '      "Type": "String",',
      '      "Description": "IPv4 range (CIDR) allowed to reach the administration and database ports, such as your office or VPN; no default, so that each deployment chooses it",',
      '      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",',
      '      "ConstraintDescription": "an IPv4 CIDR block such as 203.0.113.0/24"',
      '    }',
      '  },',
      '  "Resources": {',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroup",',
      '      "Properties": {',
      '        "GroupDescription": "ssh",',
      '        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": { "Ref": "AdminCidr" } }]',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ],
    changed: [['Parameters'], ['Resources', 'Sg', 'Properties', 'SecurityGroupIngress', 0, 'CidrIp']],
  },
  {
    name: 'NoEcho on secret parameters: YAML block and flow mappings, JSON on one line',
    file: 'params.yaml',
    rules: ['MAM205'],
    before: [
      'Parameters:',
      '  DbPassword:',
      '    Type: String',
      '    MinLength: 16',
      '  GitHubToken: { Type: String }',
      '  ApiKey: {Type: String, NoEcho: "false"}',
      'Resources:',
      '  Topic: { Type: AWS::SNS::Topic }',
      '',
    ],
    after: [
      'Parameters:',
      '  DbPassword:',
      '    Type: String',
      '    MinLength: 16',
      '    NoEcho: true',
      '  GitHubToken: { Type: String, NoEcho: true }',
      '  ApiKey: {Type: String, NoEcho: "true"}',
      'Resources:',
      '  Topic: { Type: AWS::SNS::Topic }',
      '',
    ],
    changed: [
      ['Parameters', 'DbPassword', 'NoEcho'],
      ['Parameters', 'GitHubToken', 'NoEcho'],
      ['Parameters', 'ApiKey', 'NoEcho'],
    ],
  },
  {
    name: 'NoEcho in JSON',
    file: 'params.json',
    rules: ['MAM205'],
    before: ['{', '  "Parameters": { "DbPassword": { "Type": "String" } },', '  "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }', '}', ''],
    after: [
      '{',
      '  "Parameters": { "DbPassword": { "Type": "String", "NoEcho": true } },',
      '  "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }',
      '}',
      '',
    ],
    changed: [['Parameters', 'DbPassword', 'NoEcho']],
  },
  {
    name: 'a lifecycle rule on the trail bucket, in the file’s list style (items not indented under their key)',
    file: 'trail.yaml',
    rules: ['MAM705'],
    before: [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Tags:',
      '      - Key: team',
      '        Value: platform',
      '  Trail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties:',
      '      IsLogging: true',
      '      S3BucketName: !Ref Logs',
      '',
    ],
    after: [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Tags:',
      '      - Key: team',
      '        Value: platform',
      '      LifecycleConfiguration:',
      '        Rules:',
      '        - Id: archive-then-expire-trail-logs',
      '          Status: Enabled',
      '          Transitions:',
      '          - StorageClass: GLACIER_IR',
      '            TransitionInDays: 90',
      '          ExpirationInDays: 2557',
      '  Trail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties:',
      '      IsLogging: true',
      '      S3BucketName: !Ref Logs',
      '',
    ],
    changed: [['Resources', 'Logs', 'Properties', 'LifecycleConfiguration']],
  },
  {
    name: 'a lifecycle rule on a JSON trail bucket without Properties',
    file: 'trail.json',
    rules: ['MAM705'],
    before: [
      '{',
      '\t"Resources": {',
      '\t\t"Logs": {',
      '\t\t\t"Type": "AWS::S3::Bucket"',
      '\t\t},',
      '\t\t"Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": true, "S3BucketName": { "Ref": "Logs" } } }',
      '\t}',
      '}',
      '',
    ],
    after: [
      '{',
      '\t"Resources": {',
      '\t\t"Logs": {',
      '\t\t\t"Type": "AWS::S3::Bucket",',
      '\t\t\t"Properties": {',
      '\t\t\t\t"LifecycleConfiguration": {',
      '\t\t\t\t\t"Rules": [',
      '\t\t\t\t\t\t{',
      '\t\t\t\t\t\t\t"Id": "archive-then-expire-trail-logs",',
      '\t\t\t\t\t\t\t"Status": "Enabled",',
      '\t\t\t\t\t\t\t"Transitions": [',
      '\t\t\t\t\t\t\t\t{',
      '\t\t\t\t\t\t\t\t\t"StorageClass": "GLACIER_IR",',
      '\t\t\t\t\t\t\t\t\t"TransitionInDays": 90',
      '\t\t\t\t\t\t\t\t}',
      '\t\t\t\t\t\t\t],',
      '\t\t\t\t\t\t\t"ExpirationInDays": 2557',
      '\t\t\t\t\t\t}',
      '\t\t\t\t\t]',
      '\t\t\t\t}',
      '\t\t\t}',
      '\t\t},',
      '\t\t"Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": true, "S3BucketName": { "Ref": "Logs" } } }',
      '\t}',
      '}',
      '',
    ],
    changed: [['Resources', 'Logs', 'Properties']],
  },
];

describe.each(CASES)('$name', (c) => {
  const eol = c.eol ?? '\n';
  const before = c.before.join(eol);
  const after = c.after.join(eol);

  it('gives the template fixed as written out, which rescans clean, parses the same but where fixed, and is not changed again', async () => {
    const fixed = await fixAll(c.file, before, c.rules);
    expect(fixed.refused).toEqual([]);
    expect(fixed.text).toBe(after);
    const { findings } = await scanText({ file: c.file, text: fixed.text, rules: c.rules.map(rule) });
    expect(findings.map((f) => f.message)).toEqual([]);
    expect(without(tree(c.file, fixed.text), c.changed)).toEqual(without(tree(c.file, before), c.changed));
    expect(await fixAll(c.file, fixed.text, c.rules)).toEqual({ text: fixed.text, refused: [] });
  });
});

describe('left with the reason', () => {
  it('world-open ingress chosen by Fn::If names the condition', async () => {
    const text = [
      'Conditions:',
      '  Open: !Equals [a, a]',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: x',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !If [Open, 0.0.0.0/0, 10.0.0.0/8] }',
      '',
    ].join('\n');
    expect(await fixAll('t.yaml', text, ['MAM101'])).toEqual({
      text,
      refused: ['the value of Resources/Sg/Properties/SecurityGroupIngress/0/CidrIp is chosen by Fn::If on condition Open: edit the branch that gives it'],
    });
  });

  it('an AdminCidr parameter of the author’s own, defined otherwise, is not overwritten', async () => {
    const text = [
      'Parameters:',
      '  AdminCidr: { Type: String, Default: 10.0.0.0/8 }',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: x',
      '      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }]',
      '',
    ].join('\n');
    expect(await fixAll('t.yaml', text, ['MAM101'])).toEqual({ text, refused: ['Parameters/AdminCidr already exists with another value: edit it by hand'] });
  });

  it('a trail bucket that has lifecycle rules of its own, none expiring or moving logs, is left to its owner', async () => {
    const text = [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      LifecycleConfiguration:',
      '        Rules: [{ Id: uploads, Status: Enabled, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }]',
      '  Trail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties: { IsLogging: true, S3BucketName: !Ref Logs }',
      '',
    ].join('\n');
    expect(await fixAll('t.yaml', text, ['MAM705'])).toEqual({
      text,
      refused: ['Resources/Logs/Properties/LifecycleConfiguration already exists with another value: edit it by hand'],
    });
  });
});

it('describes each fix in the scan’s language', async () => {
  const text = 'Parameters:\n  DbPassword: { Type: String }\nResources:\n  Topic: { Type: AWS::SNS::Topic }\n';
  const en = await scanText({ file: 't.yaml', text, rules: [rule('MAM205')] });
  const ja = await scanText({ file: 't.yaml', text, rules: [rule('MAM205')], lang: 'ja' });
  expect(en.findings[0]?.fix?.description).toBe('Set NoEcho of parameter DbPassword to true.');
  expect(ja.findings[0]?.fix?.description).toBe('パラメータ DbPassword の NoEcho を true に設定します。');
});

it('offers no new parameter for all traffic, or a range that holds other ports: they may serve the public', async () => {
  const text = [
    'Resources:',
    '  Sg:',
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    '      GroupDescription: x',
    '      SecurityGroupIngress:',
    '        - { IpProtocol: -1, CidrIp: 0.0.0.0/0 }',
    '        - { IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0 }',
    '        - { IpProtocol: tcp, FromPort: 20, ToPort: 443, CidrIp: 0.0.0.0/0 }',
    '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 0.0.0.0/0 }',
    '',
  ].join('\n');
  const { findings } = await scanText({ file: 't.yaml', text, rules: [rule('MAM101')] });
  expect(findings.map((f) => [f.location.line, f.fix !== undefined])).toEqual([
    [7, false],
    [8, false],
    [9, false],
    [10, true],
  ]);
});
