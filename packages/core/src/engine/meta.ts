import type { AnyRule, RuleMeta } from './rule.js';

/** A rule's metadata: the rule without its entity selector and check, as results and reports carry it. */
export function ruleMeta(rule: AnyRule): RuleMeta {
  const { entity: _entity, check: _check, ...meta } = rule;
  return meta;
}
