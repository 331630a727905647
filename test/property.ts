import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, Notification } from '@mamori/core';
import fc from 'fast-check';
import { Document, isMap, isNode, isScalar, visit } from 'yaml';

/**
 * Settings for every property test: a fixed seed and a bounded number of runs, so the suite is
 * fast and gives the same verdict every time. A failure prints its seed and path; replay it with
 * `MAMORI_FC_SEED=<seed> MAMORI_FC_PATH=<path> npx vitest run <file>`, or search further with a
 * larger `MAMORI_FC_RUNS`.
 */
export function fcSettings(numRuns: number, seed = 20261125): { seed: number; numRuns: number; path?: string; endOnFailure: true } {
  const env = process.env;
  return {
    seed: env.MAMORI_FC_SEED ? Number(env.MAMORI_FC_SEED) : seed,
    numRuns: env.MAMORI_FC_RUNS ? Number(env.MAMORI_FC_RUNS) : numRuns,
    ...(env.MAMORI_FC_PATH ? { path: env.MAMORI_FC_PATH } : {}),
    endOnFailure: true,
  };
}

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Real templates to mutate and to learn resource types and property names from: the examples and the rule fixtures. */
export function seedTemplates(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const add = (dir: string, filter: (name: string) => boolean): void => {
    for (const entry of readdirSync(path.join(repo, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !filter(entry.name)) continue;
      const abs = path.join(entry.parentPath, entry.name);
      out.push({ file: path.relative(repo, abs).split(path.sep).join('/'), text: readFileSync(abs, 'utf8') });
    }
  };
  add('examples/templates', (n) => /\.(ya?ml|json)$/.test(n));
  add('packages/rules/src/rules', (n) => /^template\.(in)?valid\.(ya?ml|json)$/.test(n));
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

export interface Vocabulary {
  types: string[];
  logicalIds: string[];
  keys: string[];
  scalars: (string | number | boolean)[];
}

/** Resource types, logical ids, keys and scalars that occur in the seed templates. */
export function vocabulary(seeds: readonly { text: string }[], parse: (text: string) => unknown): Vocabulary {
  const types = new Set<string>();
  const ids = new Set<string>();
  const keys = new Set<string>();
  const scalars = new Set<string | number | boolean>();
  const visitValue = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visitValue(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        visitValue(x);
      }
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') scalars.add(v);
  };
  for (const { text } of seeds) {
    const doc = parse(text) as { Resources?: Record<string, { Type?: unknown }> } | undefined;
    for (const [id, res] of Object.entries(doc?.Resources ?? {})) {
      ids.add(id);
      if (typeof res?.Type === 'string') types.add(res.Type);
    }
    visitValue(doc);
  }
  const sorted = <T>(s: Set<T>): T[] => [...s].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return { types: sorted(types), logicalIds: sorted(ids).slice(0, 60), keys: sorted(keys), scalars: sorted(scalars).slice(0, 400) };
}

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const CONDITION_NAMES = ['IsProd', 'HasKey', 'UseDefault', 'Missing', 'toString'];

/** CloudFormation-shaped values: literals, maps and lists, and intrinsics, well and ill formed. */
export function cfnArbitraries(vocab: Vocabulary) {
  // Names that are also properties of every JavaScript object: a lookup table must not answer for them.
  const inherited = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];
  const ids = fc.constantFrom(...vocab.logicalIds, 'Missing', 'AWS::Region', 'AWS::NoValue', 'AWS::AccountId', 'AWS::StackName', 'Env', ...inherited);
  const conditions = fc.constantFrom(...CONDITION_NAMES);
  const tricky = fc.constantFrom(
    '0.0.0.0/0',
    '::/0',
    '10.0.0.0/8',
    '*',
    '-1',
    '',
    '${AWS::Region}',
    '${Missing}',
    '${!Literal}',
    '${Env}-${AWS::AccountId}',
    '${Bucket.Arn}',
    'arn:aws:iam::aws:policy/AdministratorAccess',
    'AKIAIOSFODNN7EXAMPLE',
    'true',
    'false',
    '1e400',
    ...inherited,
  );
  const scalar: fc.Arbitrary<Plain> = fc.oneof(
    fc.constantFrom(...vocab.scalars),
    tricky,
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 6, unit: 'grapheme' }),
    fc.integer({ min: -2, max: 70_000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...vocab.keys) },
    { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom(...inherited) },
  );
  const tree = fc.letrec<{ value: Plain; map: Plain; seq: Plain; intrinsic: Plain; condition: Plain }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 6 }, scalar, tie('map'), tie('seq'), tie('intrinsic')),
    map: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
    seq: fc.array(tie('value'), { maxLength: 4 }),
    intrinsic: fc.oneof(
      ids.map((id) => ({ Ref: id })),
      fc.tuple(ids, fc.constantFrom('Arn', 'CidrBlock', 'Endpoint.Address', 'GroupId')).map(([id, attr]) => ({ 'Fn::GetAtt': [id, attr] })),
      fc.tuple(ids, fc.constantFrom('Arn', 'CidrBlock')).map(([id, attr]) => ({ 'Fn::GetAtt': `${id}.${attr}` })),
      fc.tuple(conditions, tie('value'), tie('value')).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
      fc.tuple(tricky, tie('map')).map(([text, vars]) => ({ 'Fn::Sub': [text, vars] })),
      tricky.map((text) => ({ 'Fn::Sub': text })),
      fc.tuple(fc.constantFrom('', ',', '-'), fc.array(tie('value'), { maxLength: 4 })).map(([sep, list]) => ({ 'Fn::Join': [sep, list] })),
      fc.tuple(fc.integer({ min: -1, max: 4 }), tie('value')).map(([i, list]) => ({ 'Fn::Select': [i, list] })),
      fc.integer({ min: 0, max: 3 }).map((i) => ({ 'Fn::Select': [i, { 'Fn::GetAZs': '' }] })),
      fc.tuple(fc.constantFrom(',', ''), tie('value')).map(([sep, v]) => ({ 'Fn::Split': [sep, v] })),
      fc.tuple(fc.constantFrom('RegionMap', 'Missing'), tie('value'), tie('value')).map(([m, a, b]) => ({ 'Fn::FindInMap': [m, a, b] })),
      tie('value').map((v) => ({ 'Fn::Base64': v })),
      tie('value').map((v) => ({ 'Fn::ImportValue': v })),
      tie('condition'),
      // Ill-formed: any intrinsic name over any argument.
      fc
        .tuple(fc.constantFrom('Ref', 'Condition', 'Fn::If', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::GetAtt', 'Fn::FindInMap', 'Fn::Equals'), tie('value'))
        .map(([fn, v]) => ({ [fn]: v })),
    ),
    condition: fc.oneof(
      conditions.map((c) => ({ Condition: c })),
      fc.tuple(tie('value'), tie('value')).map(([a, b]) => ({ 'Fn::Equals': [a, b] })),
      fc.array(tie('condition'), { maxLength: 3 }).map((items) => ({ 'Fn::And': items })),
      fc.array(tie('condition'), { maxLength: 3 }).map((items) => ({ 'Fn::Or': items })),
      tie('condition').map((c) => ({ 'Fn::Not': [c] })),
    ),
  }));
  const resource = fc.record(
    {
      Type: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...vocab.types) }, { weight: 1, arbitrary: scalar }),
      Properties: fc.oneof(
        { weight: 9, arbitrary: fc.dictionary(key, tree.value, { maxKeys: 8, noNullPrototype: true }) },
        { weight: 1, arbitrary: tree.value },
      ),
      Condition: conditions,
      DependsOn: fc.oneof(ids, fc.array(ids, { maxLength: 3 })),
      Metadata: tree.map,
    },
    { requiredKeys: ['Type'] },
  );
  const template = fc.record(
    {
      AWSTemplateFormatVersion: fc.constant('2010-09-09'),
      Transform: fc.constantFrom('AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions'),
      Parameters: fc.dictionary(
        fc.constantFrom('Env', 'Cidr', 'Password', 'Subnets', 'constructor'),
        fc.record(
          {
            Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList', 'List<AWS::EC2::Subnet::Id>', 'AWS::SSM::Parameter::Value<String>'),
            Default: scalar,
            NoEcho: fc.boolean(),
            AllowedValues: fc.array(scalar, { maxLength: 3 }),
          },
          { requiredKeys: ['Type'] },
        ),
        { maxKeys: 3, noNullPrototype: true },
      ),
      Conditions: fc.dictionary(fc.oneof(conditions, fc.constantFrom(...inherited)), tree.condition, { maxKeys: 4, noNullPrototype: true }),
      Mappings: fc.constant({ RegionMap: { 'us-east-1': { Ami: 'ami-1', Cidr: '0.0.0.0/0' }, 'eu-west-1': { Ami: 'ami-2', Cidr: '10.0.0.0/8' } } }),
      Resources: fc.dictionary(ids, resource, { minKeys: 1, maxKeys: 6, noNullPrototype: true }),
      Outputs: fc.dictionary(fc.string({ maxLength: 6 }), fc.record({ Value: tree.value }), { maxKeys: 2, noNullPrototype: true }),
    },
    { requiredKeys: ['Resources'] },
  );
  return { scalar, value: tree.value, intrinsic: tree.intrinsic, condition: tree.condition, resource, template };
}

