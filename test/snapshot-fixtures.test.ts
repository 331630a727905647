import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSnapshot } from '@mamori/core';
import { AWS_CALLS, COLLECTOR_CALLS } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';

const rulesDir = fileURLToPath(new URL('../packages/rules/src/rules', import.meta.url));
const fixtures = readdirSync(rulesDir).flatMap((rule) =>
  readdirSync(path.join(rulesDir, rule, 'fixtures'))
    .filter((f) => f.startsWith('snapshot.'))
    .map((f) => path.join(rule, 'fixtures', f)),
);

/** Calls the collector stores per resource (user, key, trail, bucket, policy): maps sorted by the resource. */
const PER_RESOURCE = new Set(AWS_CALLS.filter((c) => c.per).map((c) => c.operation));
const TOP = ['$schema', 'mamoriSnapshot', 'accountId', 'partition', 'collectedAt', 'completedAt', 'collector', 'regions', 'global', 'regional', 'errors'];

type Json = Record<string, unknown>;
const sorted = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Where a responses object departs from the collector's order: services by name, calls as the collector makes them, resources by name. */
function orderProblems(byService: Json, where: string): string[] {
  const problems: string[] = [];
  const services = Object.keys(byService);
  if (services.join() !== sorted(services).join()) problems.push(`${where}: services not sorted`);
  for (const service of services) {
    const calls = Object.keys(byService[service] as Json);
    const rank = (op: string) => COLLECTOR_CALLS.indexOf(`${service}:${op}`);
    for (const op of calls) if (rank(op) < 0) problems.push(`${where}.${service}.${op}: not a call the collector makes`);
    if (calls.join() !== [...calls].sort((a, b) => rank(a) - rank(b)).join()) problems.push(`${where}.${service}: calls out of order`);
    for (const op of calls.filter((c) => PER_RESOURCE.has(c))) {
      const resources = Object.keys((byService[service] as Json)[op] as Json);
      if (resources.join() !== sorted(resources).join()) problems.push(`${where}.${service}.${op}: resources not sorted`);
    }
  }
  return problems;
}

describe('the rules’ snapshot fixtures', () => {
  it('exist', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const file of fixtures) {
    it(`${file} is written as the collector writes snapshots`, () => {
      const text = readFileSync(path.join(rulesDir, file), 'utf8');
      const doc = JSON.parse(text) as Json;
      // Two-space JSON with a final newline, keys in the collector's order.
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      expect(Object.keys(doc)).toEqual(TOP);
      expect(Object.keys(doc.regional as Json)).toEqual(doc.regions);
      expect((doc.global as Json).sts).toMatchObject({ GetCallerIdentity: { Account: doc.accountId } });
      const problems = [
        ...orderProblems(doc.global as Json, 'global'),
        ...Object.entries(doc.regional as Record<string, Json>).flatMap(([region, r]) => orderProblems(r, `regional.${region}`)),
      ];
      expect(problems).toEqual([]);
      const errors = doc.errors as { region: string; service: string; operation: string; resource?: string }[];
      const key = (e: (typeof errors)[number]) => [e.region === 'global' ? '' : e.region, e.service, e.operation, e.resource ?? ''].join('\u0000');
      expect(errors.map(key)).toEqual(sorted(errors.map(key)));
      // Valid against the published schema.
      expect(loadSnapshot(file, text).notifications.filter((n) => n.code !== 'not-evaluated')).toEqual([]);
    });
  }
});
