import path from 'node:path';
import type { Invocation, Log, ReportingDescriptor, Result, Run, Notification as SarifNotification } from 'sarif';
import type { Finding, Notification } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { type JsonReport, toJsonReport } from './json.js';
import { GITHUB_SARIF_LIMITS, SRCROOT } from './sarif.js';
import { jsonText } from './text.js';

// `mamori merge`: the reports of many runs (one per account, or per shard of an organisation) made
// one. Whatever order the inputs come in, the same inputs give the same bytes: everything is put in
// an order of its own (rules by id, results by where they point and what they say), and an exact
// duplicate (a shard scanned twice) is kept once.

/** An input that is not a report `merge` can read: one line, naming the input. */
export class MergeError extends Error {}

/** One input: its name for messages, and its text. */
export interface MergeInput {
  /** The input's name in messages (its file name). */
  name: string;
  /** Its text: a SARIF log or a JSON report. */
  text: string;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted: the key an object is ordered and deduplicated by, whatever order its keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort(cmp)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function parse(input: MergeInput): unknown {
  try {
    return JSON.parse(input.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new MergeError(`${input.name}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Ordered and kept once each, by their canonical JSON. */
function unique<T>(items: readonly T[], key: (item: T) => string = canonical): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!byKey.has(k)) byKey.set(k, item);
  }
  return [...byKey.entries()].sort(([a], [b]) => cmp(a, b)).map(([, item]) => item);
}

/** A value all the runs agree on, else nothing. */
function agreed<T>(values: readonly (T | undefined)[]): T | undefined {
  const keys = new Set(values.map((v) => canonical(v)));
  return keys.size === 1 ? values[0] : undefined;
}

/** Options of `mergeSarif`. */
export interface MergeSarifOptions {
  /** `automationDetails.id` of the merged run. Default: the inputs' own, when they all have the same one, else `mamori/`. */
  category?: string;
  /**
   * At most this many results, the most severe (active before suppressed or unchanged, then errors,
   * warnings, notes), and a notification says how many were left out. Default 25,000, GitHub's
   * limit for a run; 0 keeps every one.
   */
  maxResults?: number;
}

const LEVEL_RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, note: 2, none: 3 };

/**
 * Merges mamori SARIF logs into one log of one run: GitHub code scanning takes one run per tool and
 * category in an upload (several runs of the same category are rejected). Rules are kept once each
 * by id, results re-indexed against them, each result's URI kept against `%SRCROOT%` when every
 * run has the same root (else made absolute), and the run's execution successful only if every
 * input's was; their notifications are kept, each once.
 */
export function mergeSarif(inputs: readonly MergeInput[], options: MergeSarifOptions = {}): Log {
  if (inputs.length === 0) throw new MergeError('nothing to merge');
  const runs: { name: string; run: Run }[] = [];
  for (const input of inputs) {
    const log = parse(input);
    if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new MergeError(`${input.name}: not a SARIF 2.1.0 log`);
    for (const run of log.runs as unknown[]) {
      if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver)) throw new MergeError(`${input.name}: a run without a tool`);
      const name = (run.tool.driver as { name?: unknown }).name;
      if (name !== 'mamori')
        throw new MergeError(`${input.name}: a run of ${typeof name === 'string' ? JSON.stringify(name) : 'an unnamed tool'}, not of mamori`);
      if (run.results !== undefined && !Array.isArray(run.results)) throw new MergeError(`${input.name}: its results are not a list`);
      const rules = (run.tool.driver as { rules?: unknown }).rules;
      if (rules !== undefined && !(Array.isArray(rules) && rules.every((r) => isObject(r) && typeof r.id === 'string'))) {
        throw new MergeError(`${input.name}: its rules are not a list of rules with ids`);
      }
      runs.push({ name: input.name, run: run as unknown as Run });
    }
  }
  if (runs.length === 0) throw new MergeError('the inputs hold no run');

  const roots = runs.map(({ run }) => run.originalUriBaseIds?.[SRCROOT]?.uri);
  const root = agreed(roots);

  // Each rule once, by id; should two versions describe a rule differently, the same one is kept whatever the order.
  const ruleById = new Map<string, ReportingDescriptor>();
  for (const { run } of runs) {
    for (const rule of run.tool.driver.rules ?? []) {
      const had = ruleById.get(rule.id);
      if (!had || canonical(rule) < canonical(had)) ruleById.set(rule.id, rule);
    }
  }
  const rules = [...ruleById.values()].sort((a, b) => cmp(a.id, b.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const results: Result[] = [];
  for (const { run, name } of runs) {
    const base = run.originalUriBaseIds?.[SRCROOT]?.uri;
    for (const given of run.results ?? []) {
      if (!isObject(given)) throw new MergeError(`${name}: a result is not an object`);
      if (given.locations !== undefined && !(Array.isArray(given.locations) && given.locations.every(isObject))) {
        throw new MergeError(`${name}: a result's locations are not a list of objects`);
      }
      const { ruleIndex: _index, ...result } = given as Result;
      results.push({
        ...result,
        ...(result.ruleId !== undefined && ruleIndex.has(result.ruleId) ? { ruleIndex: ruleIndex.get(result.ruleId) } : {}),
        ...(result.locations ? { locations: result.locations.map((l) => rebase(l, base, root)) } : {}),
      });
    }
  }
  // By file, line and column, rule and fingerprint, then all of it: an order of the results' own.
  const sortKey = (r: Result): string => {
    const where = r.locations?.[0]?.physicalLocation;
    const region = where?.region;
    return [
      where?.artifactLocation?.uri ?? '',
      String(region?.startLine ?? 0).padStart(10, '0'),
      String(region?.startColumn ?? 0).padStart(10, '0'),
      r.ruleId ?? '',
      canonical(r),
    ].join('\u0000');
  };
  const all = unique(results, sortKey);
  const max = options.maxResults ?? GITHUB_SARIF_LIMITS.resultsPerRun;
  let merged = all;
  if (max > 0 && all.length > max) {
    const rank = (r: Result): number => (r.suppressions?.length || r.baselineState === 'unchanged' ? 4 : 0) + (LEVEL_RANK[r.level ?? 'warning'] ?? 1);
    const keep = new Set(
      all
        .map((r, i) => [rank(r), i] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .slice(0, max)
        .map(([, i]) => i),
    );
    merged = all.filter((_, i) => keep.has(i));
  }

  const invocations = runs.flatMap(({ run }) => run.invocations ?? []);
  const notifications = unique(invocations.flatMap((i) => i.toolExecutionNotifications ?? []) as SarifNotification[]);
  if (merged.length < all.length) {
    const n = (count: number): string => count.toLocaleString('en-US');
    notifications.push({
      level: 'warning',
      descriptor: { id: 'results-capped' },
      message: {
        text: `This file holds the ${n(merged.length)} most severe of ${n(all.length)} merged results; ${n(all.length - merged.length)} were left out (GitHub code scanning takes at most ${n(GITHUB_SARIF_LIMITS.resultsPerRun)} results in a run). Merge the JSON reports (--format json) to keep every finding.`,
      },
    });
  }
  const invocation: Invocation = {
    executionSuccessful: invocations.length > 0 && invocations.every((i) => i.executionSuccessful),
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
  const categories = runs.map(({ run }) => run.automationDetails?.id);
  const driver = runs.map(({ run }) => run.tool.driver);
  const language = agreed(runs.map(({ run }) => run.language));
  const properties = agreed(runs.map(({ run }) => run.properties));
  // The driver of one run, the same whatever the order (runs of different versions: the first by its canonical text).
  const { rules: _rules, ...driverRest } = driver.map((d) => ({ d, key: canonical({ ...d, rules: [] }) })).sort((a, b) => cmp(a.key, b.key))[0]?.d ?? {
    name: 'mamori',
  };

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { ...driverRest, rules },
        },
        ...(language ? { language } : {}),
        automationDetails: { id: options.category ?? agreed(categories) ?? 'mamori/' },
        ...(root ? { originalUriBaseIds: { [SRCROOT]: { uri: root } } } : {}),
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results: merged,
        ...(properties ? { properties } : {}),
      },
    ],
  };
}

