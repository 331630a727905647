import { describe, expect, it } from 'vitest';
import { type CfnNode, get, toPlain } from './node.js';
import { parseText } from './parse.js';

function parse(text: string, format: 'yaml' | 'json' = 'yaml'): CfnNode {
  const out = parseText('t.yaml', text, format);
  if (!out.ok) throw new Error(`${out.problem.line}:${out.problem.column} ${out.problem.message}`);
  if (!out.root) throw new Error('empty');
  return out.root;
}

describe('YAML short-form intrinsics become their long form', () => {
  const cases: [string, string, unknown][] = [
    ['Ref', '!Ref Bucket', { Ref: 'Bucket' }],
    ['GetAtt dotted', '!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['GetAtt list', '!GetAtt [Db, Arn]', { 'Fn::GetAtt': ['Db', 'Arn'] }],
    ['Sub string', '!Sub "arn:${AWS::Partition}:s3:::${B}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}' }],
    ['Sub list', '!Sub ["${A}-x", {A: !Ref P}]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'P' } }] }],
    ['Join', '!Join [",", [a, b]]', { 'Fn::Join': [',', ['a', 'b']] }],
    ['If', '!If [C, 1, !Ref AWS::NoValue]', { 'Fn::If': ['C', 1, { Ref: 'AWS::NoValue' }] }],
    ['Equals', '!Equals [!Ref E, prod]', { 'Fn::Equals': [{ Ref: 'E' }, 'prod'] }],
    ['Not', '!Not [!Condition C]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['And', '!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['Or', '!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['FindInMap', '!FindInMap [M, !Ref AWS::Region, Ami]', { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'Ami'] }],
    ['Select', '!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['Split', '!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['Base64', '!Base64 "echo hi"', { 'Fn::Base64': 'echo hi' }],
    ['Cidr', '!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['ImportValue', '!ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
    ['GetAZs', '!GetAZs us-east-1', { 'Fn::GetAZs': 'us-east-1' }],
    ['Condition', '!Condition IsProd', { Condition: 'IsProd' }],
    [
      'Transform',
      '!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}',
      { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
    ],
  ];
  for (const [name, yaml, expected] of cases) {
    it(name, () => {
      expect(toPlain(get(parse(`V: ${yaml}\n`), 'V') as CfnNode)).toEqual(expected);
    });
  }

  it('block sequences and maps under a tag', () => {
    const root = parse('V: !Join\n  - ""\n  - - a\n    - !Ref B\n');
    expect(toPlain(get(root, 'V') as CfnNode)).toEqual({ 'Fn::Join': ['', ['a', { Ref: 'B' }]] });
  });
});

describe('positions', () => {
  it('keeps 1-based line and column of every value, the tag included', () => {
    const root = parse('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n');
    const name = get(get(get(get(root, 'Resources'), 'A'), 'Properties'), 'BucketName');
    expect(name?.loc).toMatchObject({ line: 5, column: 19, endLine: 5, endColumn: 28 });
    const type = get(get(get(root, 'Resources'), 'A'), 'Type');
    expect(type?.loc).toMatchObject({ line: 3, column: 11, endColumn: 26 });
  });

  it('JSON values have positions too', () => {
    const root = parse('{\n  "A": {\n    "B": [1, "x"]\n  }\n}', 'json');
    const b = get(get(root, 'A'), 'B');
    expect(b?.kind).toBe('seq');
    expect(b?.loc).toMatchObject({ line: 3, column: 10, endLine: 3, endColumn: 18 });
  });

  it('a byte-order mark does not shift columns', () => {
    const root = parse('\uFEFFA: 1\nB: x\n');
    expect(get(root, 'B')?.loc).toMatchObject({ line: 2, column: 4 });
  });

  it('CRLF line endings count as one line break', () => {
    const root = parse('A: 1\r\nB: x\r\n');
    expect(get(root, 'B')?.loc).toMatchObject({ line: 2, column: 4 });
  });
});

describe('errors name the line and column', () => {
  it('YAML syntax error', () => {
    const out = parseText('t.yaml', 'A: 1\nB: [1, 2\nC: 3\n', 'yaml');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem.line).toBeGreaterThanOrEqual(2);
  });

  it('duplicate YAML keys', () => {
    const out = parseText('t.yaml', 'A: 1\nA: 2\n', 'yaml');
    expect(out).toMatchObject({ ok: false, problem: { line: 2, column: 1 } });
  });

  it('duplicate JSON keys', () => {
    const out = parseText('t.json', '{"A": 1,\n "A": 2}', 'json');
    expect(out).toMatchObject({ ok: false, problem: { line: 2, column: 2, message: expect.stringContaining('"A"') } });
  });

  it('JSON syntax error', () => {
    const out = parseText('t.json', '{\n  "A": 1,\n  "B" 2\n}', 'json');
    expect(out).toMatchObject({ ok: false, problem: { line: 3, message: expect.stringMatching(/^JSON syntax error/) } });
  });

  it('JSON comments and trailing commas are accepted', () => {
    const root = parse('{\n  // a comment\n  "A": [1, 2,],\n}', 'json');
    expect(toPlain(root)).toEqual({ A: [1, 2] });
  });

  it('a key named __proto__ stays data in the plain value, not its prototype', () => {
    const plain = toPlain(parse('{"__proto__": {"A": 1}, "constructor": 2, "B": 3}', 'json')) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['__proto__', 'constructor', 'B']);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(plain, '__proto__')?.value).toEqual({ A: 1 });
  });

  it('an alias bomb stops with a message instead of exhausting memory', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const out = parseText('bomb.yaml', `${lines.join('\n')}\n`, 'yaml');
    expect(out).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/alias|nodes/i) } });
  });

  it('deep nesting is refused with a message', () => {
    const out = parseText('deep.json', `${'['.repeat(2000)}${']'.repeat(2000)}`, 'json');
    expect(out).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/deeper/) } });
  });
});
