import path from 'node:path';
import type { ScanCache } from './cache/cache.js';
import { type ResolvedScan, resolveScan, type ScanOptions } from './config/resolve.js';
import { applyBaseline } from './engine/baseline.js';
import { ruleMeta } from './engine/meta.js';
import { type AnyRule, ruleKinds } from './engine/rule.js';
import { ruleRunner, runRules } from './engine/run.js';
import { applyTemplateSuppressions, type SuppressionRule } from './engine/suppress.js';
import { walk } from './files/walk.js';
import type { Lang } from './i18n/lang.js';
import { localizeNotifications } from './i18n/notifications.js';
import type { Finding, Notification } from './model/finding.js';
import type { ScannedAccount, ScanResult } from './model/result.js';
import { extractText, type FileContext, type FileOutcome, type FileTask, processFile, type SnapshotLoader } from './scan-files.js';
import { cpuSample, idleCoresBetween, processInWorkers, workerCount } from './scan-pool.js';
import { looksLikeSnapshot } from './snapshot/format.js';
import type { RuleRef } from './snapshot/load.js';

export type { ScanOptions } from './config/resolve.js';
export { ruleMeta } from './engine/meta.js';
export { MAX_FILE_BYTES, MAX_SNAPSHOT_BYTES } from './files/read.js';
export type { ScanResult } from './model/result.js';
export { MAX_TEXT_FILE_BYTES } from './scan-files.js';
export { extractEntities, templateEntities } from './template/entities.js';

/**
 * Scans templates, account snapshots and other text files under `paths` with the rules given, and
 * returns findings with their locations: configuration resolved, files listed, each read and checked
 * in turn, then suppressions and the baseline applied.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const plan = await resolveScan(options);
  // Loaded only for a scan with a cache (it brings node:crypto).
  const cache = options.cache
    ? await (await import('./cache/cache.js')).ScanCache.open(
        { ...(options.cacheLocation ? { location: options.cacheLocation } : {}), ...(options.cacheStrategy ? { strategy: options.cacheStrategy } : {}) },
        plan,
        options,
      )
    : undefined;
  const listing = await listFiles(options.paths, plan, cache);
  const checked = await checkFiles(listing, plan, options.workers, cache);
  // The cache's text is made here, before suppressions and the baseline mark the findings it holds.
  const saved = cache?.save();
  await applySuppressions(checked, plan);
  await saved;
  // Loaded only with the configuration's `stacks`: account findings placed on the templates their stacks were made from.
  if (plan.stacks && checked.findings.some((f) => f.entity.stack)) {
    const { placeOnTemplates } = await import('./engine/stack-placement.js');
    checked.findings = placeOnTemplates(checked.findings, checked.notifications, {
      root: plan.root,
      stacks: plan.stacks,
      rules: plan.rules,
      ruleOptions: plan.ruleOptions,
      metas: plan.metas,
      suppressions: plan.suppressions,
      ...(plan.parameters ? { parameters: plan.parameters } : {}),
      wantsResources: plan.wantsResources,
      region: plan.region,
      lang: plan.lang,
      scanned: new Set(checked.files),
    });
  }
  // Loaded only when a rule offered a fix (it brings the YAML and JSON editors).
  if (options.fixReplacements !== false && checked.findings.some((f) => f.fix))
    (await import('./fix/attach.js')).attachFixes(checked.findings, plan.root, listing.roots, plan.lang);
  return { ...toResult(checked, plan), ...(cache ? { cache: cache.report() } : {}) };
}

/** The files to read, as tasks, with what the walk had to say, and the idle cores measured meanwhile. */
interface Listing {
  tasks: FileTask[];
  notifications: Notification[];
  /** Real paths of the scanned roots. */
  roots: readonly string[];
  idle: number | undefined;
}

async function listFiles(paths: readonly string[], plan: ResolvedScan, cache: ScanCache | undefined): Promise<Listing> {
  const display = (abs: string): string => path.relative(plan.root, abs).split(path.sep).join('/') || path.basename(abs);
  // The machine's idle cores are measured while this thread lists the folders, to size the workers.
  const before = cpuSample();
  const walked = await walk(paths, plan.root, plan.walked);
  const idle = idleCoresBetween(before, cpuSample());
  const files = cache ? walked.files.filter((f) => f.explicit || !cache.isCacheFile(f.absPath)) : walked.files;
  return {
    tasks: files.map(({ absPath, explicit }) => ({ absPath, file: display(absPath), explicit, template: plan.isTemplate(absPath) })),
    notifications: walked.notifications.map((n) => (n.file ? { ...n, file: display(path.resolve(plan.root, n.file)) } : n)),
    roots: walked.roots,
    idle,
  };
}

