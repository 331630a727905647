import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../load.js';
import { get, scalarString, toPlain } from '../parsing/node.js';

function load(body: string, parameters?: Record<string, string>) {
  const out = loadTemplate(
    't.yaml',
    `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::LanguageExtensions\n${body}`,
    true,
    parameters ? { parameters } : {},
  );
  if (!out.template) throw new Error('not a template');
  return out;
}

describe('Fn::ForEach expansion', () => {
  it('copies the fragment for each item of a literal list, at the position of the loop body', () => {
    const { template, notifications } = load(`Resources:
  Fn::ForEach::Topics:
    - Name
    - [Success, Failure]
    - Topic\${Name}:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: !Ref Name
          DisplayName: !Sub '\${Name} topic in \${AWS::Region}'
          Literal: plain \${Name}
`);
    expect(notifications).toEqual([]);
    expect([...template.resources.keys()]).toEqual(['TopicSuccess', 'TopicFailure']);
    const failure = template.resources.get('TopicFailure');
    expect(failure?.loc).toMatchObject({ line: 7, column: 7, logicalPath: 'TopicFailure' });
    if (!failure?.properties) throw new Error('no properties');
    expect(toPlain(failure.properties)).toEqual({
      TopicName: 'Failure',
      DisplayName: { 'Fn::Sub': 'Failure topic in ${AWS::Region}' },
      // Plain strings are not rewritten by the transform.
      Literal: 'plain ${Name}',
    });
    // The substituted Ref keeps the position of the Ref it replaces.
    expect(get(failure.properties, 'TopicName')?.loc).toMatchObject({ line: 10, column: 22 });
  });

  it('strips characters other than letters and digits for &{Identifier}', () => {
    const { template } = load(`Resources:
  Fn::ForEach::Buckets:
    - Host
    - [www.example.com, api-example.com]
    - Bucket&{Host}:
        Type: AWS::S3::Bucket
        Properties: {BucketName: !Sub '&{Host}-logs'}
`);
    expect([...template.resources.keys()]).toEqual(['Bucketwwwexamplecom', 'Bucketapiexamplecom']);
    expect(scalarString(get(get(template.resources.get('Bucketapiexamplecom')?.properties, 'BucketName'), 'Fn::Sub'))).toBe('apiexamplecom-logs');
  });

  it('expands over a CommaDelimitedList default, or the value given at deploy time', () => {
    const body = `Parameters:
  Envs:
    Type: CommaDelimitedList
    Default: dev,test
Resources:
  Fn::ForEach::Queues:
    - Env
    - !Ref Envs
    - Queue\${Env}:
        Type: AWS::SQS::Queue
`;
    expect([...load(body).template.resources.keys()]).toEqual(['Queuedev', 'Queuetest']);
    expect([...load(body, { Envs: 'prod' }).template.resources.keys()]).toEqual(['Queueprod']);
  });

  it('expands nested loops, the outer identifier replaced inside the inner loop', () => {
    const { template } = load(`Resources:
  Fn::ForEach::Outer:
    - Env
    - [Dev, Prod]
    - Fn::ForEach::Inner:
        - Tier
        - [Web, Db]
        - \${Env}\${Tier}Sg:
            Type: AWS::EC2::SecurityGroup
            Properties: {GroupDescription: !Sub '\${Env} \${Tier}'}
Outputs:
  Fn::ForEach::Ids:
    - Env
    - [Dev]
    - \${Env}WebId:
        Value: !Ref \${Env}WebSg
`);
    expect([...template.resources.keys()]).toEqual(['DevWebSg', 'DevDbSg', 'ProdWebSg', 'ProdDbSg']);
    expect(scalarString(get(get(template.resources.get('ProdDbSg')?.properties, 'GroupDescription'), 'Fn::Sub'))).toBe('Prod Db');
    // Outputs are expanded too (keys only: the Ref target is a plain string, as the transform leaves it).
    expect(get(template.root, 'Outputs')).toMatchObject({ kind: 'map', entries: [{ key: 'DevWebId' }] });
  });

  it('leaves a Fn::Sub variable of the same name alone', () => {
    const { template } = load(`Resources:
  Fn::ForEach::T:
    - Name
    - [A]
    - T\${Name}:
        Type: AWS::SNS::Topic
        Properties: {TopicName: !Sub ['\${Name}', {Name: fixed}]}
`);
    const topicName = get(template.resources.get('TA')?.properties, 'TopicName');
    expect(topicName && toPlain(topicName)).toEqual({ 'Fn::Sub': ['${Name}', { Name: 'fixed' }] });
  });

  it('notes a loop whose collection cannot be known, and creates nothing from it', () => {
    const { template, notifications } = load(`Parameters:
  Names:
    Type: CommaDelimitedList
Resources:
  Kept:
    Type: AWS::SNS::Topic
  Fn::ForEach::Topics:
    - Name
    - !Ref Names
    - Topic\${Name}:
        Type: AWS::SNS::Topic
`);
    expect([...template.resources.keys()]).toEqual(['Kept']);
    expect(notifications).toEqual([
      {
        level: 'note',
        code: 'not-expanded',
        file: 't.yaml',
        line: 9,
        column: 3,
        message: expect.stringMatching(/^Fn::ForEach::Topics was not expanded, so what it creates is not checked: its collection cannot be worked out/),
      },
    ]);
  });

  it('notes a malformed loop', () => {
    const { notifications } = load(`Resources:
  Fn::ForEach::Bad:
    - Name
    - [A]
`);
    expect(notifications).toEqual([expect.objectContaining({ code: 'not-expanded', line: 4, column: 3, message: expect.stringContaining('not of the form') })]);
  });

  describe('bounded by the size of what it would copy', () => {
    const names = (n: number, prefix = 'n') => `[${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(', ')}]`;
    const bigBody = (entries: number) => Array.from({ length: entries }, (_, i) => `            K${i}: !Sub '\${Name}-${i}'\n`).join('');

    it('a small list over a large body: left unexpanded with a warning naming the loop; the rest is kept', () => {
      const { template, notifications } = load(`Resources:
  Kept:
    Type: AWS::SNS::Topic
  Fn::ForEach::Wide:
    - Name
    - ${names(200)}
    - Wide\${Name}:
        Type: AWS::CloudFormation::WaitConditionHandle
        Metadata:
          Body:
${bigBody(1300)}`);
      expect([...template.resources.keys()]).toEqual(['Kept']);
      expect(notifications).toEqual([
        {
          level: 'warning',
          code: 'not-expanded',
          file: 't.yaml',
          line: 6,
          column: 3,
          message: expect.stringMatching(
            /^Fn::ForEach::Wide was not expanded, so what it creates is not checked: .*would copy more than 500,000 values \(200 items of 2,605 values each\)/,
          ),
        },
      ]);
    });

    it('a collection from Fn::FindInMap counts the same', () => {
      const { notifications } = load(`Mappings:
  Lists:
    All: {Names: ${names(2000)}}
Resources:
  Fn::ForEach::Mapped:
    - Name
    - !FindInMap [Lists, All, Names]
    - Res\${Name}:
        Type: AWS::CloudFormation::WaitConditionHandle
        Metadata:
          Body:
${bigBody(150)}`);
      expect(notifications.map((n) => [n.level, n.line, n.message.split(', so')[0]])).toEqual([['warning', 7, 'Fn::ForEach::Mapped was not expanded']]);
    });

    it('nested loops multiply: expansion stops at the bound, and each loop past it is named once', () => {
      const { template, notifications } = load(`Resources:
  Fn::ForEach::A:
    - A
    - ${names(30, 'a')}
    - Fn::ForEach::B:
        - B
        - ${names(30, 'b')}
        - Fn::ForEach::C:
            - C
            - ${names(30, 'c')}
            - R\${A}\${B}\${C}:
                Type: AWS::SNS::Topic
                Properties: {TopicName: !Sub '\${A}\${B}\${C}'}
`);
      expect(template.resources.size).toBeLessThanOrEqual(5000);
      expect(template.resources.size).toBeGreaterThan(0);
      // The inner loop is met in every copy of the outer ones, and reported once; then the middle one.
      const loops = notifications.filter((n) => n.code === 'not-expanded');
      expect(loops.map((n) => [n.level, n.line, n.message.split(' ')[0]])).toEqual([
        ['warning', 10, 'Fn::ForEach::C'],
        ['warning', 7, 'Fn::ForEach::B'],
      ]);
    });

    it('long items put into names and Fn::Sub strings count by the text they make', () => {
      const long = Array.from({ length: 3 }, (_, i) => `${String(i)}${'x'.repeat(400_000)}`);
      const { template, notifications } = load(`Resources:
  Fn::ForEach::Long:
    - Name
    - [${long.join(', ')}]
    - T&{Name}:
        Type: AWS::SNS::Topic
        Properties:
${Array.from({ length: 20 }, (_, i) => `          P${i}: !Sub '\${Name}\${Name}'\n`).join('')}`);
      expect(template.resources.size).toBe(0);
      expect(notifications[0]?.message).toMatch(/^Fn::ForEach::Long was not expanded, .*would write more than 16,000,000 characters/);
    });
  });

  it('recognises a file whose only resources are loops as a template', () => {
    const out = loadTemplate('t.yaml', 'Resources:\n  Fn::ForEach::T:\n    - N\n    - [A]\n    - T${N}: {Type: AWS::SNS::Topic}\n', false);
    expect([...(out.template?.resources.keys() ?? [])]).toEqual(['TA']);
  });
});