/** A location against its run's `%SRCROOT%`, made absolute when the merged log has no root in common. */
function rebase<L extends NonNullable<Result['locations']>[number]>(location: L, base: string | undefined, root: string | undefined): L {
  const artifact = location.physicalLocation?.artifactLocation;
  if (!artifact || artifact.uriBaseId !== SRCROOT || root !== undefined || base === undefined || artifact.uri === undefined) return location;
  let uri: string;
  try {
    uri = new URL(artifact.uri, base).href;
  } catch {
    return location;
  }
  const { uriBaseId: _base, ...rest } = artifact;
  return { ...location, physicalLocation: { ...location.physicalLocation, artifactLocation: { ...rest, uri } } };
}

/** Merged SARIF as text, as `toSarif`'s is written. */
export function mergeSarifText(inputs: readonly MergeInput[], options: MergeSarifOptions = {}): string {
  return `${jsonText(JSON.stringify(mergeSarif(inputs, options), null, 2))}\n`;
}

/**
 * Merges mamori JSON reports into one: files, findings and notifications of all of them (paths
 * made relative to one root, the first in order when they differ), the summary and the accounts'
 * totals counted again from the findings.
 */
export function mergeJson(inputs: readonly MergeInput[]): JsonReport {
  if (inputs.length === 0) throw new MergeError('nothing to merge');
  const reports = inputs.map((input) => {
    const report = parse(input);
    if (!isObject(report) || !isObject(report.tool) || report.tool.name !== 'mamori' || typeof report.root !== 'string') {
      throw new MergeError(`${input.name}: not a mamori JSON report (--format json)`);
    }
    for (const list of ['files', 'findings', 'notifications'] as const) {
      if (!Array.isArray(report[list])) throw new MergeError(`${input.name}: its "${list}" is not a list`);
    }
    return report as unknown as JsonReport;
  });
  const root = [...new Set(reports.map((r) => r.root))].sort(cmp)[0] as string;
  const langs = new Set(reports.map((r) => r.lang ?? 'en'));
  const lang = langs.size === 1 ? reports[0]?.lang : undefined;
  const rel = (from: string, file: string): string => {
    if (from === root) return file;
    const abs = path.resolve(from, file);
    return path.relative(root, abs).split(path.sep).join('/');
  };
  const files: string[] = [];
  const findings: Finding[] = [];
  const notifications: Notification[] = [];
  const accounts: NonNullable<ScanResult['accounts']> = [];
  for (const r of reports) {
    for (const f of r.files) files.push(rel(r.root, f));
    for (const f of r.findings) findings.push({ ...f, location: { ...f.location, file: rel(r.root, f.location.file) } });
    for (const n of r.notifications) notifications.push(n.file !== undefined ? { ...n, file: rel(r.root, n.file) } : n);
    for (const a of r.accounts ?? []) {
      for (const file of a.files)
        accounts.push({ file: rel(r.root, file), accountId: a.accountId, ...(a.accountName !== undefined ? { accountName: a.accountName } : {}) });
    }
  }
  const result: ScanResult = {
    root,
    files: unique(files, (f) => f),
    ...(accounts.length > 0
      ? {
          snapshots: unique(
            accounts.map((a) => a.file),
            (f) => f,
          ),
          accounts: unique(accounts, (a) => a.file),
        }
      : {}),
    findings: unique(findings, (f) =>
      [f.location.file, String(f.location.line).padStart(10, '0'), String(f.location.column).padStart(10, '0'), f.ruleId, canonical(f)].join('\u0000'),
    ),
    notifications: unique(notifications),
    rules: [],
    ...(lang ? { lang } : {}),
  };
  return toJsonReport(result);
}

/** Merged JSON as text, as `toJson`'s is written. */
export function mergeJsonText(inputs: readonly MergeInput[]): string {
  return `${jsonText(JSON.stringify(mergeJson(inputs), null, 2))}\n`;
}