/** What reading and checking the files came to. */
interface Checked {
  findings: Finding[];
  notifications: Notification[];
  /** Templates and snapshots read, in file order. */
  files: string[];
  snapshots: string[];
  accounts: ScannedAccount[];
  /** Other text files checked for keys. */
  checked: number;
  binaries: string[];
  suppressionsByFile: Map<string, Map<string, SuppressionRule[]>>;
}

/** Reads each file (on worker threads too, for many) and runs the rules on its entities as it comes, in file order: only findings are kept. */
async function checkFiles(listing: Listing, plan: ResolvedScan, requestedWorkers: number | undefined, cache: ScanCache | undefined): Promise<Checked> {
  const { tasks, roots } = listing;
  const out: Checked = {
    findings: [],
    notifications: [...listing.notifications],
    files: [],
    snapshots: [],
    accounts: [],
    checked: 0,
    binaries: [],
    suppressionsByFile: new Map(),
  };
  const context: FileContext = {
    ...(plan.parameters ? { parameters: plan.parameters } : {}),
    wantsResources: plan.wantsResources,
    allFiles: plan.allFiles,
    roots,
    ...(cache ? { digest: true } : {}),
  };
  // The snapshot reader (and its schema validator) is loaded when a file may be a snapshot; until
  // then such a file comes back deferred and is read again with it.
  let loader: SnapshotLoader | undefined;
  const readOnMain = (task: FileTask): FileOutcome => processFile(task, context, loader);
  const runner = ruleRunner(plan.rules, plan.ruleOptions, { region: plan.region, lang: plan.lang });
  const add = (task: FileTask, outcome: FileOutcome): void => {
    for (const n of outcome.notifications) out.notifications.push(n);
    if (outcome.listed) out.files.push(task.file);
    if (outcome.listed === 'snapshot') out.snapshots.push(task.file);
    if (outcome.listed === 'snapshot' && outcome.account) {
      out.accounts.push({
        file: task.file,
        accountId: outcome.account.id,
        ...(outcome.account.name !== undefined ? { accountName: outcome.account.name } : {}),
      });
    }
    if (outcome.checked) out.checked++;
    if (outcome.binary) out.binaries.push(task.file);
    if (outcome.suppressions) out.suppressionsByFile.set(task.file, outcome.suppressions);
  };
  // Files whose results the cache holds are not read: their results are added in file order, as if they had been.
  const cached = cache ? tasks.map((task) => cache.lookup(task, roots)) : [];
  const toRead = cache ? tasks.flatMap((_, i) => (cached[i] ? [] : [i])) : undefined;
  let next = 0;
  const addCached = (upTo: number): void => {
    for (; next < upTo; next++) {
      const hit = cached[next];
      if (hit && cache) add(tasks[next] as FileTask, cache.replay(hit, runner));
    }
  };
  const take = (given: FileOutcome, k: number): void => {
    const i = toRead ? (toRead[k] as number) : k;
    addCached(i);
    next = i + 1;
    const task = tasks[i] as FileTask;
    // Possible account snapshots come back unread from the workers: they are read here.
    const outcome = given.deferred ? readOnMain(task) : given;
    const [findings, notes] = [runner.findings.length, runner.notifications.length];
    runner.run(outcome.entities);
    cache?.record(task, outcome, runner.findings.slice(findings), runner.notifications.slice(notes));
    add(task, outcome);
  };
  const reading = toRead ? toRead.map((i) => tasks[i] as FileTask) : tasks;
  const workers = workerCount(requestedWorkers, reading.filter((t) => t.template).length, listing.idle);
  if (workers > 0) loader = await snapshotLoader(plan.rules);
  const threaded = workers > 0 && (await processInWorkers(reading, context, workers, readOnMain, take));
  if (!threaded) {
    for (const [k, task] of reading.entries()) {
      let outcome = readOnMain(task);
      if (outcome.deferred && !loader) {
        loader = await snapshotLoader(plan.rules);
        outcome = readOnMain(task);
      }
      take(outcome, k);
    }
  }
  addCached(tasks.length);
  out.findings = runner.findings;
  // A loop, not push(...list): spreading a list of 150,000 into a call overflows the stack.
  for (const n of runner.notifications) out.notifications.push(n);
  if (out.binaries.length > 0) out.notifications.push(binaryNote(out.binaries.sort(cmp), plan.allFiles));
  if (out.files.length === 0 && out.checked === 0 && !out.notifications.some((n) => n.level === 'error')) {
    out.notifications.push(nothingScanned(tasks.length, plan.allFiles, out.notifications.length > 0));
  }
  return out;
}

