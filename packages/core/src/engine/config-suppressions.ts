import type { ConfigSuppression } from '../config/config.js';
import { globMatcher, wildcardMatcher } from '../files/glob.js';
import type { Finding, Suppression } from '../model/finding.js';
import type { RuleMeta } from './rule.js';
import { byIdOrName, resourceOf } from './suppress.js';

/** Suppressions from the configuration: by ARN for snapshots, by file and resource for templates. */
export function applyConfigSuppressions(findings: Finding[], rules: ReadonlyMap<string, RuleMeta>, suppressions: readonly ConfigSuppression[]): void {
  const compiled = suppressions.map((s) => ({
    matchesRule: byIdOrName(s.rule),
    arn: s.arn ? wildcardMatcher(s.arn) : undefined,
    file: s.file ? globMatcher(s.file) : undefined,
    resource: s.resource,
    suppression: { kind: 'external', justification: s.reason, via: 'config' } satisfies Suppression,
  }));
  for (const f of findings) {
    const rule = rules.get(f.ruleId);
    if (!rule || f.suppression) continue;
    const hit = compiled.find(
      (s) =>
        s.matchesRule(rule) &&
        (!s.arn || (f.location.arn !== undefined && s.arn(f.location.arn))) &&
        (!s.file || s.file(f.location.file)) &&
        (!s.resource || resourceOf(f) === s.resource),
    );
    if (hit) f.suppression = hit.suppression;
  }
}
