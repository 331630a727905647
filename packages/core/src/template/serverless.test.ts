import { describe, expect, it } from 'vitest';
import { of, templateFrom } from '../../../../test/entities.js';
import { templateEntities } from './entities.js';
import { loadTemplate } from './load.js';

const SERVICE = `service: orders
provider:
  name: aws
  environment:
    DB_PASSWORD: \${ssm:/orders/db-password}
    API_TOKEN: \${self:custom.tokens.\${opt:stage}}
    SMTP_PASSWORD: smtp-pass-1
functions:
  - checkout:
      handler: src/checkout.handler
      environment: { PAYMENT_SECRET: pay-secret-1 }
resources:
  - Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: '\${opt:adminCidr}' }
            - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/1 }
            - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Sub '\${AWS::Region}' }
      Db:
        Type: AWS::RDS::DBInstance
        Properties: { MasterUserPassword: '\${ssm:/orders/db-master}' }
  - \${file(resources/buckets.yml)}
  - Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties: { MasterUserPassword: literal-master-1 }
    Outputs:
      SgId: { Value: !Ref Sg }
`;

describe('Serverless Framework service files', () => {
  it('are read as the CloudFormation under resources, at their own positions, whatever their names', () => {
    const loaded = loadTemplate('services/orders.yml', SERVICE, false);
    expect(loaded.template?.resources.get('Sg')?.loc).toMatchObject({ file: 'services/orders.yml', line: 14, column: 7 });
    // Later parts replace resources of the same name, as the framework merges them.
    expect(loaded.template?.resources.get('Db')?.loc).toMatchObject({ line: 27, column: 7 });
    expect([...(loaded.template?.resources.keys() ?? [])]).toEqual(['Sg', 'Db']);
    expect(loaded.notifications).toEqual([
      expect.objectContaining({
        level: 'note',
        code: 'skipped',
        line: 25,
        column: 5,
        message: expect.stringMatching(/^resources\[1\] is included from another file/),
      }),
    ]);
  });

  it('treat Serverless variables as unknown values, never as literals or ranges', () => {
    const entities = templateEntities(templateFrom(SERVICE, 'serverless.yml'));
    const rules = of('SecurityGroup', entities)[0]?.rules ?? [];
    expect(rules.map((r) => r.cidrIpv4)).toEqual([undefined, '0.0.0.0/1', undefined]);
    const passwords = of('PasswordProperty', entities);
    expect(passwords.map((p) => [p.displayName, p.property, p.valueSource, p.location.line])).toEqual([
      ['Db', 'MasterUserPassword', 'literal', 29],
      ['provider', 'environment.DB_PASSWORD', 'unknown', 5],
      ['provider', 'environment.API_TOKEN', 'unknown', 6],
      ['provider', 'environment.SMTP_PASSWORD', 'literal', 7],
      ['functions.checkout', 'environment.PAYMENT_SECRET', 'literal', 11],
    ]);
  });

  it('keep Fn::Sub and its pseudo parameters as CloudFormation reads them', () => {
    const template = templateFrom(SERVICE, 'serverless.yml');
    expect(template.variables?.test('${AWS::Region}')).toBe(false);
    expect(template.variables?.test('${Bucket.Arn}')).toBe(false);
    expect(template.variables?.test("${opt:stage, 'dev'}")).toBe(true);
    expect(template.variables?.test('${file(./x.yml):key}')).toBe(true);
  });

  it.each([
    ['another provider', 'service: x\nprovider: { name: azure }\nresources: { Resources: { B: { Type: AWS::S3::Bucket } } }\n'],
    ['no provider', 'service: x\nresources: { Resources: { B: { Type: AWS::S3::Bucket } } }\n'],
  ])('are not read with %s', (_name, text) => {
    expect(loadTemplate('serverless.yml', text, false).template).toBeUndefined();
  });

  it('a service file that does not parse is an error, not passed over', () => {
    const loaded = loadTemplate('serverless.yml', 'service: x\nprovider:\n  name: aws\n  environment: [a\n', false);
    expect(loaded.notifications.map((n) => n.code)).toEqual(['parse-error']);
  });

  it('a JSON service file, with its environment included from elsewhere, named in a note', () => {
    const text =
      '{\n  "service": "x",\n  "provider": { "name": "aws", "environment": "${file(env.json)}" },\n  "functions": { "f": { "handler": "h", "environment": "${self:custom.env}" } },\n  "resources": { "Resources": { "B": { "Type": "AWS::S3::Bucket" } } }\n}\n';
    const loaded = loadTemplate('serverless.json', text, false);
    expect(loaded.template?.resources.get('B')?.loc).toMatchObject({ line: 5, column: 33 });
    expect(loaded.notifications.map((n) => [n.line, n.message.split(' (')[0]])).toEqual([
      [3, 'provider.environment is included from another file'],
      [4, 'functions.f.environment is not written here'],
    ]);
  });

  it('resources included whole, or a section included, are named in notes', () => {
    const whole = loadTemplate('serverless.yml', 'service: x\nprovider: { name: aws }\nresources: ${file(cfn.yml)}\n', false);
    expect(whole.template?.resources.size).toBe(0);
    expect(whole.notifications.map((n) => [n.line, n.message.split(' (')[0]])).toEqual([[3, 'resources is included from another file']]);
    const section = loadTemplate('serverless.yml', 'service: x\nprovider: { name: aws }\nresources:\n  Resources: ${file(cfn.yml):Resources}\n', false);
    expect(section.notifications.map((n) => [n.line, n.message.split(' (')[0]])).toEqual([[4, 'resources.Resources is included from another file']]);
  });
});