async function snapshotLoader(rules: readonly RuleRef[]): Promise<SnapshotLoader> {
  const { loadSnapshot } = await import('./snapshot/read.js');
  return (file, text) => loadSnapshot(file, text, rules);
}

/** Marks findings accepted in their template or in the configuration, and those already in the baseline. */
async function applySuppressions(checked: Checked, plan: ResolvedScan): Promise<void> {
  if (checked.suppressionsByFile.size > 0) {
    const byFile = new Map<string, Finding[]>();
    for (const f of checked.findings) {
      const list = byFile.get(f.location.file);
      if (list) list.push(f);
      else byFile.set(f.location.file, [f]);
    }
    for (const [file, byResource] of checked.suppressionsByFile) applyTemplateSuppressions(byFile.get(file) ?? [], plan.metas, byResource);
  }
  if (plan.suppressions.length > 0) {
    const { applyConfigSuppressions } = await import('./engine/config-suppressions.js');
    applyConfigSuppressions(checked.findings, plan.metas, plan.suppressions);
  }
  if (plan.baseline) applyBaseline(checked.findings, plan.baseline);
}

/** The same inputs give the same report, whatever order the paths were given or listed in. */
function toResult(checked: Checked, plan: ResolvedScan): ScanResult {
  return {
    root: plan.root,
    files: checked.files.sort(cmp),
    ...(checked.snapshots.length > 0 ? { snapshots: checked.snapshots.sort(cmp) } : {}),
    ...(checked.accounts.length > 0 ? { accounts: checked.accounts.sort((a, b) => cmp(a.file, b.file)) } : {}),
    findings: sortFindings(checked.findings),
    notifications: sortNotifications(localizeNotifications(checked.notifications, plan.lang)),
    rules: [...plan.metas.values()],
    // Only when not English: an English result is as it always was.
    ...(plan.lang !== 'en' ? { lang: plan.lang } : {}),
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

/** Options of `scanText`. */
export interface ScanTextOptions {
  /** Path shown in findings. */
  file: string;
  text: string;
  rules: readonly AnyRule[];
  parameters?: Readonly<Record<string, string>>;
  /** Options by rule id, merged over each rule's defaults (unvalidated: see `configureRules` for user input). */
  ruleOptions?: Readonly<Record<string, Record<string, unknown>>>;
  /** The region a template is deployed to, as `ScanOptions.region`; us-east-1 by default. */
  region?: string;
  /** The language of the messages, as `ScanOptions.lang`; English by default. */
  lang?: Lang;
  /** Whether fixes get their replacements in `text`, as `ScanOptions.fixReplacements`. Default: true. */
  fixReplacements?: boolean;
}

/** Scans one template or account snapshot given as text: for editors, tests and callers that hold content in memory. */
export async function scanText(options: ScanTextOptions): Promise<Pick<ScanResult, 'findings' | 'notifications'>> {
  const rules = options.rules;
  const ruleOptions = new Map(
    Object.entries(options.ruleOptions ?? {}).map(([id, o]) => [id, { ...(rules.find((r) => r.id === id)?.defaultOptions ?? {}), ...o }]),
  );
  const context: FileContext = {
    ...(options.parameters ? { parameters: options.parameters } : {}),
    wantsResources: rules.some((r) => ruleKinds(r).includes('Resource')),
    allFiles: false,
  };
  const snapshots = looksLikeSnapshot(options.text) ? await snapshotLoader(rules) : undefined;
  const outcome = extractText(options.file, options.text, true, context, snapshots);
  const run = runRules(rules, outcome.entities, ruleOptions, {
    ...(options.region ? { region: options.region } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  if (outcome.suppressions) applyTemplateSuppressions(run.findings, new Map(rules.map((r) => [r.id, ruleMeta(r)])), outcome.suppressions);
  if (options.fixReplacements !== false && run.findings.some((f) => f.fix)) {
    (await import('./fix/attach.js')).attachFixesIn(run.findings, (file) => (file === options.file ? options.text : undefined), options.lang);
  }
  return {
    findings: sortFindings(run.findings),
    notifications: sortNotifications(localizeNotifications([...outcome.notifications, ...run.notifications], options.lang ?? 'en')),
  };
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
