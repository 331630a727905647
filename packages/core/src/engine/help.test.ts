import { describe, expect, it } from 'vitest';
import { ruleHelpUri } from '../version.js';
import { ruleDocs, ruleHelpMarkdown, ruleHelpText } from './help.js';
import type { RuleMeta } from './rule.js';

const meta: RuleMeta = {
  id: 'MAM999',
  name: 'sample-rule',
  title: 'Sample',
  description: 'Checks a sample.',
  severity: 'warning',
  securitySeverity: 5,
  area: 'network',
  tags: ['network'],
  compliance: { fsbp: ['EC2.1'], cis: ['5.2'] },
  covers: { checkov: ['CKV_AWS_1'] },
  docs: { risk: 'It is **open**.', fix: 'Close it:\n\n```yaml\nOpen: false\n```\n\nWith the CLI: `aws close`.' },
  messages: {},
  translations: {
    ja: {
      description: 'サンプルを確認します。',
      docs: { risk: '**開いて**います。', fix: '閉じます:\n\n```yaml\nOpen: false\n```\n\nCLI では: `aws close`。' },
    },
  },
};

describe('rule help', () => {
  it('in English, is the description, risk, fix, compliance and equivalent checks', () => {
    expect(ruleHelpMarkdown(meta)).toBe(
      [
        'Checks a sample.',
        '',
        '## Risk',
        '',
        'It is **open**.',
        '',
        '## Fix',
        '',
        'Close it:\n\n```yaml\nOpen: false\n```\n\nWith the CLI: `aws close`.',
        '',
        '## Compliance',
        '',
        '- AWS Foundational Security Best Practices EC2.1',
        '- CIS AWS Foundations Benchmark 5.2',
        '',
        '## Equivalent checks',
        '',
        '- checkov: `CKV_AWS_1`',
        '',
      ].join('\n'),
    );
    expect(ruleHelpMarkdown(meta, 'en')).toBe(ruleHelpMarkdown(meta));
    expect(ruleHelpText(meta)).toBe('Checks a sample.\n\nRisk: It is open.\n\nFix: Close it:\n\nOpen: false\n\nWith the CLI: aws close.');
    expect(ruleHelpUri('sample-rule')).toBe('https://github.com/mamori-dev/mamori/blob/main/docs/rules/sample-rule.md');
  });

  it('in Japanese, has Japanese headings and texts, and links to the Japanese page', () => {
    const md = ruleHelpMarkdown(meta, 'ja');
    expect(md).toMatch(/^サンプルを確認します。\n\n## リスク\n\n\*\*開いて\*\*います。\n\n## 修正方法\n\n閉じます:/);
    expect(md).toContain('## コンプライアンス\n\n- AWS Foundational Security Best Practices EC2.1\n- CIS AWS Foundations Benchmark 5.2');
    expect(md).toContain('## 同等のチェック\n\n- checkov: `CKV_AWS_1`');
    expect(ruleHelpText(meta, 'ja')).toBe('サンプルを確認します。\n\nリスク: 開いています。\n\n修正方法: 閉じます:\n\nOpen: false\n\nCLI では: aws close。');
    expect(ruleHelpUri('sample-rule', 'ja')).toBe('https://github.com/mamori-dev/mamori/blob/main/docs/rules/ja/sample-rule.md');
  });

  it('falls back to English for each text a rule does not translate', () => {
    const partial: RuleMeta = { ...meta, translations: { ja: { docs: { fix: '閉じます。' } } } };
    expect(ruleDocs(partial, 'ja')).toEqual({ risk: 'It is **open**.', fix: '閉じます。' });
    expect(ruleHelpMarkdown(partial, 'ja')).toMatch(/^Checks a sample\.\n\n## リスク\n\nIt is \*\*open\*\*\.\n\n## 修正方法\n\n閉じます。/);
    expect(ruleHelpMarkdown({ ...meta, translations: undefined }, 'ja')).toMatch(/^Checks a sample\.\n\n## リスク/);
  });

  it('reads a getter of the Japanese docs only when the help is asked for', () => {
    let reads = 0;
    const lazy: RuleMeta = {
      ...meta,
      translations: {
        ja: {
          docs: {
            get risk() {
              reads++;
              return '高価です。';
            },
          },
        },
      },
    };
    expect(reads).toBe(0);
    expect(ruleHelpMarkdown(lazy, 'ja')).toContain('## リスク\n\n高価です。');
    expect(reads).toBe(1);
  });
});
