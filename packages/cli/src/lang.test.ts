import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@mamori/core';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { optionJa } from './help-ja.js';
import { main } from './main.js';
import { CLI_CATALOGS } from './messages.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-lang-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}, cwd = tmp) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    color: false,
    env,
  });
  return { code, stdout, stderr };
}

describe('the command line in Japanese', () => {
  it('writes its help in Japanese with --lang ja or a Japanese locale, English otherwise', async () => {
    const ja = await run(['--help'], { LANG: 'ja_JP.UTF-8' });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toMatch(/^使い方: mamori \[オプション\]|^使い方: mamori/m);
    expect(ja.stdout).toContain('コマンド:');
    expect(ja.stdout).toContain('終了コード:');
    expect(ja.stdout).not.toMatch(/Exit codes|Usage:|Options:|display help/);
    const scan = await run(['scan', '--help', '--lang', 'ja']);
    expect(scan.stdout).toContain('オプション:');
    expect(scan.stdout).toContain('出力形式 (選択肢: "stylish"');
    expect(scan.stdout).toContain('形式:');
    expect((await run(['--help'])).stdout).toContain('Exit codes:');
    expect((await run(['--help'], { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' })).stdout).toContain('Exit codes:');
  });

  it('gives every option of every command a Japanese description', () => {
    // The program as main builds it, reached through its help: each command's options.
    const missing: string[] = [];
    const walk = async (args: string[]) => (await run([...args, '--help'], { LANG: 'ja_JP.UTF-8' })).stdout;
    return Promise.all(['scan', 'collect', 'baseline', 'fix', 'init', 'rules', 'merge'].map((c) => walk([c]))).then((helps) => {
      for (const help of helps) {
        // An option line whose description has no Japanese character was left in English.
        for (const line of help.split('\n').filter((l) => /^\s+-/.test(l))) {
          if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(line)) missing.push(line.trim());
        }
      }
      expect(missing).toEqual([]);
      expect(optionJa('scan', new Command().createOption('--lang <lang>'))).toContain('言語');
    });
  });

  it('says argument errors in Japanese, and refuses an unknown --lang in one clear line', async () => {
    const unknown = await run(['scan', '--nope', '--lang', 'ja']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("エラー: 不明なオプション '--nope'");
    const choice = await run(['scan', '--format', 'xml'], { LANG: 'ja_JP.UTF-8' });
    expect(choice.stderr).toMatch(/エラー: オプション '-f, --format <format>' の値 'xml' は使えません。使える値は stylish、/);
    const seconds = await run(['collect', '-o', 'x.json', '--deadline', '-1'], { LANG: 'ja_JP.UTF-8' });
    expect(seconds.stderr).toContain('正の秒数ではありません。');
    const fr = await run(['scan', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('mamori: --lang must be en or ja, not "fr"\n');
    expect((await run(['scan', '--lang=fr'], { LANG: 'ja_JP.UTF-8' })).stderr).toBe('mamori: --lang は en、ja のいずれかです。"fr" は使えません\n');
  });

  it('writes the notices and summaries of init, baseline and fix in Japanese', async () => {
    const dir = mkdtempSync(path.join(tmp, 'notices-'));
    const init = await run(['init', '--lang', 'ja'], {}, dir);
    expect(init.stdout).toContain('mamori.config.yaml を書き込みました');
    expect((await run(['init'], { LANG: 'ja_JP.UTF-8' }, dir)).stderr).toContain('mamori.config.yaml はすでにあるため、そのままにしました');
    writeFileSync(
      path.join(dir, 'db.yaml'),
      'Conditions:\n  Prod: !Equals [a, b]\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: mysql, MultiAZ: !If [Prod, false, false]}\n',
    );
    const baseline = await run(['baseline', '--lang', 'ja'], {}, dir);
    expect(baseline.stdout).toMatch(/件の検出結果をベースラインとして mamori-baseline\.sarif に書き込みました/);
    const fix = await run(['fix', '--dry-run'], { LANG: 'ja_JP.UTF-8' }, dir);
    expect(fix.stderr).toMatch(/修正していません: db\.yaml:\d+:\d+ MAM\d+ \(/);
    expect(fix.stderr).toMatch(/\d+ 個のファイルで \d+ 件の検出結果を修正できます。\d+ 件は修正できません/);
  });

  it("init's Japanese configuration has Japanese comments and still loads, examples uncommented", async () => {
    const dir = mkdtempSync(path.join(tmp, 'init-ja-'));
    await run(['init', '--lang', 'ja'], {}, dir);
    const file = path.join(dir, 'mamori.config.yaml');
    const written = readFileSync(file, 'utf8');
    expect(written).toMatch(/^## mamori の設定/);
    expect(written).toContain('# lang: ja');
    await expect(loadConfig(file)).resolves.toBeDefined();
    writeFileSync(file, written.replace(/^(\s*)# ?/gm, '$1'));
    const loaded = await loadConfig(file);
    expect(loaded.config.lang).toBe('ja');
  });

  it('has the same keys in every catalog', () => {
    expect(Object.keys(CLI_CATALOGS.ja).sort()).toEqual(Object.keys(CLI_CATALOGS.en).sort());
  });
});
