import { readFileSync } from 'node:fs';
import { rules } from '@mamori/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcSettings, mutateText, mutateValue, type Plain, problemsWith, textMutation } from '../../../../test/property.js';
import { runRules } from '../engine/run.js';
import { scanText } from '../scan.js';
import { loadSnapshot } from './read.js';

const FILE = 'account.json';
const fixtures = ['./fixtures/recorded-account.json', '../../../../examples/snapshot/account.json', '../../../../examples/snapshot/sandbox-account.json'].map(
  (rel) => readFileSync(new URL(rel, import.meta.url), 'utf8'),
);
// Values of the kinds a snapshot holds, and the kinds it should not.
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Plain>,
  fc.constantFrom<Plain>('0.0.0.0/0', '-1', 'tcp', 'root', '<root_account>', 'true', 'N/A', '2026-11-25T12:00:00Z', 'not a date', '', [], {}, null, -1, 1e21),
  // Names every JavaScript object answers to, as user names, trail names, policy ARNs.
  fc.constantFrom<Plain>('constructor', 'toString', '__proto__', 'hasOwnProperty'),
);
const edits = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace' as const, 'delete' as const, 'wrap' as const), with: value }), {
  minLength: 1,
  maxLength: 6,
});

function holds(text: string): void {
  const loaded = loadSnapshot(FILE, text, rules);
  expect(loaded.notifications.filter((n) => n.code === 'internal-error')).toEqual([]);
  if (!loaded.snapshot) expect(loaded.notifications.some((n) => n.level === 'error')).toBe(true);
  const run = runRules(rules, loaded.entities);
  expect(run.notifications).toEqual([]);
  expect(problemsWith({ findings: run.findings, notifications: loaded.notifications }, FILE, text)).toEqual([]);
}

describe('any account snapshot: the loader never throws, and a snapshot it cannot trust is an error', () => {
  it('recorded snapshots with values replaced, removed or wrapped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), edits, (text, e) => {
        holds(JSON.stringify(mutateValue(JSON.parse(text) as Plain, e), null, 2));
      }),
      fcSettings(150),
    );
  });

  it('recorded snapshots with their text damaged, through scanText', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (text, mutations) => {
        const damaged = mutateText(text, mutations);
        holds(damaged);
        const result = await scanText({ file: FILE, text: damaged, rules });
        expect(problemsWith(result, FILE, damaged)).toEqual([]);
      }),
      fcSettings(100),
    );
  });
});
