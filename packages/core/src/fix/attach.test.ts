import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterAll, expect, it } from 'vitest';
import { multitoolIssues, schemaErrors } from '../../../../test/sarif-validate.js';
import { defineRule } from '../engine/rule.js';
import { toSarif } from '../reporters/sarif.js';
import { scan, scanText } from '../scan.js';
import { applyReplacements, templateEdits } from './apply.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-fixes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TEMPLATE = [
  'Parameters:',
  '  Days: { Type: Number, Default: 0 }',
  'Resources:',
  '  Trail:',
  '    Type: AWS::CloudTrail::Trail',
  '    Properties:',
  '      IsLogging: true',
  '      S3BucketName: !Ref Bucket # logs',
  '      IsMultiRegionTrail: true',
  '      EnableLogFileValidation: false',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres',
  '      DBSubnetGroupName: private',
  '      MultiAZ: true',
  '      StorageEncrypted: !If [Prod, true, false]',
  '      BackupRetentionPeriod: !Ref Days',
  'Conditions:',
  '  Prod: !Equals [!Ref AWS::AccountId, "111111111111"]',
  '',
].join('\n');

it('a scan gives each fix its exact replacements in the file, or the reason it has none, and SARIF carries them as fixes', async () => {
  writeFileSync(path.join(tmp, 'stack.yaml'), TEMPLATE);
  const result = await scan({ paths: ['.'], cwd: tmp, rules, workers: 0 });
  const byRule = Object.fromEntries(result.findings.map((f) => [f.ruleId, f]));
  const trail = byRule.MAM502?.fix;
  expect(trail?.replacements).toEqual([
    { offset: TEMPLATE.indexOf('false'), length: 5, startLine: 10, startColumn: 32, endLine: 10, endColumn: 37, insertedContent: 'true' },
  ]);
  expect(applyReplacements(TEMPLATE, trail?.replacements ?? [])).toBe(TEMPLATE.replace('EnableLogFileValidation: false', 'EnableLogFileValidation: true'));
  // Through a parameter nothing else uses: its default.
  expect(applyReplacements(TEMPLATE, byRule.MAM604?.fix?.replacements ?? [])).toBe(TEMPLATE.replace('Default: 0 }', 'Default: 7 }'));
  expect(byRule.MAM603?.fix).toMatchObject({
    unfixable: 'the value of Resources/Db/Properties/StorageEncrypted is chosen by Fn::If on condition Prod: edit the branch that gives it',
  });
  expect(byRule.MAM603?.fix?.replacements).toBeUndefined();

  const log = toSarif(result);
  const results = log.runs[0]?.results ?? [];
  expect(results.find((r) => r.ruleId === 'MAM502')?.fixes).toEqual([
    {
      description: { text: 'Set EnableLogFileValidation of Trail to true.' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'stack.yaml', uriBaseId: '%SRCROOT%' },
          replacements: [{ deletedRegion: { startLine: 10, startColumn: 32, endLine: 10, endColumn: 37 }, insertedContent: { text: 'true' } }],
        },
      ],
    },
  ]);
  expect(results.find((r) => r.ruleId === 'MAM603')?.fixes).toBeUndefined();
  expect(results.find((r) => r.ruleId === 'MAM604')?.fixes?.[0]?.description).toEqual({ text: 'Set Default of parameter Days to 7.' });
  expect(schemaErrors(log)).toEqual([]);
  expect(multitoolIssues(log)).toEqual([]);
}, 60_000);

it('a fix never copies text of the file it does not change into SARIF: a literal password beside it stays out', async () => {
  const secret = 'Sup3rSecretPassw0rd!';
  const text = `{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance",\n  "Properties": {"Engine": "postgres", "DBSubnetGroupName": "private",\n    "StorageEncrypted": true, "MasterUserPassword": "${secret}"}}}}\n`;
  writeFileSync(path.join(tmp, 'secret.json'), text);
  const result = await scan({ paths: ['secret.json'], cwd: tmp, rules, workers: 0 });
  const multiAz = result.findings.find((f) => f.ruleId === 'MAM601');
  expect(multiAz?.fix?.replacements?.length).toBeGreaterThan(0);
  expect(JSON.parse(JSON.stringify(applyReplacements(text, multiAz?.fix?.replacements ?? [])).replace(secret, 'x'))).toContain('"MultiAZ": true');
  const sarif = JSON.stringify(toSarif(result));
  expect(sarif).toContain('MultiAZ');
  expect(sarif).not.toContain(secret);
  expect(JSON.stringify(result)).not.toContain(secret);
}, 60_000);

it('a rule that offers fixes without declaring fixable: its fixes are left out, with one warning naming it', async () => {
  const undeclared = defineRule({
    id: 'TEST901',
    name: 'test-undeclared-fix',
    title: 'Buckets keep old versions',
    description: 'S3 buckets have versioning enabled.',
    severity: 'warning',
    area: 'resilience',
    tags: [],
    compliance: {},
    covers: {},
    docs: { risk: 'r', fix: 'f' },
    messages: { off: 'Bucket {{name}} keeps no old versions.' },
    entity: 'Resource',
    check(resource, context) {
      if (resource.resourceType !== 'AWS::S3::Bucket') return;
      context.report({
        messageId: 'off',
        data: { name: resource.displayName },
        fix: { edits: [{ op: 'set', path: ['Resources', resource.displayName, 'Properties', 'VersioningConfiguration'], value: { Status: 'Enabled' } }] },
      });
    },
  });
  const text = 'Resources:\n  A: { Type: AWS::S3::Bucket }\n  B: { Type: AWS::S3::Bucket }\n';
  const undeclaredResult = await scanText({ file: 't.yaml', text, rules: [undeclared] });
  expect(undeclaredResult.findings.map((f) => f.fix)).toEqual([undefined, undefined]);
  expect(undeclaredResult.notifications.filter((n) => n.code === 'rule-error')).toEqual([
    {
      level: 'warning',
      code: 'rule-error',
      ruleId: 'TEST901',
      message: 'Rule TEST901 (test-undeclared-fix) offers fixes without declaring fixable: true; its fixes are left out',
    },
  ]);
  const declared = await scanText({ file: 't.yaml', text, rules: [{ ...undeclared, fixable: true }] });
  expect(declared.findings.map((f) => f.fix?.description)).toEqual([
    'Set VersioningConfiguration of A to {"Status":"Enabled"}.',
    'Set VersioningConfiguration of B to {"Status":"Enabled"}.',
  ]);
});

it('a template larger than CloudFormation takes is not edited, and the reason says so', () => {
  const edit = { op: 'set', path: ['Resources', 'A', 'Properties', 'B'], value: true } as const;
  const text = `Resources:\n  A:\n    Type: X\n    Properties:\n      C: 1\n# ${'x'.repeat(4 * 1024 * 1024)}\n`;
  expect(templateEdits('big.yaml', text, [edit])).toEqual({ unfixable: 'the template is over 4 MiB, larger than CloudFormation takes, and is not edited' });
  expect(templateEdits('t.yaml', 'Resources:\n  A:\n    Type: X\n    Properties:\n      C: 1\n', [edit])).toMatchObject({
    replacements: [{ insertedContent: '      B: true\n' }],
  });
});
