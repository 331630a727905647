import { loadSnapshot } from '@mamori/core';
import { AWS_CALLS } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../scripts/bench-corpus.mjs';

// The bench's account snapshot, small: written as the collector of this version writes it, so its
// scan measures a whole evaluation, not one cut short by calls an older collector did not make.
describe('the bench snapshot, small', () => {
  const text = makeSnapshot(3000, 3);
  const doc = JSON.parse(text);

  it('answers every call the collector makes, in every region it names', () => {
    for (const call of AWS_CALLS) {
      if (call.stage || call.operation === 'GenerateCredentialReport') continue;
      const places = call.scope === 'global' ? [doc.global] : doc.regions.map((r: string) => doc.regional[r]);
      for (const place of places) expect(place[call.service]?.[call.operation], `${call.service}:${call.operation}`).toBeDefined();
    }
    expect(doc.collector.name).toBe('mamori');
    expect(doc.errors).toEqual([]);
  });

  it('is read whole: no notification, and every kind the rules read from IAM', () => {
    const out = loadSnapshot('account.json', text, rules);
    expect(out.notifications).toEqual([]);
    const kinds = new Set(out.entities.map((e) => e.kind));
    for (const kind of ['IamUser', 'IamGroup', 'IamRole', 'Policy', 'AzSpan', 'CacheReplicationGroup', 'BillingGuardrails']) expect(kinds).toContain(kind);
  });
});
