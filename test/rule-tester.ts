import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type AnyRule, type Finding, scan, scanText, toSarif } from '@mamori/core';
import { describe, expect, it } from 'vitest';
import { positionOf } from './json-position.js';

export interface ValidCase {
  name: string;
  template: string;
  /** File name, whose extension picks the parser. Defaults to `template.yaml`. */
  file?: string;
  parameters?: Record<string, string>;
  /** Rule options, as a configuration would set them. */
  options?: Record<string, unknown>;
}

export type ExpectedError = {
  messageId: string;
  data?: Record<string, string | number>;
} & (
  | { line: number; column: number }
  /** For account snapshots: the JSON path (keys and indexes) of the value the finding must point at. */
  | { at: readonly (string | number)[] }
);

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

async function findingsOf(rule: AnyRule, c: ValidCase): Promise<Finding[]> {
  const out = await scanText({
    file: c.file ?? 'template.yaml',
    text: c.template,
    rules: [rule],
    ...(c.parameters ? { parameters: c.parameters } : {}),
    ...(c.options ? { ruleOptions: { [rule.id]: c.options } } : {}),
  });
  // A snapshot's failed calls are part of the case (they decide "not evaluated"), and a case is a snippet, not a
  // stack to deploy (CloudFormation's limits and cycles do not matter to a rule); anything else must not happen.
  const expected = new Set(['not-evaluated', 'not-deployable', 'template-limit']);
  expect(
    out.notifications.filter((n) => !expected.has(n.code)),
    'the case itself must load cleanly',
  ).toEqual([]);
  return out.findings;
}

/**
 * ESLint's RuleTester, for templates: a valid case has no finding; an invalid case pins every
 * finding's message id, position and (where given) data, in order.
 */
export function ruleTester(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.name} valid`, () => {
    for (const c of cases.valid) {
      it(c.name, async () => {
        expect(await findingsOf(rule, c)).toEqual([]);
      });
    }
  });
  describe(`${rule.name} invalid`, () => {
    for (const c of cases.invalid) {
      it(c.name, async () => {
        const findings = await findingsOf(rule, c);
        const actual = findings.map((f, i) => ({
          messageId: f.messageId,
          line: f.location.line,
          column: f.location.column,
          ...(c.errors[i]?.data ? { data: pick(f.data ?? {}, Object.keys(c.errors[i]?.data ?? {})) } : {}),
        }));
        const expected = c.errors.map(({ data, messageId, ...where }) => ({
          messageId,
          ...('at' in where ? positionOf(c.template, where.at) : where),
          ...(data ? { data } : {}),
        }));
        expect(actual).toEqual(expected);
      });
    }
  });
}

function pick(data: Record<string, string | number>, keys: string[]): Record<string, string | number> {
  return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k] as string | number]));
}

/**
 * cfn-lint's good/bad templates: `fixtures/template.valid.*` must give no finding; the SARIF of
 * `fixtures/template.invalid.*` is compared with a reviewed snapshot. Account snapshots likewise:
 * `fixtures/snapshot.valid.json` and `fixtures/snapshot.invalid.json`, against
 * `__snapshots__/snapshot.invalid.sarif.json`.
 */
export function fixtureTests(rule: AnyRule, ruleDir: string): void {
  const fixtures = path.join(ruleDir, 'fixtures');
  const names = readdirSync(fixtures);
  for (const kind of ['template', 'snapshot'] as const) {
    const mine = names.filter((n) => n.startsWith(`${kind}.valid.`) || n.startsWith(`${kind}.invalid.`)).map((n) => path.join('fixtures', n));
    if (mine.length === 0) continue;
    describe(`${rule.name} ${kind} fixtures`, () => {
      it(`finds nothing in the valid ${kind}`, async () => {
        const result = await scan({ paths: mine, cwd: ruleDir, rules: [rule] });
        const valid = result.files.filter((f) => f.includes('.valid.'));
        expect(valid.length).toBeGreaterThan(0);
        expect(result.findings.filter((f) => f.location.file.includes('.valid.'))).toEqual([]);
        // A snapshot's failed calls are part of the fixture (the SARIF snapshot shows what they leave out); nothing else may happen.
        expect(result.notifications.filter((n) => n.code !== 'not-evaluated')).toEqual([]);
      });
      it(`reports the invalid ${kind} as in the reviewed SARIF snapshot`, async () => {
        const result = await scan({ paths: mine, cwd: ruleDir, rules: [rule] });
        const invalid = result.findings.filter((f) => f.location.file.includes('.invalid.'));
        expect(invalid.length).toBeGreaterThan(0);
        const sarif = toSarif({ ...result, root: '/fixture-root' });
        const run = sarif.runs[0];
        if (run) run.tool.driver.version = run.tool.driver.semanticVersion = '0.0.0';
        await expect(`${JSON.stringify(sarif, null, 2)}\n`).toMatchFileSnapshot(path.join(ruleDir, '__snapshots__', `${kind}.invalid.sarif.json`));
      });
    });
  }
}

export function readFixture(ruleDir: string, name: string): string {
  return readFileSync(path.join(ruleDir, 'fixtures', name), 'utf8');
}
