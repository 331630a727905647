import { type AnyRule, scanText, type TemplateEdit } from '@mamori/core';
import { applyReplacements, templateEdits } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../core/src/template/parsing/parse.js';
import { rules } from '../index.js';

type Value = boolean | number | string;

/** A template's parsed tree without positions (short forms already long forms), to compare two versions of it. */
function tree(file: string, text: string): unknown {
  const parsed = parseText(file, text, file.endsWith('.json') ? 'json' : 'yaml');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  type Node = NonNullable<typeof parsed.root>;
  const plain = (node: Node): unknown =>
    node.kind === 'scalar' ? node.value : node.kind === 'seq' ? node.items.map(plain) : Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
  return parsed.root && plain(parsed.root);
}

function setIn(target: unknown, path: readonly string[], value: Value): void {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

const rule = (id: string): AnyRule => rules.find((r) => r.id === id) as AnyRule;

interface Case {
  id: string;
  type: string;
  /** Properties besides the offending one, as YAML lines and JSON members. */
  yaml: string[];
  json: string[];
  /** The offending property as written (left out when it is absent), and what the fix writes. */
  written?: [string, string];
  expected: Record<string, Value>;
}

const DB_YAML = [
  'Engine: postgres # the engine',
  'DBInstanceClass: db.t4g.micro',
  "AllocatedStorage: '20'",
  'MasterUserPassword: !Sub "{{resolve:secretsmanager:${Secret}}}"',
];
const DB_JSON = [
  '"Engine": "postgres"',
  '"DBInstanceClass": "db.t4g.micro"',
  '"AllocatedStorage": "20"',
  '"MasterUserPassword": { "Fn::Sub": "{{resolve:secretsmanager:${Secret}}}" }',
];
const PRIVATE = { yaml: 'DBSubnetGroupName: !Ref Subnets', json: '"DBSubnetGroupName": { "Ref": "Subnets" }' };
const SAFE_DB = { yaml: ['MultiAZ: true', 'StorageEncrypted: true'], json: ['"MultiAZ": true', '"StorageEncrypted": true'] };
const TRAIL_YAML = ['IsLogging: true', 'S3BucketName: !Ref Bucket # where logs go'];
const TRAIL_JSON = ['"IsLogging": true', '"S3BucketName": { "Ref": "Bucket" }'];

const CASES: Case[] = [
  {
    id: 'MAM601',
    type: 'AWS::RDS::DBInstance',
    yaml: [...DB_YAML, PRIVATE.yaml, 'StorageEncrypted: true'],
    json: [...DB_JSON, PRIVATE.json, '"StorageEncrypted": true'],
    written: ['MultiAZ', 'false'],
    expected: { MultiAZ: true },
  },
  { id: 'MAM601', type: 'AWS::RDS::DBInstance', yaml: [...DB_YAML, PRIVATE.yaml], json: [...DB_JSON, PRIVATE.json], expected: { MultiAZ: true } },
  {
    id: 'MAM602',
    type: 'AWS::RDS::DBInstance',
    yaml: [...DB_YAML, ...SAFE_DB.yaml, PRIVATE.yaml],
    json: [...DB_JSON, ...SAFE_DB.json, PRIVATE.json],
    written: ['PubliclyAccessible', 'true'],
    expected: { PubliclyAccessible: false },
  },
  {
    id: 'MAM602',
    type: 'AWS::RDS::DBInstance',
    yaml: [...DB_YAML, ...SAFE_DB.yaml],
    json: [...DB_JSON, ...SAFE_DB.json],
    expected: { PubliclyAccessible: false },
  },
  {
    id: 'MAM603',
    type: 'AWS::RDS::DBInstance',
    yaml: [...DB_YAML, PRIVATE.yaml],
    json: [...DB_JSON, PRIVATE.json],
    written: ['StorageEncrypted', 'false'],
    expected: { StorageEncrypted: true },
  },
  {
    id: 'MAM603',
    type: 'AWS::RDS::DBCluster',
    yaml: ['Engine: aurora-postgresql # cluster'],
    json: ['"Engine": "aurora-postgresql"'],
    expected: { StorageEncrypted: true },
  },
  {
    id: 'MAM604',
    type: 'AWS::RDS::DBInstance',
    yaml: [...DB_YAML, ...SAFE_DB.yaml, PRIVATE.yaml],
    json: [...DB_JSON, ...SAFE_DB.json, PRIVATE.json],
    written: ['BackupRetentionPeriod', '0'],
    expected: { BackupRetentionPeriod: 7 },
  },
  {
    id: 'MAM502',
    type: 'AWS::CloudTrail::Trail',
    yaml: TRAIL_YAML,
    json: TRAIL_JSON,
    written: ['EnableLogFileValidation', 'false'],
    expected: { EnableLogFileValidation: true },
  },
  { id: 'MAM502', type: 'AWS::CloudTrail::Trail', yaml: TRAIL_YAML, json: TRAIL_JSON, expected: { EnableLogFileValidation: true } },
  {
    id: 'MAM501',
    type: 'AWS::CloudTrail::Trail',
    yaml: TRAIL_YAML,
    json: TRAIL_JSON,
    written: ['IsMultiRegionTrail', 'false'],
    expected: { IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true },
  },
  {
    id: 'MAM501',
    type: 'AWS::CloudTrail::Trail',
    yaml: TRAIL_YAML,
    json: TRAIL_JSON,
    expected: { IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true },
  },
];

/** YAML with CRLF line endings, comments, short-form tags, a quoted key order to keep, and a block list last. */
function yamlTemplate(c: Case): string {
  const props = [...c.yaml, ...(c.written ? [`${c.written[0]}: ${c.written[1]}   # as it was`] : []), 'Tags:', '  - Key: env', "    Value: !Sub '${Env}-x'"];
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    '# Kept as written.',
    'Parameters:',
    '  Env: { Type: String, Default: prod }',
    'Resources:',
    '  Target: # the resource',
    `    Type: ${c.type}`,
    '    Properties:',
    ...props.map((p) => `      ${p}`),
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '',
  ].join('\r\n');
}

