import type { Lang } from '../i18n/lang.js';
import { own } from '../model/lookup.js';
import { ruleDescription, ruleTranslation } from './localize.js';
import type { RuleDocs, RuleMeta } from './rule.js';

/**
 * The fixed words of rule help and of the generated docs pages, by language. English is the
 * reference: every language has exactly its keys (a missing or extra one fails the typecheck).
 */
const HELP_LABELS_EN = {
  risk: 'Risk',
  fix: 'Fix',
  compliance: 'Compliance',
  equivalentChecks: 'Equivalent checks',
  fsbp: 'AWS Foundational Security Best Practices',
  cis: 'CIS AWS Foundations Benchmark',
  textRisk: 'Risk: ',
  textFix: 'Fix: ',
  // The generated docs pages (scripts/gen-docs.mjs).
  rules: 'Rules',
  id: 'Id',
  name: 'Name',
  area: 'Area',
  level: 'Level',
  title: 'Title',
  securitySeverity: 'GitHub security severity',
  notSecurity: 'none (not a security rule)',
  reads: 'Reads',
  entities: 'entities',
  tags: 'Tags',
  fixable: 'Fixable',
  fixableYes: 'yes: template findings carry a fix that `mamori fix` applies (SARIF `fixes`)',
  options: 'Options',
  optionsWhere: 'Set in the configuration as',
  option: 'Option',
  type: 'Type',
  default: 'Default',
  meaning: 'Meaning',
  messages: 'Messages',
  otherLanguage: '日本語版 (Japanese)',
  generated: 'Generated from the rule metadata by `pnpm docs`. Do not edit.',
  'severity.critical': 'critical',
  'severity.high': 'high',
  'severity.medium': 'medium',
  'severity.low': 'low',
  'level.error': 'error',
  'level.warning': 'warning',
  'level.note': 'note',
} as const;

export type HelpLabel = keyof typeof HELP_LABELS_EN;

export const HELP_LABELS: { readonly [L in Lang]: { readonly [K in HelpLabel]: string } } = {
  en: HELP_LABELS_EN,
  ja: {
    risk: 'リスク',
    fix: '修正方法',
    compliance: 'コンプライアンス',
    equivalentChecks: '同等のチェック',
    fsbp: 'AWS Foundational Security Best Practices',
    cis: 'CIS AWS Foundations Benchmark',
    textRisk: 'リスク: ',
    textFix: '修正方法: ',
    rules: 'ルール',
    id: 'ID',
    name: '名前',
    area: '分野',
    level: 'レベル',
    title: 'タイトル',
    securitySeverity: 'GitHub のセキュリティ重大度',
    notSecurity: 'なし (セキュリティのルールではありません)',
    reads: '読み取る対象',
    entities: 'エンティティ',
    tags: 'タグ',
    options: 'オプション',
    optionsWhere: '設定ファイルでの指定方法:',
    option: 'オプション',
    type: '型',
    default: 'デフォルト',
    meaning: '意味',
    messages: 'メッセージ',
    otherLanguage: 'English version',
    fixable: '自動修正',
    fixableYes: 'あり: テンプレートの検出結果に修正が付き、`mamori fix` で適用できます (SARIF の `fixes`)',
    generated: 'ルールのメタデータから `pnpm docs` で生成しています。編集しないでください。',
    'severity.critical': '緊急',
    'severity.high': '高',
    'severity.medium': '中',
    'severity.low': '低',
    'level.error': 'エラー',
    'level.warning': '警告',
    'level.note': '注意',
  },
};

const AREA_TITLES: { readonly [L in Lang]: Record<RuleMeta['area'], string> } = {
  en: {
    network: 'Network',
    identity: 'Identity and access',
    secrets: 'Secrets',
    compute: 'Compute',
    logging: 'Logging',
    resilience: 'Resilience',
    cost: 'Cost',
  },
  ja: {
    network: 'ネットワーク',
    identity: 'ID とアクセス管理',
    secrets: 'シークレット',
    compute: 'コンピューティング',
    logging: 'ログ記録',
    resilience: '耐障害性',
    cost: 'コスト',
  },
};

export function areaTitle(area: RuleMeta['area'], lang: Lang = 'en'): string {
  return AREA_TITLES[lang][area];
}

const COVER_LABELS: Record<string, string> = { checkov: 'checkov', cfnNag: 'cfn_nag', cfnLint: 'cfn-lint', prowler: 'Prowler', gitleaks: 'gitleaks' };

/** A rule's risk and fix in `lang`, each in English where the rule has no translation of it. */
export function ruleDocs(meta: Pick<RuleMeta, 'docs' | 'translations'>, lang: Lang = 'en'): RuleDocs {
  const docs = ruleTranslation(meta, lang)?.docs;
  return { risk: docs?.risk ?? meta.docs.risk, fix: docs?.fix ?? meta.docs.fix };
}

/** Markdown help for a rule in `lang`: the body of its docs page and of SARIF `help.markdown`. */
export function ruleHelpMarkdown(meta: RuleMeta, lang: Lang = 'en'): string {
  const label = HELP_LABELS[lang];
  const docs = ruleDocs(meta, lang);
  const lines: string[] = [ruleDescription(meta, lang), '', `## ${label.risk}`, '', docs.risk.trim(), '', `## ${label.fix}`, '', docs.fix.trim(), ''];
  const compliance = [...(meta.compliance.fsbp ?? []).map((id) => `${label.fsbp} ${id}`), ...(meta.compliance.cis ?? []).map((id) => `${label.cis} ${id}`)];
  if (compliance.length > 0) lines.push(`## ${label.compliance}`, '', ...compliance.map((c) => `- ${c}`), '');
  const covers = Object.entries(meta.covers).filter(([, ids]) => ids && ids.length > 0);
  if (covers.length > 0) {
    lines.push(
      `## ${label.equivalentChecks}`,
      '',
      ...covers.map(([tool, ids]) => `- ${own(COVER_LABELS, tool) ?? tool}: ${(ids ?? []).map((i: string) => `\`${i}\``).join(', ')}`),
      '',
    );
  }
  return `${lines.join('\n').trim()}\n`;
}

/** Plain-text help in `lang` for SARIF `help.text`: the description, the risk and the fix without Markdown code fences. */
export function ruleHelpText(meta: RuleMeta, lang: Lang = 'en'): string {
  const label = HELP_LABELS[lang];
  const docs = ruleDocs(meta, lang);
  return `${ruleDescription(meta, lang)}\n\n${label.textRisk}${stripMarkdown(docs.risk)}\n\n${label.textFix}${stripMarkdown(docs.fix)}`;
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