/** YAML text of a value; with `shortForm`, intrinsics are written as tags (`!Ref X`, `!If [...]`). */
export function toYaml(value: Plain, shortForm: boolean): string {
  const doc = new Document(value);
  if (shortForm) {
    visit(doc, {
      Map(_, node) {
        const pair = node.items.length === 1 ? node.items[0] : undefined;
        const key = pair && isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (!pair || !key || !(key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))) return undefined;
        if (!isNode(pair.value) || isMap(pair.value)) return undefined;
        pair.value.tag = key.startsWith('Fn::') ? `!${key.slice(4)}` : `!${key}`;
        return pair.value;
      },
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** Text-level damage: the kind of thing a bad merge, an editor or an attacker leaves in a file. */
export const textMutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS()), fc.string({ maxLength: 6, unit: 'grapheme' })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function TOKENS(): string[] {
  return [
    '&a ',
    '*a',
    '<<: *a\n',
    '!Ref ',
    '!GetAtt ',
    '!Sub ',
    '!If ',
    '{',
    '}',
    '[',
    ']',
    ': ',
    '- ',
    '? ',
    '\t',
    '\r\n',
    '\r',
    '\n',
    '\u0000',
    '"',
    "'",
    '# ',
    '// ',
    '/*',
    '|',
    '>-',
    ',',
    '\uFEFF',
    '${',
    '%YAML 1.1\n',
    '---\n',
    '...\n',
    '!!binary ',
    '!!set ',
    '.inf',
    '0x1F',
    '\u2028',
    '\uD800',
  ];
}

export function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    const lines = out.split('\n');
    const line = lines.length === 0 ? 0 : m.at % lines.length;
    switch (m.op) {
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 'swap-lines': {
        const other = m.other % lines.length;
        const a = lines[line] ?? '';
        lines[line] = lines[other] ?? '';
        lines[other] = a;
        out = lines.join('\n');
        break;
      }
      case 'indent':
        lines[line] = m.by >= 0 ? ' '.repeat(m.by) + (lines[line] ?? '') : (lines[line] ?? '').replace(new RegExp(`^ {0,${-m.by}}`), '');
        out = lines.join('\n');
        break;
    }
  }
  return out;
}

