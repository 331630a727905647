import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cfnArbitraries,
  fcSettings,
  mutateText,
  mutateValue,
  type Plain,
  problemsWith,
  seedTemplates,
  textMutation,
  toYaml,
  vocabulary,
} from '../../../test/property.js';
import { schemaErrors } from '../../../test/sarif-validate.js';
import { toSarif } from './reporters/sarif.js';
import { ruleMeta, scan, scanText } from './scan.js';
import { toPlain } from './template/parsing/node.js';
import { parseText, stripBom } from './template/parsing/parse.js';

const seeds = seedTemplates();
const plainOf = (file: string, text: string): Plain | undefined => {
  const out = parseText(file, text, file.endsWith('.json') ? 'json' : 'yaml');
  return out.ok && out.root ? (toPlain(out.root) as Plain) : undefined;
};
const vocab = vocabulary(seeds, (text) => plainOf(text.trimStart().startsWith('{') ? 't.json' : 't.yaml', text));
const arb = cfnArbitraries(vocab);
const metas = rules.map(ruleMeta);
const formats = fc.constantFrom('json', 'yaml', 'yaml-short');
const write = (value: Plain, format: string): { file: string; text: string } =>
  format === 'json' ? { file: 'stack.json', text: JSON.stringify(value, null, 2) } : { file: 'stack.yaml', text: toYaml(value, format === 'yaml-short') };

/** The engine's contract on any input: no throw, well-formed results, an error whenever the text does not parse, valid SARIF. */
async function holds(file: string, text: string): Promise<void> {
  const result = await scanText({ file, text, rules });
  expect(problemsWith(result, file, text)).toEqual([]);
  // The guards keep a crash from costing the scan; the properties hold the code to not crashing at all.
  expect(result.notifications.filter((n) => n.code === 'internal-error' || n.code === 'rule-error')).toEqual([]);
  const body = stripBom(text);
  const format = file.endsWith('.json') || (!/\.ya?ml$/.test(file) && /^\s*\{/.test(body)) ? 'json' : 'yaml';
  if (body.trim() !== '' && !parseText(file, body, format).ok) {
    // A broken file is never a clean scan.
    expect(result.notifications.some((n) => n.level === 'error')).toBe(true);
  }
  const sarif = toSarif({ root: '/repo', files: [file], findings: result.findings, notifications: result.notifications, rules: metas });
  expect(schemaErrors(sarif)).toEqual([]);
}

describe('any template text: scanText never throws, results are well formed, and the SARIF validates', () => {
  it('generated templates, in JSON and in YAML with long- and short-form intrinsics', async () => {
    await fc.assert(
      fc.asyncProperty(arb.template, formats, async (template, format) => {
        const { file, text } = write(template as Plain, format);
        await holds(file, text);
      }),
      fcSettings(120),
    );
  });

  it('real templates with values replaced, removed or wrapped', async () => {
    const edits = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace' as const, 'delete' as const, 'wrap' as const), with: arb.value }), {
      minLength: 1,
      maxLength: 5,
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), edits, formats, async (seed, e, format) => {
        const value = plainOf(seed.file, seed.text);
        if (value === undefined) return;
        const { file, text } = write(mutateValue(value, e), format);
        await holds(file, text);
      }),
      fcSettings(120),
    );
  });

  it('real templates with their text damaged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(textMutation, { minLength: 1, maxLength: 6 }), async (seed, mutations) => {
        const name = path.basename(seed.file);
        await holds(name, mutateText(seed.text, mutations));
      }),
      fcSettings(200),
    );
  });

  it('arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), fc.constantFrom('t.yaml', 't.json', 't.template'), async (text, file) => {
        await holds(file, text);
      }),
      fcSettings(150),
    );
  });
});

describe('any file beside a template: scan never throws, and never hides the template', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mamori-prop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;

  it('random bytes, damaged templates and odd names', async () => {
    let run = 0;
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom(...seeds), fc.array(textMutation, { maxLength: 4 })).map(([s, m]) => Buffer.from(mutateText(s.text, m))),
      fc.constantFrom(
        Buffer.from([0xff, 0xfe, 0x41, 0]),
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.alloc(0),
        Buffer.from('AWSTemplateFormatVersion: x\n\xe9', 'latin1'),
      ),
    );
    const name = fc.constantFrom('a.yaml', 'b.json', 'c.template', 'd.yml', 'weird #1?.yaml', 'sp ace.json', 'ü.yaml', 'e.txt', 'f');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, content), { minLength: 1, maxLength: 4 }), async (files) => {
        const root = path.join(dir, String(run++));
        mkdirSync(path.join(root, 'sub'), { recursive: true });
        writeFileSync(path.join(root, 'known.yaml'), OPEN_SSH);
        for (const [n, bytes] of files) writeFileSync(path.join(root, 'sub', n), bytes);
        const result = await scan({ paths: ['.'], cwd: root, rules });
        expect(result.findings.filter((f) => f.location.file === 'known.yaml').map((f) => f.ruleId)).toEqual(['MAM101']);
        for (const n of result.notifications) expect(n.message).not.toMatch(/\n\s+at /);
        expect(schemaErrors(toSarif(result))).toEqual([]);
      }),
      fcSettings(40),
    );
  });
});
