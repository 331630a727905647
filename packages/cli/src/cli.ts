import path from 'node:path';
import {
  type AccountSnapshot,
  activeFindings,
  BaselineError,
  type CollectOptions,
  ConfigError,
  type ConfigLoadOptions,
  collectSnapshot,
  findConfig,
  fitSarif,
  jsonText,
  loadConfig,
  loadParameters,
  ParameterFileError,
  PluginError,
  printable,
  readBaseline,
  type ScanResult,
  type Severity,
  scan,
  toHtml,
  toJson,
  toSarif,
  toStylish,
} from '@mamori/core';
import { rules as builtinRules } from '@mamori/rules';
import { type CliIo, EXIT } from './io.js';
import type { AccountFlags, FailOn, Format, ScanFlags } from './main.js';
import { OutputError, prepareOutput } from './output.js';
import { progressLine } from './progress.js';

export { type FailOn, type Format, main, type ScanFlags } from './main.js';

const LEVEL_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** Exit code for a scan: input errors win (the scan is incomplete), then findings at or above `failOn`. */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (result.notifications.some((n) => n.level === 'error')) return EXIT.error;
  if (failOn === 'none') return EXIT.clean;
  const threshold = LEVEL_RANK[failOn];
  return activeFindings(result.findings).some((f) => LEVEL_RANK[f.severity] >= threshold) ? EXIT.findings : EXIT.clean;
}

export interface Rendered {
  text: string;
  /** Findings left out of a SARIF report by its cap. */
  leftOut: number;
}

/** Every finding, for a baseline: it is read back by mamori, not uploaded. */
export function sarifText(result: ScanResult): string {
  return `${jsonText(JSON.stringify(toSarif(result), null, 2))}\n`;
}

/** The report; SARIF keeps to `sarifMaxResults` results and GitHub's other limits unless that is 0. */
export function render(result: ScanResult, format: Format, color: boolean, sarifMaxResults = 25_000): Rendered {
  switch (format) {
    case 'json':
      return { text: toJson(result), leftOut: 0 };
    case 'sarif': {
      if (sarifMaxResults === 0) return { text: sarifText(result), leftOut: 0 };
      const { text, results } = fitSarif(result, { maxResults: sarifMaxResults });
      return { text, leftOut: result.findings.length - results };
    }
    case 'html':
      return { text: toHtml(result), leftOut: 0 };
    default:
      return { text: toStylish(result, { color }), leftOut: 0 };
  }
}

/** Collects a snapshot with a progress line on a terminal, writes it, and says what it did. */
export async function collectTo(io: CliIo, file: string, flags: AccountFlags): Promise<{ snapshot: AccountSnapshot; seconds: number }> {
  // Before the collection: a place that cannot be written must not cost minutes of AWS calls first.
  const output = await prepareOutput(file, { cwd: io.cwd });
  const progress = progressLine({ write: io.stderr, isTTY: io.stderrIsTTY === true, quiet: flags.quiet === true }, 'mamori: collecting');
  const options: CollectOptions = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region.length > 0 ? { regions: flags.region } : {}),
    ...(flags.allRegions ? { allRegions: true } : {}),
    onProgress: progress.update,
  };
  const started = performance.now();
  let snapshot: AccountSnapshot;
  try {
    snapshot = await collectSnapshot(options);
  } finally {
    progress.clear();
  }
  const seconds = (performance.now() - started) / 1000;
  await output.write(`${JSON.stringify(snapshot, null, 2)}\n`);
  if (!flags.quiet) {
    const failed = snapshot.errors.length > 0 ? `; ${snapshot.errors.length} failed call(s) recorded (see "errors")` : '';
    io.stderr(
      `mamori: account ${printable(snapshot.accountId)}, ${snapshot.regions.length} region(s) (${printable(snapshot.regions.join(', '))}) collected in ${seconds.toFixed(1)} s${failed}; snapshot written to ${output.shown}\n`,
    );
  }
  return { snapshot, seconds };
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
