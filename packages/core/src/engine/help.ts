import { own } from '../model/lookup.js';
import type { RuleMeta } from './rule.js';

const AREA_TITLES: Record<RuleMeta['area'], string> = {
  network: 'Network',
  identity: 'Identity and access',
  secrets: 'Secrets',
  compute: 'Compute',
  logging: 'Logging',
  resilience: 'Resilience',
  cost: 'Cost',
};

export function areaTitle(area: RuleMeta['area']): string {
  return AREA_TITLES[area];
}

const COVER_LABELS: Record<string, string> = { checkov: 'checkov', cfnNag: 'cfn_nag', cfnLint: 'cfn-lint', prowler: 'Prowler', gitleaks: 'gitleaks' };

/** Markdown help for a rule: the body of its docs page and of SARIF `help.markdown`. */
export function ruleHelpMarkdown(meta: RuleMeta): string {
  const lines: string[] = [meta.description, '', '## Risk', '', meta.docs.risk.trim(), '', '## Fix', '', meta.docs.fix.trim(), ''];
  const compliance = [
    ...(meta.compliance.fsbp ?? []).map((id) => `AWS Foundational Security Best Practices ${id}`),
    ...(meta.compliance.cis ?? []).map((id) => `CIS AWS Foundations Benchmark ${id}`),
  ];
  if (compliance.length > 0) lines.push('## Compliance', '', ...compliance.map((c) => `- ${c}`), '');
  const covers = Object.entries(meta.covers).filter(([, ids]) => ids && ids.length > 0);
  if (covers.length > 0) {
    lines.push(
      '## Equivalent checks',
      '',
      ...covers.map(([tool, ids]) => `- ${own(COVER_LABELS, tool) ?? tool}: ${(ids ?? []).map((i: string) => `\`${i}\``).join(', ')}`),
      '',
    );
  }
  return `${lines.join('\n').trim()}\n`;
}

/** Plain-text help for SARIF `help.text`: the description, the risk and the fix without Markdown code fences. */
export function ruleHelpText(meta: RuleMeta): string {
  return `${meta.description}\n\nRisk: ${stripMarkdown(meta.docs.risk)}\n\nFix: ${stripMarkdown(meta.docs.fix)}`;
}

function stripMarkdown(md: string): string {
  return md
    .replace(/```[a-z]*\n?/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .trim();
}

export function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
