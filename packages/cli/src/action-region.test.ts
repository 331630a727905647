import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding, ScanResult } from '@mamori/core';
import { afterAll, describe, expect, it } from 'vitest';
import { jobSummary, runAction } from './action.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-action-region-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scanWith(env: Record<string, string>) {
  const workspace = path.join(tmp, `ws-${Math.random().toString(36).slice(2)}`);
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'nat.yaml'), 'Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: subnet-1\n');
  let stdout = '';
  const code = await runAction(
    { GITHUB_WORKSPACE: workspace, INPUT_FORMAT: 'json', INPUT_FAIL_ON: 'none', ...env },
    { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) },
  );
  return { code, stdout };
}

describe('the Action prices templates in its region', () => {
  it('the region input, else AWS_REGION, else us-east-1', async () => {
    expect((await scanWith({})).stdout).toContain('about $36.50 a month (us-east-1 prices)');
    expect((await scanWith({ INPUT_REGION: 'ap-northeast-1' })).stdout).toContain('about $48.91 a month (ap-northeast-1 prices)');
    expect((await scanWith({ AWS_REGION: 'ap-northeast-1' })).stdout).toContain('(ap-northeast-1 prices)');
    expect((await scanWith({ INPUT_REGION: 'eu-west-1', AWS_REGION: 'ap-northeast-1' })).stdout).toContain('(eu-west-1 prices)');
  });

  it('refuses a region input that is not a region name', async () => {
    const { code, stdout } = await scanWith({ INPUT_REGION: 'Tokyo; rm -rf' });
    expect(code).toBe(2);
    expect(stdout).toContain('region must be a region name such as eu-west-1');
  });
});

describe('the Action writes in its lang input', () => {
  const japanese = 'NAT ゲートウェイ Nat を指すルートがなく';
  it("the lang input, else the runner's locale, else English", async () => {
    expect((await scanWith({})).stdout).toContain('NAT gateway Nat has no route pointing at it');
    expect((await scanWith({ INPUT_LANG: 'ja' })).stdout).toContain(japanese);
    expect((await scanWith({ LANG: 'ja_JP.UTF-8' })).stdout).toContain(japanese);
    expect((await scanWith({ INPUT_LANG: 'en', LANG: 'ja_JP.UTF-8' })).stdout).toContain('NAT gateway Nat has no route pointing at it');
  });

  it('refuses a lang input it does not know', async () => {
    const { code, stdout } = await scanWith({ INPUT_LANG: 'fr' });
    expect(code).toBe(2);
    expect(stdout).toContain('lang must be en or ja, not "fr"');
  });

  it('refuses its inputs in Japanese when asked for it, or when the runner speaks it', async () => {
    const asked = await scanWith({ INPUT_LANG: 'ja', INPUT_REGION: 'Tokyo' });
    expect(asked.code).toBe(2);
    expect(asked.stdout).toContain('region は eu-west-1 のようなリージョン名です。"Tokyo" は使えません');
    const locale = await scanWith({ LANG: 'ja_JP.UTF-8', INPUT_LANG: 'fr' });
    expect(locale.stdout).toContain('lang は en、ja のいずれかです。"fr" は使えません');
  });
});

describe('the job summary', () => {
  it("names the region of an account's finding beside its location, and the date of the prices", () => {
    const base: Omit<Finding, 'entity' | 'location'> = {
      ruleId: 'MAM702',
      ruleName: 'nat-gateway-unused',
      severity: 'warning',
      messageId: 'unused',
      message: 'NAT gateway',
      fingerprint: 'f',
    };
    const result: ScanResult = {
      root: '/r',
      files: ['account.json', 't.yaml'],
      snapshots: ['account.json'],
      findings: [
        {
          ...base,
          location: { file: 'account.json', line: 9, column: 1, endLine: 9, endColumn: 2 },
          entity: { kind: 'NatGateway', id: 'arn', displayName: 'n', region: 'ap-northeast-1' },
          properties: { estimatedMonthlyCostUsd: 1234.5 },
        },
        {
          ...base,
          fingerprint: 'g',
          location: { file: 't.yaml', line: 3, column: 1, endLine: 3, endColumn: 2 },
          entity: { kind: 'NatGateway', id: 't.yaml#N', displayName: 'N' },
        },
      ],
      notifications: [],
      rules: [],
    };
    const summary = jobSummary(result, { sarifFile: 'mamori.sarif', failOn: 'error', exitCode: 0, sarifLeftOut: 0 });
    expect(summary).toContain('| `account.json:9` `ap-northeast-1` |');
    expect(summary).toContain('| `t.yaml:3` |');
    expect(summary).toMatch(/\| Estimated monthly waste \(list prices of \d{4}-\d\d-\d\d\) \|/);
    expect(summary).toContain('| $1,234.50 |');
  });
});

describe('the job summary and annotations in Japanese', () => {
  const at = { file: 'a.yaml', line: 3, column: 1, endLine: 3, endColumn: 5 };
  const finding = (n: number): Finding => ({
    ruleId: 'MAM101',
    ruleName: 'world-open-ingress',
    severity: 'error',
    messageId: 'm',
    message: `セキュリティグループ Sg${n} は 0.0.0.0/0 からの SSH を許可しています。`,
    location: at,
    entity: { kind: 'SecurityGroup', id: `Sg${n}`, displayName: `Sg${n}` },
    fingerprint: `f${n}`,
  });
  const result = (lang?: 'ja'): ScanResult => ({
    root: '/w',
    files: ['a.yaml'],
    findings: Array.from({ length: 12 }, (_, i) => finding(i)),
    notifications: [{ level: 'warning', code: 'parse-error', file: 'b.yaml', message: 'x' }],
    rules: [],
    ...(lang ? { lang } : {}),
  });

  it('writes the summary in the scan language, English left for none of its labels', () => {
    const ja = jobSummary(result('ja'), { sarifFile: 'mamori.sarif', failOn: 'error', exitCode: 1 });
    expect(ja).toContain(
      '## ❌ mamori: スキャンしたファイル 1 個で12 件の問題 (エラー 12、警告 0、注意 0)。スキャンに関する警告 1 件 — ステップは失敗しました: fail-on (error) 以上の検出結果があります',
    );
    expect(ja).toContain('| エラー | 警告 | 注意 | 抑制済み | 推定される月額の無駄 (');
    expect(ja).toContain('| レベル | ルール | 場所 | メッセージ |');
    expect(ja).toContain('| エラー | `MAM101` `world-open-ingress` |');
    expect(ja).toContain('**スキャンの問題** (エラー 0、警告 1):');
    expect(ja).not.toMatch(/Errors|Level|the step|problems|Problems with/);
    const en = jobSummary(result(), { sarifFile: 'mamori.sarif', failOn: 'error', exitCode: 1 });
    expect(en).toContain('## ❌ mamori: 12 problems (12 errors, 0 warnings, 0 notes) in 1 scanned file; 1 warning about the scan — the step failed');
  });

  it('says in the scan language that annotations were left out', async () => {
    const { annotations } = await import('./action.js');
    const ja = annotations(result('ja'));
    expect(ja.at(-2)).toBe(
      '::error title=mamori::ほかのエラー 3 件は注釈にしていません (GitHub が表示するのは 1 ステップにつき種類ごとに 10 件までです)。ログのレポートとジョブの概要にすべて載っています\n',
    );
    expect(annotations(result()).at(-2)).toContain('3 more errors are not annotated');
  });
});
