import { randomUUID } from 'node:crypto';
import { appendFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import {
  activeFindings,
  type Finding,
  formatUsd,
  isLang,
  type Lang,
  LOCALES,
  type Notification,
  PRICE_LIST,
  resolveLang,
  type ScanResult,
  SEVERITIES,
  type Severity,
  summarize,
} from '@mamori/core';
import { printable, severityRank } from '@mamori/core/internal';
import { exitCodeFor, render, reportCache, runScan, USER_ERRORS } from './cli.js';
import type { FixOutcome } from './fix.js';
import { EXIT } from './io.js';
import { say, sayN } from './messages.js';
import { actionInput, type CacheStrategy, DEFAULT_CACHE_FILE, type FailOn, type Format, orList, REGION_PATTERN } from './options.js';
import { type OutputTarget, prepareOutput } from './output.js';

/** The GitHub Actions runner's contract: inputs as `INPUT_<NAME>`, files for outputs and the job summary. */
export type ActionEnv = Readonly<Record<string, string | undefined>>;

export interface ActionIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** GitHub shows 10 annotations of each kind (error, warning, notice) per step and drops the rest. */
export const ANNOTATIONS_PER_KIND = 10;
/** GitHub refuses a step summary over 1 MiB. Rows and cells are bounded to stay well under it. */
const SUMMARY_ROWS = 100;
const SUMMARY_NOTIFICATIONS = 50;

/** An input's value, its default (as action.yml gives it) when empty. */
function input(env: ActionEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim() || actionInput(name).default;
}

/** `true`/`false` as actions/toolkit's getBooleanInput reads them (YAML 1.2 core schema). */
function booleanInput(env: ActionEnv, name: string): boolean | undefined {
  const value = input(env, name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  return undefined;
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

// Workflow commands escape `%`, CR and LF in data, and also `:` and `,` in properties. Text from the
// scan is made printable first, so no control character or line break reaches the runner.
const escapeData = (s: string, max = 1_000): string => clip(printable(s), max).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s, 500).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

export function annotation(f: Finding): string {
  const loc = f.location;
  const props = [`file=${escapeProperty(loc.file)}`, `line=${loc.line}`, `endLine=${loc.endLine}`, `title=${escapeProperty(`${f.ruleId} ${f.ruleName}`)}`];
  // Columns only make sense on one line; GitHub ignores them otherwise.
  if (loc.line === loc.endLine) props.splice(2, 0, `col=${loc.column}`, `endColumn=${loc.endColumn}`);
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
}

function notificationAnnotation(n: Notification): string {
  const props = [
    ...(n.file ? [`file=${escapeProperty(n.file)}`] : []),
    ...(n.file && n.line ? [`line=${n.line}`] : []),
    `title=${escapeProperty(`mamori ${n.code}`)}`,
  ];
  return `::${COMMAND[n.level]} ${props.join(',')}::${escapeData(n.message)}\n`;
}

/**
 * The annotations GitHub will show: problems with the scan before findings, and within each kind at
 * most 10, the tenth saying how many more there are when they do not fit.
 */
export function annotations(result: ScanResult): string[] {
  const byKind: Record<Severity, (() => string)[]> = { error: [], warning: [], note: [] };
  for (const n of result.notifications) if (n.level !== 'note') byKind[n.level]?.push(() => notificationAnnotation(n));
  for (const f of activeFindings(result.findings)) byKind[f.severity]?.push(() => annotation(f));
  const out: string[] = [];
  for (const kind of SEVERITIES) {
    const all = byKind[kind];
    const shown = all.length <= ANNOTATIONS_PER_KIND ? all.length : ANNOTATIONS_PER_KIND - 1;
    for (const line of all.slice(0, shown)) out.push(line());
    if (shown === all.length) continue;
    const lang = result.lang ?? 'en';
    const text = say(lang, 'action.notAnnotated', { count: all.length - shown, kind: say(lang, `action.kind.${kind}`), max: ANNOTATIONS_PER_KIND });
    out.push(`::${COMMAND[kind]} title=mamori::${text}\n`);
  }
  return out;
}

/**
 * A Markdown code span: what is in it is shown as it is, never as a link, image, tag, mention or
 * emphasis. Control characters are made visible and long text is cut; in a table a `|` is escaped
 * (GitHub unescapes it inside code spans there).
 */
export function code(text: string, max: number, inTable = true): string {
  let s = clip(printable(text), max);
  if (inTable) s = s.replace(/\|/g, '\\|');
  if (s === '') return '';
  let longest = 0;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  // A space on each side is stripped again by the renderer; it lets text start or end with a backtick.
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export interface SummaryContext {
  sarifFile: string;
  failOn: FailOn;
  /** The step's exit code. */
  exitCode: number;
  /** Findings left out of the SARIF file by GitHub's limits. */
  sarifLeftOut?: number;
}

export function jobSummary(result: ScanResult, context: SummaryContext): string {
  const lang = result.lang ?? 'en';
  // Most severe first, so the table's first rows are the ones that failed the step.
  const active = activeFindings(result.findings).sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const summary = summarize(result);
  const { levels } = summary;
  const failed = result.notifications.filter((n) => n.level === 'error');
  const warned = result.notifications.filter((n) => n.level === 'warning');
  const stepFailed = context.exitCode !== EXIT.clean;
  // A tick only for a clean scan that looked at everything; a cross only when the step failed.
  const icon = stepFailed ? '❌' : active.length > 0 || failed.length > 0 || warned.length > 0 ? '⚠️' : '✅';
  const problems =
    active.length === 0
      ? say(lang, 'action.noProblems')
      : say(lang, 'action.problems', {
          problems: sayN(lang, 'action.problem', active.length),
          errors: sayN(lang, 'action.error', levels.error),
          warnings: sayN(lang, 'action.warning', levels.warning),
          notes: sayN(lang, 'action.note', levels.note),
        });
  const about = [
    ...(failed.length > 0 ? [sayN(lang, 'action.inputsFailed', failed.length)] : []),
    ...(warned.length > 0 ? [sayN(lang, 'action.scanWarnings', warned.length)] : []),
  ];
  const verdict =
    context.exitCode === EXIT.error
      ? say(lang, 'action.failedIncomplete')
      : context.exitCode === EXIT.findings
        ? say(lang, 'action.failedFindings', { failOn: context.failOn })
        : say(lang, 'action.passed', { failOn: context.failOn });
  const separator = say(lang, 'action.aboutSeparator');
  const heading = { icon, problems, files: sayN(lang, 'action.files', summary.files), about: about.map((a) => `${separator}${a}`).join(''), verdict };
  const lines = [
    say(lang, 'action.heading', heading),
    '',
    say(lang, 'action.totals', { date: PRICE_LIST.date }),
    '|---:|---:|---:|---:|---:|',
    `| ${levels.error} | ${levels.warning} | ${levels.note} | ${summary.suppressed} | ${formatUsd(summary.waste.usd, LOCALES[lang])} |`,
    '',
  ];
  if (active.length > 0) {
    lines.push(say(lang, 'action.findingsHead'), '|---|---|---|---|');
    for (const f of active.slice(0, SUMMARY_ROWS)) {
      // An account's finding names the region of what it is about.
      const where = `${code(`${f.location.file}:${f.location.line}`, 200)}${f.entity.region ? ` ${code(f.entity.region, 50)}` : ''}`;
      lines.push(`| ${say(lang, `action.level.${f.severity}`)} | ${code(f.ruleId, 100)} ${code(f.ruleName, 100)} | ${where} | ${code(f.message, 300)} |`);
    }
    if (active.length > SUMMARY_ROWS) lines.push('', say(lang, 'action.moreRows', { count: active.length - SUMMARY_ROWS }));
    lines.push('');
  }
  if (context.sarifLeftOut)
    lines.push(
      say(lang, 'action.sarifLeftOut', {
        file: code(context.sarifFile, 200, false),
        most: active.length > 0 ? say(lang, 'action.mostSevere') : '',
        kept: result.findings.length - context.sarifLeftOut,
        total: result.findings.length,
      }),
      '',
    );
  const problemsWithScan = [...failed, ...warned];
  if (problemsWithScan.length > 0) {
    lines.push(
      say(lang, 'action.problemsWithScan', { errors: sayN(lang, 'action.error', failed.length), warnings: sayN(lang, 'action.warning', warned.length) }),
      '',
    );
    for (const n of problemsWithScan.slice(0, SUMMARY_NOTIFICATIONS)) {
      const where = n.file ? `${code(`${n.file}${n.line ? `:${n.line}` : ''}`, 200, false)} ` : '';
      lines.push(`- ${say(lang, `action.level.${n.level}`)} ${where}${code(n.message, 300, false)}`);
    }
    if (problemsWithScan.length > SUMMARY_NOTIFICATIONS) lines.push(say(lang, 'action.moreInLog', { count: problemsWithScan.length - SUMMARY_NOTIFICATIONS }));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** A result that says the scan did not run, so the SARIF file, annotations and summary all say so. */
function failedScan(root: string, err: unknown): ScanResult {
  const user = USER_ERRORS.some((E) => err instanceof E);
  const message = err instanceof Error ? err.message : String(err);
  return {
    root,
    files: [],
    findings: [],
    notifications: [{ level: 'error', code: user ? 'config-error' : 'internal-error', message: `the scan did not run: ${message}` }],
    rules: [],
  };
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * The fixes of the scan's findings as one unified diff (`git apply` takes it), written to `target`;
 * files outside the scanned paths or reached through a link are left out, as `mamori fix` leaves them.
 */
async function writeFixPatch(result: ScanResult, paths: readonly string[], target: OutputTarget, workspace: string, io: ActionIo): Promise<FixOutcome> {
  const { applyFixes } = await import('./fix.js');
  let patch = '';
  const outcome = await applyFixes(
    result,
    paths,
    { stdout: io.stdout, stderr: io.stdout, cwd: workspace, color: false, env: {} },
    {
      dryRun: true,
      diff: (text) => {
        patch += text;
      },
    },
  );
  await target.write(patch);
  io.stdout(
    `mamori: ${outcome.fixed} fix(es) in ${outcome.files} file(s) written to ${printable(target.shown)} as a patch; ${outcome.refused.length} left unfixed\n`,
  );
  return outcome;
}

/** A file an input names is read only from the workspace or the runner's temporary folder, links resolved. */
async function checkReadable(name: string, value: string, workspace: string, roots: readonly string[]): Promise<string | undefined> {
  const abs = path.resolve(workspace, value);
  const real = await realpath(abs).catch(() => abs);
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => path.resolve(r))));
  if (realRoots.some((root) => isInside(real, root))) return undefined;
  return `${name}: ${value} is outside ${roots.join(' and ')}${real !== abs ? ` (a link to ${real})` : ''}; only files there are read`;
}

/**
 * The Action: scans, writes SARIF for upload-sarif, prints the report and annotations, sets outputs
 * and the job summary, and returns the exit code for `fail-on`.
 *
 * The checkout is not trusted (a pull request, `pull_request_target`, a self-hosted runner): nothing
 * in it runs unless `trust-config` says so, nothing is written outside the workspace and the
 * runner's temporary folder or through a link, and everything printed from the scan is bracketed
 * by `::stop-commands::` with a random token, so no text in it is read as a workflow command.
 */
export async function runAction(env: ActionEnv, io: ActionIo): Promise<number> {
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const roots = [workspace, ...(env.RUNNER_TEMP ? [path.resolve(env.RUNNER_TEMP)] : [])];
  const paths = input(env, 'paths')
    .split(/[\s,]+/)
    .filter(Boolean);
  const failOn = input(env, 'fail-on') as FailOn;
  const format = input(env, 'format') as Format;
  const sarifFile = input(env, 'sarif-file');
  const config = input(env, 'config');
  const parameters = input(env, 'parameters');
  const baseline = input(env, 'baseline');
  const region = input(env, 'region');
  const lang = input(env, 'lang');
  const fixPatch = input(env, 'fix-patch');
  const noConfig = booleanInput(env, 'no-config');
  const trustConfig = booleanInput(env, 'trust-config');
  const cache = booleanInput(env, 'cache');
  const cacheStrategy = input(env, 'cache-strategy') as CacheStrategy;

  const summarise = async (text: string): Promise<void> => {
    if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, text);
  };
  // The inputs are refused in the language asked for, else the runner's locale's.
  const sayLang: Lang = isLang(lang) ? lang : resolveLang({ env });
  const list = (values: readonly string[]): string => (sayLang === 'ja' ? values.join('、') : orList(values));
  // Said before anything from the checkout is read: only the workflow's own inputs are quoted.
  const refuse = async (message: string): Promise<number> => {
    io.stdout(`::error title=mamori::${escapeData(`mamori: ${message}`)}\n`);
    await summarise(`## ❌ ${say(sayLang, 'action.refused')}\n\n${code(message, 500, false)}\n`);
    return EXIT.error;
  };
  for (const [name, value] of [
    ['fail-on', failOn],
    ['format', format],
    ['cache-strategy', cacheStrategy],
  ] as const) {
    const choices = actionInput(name).choices ?? [];
    if (!choices.includes(value)) return refuse(say(sayLang, 'action.input.choice', { name, choices: list(choices), value }));
  }
  for (const [name, value] of [
    ['no-config', noConfig],
    ['trust-config', trustConfig],
    ['cache', cache],
  ] as const) {
    if (value === undefined) return refuse(say(sayLang, 'action.input.boolean', { name, value: input(env, name) }));
  }
  if (noConfig && config) return refuse(say(sayLang, 'action.input.both'));
  if (lang && !isLang(lang))
    return refuse(say(sayLang, 'action.input.choice', { name: 'lang', choices: list(actionInput('lang').choices ?? []), value: lang }));
  if (region && !REGION_PATTERN.test(region)) return refuse(say(sayLang, 'action.input.region', { value: region }));
  for (const [name, value] of [
    ['sarif-file', sarifFile],
    ['fix-patch', fixPatch],
  ] as const) {
    if (/[\r\n]/.test(value)) return refuse(say(sayLang, 'action.input.oneLine', { name }));
  }
  for (const [name, value] of [
    ['config', config],
    ['parameters', parameters],
    ['baseline', baseline],
  ] as const) {
    const problem = value ? await checkReadable(name, value, workspace, roots) : undefined;
    if (problem) return refuse(problem);
  }
  let sarifTarget: OutputTarget;
  try {
    // Checked before the scan: a SARIF file that cannot be written fails the step at once.
    sarifTarget = await prepareOutput(sarifFile, { cwd: workspace, within: roots });
  } catch (err) {
    return refuse(`sarif-file: ${err instanceof Error ? err.message : String(err)}`);
  }

  let patchTarget: OutputTarget | undefined;
  try {
    if (fixPatch) patchTarget = await prepareOutput(fixPatch, { cwd: workspace, within: roots });
  } catch (err) {
    return refuse(`fix-patch: ${err instanceof Error ? err.message : String(err)}`);
  }

  let cacheFile: string | undefined;
  if (cache) {
    // In RUNNER_TEMP, never in the checkout: a pull request could commit a cache whose entries match its own templates.
    if (!env.RUNNER_TEMP) return refuse(say(sayLang, 'action.input.cacheTemp'));
    const temp = path.resolve(env.RUNNER_TEMP);
    const location = input(env, 'cache-location') || DEFAULT_CACHE_FILE;
    if (/[\r\n]/.test(location)) return refuse(say(sayLang, 'action.input.oneLine', { name: 'cache-location' }));
    if (isInside(path.resolve(temp, location), workspace)) return refuse(say(sayLang, 'action.input.cacheInWorkspace', { location }));
    try {
      cacheFile = (await prepareOutput(location, { cwd: temp, within: [temp] })).abs;
    } catch (err) {
      return refuse(`cache-location: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const token = randomUUID();
  io.stdout(`::stop-commands::${token}\n`);
  let result: ScanResult;
  let sarifLeftOut = 0;
  let fixes: FixOutcome | undefined;
  try {
    try {
      result = await runScan(
        paths,
        {
          format,
          failOn,
          // The SARIF file carries them, whatever the log shows.
          fixReplacements: true,
          ...(noConfig ? { config: false as const } : config ? { config } : {}),
          ...(parameters ? { parameters } : {}),
          ...(baseline ? { baseline } : {}),
          ...(region ? { region: [region] } : {}),
          ...(lang && isLang(lang) ? { lang } : {}),
          ...(cacheFile ? { cache: true, cacheLocation: cacheFile, cacheStrategy } : {}),
        },
        { stdout: io.stdout, stderr: io.stdout, cwd: workspace, color: false, env },
        {
          allowCode: trustConfig,
          codeHint: 'set `trust-config: true` on the mamori step to run it, or `no-config: true` to scan without the configuration',
          within: roots,
        },
      );
    } catch (err) {
      result = failedScan(workspace, err);
    }
    const sarif = render(result, 'sarif', false);
    sarifLeftOut = sarif.leftOut;
    try {
      await sarifTarget.write(sarif.text);
    } catch (err) {
      result = {
        ...result,
        notifications: [
          ...result.notifications,
          { level: 'error', code: 'internal-error', message: `sarif-file: ${String(err instanceof Error ? err.message : err)}` },
        ],
      };
    }
    io.stdout(format === 'sarif' ? `SARIF written to ${printable(sarifFile)}\n` : render(result, format, false).text);
    reportCache(result, io);
    if (patchTarget) fixes = await writeFixPatch(result, paths, patchTarget, workspace, io);
  } finally {
    io.stdout(`::${token}::\n`);
  }

  // mamori's own commands, outside the bracket, with every value escaped.
  for (const line of annotations(result)) io.stdout(line);
  if (sarifLeftOut > 0) {
    io.stdout(
      `mamori: ${printable(sarifFile)} holds ${result.findings.length - sarifLeftOut} of ${result.findings.length} findings, the most severe, within GitHub code scanning's limits; the report above lists them all\n`,
    );
  }

  const exitCode = exitCodeFor(result, failOn);
  const { findings, levels } = summarize(result);
  const outputs = {
    'sarif-file': sarifFile,
    findings: String(findings),
    errors: String(levels.error),
    warnings: String(levels.warning),
    notes: String(levels.note),
    ...(fixes ? { 'fix-patch': fixPatch, fixes: String(fixes.fixed) } : {}),
  };
  if (env.GITHUB_OUTPUT)
    await appendFile(
      env.GITHUB_OUTPUT,
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  await summarise(jobSummary(result, { sarifFile, failOn, exitCode, sarifLeftOut }));
  return exitCode;
}
