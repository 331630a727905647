import path from 'node:path';
import { configureRules } from './config/apply.js';
import type { LoadedConfig } from './config/config.js';
import { applyBaseline } from './engine/baseline.js';
import type { Finding, Notification } from './engine/finding.js';
import { loadDeclarativeRules, loadPlugin } from './engine/plugins.js';
import type { AnyRule, RuleMeta } from './engine/rule.js';
import { ruleRunner, runRules } from './engine/run.js';
import { applyConfigSuppressions, applyTemplateSuppressions, type SuppressionRule } from './engine/suppress.js';
import { globMatcher } from './files/glob.js';
import { TEMPLATE_EXTENSIONS, walk } from './files/walk.js';
import { extractText, type FileContext, type FileOutcome, type FileTask, processFile } from './scan-files.js';
import { cpuSample, idleCoresBetween, processInWorkers, workerCount } from './scan-pool.js';
import { loadSnapshot, loadSnapshotFile } from './snapshot/load.js';
import { loadParameters } from './template/parameters.js';

export { MAX_FILE_BYTES, MAX_SNAPSHOT_BYTES } from './files/read.js';
export { MAX_TEXT_FILE_BYTES } from './scan-files.js';
export { extractEntities, templateEntities } from './template/entities.js';

export interface ScanOptions {
  /** Files and folders to scan, relative to `cwd`. Folders are walked recursively. */
  paths: readonly string[];
  /** Root for relative paths in findings and SARIF. Defaults to `process.cwd()`. */
  cwd?: string;
  /** Rules to run: the built-in catalog (`rules` of `@mamori/rules`, whose `scan` passes it), a subset of it, or your own. */
  rules: readonly AnyRule[];
  /** Template parameter values, as given at deploy time; they win over parameter defaults and the configuration's. */
  parameters?: Readonly<Record<string, string>>;
  /** A configuration (see `findConfig`): rule levels and options, include/exclude globs, suppressions, parameters. */
  config?: LoadedConfig;
  /** Fingerprints of a previous run (`readBaseline`): findings in it are marked `unchanged` and not counted. */
  baseline?: ReadonlySet<string>;
  /** Plugin modules to load rules from, by path (relative to `cwd`) or package name; added to the configuration's. */
  plugins?: readonly string[];
  /**
   * Also check every other text file under the paths for AWS keys (as git-secrets and gitleaks do),
   * not only templates. On by default. Text is read as UTF-8, UTF-16 (with a byte-order mark) or
   * Windows-1252; a text file over 1 MiB (`MAX_TEXT_FILE_BYTES`) is named in a note, and binary files
   * in one note that lists them all (`files`).
   */
  secretsInAllFiles?: boolean;
  /**
   * Worker threads that read, parse and extract files alongside the calling thread: `0` reads them
   * all on the calling thread. By default (and with the `MAMORI_WORKERS` environment variable unset)
   * a scan of thousands of templates starts one per idle core. Results and their order are the same
   * either way.
   */
  workers?: number;
}

export interface ScanResult {
  /** Absolute path every `file` in the result is relative to. */
  root: string;
  /** Templates and account snapshots that were read, relative to `root`. */
  files: string[];
  /** The account snapshots among `files`. */
  snapshots?: string[];
  findings: Finding[];
  /** Problems with the run itself: unreadable or unparsable files, rules that failed. */
  notifications: Notification[];
  /** Metadata of the rules that ran. */
  rules: RuleMeta[];
}

