import path from 'node:path';
import {
  type AccountSnapshot,
  activeFindings,
  atLeast,
  BaselineError,
  ConfigError,
  type ConfigLoadOptions,
  findConfig,
  type Lang,
  loadConfig,
  loadParameters,
  ParameterFileError,
  PluginError,
  REPORTERS,
  type Rendered,
  readBaseline,
  resolveLang,
  type ScanResult,
  scan,
} from '@mamori/core';
import { incompleteCause, printable, rulesBlinded } from '@mamori/core/internal';
import { rules as builtinRules } from '@mamori/rules';
import { type CliIo, EXIT } from './io.js';
import { say } from './messages.js';
import { type AccountFlags, type FailOn, type Format, type ScanFlags, templateRegion } from './options.js';
import { OutputError } from './output.js';

export type { Rendered } from '@mamori/core';
export type { FailOn, Format, ScanFlags } from './options.js';

/** Exit code for a scan: input errors win (the scan is incomplete), then findings at or above `failOn`. */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (result.notifications.some((n) => n.level === 'error')) return EXIT.error;
  if (failOn === 'none') return EXIT.clean;
  return activeFindings(result.findings).some((f) => atLeast(f.severity, failOn)) ? EXIT.findings : EXIT.clean;
}

/** Every finding, for a baseline: it is read back by mamori, not uploaded. */
export function sarifText(result: ScanResult): string {
  return REPORTERS.sarif.render(result, { sarifMaxResults: 0 }).text;
}

/** The report; SARIF keeps to `sarifMaxResults` results and GitHub's other limits unless that is 0. */
export function render(result: ScanResult, format: Format, color: boolean, sarifMaxResults = 25_000): Rendered {
  return REPORTERS[format].render(result, { color, sarifMaxResults });
}

/** Says that a snapshot is incomplete, why, how many of its calls failed, and which rules that leaves unevaluated. */
export function reportIncomplete(io: CliIo, file: string, snapshot: AccountSnapshot, calls: number, lang: Lang = 'en'): void {
  const reason = snapshot.incomplete?.reason;
  if (!reason) return;
  const codes = new Map<string, number>();
  for (const e of snapshot.errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
  const byCode = [...codes].map(([code, n]) => `${n} ${code}`).join(', ');
  const blinded = rulesBlinded(snapshot, builtinRules).map((r) => `${r.id} ${r.name}`);
  const rules = blinded.length > 0 ? say(lang, 'collect.blinded', { rules: blinded.join(', ') }) : say(lang, 'collect.allEvaluated');
  const data = { file, cause: incompleteCause(reason), failed: snapshot.errors.length, calls, byCode, rules };
  io.stderr(`mamori: ${say(lang, 'collect.incomplete', data)}\n`);
}

/**
 * The exit code an incomplete snapshot calls for, `undefined` when it is complete or accepted:
 * `--allow-incomplete` accepts failed calls and a deadline, never an interrupt.
 */
export function incompleteExit(snapshot: AccountSnapshot, flags: Pick<AccountFlags, 'allowIncomplete'>): number | undefined {
  const reason = snapshot.incomplete?.reason;
  if (!reason) return undefined;
  return flags.allowIncomplete && reason !== 'interrupted' ? undefined : EXIT.incomplete;
}

/** Errors in what the user gave us: one line, exit 2, no stack. */
export const USER_ERRORS = [ParameterFileError, ConfigError, BaselineError, PluginError, OutputError];

export async function runScan(paths: string[], flags: ScanFlags, io: CliIo, configOptions: ConfigLoadOptions = {}): Promise<ScanResult> {
  const region = templateRegion(flags.region, io.env ?? process.env);
  const config =
    flags.config === false
      ? undefined
      : flags.config
        ? await loadConfig(path.resolve(io.cwd, flags.config), configOptions)
        : await findConfig(io.cwd, configOptions);
  const parameters = flags.parameters ? await loadParameters(path.resolve(io.cwd, flags.parameters)) : undefined;
  const baseline = flags.baseline ? await readBaseline(path.resolve(io.cwd, flags.baseline)) : undefined;
  return scan({
    paths,
    cwd: io.cwd,
    rules: builtinRules,
    ...(parameters ? { parameters } : {}),
    ...(config ? { config } : {}),
    ...(baseline ? { baseline } : {}),
    ...(flags.plugin?.length ? { plugins: flags.plugin } : {}),
    ...(flags.templatesOnly ? { secretsInAllFiles: false } : {}),
    ...(region ? { region } : {}),
    lang: resolveLang({ option: flags.lang, config: config?.config.lang, env: io.env ?? process.env }),
    // The stylish report shows no fix, and mamori fix makes its own from each finding's edits.
    ...((flags.fixReplacements ?? flags.format !== 'stylish') ? {} : { fixReplacements: false }),
    ...(flags.cache
      ? { cache: true, ...(flags.cacheLocation ? { cacheLocation: flags.cacheLocation } : {}), cacheStrategy: flags.cacheStrategy ?? 'metadata' }
      : {}),
  });
}

/** What the cache did, when it could not do what was asked: the report is the same either way, so this goes to the console only. */
export function reportCache(result: ScanResult, io: Pick<CliIo, 'stderr'>): void {
  const cache = result.cache;
  if (cache?.problem) io.stderr(`mamori: cache ${printable(cache.file)} ${printable(cache.problem)}\n`);
}

export function reportInputErrors(result: ScanResult, io: CliIo): void {
  for (const n of result.notifications.filter((x) => x.level === 'error')) {
    io.stderr(`mamori: ${printable(`${n.file ? `${n.file}${n.line ? `:${n.line}:${n.column ?? 1}` : ''}: ` : ''}${n.message}`)}\n`);
  }
}
