import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rules } from '@mamori/rules';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { browserPlan } from '../../../../test/browser.js';
import { type ScanResult, scan } from '../scan.js';
import { toHtml } from './html.js';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
let browser: Browser;
let dir: string;
let result: ScanResult;
let url: string;
const plan = browserPlan(process.env);

/** The browser, or the test skips with the reason (outside CI) or fails (in CI). */
function needBrowser(ctx: TestContext): Browser {
  if (plan.run) return browser;
  if (plan.fail) throw new Error(plan.reason);
  return ctx.skip(plan.reason);
}

beforeAll(async () => {
  result = await scan({ paths: ['examples'], cwd: repo, rules });
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-html-'));
  const file = path.join(dir, 'report.html');
  writeFileSync(file, toHtml(result));
  url = pathToFileURL(file).href;
  if (!plan.run) {
    // The default reporter does not print skip reasons; this line does.
    if (!plan.fail) console.warn(`HTML report browser tests skipped: ${plan.reason}`);
    return;
  }
  // The flags keep the browser off the network.
  browser = await chromium.launch({
    executablePath: plan.executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTML report in a browser', () => {
  it('shows the totals, the estimated waste and every finding', async (ctx) => {
    const page = await needBrowser(ctx).newPage();
    await page.goto(url);
    expect(await page.title()).toBe('mamori report');
    expect(await page.locator('#total').innerText()).toBe(String(result.findings.length));
    for (const s of ['error', 'warning', 'note'] as const) {
      expect(await page.locator(`#count-${s}`).innerText()).toBe(String(result.findings.filter((f) => f.severity === s).length));
    }
    const waste = result.findings.reduce((sum, f) => sum + (Number(f.properties?.estimatedMonthlyCostUsd) || 0), 0);
    expect(waste).toBeGreaterThan(0);
    expect(await page.locator('#waste').innerText()).toBe(`$${waste.toFixed(2)}`);
    await expect(page.locator('#findings tbody tr:visible').count()).resolves.toBe(result.findings.length);
    // Most severe first.
    expect(await page.locator('#findings tbody tr').first().getAttribute('data-severity')).toBe('error');
    // By file: every file with findings, with its count.
    const files = new Set(result.findings.map((f) => f.location.file));
    await expect(page.locator('#by-file tbody tr').count()).resolves.toBe(files.size);
    await page.close();
  });

  it('filters by level, area and text as a person uses them', async (ctx) => {
    const page = await needBrowser(ctx).newPage();
    await page.goto(url);
    const visible = () => page.locator('#findings tbody tr:visible').count();
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    await page.getByLabel('error').uncheck();
    await expect(visible()).resolves.toBe(result.findings.length - errors);
    expect(await page.locator('#shown').innerText()).toBe(`${result.findings.length - errors} shown`);
    await page.getByLabel('error').check();

    await page.selectOption('select[name=area]', 'cost');
    const costRules = new Set(result.rules.filter((r) => r.area === 'cost').map((r) => r.id));
    await expect(visible()).resolves.toBe(result.findings.filter((f) => costRules.has(f.ruleId)).length);
    await page.selectOption('select[name=area]', '');

    await page.getByLabel('Filter by file, rule or text').fill('web-stack.yaml');
    await expect(visible()).resolves.toBe(result.findings.filter((f) => f.location.file.endsWith('web-stack.yaml')).length);
    await page.getByLabel('Filter by file, rule or text').fill('no such thing');
    await expect(visible()).resolves.toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    await page.close();
  });
});

describe('HTML escaping', () => {
  it('escapes file names and messages', () => {
    const hostile = {
      ...result,
      findings: result.findings
        .slice(0, 1)
        .map((f) => ({ ...f, message: '<img src=x onerror=alert(1)>', location: { ...f.location, file: '"><script>alert(1)</script>.yaml' } })),
    };
    const html = toHtml(hostile);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('HTML report content security policy', () => {
  it('markup in a finding neither runs nor loads, and script or images added to the page are blocked', async (ctx) => {
    const browser = needBrowser(ctx);
    const hostile: ScanResult = {
      ...result,
      findings: result.findings.slice(0, 1).map((f) => ({
        ...f,
        message: '<img src="http://127.0.0.1:9/message.png"><script>window.pwned = 1</script>',
        location: { ...f.location, file: '<img src=http://127.0.0.1:9/file.png>.yaml' },
      })),
    };
    const file = path.join(dir, 'hostile.html');
    writeFileSync(file, toHtml(hostile));
    const page = await browser.newPage();
    // A request the policy stops is reported as failed with `csp`, and never reaches the network.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
      /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'none'; base-uri 'none'; form-action 'none'$/,
    );
    expect(await page.locator('#findings tbody td').nth(2).innerText()).toBe('<img src="http://127.0.0.1:9/message.png"><script>window.pwned = 1</script>');
    // What the policy says when an image and an inline script are put into the page anyway.
    const failed = page.waitForEvent('requestfailed');
    // A string: the test is compiled without the DOM's types.
    const blocked = await page.evaluate<string[]>(`new Promise((resolve) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(e.effectiveDirective);
        if (seen.length === 2) resolve(seen.sort());
      });
      const img = document.createElement('img');
      img.src = 'http://127.0.0.1:9/added.png';
      document.body.append(img);
      const script = document.createElement('script');
      script.textContent = 'window.pwned = 2';
      document.body.append(script);
    })`);
    expect(blocked).toEqual(['img-src', 'script-src-elem']);
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(requests).toEqual(['http://127.0.0.1:9/added.png']);
    const stopped = await failed;
    expect([stopped.url(), stopped.failure()?.errorText]).toEqual(['http://127.0.0.1:9/added.png', 'csp']);
    // The page's own script still runs: the filters work.
    await page.getByLabel('Filter by file, rule or text').fill('no such thing');
    expect(await page.locator('#empty').isVisible()).toBe(true);
    await page.close();
  });
});

describe('HTML report in Japanese, with fixes', () => {
  const db = (props: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n${props}`;
  async function report(lang: 'en' | 'ja'): Promise<string> {
    const folder = mkdtempSync(path.join(tmpdir(), 'mamori-html-ja-'));
    writeFileSync(
      path.join(folder, 'db.yaml'),
      db('      Engine: mysql\n      MultiAZ: false\n      PubliclyAccessible: true\n      StorageEncrypted: "<b>x</b>"\n'),
    );
    // A value chosen by Fn::If is not fixed: the report says why.
    writeFileSync(
      path.join(folder, 'flow.yaml'),
      `Conditions:\n  Prod: !Equals [a, b]\n${db('      Engine: mysql\n      MultiAZ: !If [Prod, false, false]\n')}`,
    );
    const scanned = await scan({ paths: ['.'], cwd: folder, rules, lang });
    rmSync(folder, { recursive: true, force: true });
    return toHtml(scanned);
  }

  it('is written in Japanese, lang="ja", with no English label left', async () => {
    const html = await report('ja');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>mamori レポート</title>');
    // Each rule's link goes to its Japanese docs page.
    expect(html).toMatch(/href="[^"]*\/docs\/rules\/ja\/rds-not-multi-az\.md"/);
    expect(html).toContain('<h2>検出結果</h2>');
    expect(html).toContain('<h2>分野別</h2>');
    expect(html).toContain('placeholder="ファイル、ルール、テキストで絞り込み"');
    expect(html).toContain('絞り込みに一致する検出結果はありません。');
    expect(html).toMatch(/data-template="\{\{count\}\} 件を表示">\d+ 件を表示</);
    for (const english of [
      '>Findings<',
      'By area',
      'By file',
      'Monthly cost',
      ' shown<',
      'No finding matches',
      'Estimated monthly waste',
      '>Errors<',
      '>error<',
    ]) {
      expect(html).not.toContain(english);
    }
  });

  it('shows each fix beside its finding: the replacements, escaped, or why there is none', async () => {
    const html = await report('ja');
    expect(html).toMatch(/<details class="fix"><summary>修正: [^<]+<\/summary><pre><span class="at">@@ \d+ 行 \d+ 列 @@<\/span>/);
    expect(html).toMatch(/<span class="add">\+ true<\/span>/);
    expect(html).toMatch(/<div class="fix unfixable">自動では修正できません: /);
    const en = await report('en');
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/<span class="del">- 5 characters from \d+:\d+ to \d+:\d+<\/span>\n<span class="add">\+ true<\/span>/);
    expect(en).toMatch(/<div class="fix unfixable">Not fixed automatically: /);
    expect(en).not.toContain('<b>x</b>');
  });
});
