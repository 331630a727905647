import { describe, expect, it } from 'vitest';
import type { Finding, Notification } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { PRICE_LIST } from '../pricing/prices.js';
import { toHtml } from './html.js';
import { toJsonReport } from './json.js';
import { toSarif } from './sarif.js';
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
      accounts: [],
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

describe('a scan of several accounts', () => {
  const at = (file: string) => ({ file, line: 1, column: 1, endLine: 1, endColumn: 2 });
  const org: ScanResult = {
    root: '/r',
    files: ['org/222222222222.json', 'org/333333333333.json', 'org/444444444444.json', 't.yaml'],
    snapshots: ['org/222222222222.json', 'org/333333333333.json', 'org/444444444444.json'],
    accounts: [
      { file: 'org/222222222222.json', accountId: '222222222222', accountName: 'prod' },
      { file: 'org/333333333333.json', accountId: '333333333333', accountName: 'staging' },
      { file: 'org/444444444444.json', accountId: '444444444444' },
    ],
    findings: [
      finding({ location: at('org/222222222222.json') }),
      finding({ location: at('org/222222222222.json'), severity: 'note', properties: { estimatedMonthlyCostUsd: 3.65 } }),
      finding({ location: at('org/333333333333.json'), severity: 'warning', properties: { estimatedMonthlyCostUsd: 32.85 } }),
      finding({
        location: at('org/333333333333.json'),
        severity: 'note',
        properties: { estimatedMonthlyCostUsd: 10 },
        suppression: { kind: 'external', justification: 'ok', via: 'config' },
      }),
      finding({ location: at('t.yaml') }),
    ],
    notifications: [note({ file: 'org/444444444444.json', level: 'error', code: 'invalid-snapshot' })],
    rules: [],
  };

  it('counts each account apart: its counted findings by level, its waste, its failed inputs; a template counts in the total only', () => {
    const s = summarize(org);
    expect(s.findings).toBe(4);
    expect(s.accounts).toEqual([
      {
        accountId: '222222222222',
        accountName: 'prod',
        files: ['org/222222222222.json'],
        findings: 2,
        levels: { error: 1, warning: 0, note: 1 },
        waste: { usd: 3.65, findings: 1 },
        failedInputs: 0,
      },
      {
        accountId: '333333333333',
        accountName: 'staging',
        files: ['org/333333333333.json'],
        findings: 1,
        levels: { error: 0, warning: 1, note: 0 },
        waste: { usd: 32.85, findings: 1 },
        failedInputs: 0,
      },
      {
        accountId: '444444444444',
        files: ['org/444444444444.json'],
        findings: 0,
        levels: { error: 0, warning: 0, note: 0 },
        waste: { usd: 0, findings: 0 },
        failedInputs: 1,
      },
    ]);
  });

  it('stylish names the account of each snapshot and lists the accounts with their totals', () => {
    const text = toStylish(org, { color: false });
    expect(text).toContain('org/222222222222.json  account 222222222222 (prod)\n');
    expect(text).toContain(
      [
        'By account:',
        '  222222222222 (prod)     ✖ 2 problems (1 error, 0 warnings, 1 note); about $3.65 a month of estimated waste',
        '  333333333333 (staging)  ✖ 1 problem (0 errors, 1 warning, 0 notes); about $32.85 a month of estimated waste',
        '  444444444444            ✔ no problems (0 errors, 0 warnings, 0 notes); 1 input could not be scanned',
        '',
      ].join('\n'),
    );
    // One account: the report is as it always was.
    const one = { ...org, accounts: org.accounts?.slice(0, 1) };
    expect(toStylish(one, { color: false })).not.toContain('By account:');
    expect(toStylish(one, { color: false })).not.toContain('account 222222222222');
  });

  it('HTML has a table of the accounts with their totals, and none for one account', () => {
    const html = toHtml(org);
    const table = /<table id="by-account">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain(
      '<tr><td class="loc">333333333333 <span class="muted">staging</span></td><td class="num">1</td><td class="num">0</td><td class="num">1</td><td class="num">0</td><td class="num">$32.85</td><td class="num">0</td></tr>',
    );
    expect(table).toContain(
      '<tr><td class="loc">444444444444</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">$0.00</td><td class="num">1</td></tr>',
    );
    expect(toHtml({ ...org, accounts: org.accounts?.slice(0, 1) })).not.toContain('by-account');
  });

  it('JSON carries the totals of each account', () => {
    expect(toJsonReport(org).accounts).toEqual([
      {
        accountId: '222222222222',
        accountName: 'prod',
        files: ['org/222222222222.json'],
        findings: 2,
        error: 1,
        warning: 0,
        note: 1,
        estimatedMonthlyWasteUsd: 3.65,
        costFindings: 1,
        failedInputs: 0,
      },
      {
        accountId: '333333333333',
        accountName: 'staging',
        files: ['org/333333333333.json'],
        findings: 1,
        error: 0,
        warning: 1,
        note: 0,
        estimatedMonthlyWasteUsd: 32.85,
        costFindings: 1,
        failedInputs: 0,
      },
      {
        accountId: '444444444444',
        files: ['org/444444444444.json'],
        findings: 0,
        error: 0,
        warning: 0,
        note: 0,
        estimatedMonthlyWasteUsd: 0,
        costFindings: 0,
        failedInputs: 1,
      },
    ]);
    expect(toJsonReport(result).accounts).toBeUndefined();
  });

  it("SARIF puts the account in each account result's properties and logical locations, and none on a template's", () => {
    const results = toSarif(org).runs[0]?.results ?? [];
    const of = (file: string) => results.filter((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === file);
    expect(of('org/333333333333.json')[0]?.properties).toEqual({ estimatedMonthlyCostUsd: 32.85, accountId: '333333333333', accountName: 'staging' });
    expect(of('org/222222222222.json')[0]?.properties).toEqual({ accountId: '222222222222', accountName: 'prod' });
    expect(of('org/222222222222.json')[0]?.locations?.[0]?.logicalLocations).toEqual([
      { name: '222222222222', fullyQualifiedName: 'aws-account:222222222222', kind: 'namespace' },
    ]);
    expect(of('t.yaml')[0]?.properties).toBeUndefined();
    expect(of('t.yaml')[0]?.locations?.[0]?.logicalLocations).toBeUndefined();
  });
});
