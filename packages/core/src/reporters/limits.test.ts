import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { manyFindings } from '../../../../test/many-findings.js';
import { multitoolIssues, schemaErrors } from '../../../../test/sarif-validate.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { fitSarif, GITHUB_SARIF_LIMITS, toSarif } from './sarif.js';
import { toStylish } from './stylish.js';

describe('150,000 findings', () => {
  // Half of them in one file: a spread of them into Math.max overflowed the stack, a copy of the
  // file's rows per finding was quadratic; the other half in a file each, which a filter per file was.
  const result = manyFindings(150_000);
  const active = result.findings.filter((f) => !f.suppression).length;

  it('render in every format', () => {
    const stylish = toStylish(result, { color: false });
    expect(stylish.split('\n').filter((l) => /^ {2}\d+:3 /.test(l))).toHaveLength(active);
    expect(stylish).toMatch(/✖ 135000 problems \(45000 errors, 45000 warnings, 45000 notes\) in 75001 templates scanned; 15000 suppressed\n/);

    const json = JSON.parse(toJson(result)) as { summary: { findings: number }; findings: unknown[] };
    expect(json.summary.findings).toBe(active);
    expect(json.findings).toHaveLength(150_000);

    const { text, results } = fitSarif(result);
    expect(results).toBe(GITHUB_SARIF_LIMITS.resultsPerRun);
    const log = JSON.parse(text) as Log;
    expect(log.runs[0]?.results).toHaveLength(25_000);
    // The most severe: only active errors fit in 25,000 of 45,000.
    expect(new Set(log.runs[0]?.results?.map((r) => r.level))).toEqual(new Set(['error']));
    expect(log.runs[0]?.results?.some((r) => r.suppressions)).toBe(false);

    const html = toHtml(result);
    expect(html).toContain(`<div class="value" id="total">${active}</div>`);
    expect(html.match(/<tr data-severity=/g)).toHaveLength(active);
  });
});

describe('SARIF within GitHub code scanning limits', () => {
  it('keeps the most severe results in scan order, and says in the run how many were left out and where all are', () => {
    const result = manyFindings(60);
    const log = toSarif(result, { maxResults: 10 });
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(10);
    expect(results.every((r) => r.level === 'error' && !r.suppressions)).toBe(true);
    const lines = results.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const notes = log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes).toContainEqual({
      level: 'warning',
      descriptor: { id: 'results-capped' },
      message: {
        text: 'This file holds the 10 most severe of 60 results; 50 were left out (GitHub code scanning takes at most 25,000 results and 10 MB compressed in a run). The JSON and HTML reports (--format json, --format html) list every finding.',
      },
    });
    expect(log.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(true);
    expect(schemaErrors(log)).toEqual([]);
    expect(multitoolIssues(log)).toEqual([]);
    // Unset, every finding is written: a baseline needs them all.
    expect(toSarif(result).runs[0]?.results).toHaveLength(60);
  });

  it('notifications are capped with errors first, and tags to 20 a rule', () => {
    const base = manyFindings(1);
    const notifications = Array.from({ length: 30 }, (_, i) => ({
      level: i % 3 === 0 ? ('error' as const) : ('note' as const),
      code: 'parse-error' as const,
      message: `problem ${i}`,
      file: `f${i}.yaml`,
    }));
    const rule = { ...(base.rules[0] as (typeof base.rules)[number]), tags: Array.from({ length: 30 }, (_, i) => `tag${i}`) };
    const log = toSarif({ ...base, notifications, rules: [rule, ...base.rules.slice(1)] }, { maxResults: 5, maxNotifications: 12 });
    const notes = log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    // All 10 errors and the first 2 notes, in their order.
    expect(notes.filter((n) => n.descriptor?.id === 'parse-error').map((n) => n.message.text)).toEqual(
      [0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27].map((i) => `f${i}.yaml: problem ${i}.`),
    );
    expect(notes.at(-1)?.message.text).toBe(
      '18 of 30 notifications about the scan were left out of this file (errors were kept first). The JSON report lists them all.',
    );
    expect(log.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(log.runs[0]?.tool.driver.rules?.[0]?.properties?.tags).toHaveLength(20);
  });

  it('fewer results while the compressed file would pass 10 MB', () => {
    // Messages that do not compress: 12,000 of 3 KB is about 55 MB, over 10 MB even compressed.
    const result = manyFindings(12_000, () => randomBytes(2_300).toString('base64'));
    const { text, results } = fitSarif(result);
    expect(gzipSync(text).length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.gzipBytes);
    expect(results).toBeGreaterThan(1_000);
    expect(results).toBeLessThan(12_000);
    const log = JSON.parse(text) as Log;
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.at(-1)?.descriptor?.id).toBe('results-capped');
  });
});
