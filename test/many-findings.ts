import type { Finding, ScanResult, Severity } from '@mamori/core';
import { rules } from '@mamori/rules';
import { ruleMeta } from '../packages/core/src/scan.js';

const LEVELS: Severity[] = ['note', 'warning', 'error'];

/**
 * A scan result with `count` findings of the built-in rules: half in one file (the longest run a
 * reporter groups), half in a file of their own each; levels and costs vary, every tenth is suppressed.
 */
export function manyFindings(count: number, message = (i: number) => `Security group Sg${i} allows SSH (22/tcp) from 0.0.0.0/0.`): ScanResult {
  const metas = rules.map(ruleMeta);
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const meta = metas[i % metas.length];
    if (!meta) throw new Error('no rules');
    const file = i < count / 2 ? 'big.yaml' : `many/t${i}.yaml`;
    findings.push({
      ruleId: meta.id,
      ruleName: meta.name,
      severity: LEVELS[i % 3] as Severity,
      messageId: 'm',
      message: message(i),
      location: { file, line: i + 1, column: 3, endLine: i + 1, endColumn: 10, logicalPath: `Resources/Sg${i}` },
      entity: { kind: 'SecurityGroup', id: `${file}#Sg${i}`, displayName: `Sg${i}` },
      fingerprint: i.toString(16).padStart(32, '0'),
      ...(i % 7 === 0 ? { properties: { estimatedMonthlyCostUsd: 3.6 } } : {}),
      ...(i % 10 === 9 ? { suppression: { kind: 'inSource' as const, justification: 'accepted', via: 'mamori' as const } } : {}),
    });
  }
  const files = [...new Set(findings.map((f) => f.location.file))];
  return { root: '/repo', files, findings, notifications: [], rules: metas };
}
