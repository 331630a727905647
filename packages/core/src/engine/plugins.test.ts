import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '@mamori/rules';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findConfig } from '../config/config.js';
import { scan } from '../scan.js';
import { loadDeclarativeRules, loadPlugin, PluginError } from './plugins.js';

const examples = fileURLToPath(new URL('../../../../examples/custom-rules', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-plugins-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('custom rules', () => {
  it('the example configuration loads a plugin and declarative rules next to the built-in ones', async () => {
    const config = await findConfig(examples);
    const result = await scan({ paths: ['stack.yaml'], cwd: examples, rules, ...(config ? { config } : {}) });
    expect(result.findings.map((f) => [f.ruleId, f.location.line, f.message])).toEqual([
      ['ACME001', 4, 'AWS::S3::Bucket Uploads has no Owner tag.'],
      ['ACME101', 4, "Bucket Uploads does not keep old versions: Properties must have required property 'VersioningConfiguration'."],
      ['ACME102', 17, "Database Database can be deleted by a stack update: Properties must have required property 'DeletionProtection'."],
    ]);
    expect(result.rules.some((r) => r.id === 'MAM401')).toBe(false);
  });

  it('a declarative rule can select typed entities', async () => {
    const file = path.join(tmp, 'entity-rules.yaml');
    writeFileSync(
      file,
      `rules:
  - {id: X001, name: sg-has-name, title: Groups have names, description: Every group sets GroupName., severity: note, message: "{{type}} {{name}}: {{problem}}.",
     select: {entity: SecurityGroup}, schema: {required: [groupName]}}
`,
    );
    const [rule] = await loadDeclarativeRules(file);
    writeFileSync(path.join(tmp, 't.yaml'), 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: x}\n');
    const result = await scan({ paths: ['t.yaml'], cwd: tmp, rules: rule ? [rule] : [] });
    expect(result.findings.map((f) => f.message)).toEqual(["SecurityGroup Sg: Properties must have required property 'groupName'."]);
  });

  it('a declarative rule may give Japanese texts, used with lang ja; other placeholders are refused', async () => {
    const file = path.join(tmp, 'ja-rules.yaml');
    writeFileSync(
      file,
      `rules:
  - {id: X005, name: sg-named, title: Groups have names, description: Every group sets GroupName., severity: note, message: "{{type}} {{name}}: {{problem}}.",
     ja: {title: グループには名前を付ける, message: "{{type}} {{name}} に GroupName がありません ({{problem}})。"}, select: {entity: SecurityGroup}, schema: {required: [groupName]}}
`,
    );
    const [rule] = await loadDeclarativeRules(file);
    expect(rule?.translations?.ja?.title).toBe('グループには名前を付ける');
    writeFileSync(path.join(tmp, 't.yaml'), 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: x}\n');
    const ja = await scan({ paths: ['t.yaml'], cwd: tmp, rules: rule ? [rule] : [], lang: 'ja' });
    expect(ja.findings.map((f) => f.message)).toEqual(["SecurityGroup Sg に GroupName がありません (Properties must have required property 'groupName')。"]);
    const en = await scan({ paths: ['t.yaml'], cwd: tmp, rules: rule ? [rule] : [] });
    expect(en.findings.map((f) => f.message)).toEqual(["SecurityGroup Sg: Properties must have required property 'groupName'."]);

    writeFileSync(
      file,
      'rules:\n  - {id: X006, name: n, title: t, description: d, severity: note, message: "{{name}}: {{problem}}", ja: {message: "{{name}} です"}, select: {entity: SecurityGroup}, schema: {}}\n',
    );
    await expect(loadDeclarativeRules(file)).rejects.toThrow(
      /ja-rules\.yaml: rule X006: ja\.message has the placeholders \{\{name\}\}, the message \{\{name\}\}, \{\{problem\}\}/,
    );
  });

  it('errors name the file and what is wrong', async () => {
    const bad = path.join(tmp, 'bad-rules.yaml');
    writeFileSync(bad, 'rules:\n  - {id: X1, name: Bad Name}\n');
    await expect(loadDeclarativeRules(bad)).rejects.toThrow(PluginError);
    await expect(loadDeclarativeRules(bad)).rejects.toThrow(/bad-rules\.yaml: rules\.0: must have required property/);
    writeFileSync(path.join(tmp, 'no-rules.mjs'), 'export const x = 1;\n');
    await expect(loadPlugin('./no-rules.mjs', tmp)).rejects.toThrow(/no-rules\.mjs: exports no `rules` array/);
    writeFileSync(path.join(tmp, 'broken.mjs'), 'export const rules = [{ id: "Y1" }];\n');
    await expect(loadPlugin('./broken.mjs', tmp)).rejects.toThrow(/broken\.mjs: rule Y1 is not a rule: missing name/);
    await expect(loadPlugin('mamori-plugin-that-does-not-exist', tmp)).rejects.toThrow(/cannot be found/);
  });

  it('a plugin rule may not take a built-in id', async () => {
    writeFileSync(
      path.join(tmp, 'clash.mjs'),
      `export const rules = [{ ...${JSON.stringify({ id: 'MAM101', name: 'mine', title: 't', description: 'd', severity: 'note', entity: 'Resource', messages: { m: 'M.' } })}, check() {} }];\n`,
    );
    writeFileSync(path.join(tmp, 't.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    await expect(scan({ paths: ['t.yaml'], cwd: tmp, rules, plugins: ['./clash.mjs'] })).rejects.toThrow(/two rules share the id or name MAM101/);
  });

  it('a declarative rule file prints nothing while it loads, whatever it holds', async () => {
    // An unknown tag (yaml warns) and an unknown format (ajv warns), both quoting the file's text.
    const file = path.join(tmp, 'noisy-rules.yaml');
    writeFileSync(
      file,
      `rules:
  - {id: X002, name: noisy, title: t, description: d, severity: note, message: "{{problem}}", select: {resourceType: "AWS::*"},
     schema: {properties: {A: {type: string, format: "x\\n::error::injected"}}}, tags: [!evil t]}
`,
    );
    const emitted = vi.spyOn(process, 'emitWarning');
    const warned = vi.spyOn(console, 'warn');
    const logged = vi.spyOn(console, 'log');
    try {
      expect(await loadDeclarativeRules(file)).toHaveLength(1);
      expect(emitted).not.toHaveBeenCalled();
      expect(warned).not.toHaveBeenCalled();
      expect(logged).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('patterns in a rule file run in linear time; lookaround is refused naming the pattern', async () => {
    const file = path.join(tmp, 'pattern-rules.yaml');
    writeFileSync(
      file,
      `rules:
  - {id: X003, name: nested-quantifier, title: t, description: d, severity: note, message: "{{name}}: {{problem}}", select: {resourceType: "*::S*S::*"},
     schema: {properties: {QueueName: {pattern: "^(a+)+$"}}}}
`,
    );
    const [rule] = await loadDeclarativeRules(file);
    // A backtracking engine takes longer than the age of the universe on this name; RE2 answers at once.
    writeFileSync(
      path.join(tmp, 'q.yaml'),
      `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: ${'a'.repeat(40)}!}\n  R:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: aaaa}\n`,
    );
    const result = await scan({ paths: ['q.yaml'], cwd: tmp, rules: rule ? [rule] : [] });
    expect(result.findings.map((f) => f.message)).toEqual(['Q: QueueName must match pattern "^(a+)+$"']);

    writeFileSync(
      file,
      'rules:\n  - {id: X004, name: look, title: t, description: d, severity: note, message: m, select: {resourceType: "AWS::*"}, schema: {properties: {A: {pattern: "^(?!x)"}}}}\n',
    );
    await expect(loadDeclarativeRules(file)).rejects.toThrow(
      /pattern-rules\.yaml: rule X004: schema does not compile: pattern "\^\(\?!x\)" is not supported .*without lookaround/,
    );
  });
});