/** Structural damage: a value somewhere in the document replaced, removed or wrapped. */
export function mutateValue(value: Plain, edits: readonly { at: number; op: 'replace' | 'delete' | 'wrap'; with: Plain }[]): Plain {
  let root = structuredClone(value);
  for (const edit of edits) {
    const slots: { parent: Plain[] | { [key: string]: Plain }; key: string | number }[] = [];
    const collect = (v: Plain): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          slots.push({ parent: v, key: i });
          collect(x);
        });
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          slots.push({ parent: v, key: k });
          collect(x);
        }
      }
    };
    collect(root);
    if (slots.length === 0) {
      root = edit.with;
      continue;
    }
    const slot = slots[edit.at % slots.length] as (typeof slots)[number];
    const parent = slot.parent as Record<string | number, Plain>;
    if (edit.op === 'delete') {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete parent[slot.key];
    } else if (edit.op === 'wrap') parent[slot.key] = [parent[slot.key] ?? null, edit.with];
    else parent[slot.key] = edit.with;
  }
  return root;
}

/** What every scan result must look like, whatever the input: located, single-line, never a stack trace. */
export function problemsWith(result: { findings: Finding[]; notifications: Notification[] }, file: string, text: string): string[] {
  const lines = text.split('\n').length + 1;
  const problems: string[] = [];
  for (const n of result.notifications) {
    if (!['error', 'warning', 'note'].includes(n.level)) problems.push(`notification level ${n.level}`);
    if (!n.message || /\n\s+at /.test(n.message)) problems.push(`notification message ${JSON.stringify(n.message)}`);
    if (n.file !== undefined && n.file !== file) problems.push(`notification file ${n.file}`);
    if (n.line !== undefined && !(n.line >= 1 && n.line <= lines)) problems.push(`notification line ${n.line}`);
    if (n.column !== undefined && !(n.column >= 1)) problems.push(`notification column ${n.column}`);
  }
  for (const f of result.findings) {
    const l = f.location;
    if (l.file !== file) problems.push(`finding file ${l.file}`);
    if (!(l.line >= 1 && l.line <= lines && l.column >= 1 && l.endLine >= l.line))
      problems.push(`finding ${f.ruleId} at ${l.line}:${l.column}-${l.endLine}:${l.endColumn}`);
    if (!f.message || f.message.includes('{{')) problems.push(`finding message ${JSON.stringify(f.message)}`);
  }
  return problems;
}