/** Scans templates under `paths` and returns findings with their locations. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const root = path.resolve(options.cwd ?? process.cwd());
  const config = options.config;
  const all = [...options.rules, ...(await extraRules(options, root))];
  const { rules, options: ruleOptions } = configureRules(all, config?.config, config?.file);
  const parameters = options.parameters ?? (config ? await configParameters(config) : undefined);
  const wantsResources = rules.some((r) => r.entity === 'Resource');
  const display = (abs: string): string => path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
  const allFiles = options.secretsInAllFiles !== false;
  const isTemplateCandidate = templateFilter(config);
  // The machine's idle cores are measured while this thread lists the folders, to size the workers.
  const beforeWalk = cpuSample();
  const walked = await walk(options.paths, root, allFiles ? notExcluded(config) : isTemplateCandidate);
  const roots = walked.roots;
  const idle = idleCoresBetween(beforeWalk, cpuSample());
  const notifications: Notification[] = walked.notifications.map((n) => (n.file ? { ...n, file: display(path.resolve(root, n.file)) } : n));
  const files: string[] = [];
  const suppressionsByFile = new Map<string, Map<string, SuppressionRule[]>>();
  const snapshots: string[] = [];

  const tasks: FileTask[] = walked.files.map(({ absPath, explicit }) => ({
    absPath,
    file: display(absPath),
    explicit,
    template: isTemplateCandidate(absPath),
  }));
  const context: FileContext = { ...(parameters ? { parameters } : {}), wantsResources, allFiles, roots };
  const loader = (file: string, text: string) => loadSnapshot(file, text, rules);
  const fileLoader = (absPath: string, file: string) => loadSnapshotFile(absPath, file, rules, { roots });
  const binaries: string[] = [];
  let checked = 0;
  const readOnMain = (task: FileTask): FileOutcome => processFile(task, context, loader, fileLoader);
  // Each file's entities are checked as it comes, in file order: only findings are kept.
  const runner = ruleRunner(rules, ruleOptions);
  const take = (given: FileOutcome, i: number): void => {
    const task = tasks[i] as FileTask;
    // Possible account snapshots come back unread from the workers: they are read here.
    const outcome = given.deferred ? readOnMain(task) : given;
    for (const n of outcome.notifications) notifications.push(n);
    runner.run(outcome.entities);
    if (outcome.listed) files.push(task.file);
    if (outcome.listed === 'snapshot') snapshots.push(task.file);
    if (outcome.checked) checked++;
    if (outcome.binary) binaries.push(task.file);
    if (outcome.suppressions) suppressionsByFile.set(task.file, outcome.suppressions);
  };
  const workers = workerCount(options.workers, tasks.filter((t) => t.template).length, idle);
  const threaded = workers > 0 && (await processInWorkers(tasks, context, workers, readOnMain, take));
  if (!threaded) {
    for (const [i, task] of tasks.entries()) take(readOnMain(task), i);
  }

  const run = { findings: runner.findings, notifications: runner.notifications };
  // A loop, not push(...list): spreading a list of 150,000 into a call overflows the stack.
  for (const n of run.notifications) notifications.push(n);
  if (binaries.length > 0) notifications.push(binaryNote(binaries.sort(cmp), allFiles));
  if (files.length === 0 && checked === 0 && !notifications.some((n) => n.level === 'error')) {
    notifications.push(nothingScanned(tasks.length, allFiles, notifications.length > 0));
  }
  const metas = new Map(rules.map((r) => [r.id, ruleMeta(r)]));
  if (suppressionsByFile.size > 0) {
    const byFile = new Map<string, Finding[]>();
    for (const f of run.findings) {
      const list = byFile.get(f.location.file);
      if (list) list.push(f);
      else byFile.set(f.location.file, [f]);
    }
    for (const [file, byResource] of suppressionsByFile) applyTemplateSuppressions(byFile.get(file) ?? [], metas, byResource);
  }
  if (config?.config.suppressions) applyConfigSuppressions(run.findings, metas, config.config.suppressions);
  if (options.baseline) applyBaseline(run.findings, options.baseline);
  // The same inputs give the same report, whatever order the paths were given or listed in.
  return {
    root,
    files: files.sort(cmp),
    ...(snapshots.length > 0 ? { snapshots: snapshots.sort(cmp) } : {}),
    findings: sortFindings(run.findings),
    notifications: sortNotifications(notifications),
    rules: [...metas.values()],
  };
}

/** One note for all binary files, however many: named in full in its `files` (JSON and SARIF), the first few in its text. */
function binaryNote(binaries: string[], allFiles: boolean): Notification {
  const SHOWN = 5;
  const names = binaries.slice(0, SHOWN).join(', ') + (binaries.length > SHOWN ? ` and ${binaries.length - SHOWN} more` : '');
  const what = allFiles ? 'not checked for keys' : 'not read as templates';
  const message = `${binaries.length} binary ${binaries.length === 1 ? 'file' : 'files'} ${what}: ${names}`;
  return { level: 'note', code: 'skipped', message, files: binaries };
}