/** JSON with four-space indentation and LF. */
function jsonTemplate(c: Case): string {
  const props = [...c.json, ...(c.written ? [`"${c.written[0]}": ${c.written[1]}`] : [])];
  return `{
    "Parameters": { "Env": { "Type": "String", "Default": "prod" } },
    "Resources": {
        "Target": {
            "Type": "${c.type}",
            "Properties": {
${props.map((p) => `                ${p}`).join(',\n')}
            }
        },
        "Bucket": { "Type": "AWS::S3::Bucket" }
    }
}
`;
}

async function fixesOf(file: string, text: string, id: string) {
  const { findings } = await scanText({ file, text, rules: [rule(id)] });
  return findings;
}

describe.each(CASES)('$id on $type, $written', (c) => {
  it.each([
    ['template.yaml', yamlTemplate(c)],
    ['template.json', jsonTemplate(c)],
  ])('%s: fixed once, it rescans clean, parses as the same template but for the fixed values, and a second fix changes nothing', async (file, text) => {
    const findings = await fixesOf(file, text, c.id);
    expect(findings).toHaveLength(1);
    const fix = findings[0]?.fix;
    expect(fix?.edits.map((e) => e.path.join('/'))).toEqual(Object.keys(c.expected).map((k) => `Resources/Target/Properties/${k}`));
    const made = templateEdits(file, text, fix?.edits ?? []);
    if (!('replacements' in made)) throw new Error(made.unfixable);
    // One replacement per edit, or one for all when an edit moves what another wrote.
    expect(made.replacements.length).toBeGreaterThan(0);
    expect(made.replacements.length).toBeLessThanOrEqual(fix?.edits.length ?? 0);
    // Lines and columns locate the same characters as the offset.
    for (const r of made.replacements) {
      const lines = text.split('\n');
      const at = lines.slice(0, r.startLine - 1).reduce((n, l) => n + l.length + 1, 0) + r.startColumn - 1;
      expect(at).toBe(r.offset);
    }
    const fixed = applyReplacements(text, made.replacements);

    expect(await fixesOf(file, fixed, c.id)).toEqual([]);
    const expected = tree(file, text);
    for (const [key, value] of Object.entries(c.expected)) setIn(expected, ['Resources', 'Target', 'Properties', key], value);
    expect(tree(file, fixed)).toEqual(expected);

    // Every line the fix did not replace is still there as written (comments, short forms, quoting,
    // line endings), but for the comma JSON needs after a member that is no longer last.
    const bare = (line: string) => (file.endsWith('.json') && line.endsWith(',') ? line.slice(0, -1) : line);
    const fixedLines = fixed.split('\n').map(bare);
    for (const line of text.split('\n')) if (!(c.written && line.includes(`${c.written[0]}`))) expect(fixedLines).toContain(bare(line));
    if (file.endsWith('.yaml')) expect(fixed.split('\r\n').join('')).not.toContain('\n');

    const again = templateEdits(file, fixed, fix?.edits ?? []);
    expect(again).toEqual({ replacements: [] });
  });
});

