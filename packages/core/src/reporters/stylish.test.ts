import { describe, expect, it } from 'vitest';
import type { Finding, Notification } from '../model/finding.js';
import type { ScanResult } from '../scan.js';
import { toStylish } from './stylish.js';

const parseError: Notification = { level: 'error', code: 'parse-error', file: 'bad.yaml', line: 3, column: 1, message: 'Map keys must be unique' };
const finding: Finding = {
  ruleId: 'MAM101',
  ruleName: 'world-open-ingress',
  severity: 'error',
  messageId: 'sensitivePorts',
  message: 'Security group Sg allows SSH (22/tcp) from 0.0.0.0/0.',
  location: { file: 'good.yaml', line: 9, column: 19, endLine: 9, endColumn: 28 },
  entity: { kind: 'SecurityGroup', id: 'good.yaml#Sg', displayName: 'Sg' },
  fingerprint: 'f',
};

const summary = (result: Partial<ScanResult>): string =>
  toStylish({ root: '/r', files: [], findings: [], notifications: [], rules: [], ...result }, { color: false })
    .trimEnd()
    .split('\n')
    .at(-1) ?? '';

describe('stylish summary', () => {
  it.each([
    { name: 'a clean scan', result: { files: ['good.yaml'] }, line: '✔ no problems (0 errors, 0 warnings, 0 notes) in 1 template scanned' },
    {
      name: 'an input that failed and no problems in the rest',
      result: { files: ['good.yaml'], notifications: [parseError] },
      line: '✖ 1 input could not be scanned; no problems in the others (1 template scanned)',
    },
    { name: 'nothing scanned at all', result: { notifications: [parseError] }, line: '✖ 1 input could not be scanned; no template was scanned' },
    {
      name: 'problems and a failed input',
      result: { files: ['good.yaml'], findings: [finding], notifications: [parseError] },
      line: '✖ 1 problem (1 error, 0 warnings, 0 notes) in 1 template scanned; 1 input could not be scanned',
    },
    {
      name: 'a note about the run is not a failed input',
      result: {
        files: ['good.yaml'],
        notifications: [{ level: 'note', code: 'not-expanded', file: 'good.yaml', message: 'Fn::ForEach::X was not expanded' } as Notification],
      },
      line: '✔ no problems (0 errors, 0 warnings, 0 notes) in 1 template scanned',
    },
  ])('$name', ({ result, line }) => {
    expect(summary(result)).toBe(line);
  });
});

describe('stylish summary in Japanese', () => {
  const costly: Finding = { ...finding, severity: 'warning', properties: { estimatedMonthlyCostUsd: 1234.5 } };
  const lines = (result: Partial<ScanResult>): string[] =>
    toStylish({ root: '/r', files: [], findings: [], notifications: [], rules: [], lang: 'ja', ...result }, { color: false })
      .trimEnd()
      .split('\n');
  it.each([
    { name: 'a clean scan', result: { files: ['good.yaml'] }, line: '✔ 問題はありません (エラー 0、警告 0、注意 0)。テンプレート 1 件をスキャンしました' },
    {
      name: 'an input that failed and no problems in the rest',
      result: { files: ['good.yaml'], notifications: [parseError] },
      line: '✖ 1 件の入力をスキャンできませんでした。ほかの入力に問題はありません (テンプレート 1 件をスキャンしました)',
    },
    {
      name: 'problems, a failed input, suppressed and unchanged findings',
      result: {
        files: ['good.yaml', 'account.json'],
        snapshots: ['account.json'],
        findings: [
          finding,
          finding,
          { ...finding, suppression: { kind: 'inSource' as const, justification: 'x', via: 'mamori' as const } },
          { ...finding, baselineState: 'unchanged' as const },
        ],
        notifications: [parseError],
      },
      line: '✖ 2 件の問題 (エラー 2、警告 0、注意 0)。テンプレート 1 件とアカウントスナップショット 1 件をスキャンしました。1 件の入力をスキャンできませんでした。1 件は抑制済み。1 件はベースラインから変化なし',
    },
  ])('$name', ({ result, line }) => {
    expect(lines(result).at(-1)).toBe(line);
  });

  it('gives the waste in US dollars as Intl writes them for ja-JP', () => {
    expect(lines({ files: ['good.yaml'], findings: [costly] }).at(-1)).toMatch(
      /^ {2}コストの検出結果 1 件で、推定される無駄は月額およそ \$1,234\.50 \(\d{4}-\d{2}-\d{2} 時点の公開料金\)$/,
    );
  });
});

