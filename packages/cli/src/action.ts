import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { activeFindings, type Finding, type ScanResult, type Severity, toSarif } from '@mamori/core';
import { exitCodeFor, type FailOn, type Format, render, runScan } from './cli.js';
import { EXIT } from './io.js';

/** The GitHub Actions runner's contract: inputs as `INPUT_<NAME>`, files for outputs and the job summary. */
export type ActionEnv = Readonly<Record<string, string | undefined>>;

export interface ActionIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function input(env: ActionEnv, name: string, fallback = ''): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim() || fallback;
}

/** Workflow commands escape `%`, CR and LF in data, and also `:` and `,` in properties. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

export function annotation(f: Finding): string {
  const loc = f.location;
  const props = [`file=${escapeProperty(loc.file)}`, `line=${loc.line}`, `endLine=${loc.endLine}`, `title=${escapeProperty(`${f.ruleId} ${f.ruleName}`)}`];
  // Columns only make sense on one line; GitHub ignores them otherwise.
  if (loc.line === loc.endLine) props.splice(2, 0, `col=${loc.column}`, `endColumn=${loc.endColumn}`);
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function jobSummary(result: ScanResult, sarifFile: string): string {
  // Most severe first, so the table's first rows are the ones that failed the step.
  const active = activeFindings(result.findings).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const count = (s: Severity): number => active.filter((f) => f.severity === s).length;
  const waste = active.reduce((sum, f) => sum + (Number(f.properties?.estimatedMonthlyCostUsd) || 0), 0);
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '## mamori',
    '',
    `${active.length === 0 ? '✅ No problems' : `❌ ${active.length} ${active.length === 1 ? 'problem' : 'problems'}`} in ${result.files.length} scanned ${result.files.length === 1 ? 'file' : 'files'}.`,
    '',
    '| Errors | Warnings | Notes | Suppressed | Estimated monthly waste |',
    '|---:|---:|---:|---:|---:|',
    `| ${count('error')} | ${count('warning')} | ${count('note')} | ${result.findings.filter((f) => f.suppression).length} | $${waste.toFixed(2)} |`,
    '',
  ];
  if (active.length > 0) {
    lines.push('| Level | Rule | Location | Message |', '|---|---|---|---|');
    for (const f of active.slice(0, 100)) {
      lines.push(`| ${f.severity} | \`${f.ruleId}\` ${cell(f.ruleName)} | \`${cell(f.location.file)}:${f.location.line}\` | ${cell(f.message)} |`);
    }
    if (active.length > 100) lines.push('', `…and ${active.length - 100} more in \`${sarifFile}\`.`);
    lines.push('');
  }
  const failed = result.notifications.filter((n) => n.level === 'error');
  if (failed.length > 0)
    lines.push(
      `**${failed.length} ${failed.length === 1 ? 'input' : 'inputs'} could not be scanned:**`,
      '',
      ...failed.map((n) => `- \`${cell(n.file ?? '')}${n.line ? `:${n.line}` : ''}\` ${cell(n.message)}`),
      '',
    );
  return `${lines.join('\n')}\n`;
}

/**
 * The Action: scans, writes SARIF for upload-sarif, prints the report and annotations, sets outputs
 * and the job summary, and returns the exit code for `--fail-on`.
 */
export async function runAction(env: ActionEnv, io: ActionIo): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const paths = input(env, 'paths', '.')
    .split(/[\s,]+/)
    .filter(Boolean);
  const failOn = input(env, 'fail-on', 'error') as FailOn;
  const format = input(env, 'format', 'stylish') as Format;
  const sarifFile = input(env, 'sarif-file', 'mamori.sarif');
  const config = input(env, 'config');
  const parameters = input(env, 'parameters');
  const baseline = input(env, 'baseline');
  if (!['error', 'warning', 'note', 'none'].includes(failOn)) {
    io.stderr(`::error::mamori: fail-on must be error, warning, note or none, not "${escapeData(failOn)}"\n`);
    return EXIT.error;
  }
  if (!['stylish', 'json', 'sarif', 'html'].includes(format)) {
    io.stderr(`::error::mamori: format must be stylish, json, sarif or html, not "${escapeData(format)}"\n`);
    return EXIT.error;
  }
  let result: ScanResult;
  try {
    result = await runScan(
      paths,
      { format, failOn, ...(config ? { config } : {}), ...(parameters ? { parameters } : {}), ...(baseline ? { baseline } : {}) },
      { stdout: io.stdout, stderr: io.stderr, cwd: workspace, color: false },
    );
  } catch (err) {
    io.stderr(`::error::mamori: ${escapeData(err instanceof Error ? err.message : String(err))}\n`);
    return EXIT.error;
  }
  const sarifPath = path.resolve(workspace, sarifFile);
  await mkdir(path.dirname(sarifPath), { recursive: true });
  await writeFile(sarifPath, `${JSON.stringify(toSarif(result), null, 2)}\n`);
  io.stdout(format === 'sarif' ? `SARIF written to ${sarifFile}\n` : render(result, format, false));
  for (const f of activeFindings(result.findings)) io.stdout(annotation(f));
  for (const n of result.notifications.filter((x) => x.level === 'error')) {
    io.stdout(`::error${n.file ? ` file=${escapeProperty(n.file)}${n.line ? `,line=${n.line}` : ''}` : ''}::${escapeData(n.message)}\n`);
  }

  const active = activeFindings(result.findings);
  const outputs = {
    'sarif-file': sarifFile,
    findings: String(active.length),
    errors: String(active.filter((f) => f.severity === 'error').length),
    warnings: String(active.filter((f) => f.severity === 'warning').length),
    notes: String(active.filter((f) => f.severity === 'note').length),
  };
  if (env.GITHUB_OUTPUT)
    await appendFile(
      env.GITHUB_OUTPUT,
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, jobSummary(result, sarifFile));
  return exitCodeFor(result, failOn);
}
