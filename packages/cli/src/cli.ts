import path from 'node:path';
import {
  type AccountSnapshot,
  activeFindings,
  atLeast,
  BaselineError,
  type CollectOptions,
  ConfigError,
  type ConfigLoadOptions,
  collectSnapshot,
  findConfig,
  incompleteCause,
  loadConfig,
  loadParameters,
  ParameterFileError,
  PluginError,
  printable,
  REPORTERS,
  type Rendered,
  readBaseline,
  rulesBlinded,
  type ScanResult,
  scan,
  snapshotText,
} from '@mamori/core';
import { rules as builtinRules } from '@mamori/rules';
import { type CliIo, EXIT } from './io.js';
import type { AccountFlags, FailOn, Format, ScanFlags } from './options.js';
import { OutputError, prepareOutput } from './output.js';
import { progressLine } from './progress.js';

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

/**
 * Collects a snapshot with a progress line on a terminal, writes it, and says what it did. An
 * interrupt (SIGINT, SIGTERM) stops the collection and the snapshot is written with what was read;
 * a second one exits at once.
 */
export async function collectTo(io: CliIo, file: string, flags: AccountFlags): Promise<{ snapshot: AccountSnapshot; seconds: number; calls: number }> {
  // Before the collection: a place that cannot be written must not cost minutes of AWS calls first.
  const output = await prepareOutput(file, { cwd: io.cwd });
  const progress = progressLine({ write: io.stderr, isTTY: io.stderrIsTTY === true, quiet: flags.quiet === true }, 'mamori: collecting');
  let calls = 0;
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    // The second one: exit now, as the shell expects of an interrupt, with nothing written.
    if (stop.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
    progress.clear();
    io.stderr(`mamori: ${signal}: stopping; the snapshot will hold what was read so far (again to exit at once)\n`);
    stop.abort();
  };
  const options: CollectOptions = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region.length > 0 ? { regions: flags.region } : {}),
    ...(flags.allRegions ? { allRegions: true } : {}),
    ...(flags.deadline ? { deadline: flags.deadline } : {}),
    ...(flags.requestTimeout ? { requestTimeout: flags.requestTimeout * 1000 } : {}),
    ...(flags.connectTimeout ? { connectTimeout: flags.connectTimeout * 1000 } : {}),
    signal: stop.signal,
    onProgress: (p) => {
      calls = p.total;
      progress.update(p);
    },
    onNotice: (message) => {
      if (flags.quiet) return;
      progress.clear();
      io.stderr(`mamori: ${message}\n`);
    },
  };
  const started = performance.now();
  let snapshot: AccountSnapshot;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    snapshot = await collectSnapshot(options);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.end();
  }
  const seconds = (performance.now() - started) / 1000;
  await output.write(snapshotText(snapshot));
  if (!flags.quiet) {
    const failed = snapshot.errors.length > 0 ? `; ${snapshot.errors.length} failed call(s) recorded (see "errors")` : '';
    io.stderr(
      `mamori: account ${printable(snapshot.accountId)}, ${snapshot.regions.length} region(s) (${printable(snapshot.regions.join(', '))}) collected in ${seconds.toFixed(1)} s${failed}; snapshot written to ${output.shown}\n`,
    );
  }
  return { snapshot, seconds, calls };
}

/** Says that a snapshot is incomplete, why, how many of its calls failed, and which rules that leaves unevaluated. */
export function reportIncomplete(io: CliIo, file: string, snapshot: AccountSnapshot, calls: number): void {
  const reason = snapshot.incomplete?.reason;
  if (!reason) return;
  const codes = new Map<string, number>();
  for (const e of snapshot.errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
  const byCode = [...codes].map(([code, n]) => `${n} ${code}`).join(', ');
  const blinded = rulesBlinded(snapshot, builtinRules).map((r) => `${r.id} ${r.name}`);
  const rules = blinded.length > 0 ? `rules not evaluated in full: ${blinded.join(', ')}` : 'every rule could still be evaluated';
  io.stderr(
    `mamori: ${file} is incomplete: ${incompleteCause(reason)}; ${snapshot.errors.length} of ${calls} calls failed or were not made (${byCode}); ${rules}. Scan it to see where\n`,
  );
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
  });
}

export function reportInputErrors(result: ScanResult, io: CliIo): void {
  for (const n of result.notifications.filter((x) => x.level === 'error')) {
    io.stderr(`mamori: ${printable(`${n.file ? `${n.file}${n.line ? `:${n.line}:${n.column ?? 1}` : ''}: ` : ''}${n.message}`)}\n`);
  }
}
