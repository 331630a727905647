import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterAll, expect, it } from 'vitest';
import { multitoolIssues, schemaErrors } from '../../../../test/sarif-validate.js';
import { toSarif } from '../reporters/sarif.js';
import { scan } from '../scan.js';
import { applyReplacements } from './apply.js';

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
