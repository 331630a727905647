import { type SuppressionRule, suppressionRule } from '../engine/suppress.js';
import type { Notification } from '../model/finding.js';
import { get, scalarString } from './parsing/node.js';
import type { Template } from './types.js';

/**
 * Suppressions written in a template's resources: mamori's own
 * (`Metadata: { mamori: { suppress: [{ rule, reason }] } }`), cfn_nag's `rules_to_suppress` and
 * checkov's `skip`, the last two honoured for rules that declare the peer check they cover.
 */
export function templateSuppressions(template: Template): { byResource: Map<string, SuppressionRule[]>; notifications: Notification[] } {
  const byResource = new Map<string, SuppressionRule[]>();
  const notifications: Notification[] = [];
  for (const res of template.resources.values()) {
    const list: SuppressionRule[] = [];
    const entries = (tool: string, key: string) => {
      const node = get(get(res.metadata, tool), key);
      return node?.kind === 'seq' ? node.items : [];
    };
    for (const item of entries('mamori', 'suppress')) {
      const rule = scalarString(get(item, 'rule'));
      const reason = scalarString(get(item, 'reason'))?.trim();
      if (!rule || !reason) {
        notifications.push({
          level: 'warning',
          code: 'suppression-ignored',
          file: template.file,
          line: item.loc.line,
          column: item.loc.column,
          message: `Suppression on ${res.logicalId} ignored: it needs both "rule" and a non-empty "reason"`,
        });
        continue;
      }
      list.push(suppressionRule({ rule }, { kind: 'inSource', justification: reason, via: 'mamori' }));
    }
    for (const item of entries('cfn_nag', 'rules_to_suppress')) {
      const id = scalarString(get(item, 'id'));
      if (!id) continue;
      const reason = scalarString(get(item, 'reason')) ?? 'suppressed with cfn_nag rules_to_suppress';
      list.push(suppressionRule({ cfnNag: id }, { kind: 'inSource', justification: reason, via: 'cfn_nag' }));
    }
    for (const item of entries('checkov', 'skip')) {
      const id = scalarString(get(item, 'id'));
      if (!id) continue;
      const reason = scalarString(get(item, 'comment')) ?? 'skipped with a checkov skip';
      list.push(suppressionRule({ checkov: id }, { kind: 'inSource', justification: reason, via: 'checkov' }));
    }
    if (list.length > 0) byResource.set(res.logicalId, list);
  }
  return { byResource, notifications };
}