describe('a value that comes through a parameter is fixed at its source; through a mapping or Fn::If it is not, and the reason says where it comes from', () => {
  const template = (multiAz: string) =>
    [
      'Parameters:',
      '  Multi: { Type: String, Default: "false", AllowedValues: ["true", "false"] }',
      'Conditions:',
      '  Prod: !Equals [!Ref AWS::AccountId, "111111111111"]',
      'Mappings:',
      '  Env: { prod: { MultiAz: false } }',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBSubnetGroupName: subnets',
      '      StorageEncrypted: true',
      `      MultiAZ: ${multiAz}`,
      '',
    ].join('\n');
  it.each([
    ['!If [Prod, true, false]', 'the value of Resources/Db/Properties/MultiAZ is chosen by Fn::If on condition Prod: edit the branch that gives it'],
    ['{ "Fn::If": [Prod, true, false] }', 'the value of Resources/Db/Properties/MultiAZ is chosen by Fn::If on condition Prod: edit the branch that gives it'],
    ['!FindInMap [Env, prod, MultiAz]', 'the value of Resources/Db/Properties/MultiAZ comes from mapping Env: edit the mapping'],
    ['!Ref AWS::NoValue', 'Resources/Db/Properties/MultiAZ is given by Ref AWS::NoValue, not a literal value'],
  ])('MultiAZ: %s', async (value, reason) => {
    const text = template(value);
    const findings = await fixesOf('t.yaml', text, 'MAM601');
    expect(findings).toHaveLength(1);
    expect(templateEdits('t.yaml', text, findings[0]?.fix?.edits ?? [])).toEqual({ unfixable: reason });
  });

  it.each(['!Ref Multi', '{ Ref: Multi }'])(
    'MultiAZ: %s sets the parameter default, the only place the parameter is used, keeping its quotes',
    async (value) => {
      const text = template(value);
      const findings = await fixesOf('t.yaml', text, 'MAM601');
      const made = templateEdits('t.yaml', text, findings[0]?.fix?.edits ?? []);
      if (!('replacements' in made)) throw new Error(made.unfixable);
      const fixed = applyReplacements(text, made.replacements);
      expect(fixed).toBe(text.replace('Default: "false"', 'Default: "true"'));
      expect(await fixesOf('t.yaml', fixed, 'MAM601')).toEqual([]);
      expect(templateEdits('t.yaml', fixed, findings[0]?.fix?.edits ?? [])).toEqual({ replacements: [] });
    },
  );

  it('a parameter used elsewhere too, or whose AllowedValues exclude the value, is left with the reason', async () => {
    const shared = template('!Ref Multi').replace('      StorageEncrypted: true', '      StorageEncrypted: true\n      DeletionProtection: !Ref Multi');
    const findings = await fixesOf('t.yaml', shared, 'MAM601');
    expect(templateEdits('t.yaml', shared, findings[0]?.fix?.edits ?? [])).toEqual({
      unfixable:
        'the value of Resources/Db/Properties/MultiAZ comes from parameter Multi, which is also used in 1 other place(s): change its Default or the value each stack passes',
    });
    const inSub = template('!Ref Multi').replace('      StorageEncrypted: true', '      StorageEncrypted: true\n      DBName: !Sub "db-${Multi}"');
    expect(templateEdits('t.yaml', inSub, findings[0]?.fix?.edits ?? [])).toMatchObject({
      unfixable: expect.stringContaining('comes from parameter Multi, which is also used in 1'),
    });
    const allowed = template('!Ref Multi').replace('AllowedValues: ["true", "false"]', 'AllowedValues: ["false"]');
    expect(templateEdits('t.yaml', allowed, findings[0]?.fix?.edits ?? [])).toEqual({
      unfixable: 'the value of Resources/Db/Properties/MultiAZ comes from parameter Multi, whose AllowedValues do not include true',
    });
    // In Japanese, for `mamori fix --lang ja`.
    expect(templateEdits('t.yaml', allowed, findings[0]?.fix?.edits ?? [], 'ja')).toEqual({
      unfixable: 'Resources/Db/Properties/MultiAZ の値はパラメータ Multi から取られていますが、その AllowedValues に true が含まれていません',
    });
  });

  it('Properties chosen by Fn::If', async () => {
    const text = `{"Conditions": {"Prod": {"Fn::Equals": ["a", "b"]}}, "Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail",
      "Properties": {"Fn::If": ["Prod", {"IsLogging": true, "S3BucketName": "b"}, {"IsLogging": true, "S3BucketName": "c"}]}}}}`;
    const findings = await fixesOf('t.json', text, 'MAM502');
    expect(findings).toHaveLength(1);
    const made = templateEdits('t.json', text, findings[0]?.fix?.edits ?? []);
    expect(made).toEqual({ unfixable: 'Resources/Trail/Properties is not a plain mapping or list (an intrinsic function)' });
  });

  it('a read replica of an unencrypted instance gets no fix of its own: its source does', async () => {
    const text = [
      'Resources:',
      '  Source:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties: { Engine: postgres, DBSubnetGroupName: s, MultiAZ: true }',
      '  Replica:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties: { SourceDBInstanceIdentifier: !Ref Source, DBSubnetGroupName: s, MultiAZ: true }',
      '',
    ].join('\n');
    const findings = await fixesOf('t.yaml', text, 'MAM603');
    expect(findings.map((f) => [f.entity.displayName, f.fix === undefined])).toEqual([
      ['Source', false],
      ['Replica', true],
    ]);
  });
});

it('a flow mapping on one line gets the new key on its line; one over several lines is not edited', () => {
  const edit: TemplateEdit = { op: 'set', path: ['Resources', 'A', 'Properties', 'B'], value: true };
  const one = 'Resources:\n  A:\n    Type: X\n    Properties: { C: 1 } # c\n';
  const made = templateEdits('t.yaml', one, [edit]);
  expect('replacements' in made && applyReplacements(one, made.replacements)).toBe('Resources:\n  A:\n    Type: X\n    Properties: { C: 1, B: true } # c\n');
  expect(templateEdits('t.yaml', 'Resources:\n  A:\n    Type: X\n    Properties: { C: 1,\n      D: 2 }\n', [edit])).toEqual({
    unfixable: 'Resources/A/Properties is a flow collection ({ ... } or [ ... ]), which is not edited',
  });
});