/** A scan that read nothing is not a clean one: said as a warning (the exit code is left to errors and findings). */
function nothingScanned(found: number, allFiles: boolean, noted: boolean): Notification {
  let why: string;
  if (!allFiles) why = 'no template or account snapshot found under the paths given';
  else if (found === 0)
    why = 'no file found under the paths given (files git ignores, and untracked files in node_modules, cdk.out and .aws-sam, are left out)';
  else {
    const what = 'a template, an account snapshot or a text file mamori could read';
    why = found === 1 ? `the one file found is not ${what}` : `none of the ${found} files found is ${what}`;
  }
  return { level: 'warning', code: 'nothing-scanned', message: `Nothing was scanned: ${why}${noted ? '; the notes say what was passed over' : ''}` };
}

/** Rules from plugins and declarative rule files, checked for ids that collide with others. */
async function extraRules(options: ScanOptions, root: string): Promise<AnyRule[]> {
  const config = options.config;
  const out: AnyRule[] = [];
  for (const spec of config?.config.plugins ?? []) out.push(...(await loadPlugin(spec, config?.dir ?? root)));
  for (const spec of options.plugins ?? []) out.push(...(await loadPlugin(spec, root)));
  for (const file of config?.config.declarativeRules ?? []) out.push(...(await loadDeclarativeRules(path.resolve(config?.dir ?? root, file))));
  return out;
}

async function configParameters(config: LoadedConfig): Promise<Record<string, string> | undefined> {
  const p = config.config.parameters;
  if (p === undefined) return undefined;
  if (typeof p === 'string') return loadParameters(path.resolve(config.dir, p));
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
}

function relativeTo(config: LoadedConfig, absPath: string): string {
  return path.relative(config.dir, absPath).split(path.sep).join('/');
}

/** Files the configuration's `exclude` globs (relative to its folder) leave in. */
function notExcluded(config: LoadedConfig | undefined): (absPath: string) => boolean {
  const exclude = config?.config.exclude;
  if (!config || !exclude?.length) return () => true;
  const exc = globMatcher(exclude);
  return (absPath) => !exc(relativeTo(config, absPath));
}

/** Files read as templates: the configuration's `include` globs, else the template extensions; never an excluded one. */
function templateFilter(config: LoadedConfig | undefined): (absPath: string) => boolean {
  const include = config?.config.include;
  const inc = config && include?.length ? globMatcher(include) : undefined;
  const kept = notExcluded(config);
  return (absPath) => kept(absPath) && (inc && config ? inc(relativeTo(config, absPath)) : TEMPLATE_EXTENSIONS.has(path.extname(absPath).toLowerCase()));
}

export interface ScanTextOptions {
  /** Path shown in findings. */
  file: string;
  text: string;
  rules: readonly AnyRule[];
  parameters?: Readonly<Record<string, string>>;
  /** Options by rule id, merged over each rule's defaults (unvalidated: see `configureRules` for user input). */
  ruleOptions?: Readonly<Record<string, Record<string, unknown>>>;
}

/** Scans one template or account snapshot given as text: for editors, tests and callers that hold content in memory. */
export async function scanText(options: ScanTextOptions): Promise<Pick<ScanResult, 'findings' | 'notifications'>> {
  const rules = options.rules;
  const ruleOptions = new Map(
    Object.entries(options.ruleOptions ?? {}).map(([id, o]) => [id, { ...(rules.find((r) => r.id === id)?.defaultOptions ?? {}), ...o }]),
  );
  const context: FileContext = {
    ...(options.parameters ? { parameters: options.parameters } : {}),
    wantsResources: rules.some((r) => r.entity === 'Resource'),
    allFiles: false,
  };
  const outcome = extractText(options.file, options.text, true, context, (file, text) => loadSnapshot(file, text, rules));
  const run = runRules(rules, outcome.entities, ruleOptions);
  if (outcome.suppressions) applyTemplateSuppressions(run.findings, new Map(rules.map((r) => [r.id, ruleMeta(r)])), outcome.suppressions);
  return { findings: sortFindings(run.findings), notifications: sortNotifications([...outcome.notifications, ...run.notifications]) };
}

export function ruleMeta(rule: AnyRule): RuleMeta {
  const { entity: _entity, check: _check, ...meta } = rule;
  return meta;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file (general ones last), line, column, then code and text: an order that does not depend on the order of work. */
export function sortNotifications(notifications: Notification[]): Notification[] {
  const fileKey = (n: Notification): string => (n.file === undefined ? '\uffff' : n.file);
  return [...notifications].sort(
    (a, b) =>
      cmp(fileKey(a), fileKey(b)) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.ruleId ?? '', b.ruleId ?? '') ||
      cmp(a.message, b.message),
  );
}
