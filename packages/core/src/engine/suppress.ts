import type { ConfigSuppression } from '../config/config.js';
import { globMatcher, wildcardMatcher } from '../files/glob.js';
import type { Finding, Suppression } from '../model/finding.js';
import type { RuleMeta } from './rule.js';

export type { Suppression } from '../model/finding.js';

/** Which rules a suppression written in a template applies to, as data: it is read on worker threads. */
export type SuppressionMatch = { rule: string } | { cfnNag: string } | { checkov: string };

export interface SuppressionRule {
  match: SuppressionMatch;
  matches: (rule: RuleMeta) => boolean;
  suppression: Suppression;
}

const byIdOrName = (key: string) => (rule: RuleMeta) => key === '*' || key === rule.id || key === rule.name;

function matcher(match: SuppressionMatch): (rule: RuleMeta) => boolean {
  if ('rule' in match) return byIdOrName(match.rule);
  if ('cfnNag' in match) return (r) => r.covers.cfnNag?.includes(match.cfnNag) ?? false;
  return (r) => r.covers.checkov?.includes(match.checkov) ?? false;
}

/** A suppression rule from its data, e.g. after it has crossed from a worker thread. */
export function suppressionRule(match: SuppressionMatch, suppression: Suppression): SuppressionRule {
  return { match, matches: matcher(match), suppression };
}

/** The template resource a finding belongs to: the first segment of its logical path. */
export function resourceOf(finding: Finding): string | undefined {
  return finding.location.arn ? undefined : finding.location.logicalPath?.split('/')[0];
}

export function applyTemplateSuppressions(findings: Finding[], rules: ReadonlyMap<string, RuleMeta>, byResource: Map<string, SuppressionRule[]>): void {
  for (const f of findings) {
    const resource = resourceOf(f);
    const rule = rules.get(f.ruleId);
    if (!resource || !rule || f.suppression) continue;
    const hit = byResource.get(resource)?.find((s) => s.matches(rule));
    if (hit) f.suppression = hit.suppression;
  }
}

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
