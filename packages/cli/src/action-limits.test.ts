import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { manyFindings } from '../../../test/many-findings.js';
import { ANNOTATIONS_PER_KIND, annotations, jobSummary } from './action.js';
import { render } from './cli.js';
import { main } from './main.js';

describe('the Action with 150,000 findings', () => {
  const result = manyFindings(150_000);

  it('annotates 10 of each kind, the tenth saying how many more, and summarises under 1 MiB', () => {
    const lines = annotations(result);
    const kinds = lines.map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
    expect(lines[ANNOTATIONS_PER_KIND - 1]).toBe(
      '::error title=mamori::44991 more errors are not annotated (GitHub shows 10 of a kind per step); the report in the log and the job summary list them\n',
    );
    const { leftOut } = render(result, 'sarif', false);
    expect(leftOut).toBe(125_000);
    const summary = jobSummary(result, { sarifFile: 'mamori.sarif', failOn: 'error', exitCode: 1, sarifLeftOut: leftOut });
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect(summary).toMatch(/^## ❌ mamori: 135000 problems \(45000 errors, 45000 warnings, 45000 notes\) in 75001 scanned files — the step failed/);
    expect(summary).toContain('…and 134900 more: the report in the log lists them all.');
    expect(summary).toContain(
      '`mamori.sarif` holds the most severe 25000 of 150000 findings: GitHub code scanning takes at most 25,000 results and 10 MB in a run. Set `format: json` for a report of all of them.',
    );
  });
});

describe('mamori scan --format sarif within GitHub code scanning limits', () => {
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      cwd: new URL('../../..', import.meta.url).pathname,
      color: false,
    });
    return { code, stdout, stderr };
  }

  it('--sarif-max-results keeps the most severe and says so; 0 keeps every result', async () => {
    const all = JSON.parse((await run(['scan', 'examples', '-f', 'sarif', '--sarif-max-results', '0'])).stdout) as Log;
    const total = all.runs[0]?.results?.length ?? 0;
    expect(total).toBeGreaterThan(5);
    const capped = await run(['scan', 'examples', '-f', 'sarif', '--sarif-max-results', '5']);
    const log = JSON.parse(capped.stdout) as Log;
    expect(log.runs[0]?.results?.map((r) => r.level)).toEqual(Array(5).fill('error'));
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.at(-1)?.descriptor?.id).toBe('results-capped');
    expect(capped.stderr).toBe(
      `mamori: the SARIF report holds the 5 most severe of ${total} findings, within GitHub code scanning's limits (--sarif-max-results 0 keeps every one; --format json or html lists them all)\n`,
    );
    expect((await run(['scan', 'examples', '-f', 'sarif'])).stderr).toBe('');
    const bad = await run(['scan', 'examples', '--sarif-max-results', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/option '--sarif-max-results <n>' argument 'many' is invalid\. must be a whole number \(0 for no limit\)/);
  });
});