describe('stylish rows', () => {
  const account: Finding = {
    ...finding,
    message: 'Security group sg-1 allows SSH (22/tcp) from 0.0.0.0/0.',
    location: { file: 'account.json', line: 12, column: 5, endLine: 12, endColumn: 20 },
    entity: { kind: 'SecurityGroup', id: 'arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-1', displayName: 'sg-1', region: 'ap-northeast-1' },
  };
  it("name the region of an account's finding, and leave a template's as it was", () => {
    const text = toStylish({ root: '/r', files: ['good.yaml', 'account.json'], findings: [finding, account], notifications: [], rules: [] }, { color: false });
    expect(text).toContain('  12:5  error  [ap-northeast-1] Security group sg-1 allows SSH (22/tcp) from 0.0.0.0/0.  MAM101 world-open-ingress');
    expect(text).toContain('  9:19  error  Security group Sg allows SSH (22/tcp) from 0.0.0.0/0.  MAM101 world-open-ingress');
  });
});

describe('the fixable count', () => {
  const fixable = (n: number, unfixable = false): Finding =>
    ({
      ruleId: 'MAM601',
      ruleName: 'rds-not-multi-az',
      severity: 'warning',
      messageId: 'notMultiAz',
      message: `DB instance Db${n} is not Multi-AZ.`,
      location: { file: 't.yaml', line: n, column: 3, endLine: n, endColumn: 5 },
      entity: { kind: 'DbInstance', id: `t.yaml#Db${n}`, displayName: `Db${n}` },
      fingerprint: `f${n}`,
      fix: {
        description: 'Set MultiAZ.',
        edits: [{ op: 'set', path: ['Resources', `Db${n}`, 'Properties', 'MultiAZ'], value: true }],
        file: 't.yaml',
        ...(unfixable ? { unfixable: 'the value of … is chosen by Fn::If' } : {}),
      },
    }) as Finding;
  const result = (findings: Finding[], lang?: 'ja'): ScanResult =>
    ({ root: '/r', files: ['t.yaml'], findings, notifications: [], rules: [], ...(lang ? { lang } : {}) }) as unknown as ScanResult;

  it('counts the problems with a fix that was not refused, in the scan language, and says nothing when there is none', () => {
    expect(toStylish(result([fixable(1), fixable(2), fixable(3, true)]), { color: false })).toContain('\n  2 problems potentially fixable with mamori fix\n');
    expect(toStylish(result([fixable(1)]), { color: false })).toContain('\n  1 problem potentially fixable with mamori fix\n');
    expect(toStylish(result([fixable(1)], 'ja'), { color: false })).toContain('\n  うち 1 件は mamori fix で修正できる可能性があります\n');
    // Levels in Japanese, aligned by the columns a terminal gives full-width characters.
    const errorToo = { ...fixable(2), severity: 'error' } as Finding;
    expect(toStylish(result([fixable(1), errorToo], 'ja'), { color: false })).toContain(
      '  1:3  警告    DB instance Db1 is not Multi-AZ.  MAM601 rds-not-multi-az\n  2:3  エラー  DB instance Db2 is not Multi-AZ.',
    );
    expect(toStylish(result([fixable(3, true)]), { color: false })).not.toContain('fixable');
  });
});
