import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type AnyRule, type Finding, type Notification, scan } from '@mamori/core';
import { RuleTester } from '@mamori/rule-tester';
import { describe, expect, it } from 'vitest';

// The catalog's tests run on vitest without globals: the published tester registers through these.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester();

/** What a fixture snapshot records of a finding: what users see of it, without the rule's help text. */
function recorded(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    messageId: f.messageId,
    message: f.message,
    location: f.location,
    fingerprint: f.fingerprint,
    ...(f.properties ? { properties: f.properties } : {}),
  };
}

function recordedNotification(n: Notification): Record<string, unknown> {
  return { level: n.level, code: n.code, file: n.file, line: n.line, column: n.column, message: n.message };
}

/**
 * cfn-lint's good/bad templates: `fixtures/template.valid.*` must give no finding; the findings of
 * `fixtures/template.invalid.*` are compared with a reviewed snapshot. Account snapshots likewise:
 * `fixtures/snapshot.valid.json` and `fixtures/snapshot.invalid.json`, against
 * `__snapshots__/snapshot.invalid.findings.json`, which also records the notes of failed calls.
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
        // A snapshot's failed calls are part of the fixture (the findings snapshot shows what they leave out); nothing else may happen.
        expect(result.notifications.filter((n) => n.code !== 'not-evaluated')).toEqual([]);
      });
      it(`reports the invalid ${kind} as in the reviewed findings snapshot`, async () => {
        const result = await scan({ paths: mine, cwd: ruleDir, rules: [rule] });
        const invalid = result.findings.filter((f) => f.location.file.includes('.invalid.'));
        expect(invalid.length).toBeGreaterThan(0);
        const record = { findings: result.findings.map(recorded), notifications: result.notifications.map(recordedNotification) };
        await expect(`${JSON.stringify(record, null, 2)}\n`).toMatchFileSnapshot(path.join(ruleDir, '__snapshots__', `${kind}.invalid.findings.json`));
      });
    });
  }
}
