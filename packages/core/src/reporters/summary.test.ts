import { describe, expect, it } from 'vitest';
import type { Finding, Notification } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { PRICE_LIST } from '../pricing/prices.js';
import { toHtml } from './html.js';
import { toJsonReport } from './json.js';
import { toStylish } from './stylish.js';
import { summarize } from './summary.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'MAM101',
  ruleName: 'world-open-ingress',
  severity: 'error',
  messageId: 'm',
  message: 'm',
  location: { file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 },
  entity: { kind: 'SecurityGroup', id: 'a.yaml#Sg', displayName: 'Sg' },
  fingerprint: Math.random().toString(36),
  ...over,
});
const note = (over: Partial<Notification>): Notification => ({ level: 'error', code: 'parse-error', message: 'x', ...over });

const result: ScanResult = {
  root: '/r',
  files: ['a.yaml', 'b.yaml', 'account.json'],
  snapshots: ['account.json'],
  findings: [
    finding({}),
    finding({ severity: 'warning', properties: { estimatedMonthlyCostUsd: 3.6 } }),
    finding({ severity: 'note', properties: { estimatedMonthlyCostUsd: 32.4 } }),
    finding({ severity: 'note', properties: { estimatedMonthlyCostUsd: 'much' } }),
    finding({ suppression: { kind: 'external', justification: 'ok', via: 'config' }, properties: { estimatedMonthlyCostUsd: 100 } }),
    finding({ baselineState: 'unchanged' }),
    finding({ baselineState: 'new', severity: 'warning' }),
  ],
  notifications: [
    note({ file: 'c.yaml' }),
    note({ file: 'c.yaml', line: 2 }),
    note({}),
    note({ level: 'warning', code: 'not-evaluated' }),
    note({ level: 'note', code: 'skipped' }),
  ],
  rules: [],
};

describe('summarize', () => {
  it('counts what counts once: active findings by level, suppressed, unchanged, failed inputs and files, waste', () => {
    expect(summarize(result)).toEqual({
      findings: 5,
      levels: { error: 1, warning: 2, note: 2 },
      suppressed: 1,
      unchanged: 1,
      failedInputs: 3,
      failedFiles: 2,
      scanWarnings: 1,
      files: 3,
      snapshots: 1,
      templates: 2,
      // Only numbers count, and only for findings that count.
      waste: { usd: 36, findings: 2 },
      nothingScanned: false,
    });
  });

  it('is what the JSON, stylish and HTML reports state', () => {
    const s = summarize(result);
    expect(toJsonReport(result).summary).toEqual({ findings: 5, ...s.levels, suppressed: 1, unchanged: 1, failedInputs: 3 });
    const stylish = toStylish(result, { color: false });
    expect(stylish).toContain(
      '✖ 5 problems (1 error, 2 warnings, 2 notes) in 2 templates and 1 account snapshot scanned; 2 inputs could not be scanned; 1 suppressed; 1 unchanged from the baseline',
    );
    // With the date of the list prices the figures come from.
    expect(stylish).toContain(`about $36.00 a month of estimated waste in 2 cost findings (list prices of ${PRICE_LIST.date})`);
    expect(toJsonReport(result).prices).toEqual({ date: PRICE_LIST.date, currency: 'USD' });
    const html = toHtml(result);
    expect(html).toContain(`<div class="value" id="waste">$36.00</div><div class="muted">2 cost findings, list prices of ${PRICE_LIST.date}</div>`);
    expect(html).toContain('<div class="value" id="failed">3</div>');
    expect(html).toContain('<div class="value" id="count-warning">2</div>');
  });

  it("the HTML report names the region of an account's finding beside its location, and none for a template's", () => {
    const html = toHtml({
      ...result,
      findings: [
        finding({
          location: { file: 'account.json', line: 7, column: 1, endLine: 7, endColumn: 2 },
          entity: { kind: 'ElasticIp', id: 'arn', displayName: 'e', region: 'ap-northeast-1' },
        }),
        finding({}),
      ],
    });
    expect(html).toContain('<td class="loc">account.json:7<div class="muted region">ap-northeast-1</div></td>');
    expect(html).toContain('<td class="loc">a.yaml:1</td>');
  });

  it('writes large sums with thousands separators', () => {
    const big = { ...result, findings: [finding({ severity: 'warning', properties: { estimatedMonthlyCostUsd: 12_345.5 } })] };
    expect(toStylish(big, { color: false })).toContain('about $12,345.50 a month');
    expect(toHtml(big)).toContain('<div class="value" id="waste">$12,345.50</div>');
  });

  it('says when nothing was scanned', () => {
    const empty = { root: '/r', files: [], findings: [], rules: [], notifications: [note({ level: 'warning', code: 'nothing-scanned' })] };
    expect(summarize(empty)).toMatchObject({ findings: 0, files: 0, nothingScanned: true, scanWarnings: 1 });
  });
});
