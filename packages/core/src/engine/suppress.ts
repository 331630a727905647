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

/** True for the rule `key` names by id or name, or for every rule with `*`. */
export const byIdOrName = (key: string) => (rule: RuleMeta) => key === '*' || key === rule.id || key === rule.name;

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
