import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResolvedScan, ScanOptions } from '../config/resolve.js';
import { type SuppressionMatch, type SuppressionRule, suppressionRule } from '../engine/suppress.js';
import { isFailure, MAX_SNAPSHOT_BYTES, mib, openRegular, readHead, readOpened } from '../files/bounded.js';
import { inputFs } from '../files/input-fs.js';
import type { Finding, Notification, Suppression } from '../model/finding.js';
import type { CacheReport } from '../model/result.js';
import { PRICE_LIST } from '../pricing/prices.js';
import type { FileOutcome, FileTask } from '../scan-files.js';
import { findSecrets } from '../secrets/detect.js';
import { VERSION } from '../version.js';
import { contentDigest } from './digest.js';
import { cacheEntry, cacheFrame } from './shape.js';

/** The cache file's name in the working folder when no location is given, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.mamoricache';

export type CacheStrategy = CacheReport['strategy'];

/** Bumped whenever what an entry holds changes: a file of another format is rebuilt. */
const FORMAT = 5;
/** How every cache file starts: a file at the location that does not is not mamori's, and is neither read nor replaced. */
const MAGIC = '{"mamoriCache":';
/** Larger than any cache of 100,000 templates; a larger file is not read (and rebuilt). */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/**
 * A file changed this shortly before the run that recorded its size and times may change again
 * within the same tick of the file system's clock (2 s on FAT) without them changing: such an
 * entry is trusted only by its content's digest, as git treats "racily clean" entries.
 */
const RACY_MS = 2000;

interface Metadata {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What one file added to a scan, as data. */
export interface CachedOutcome {
  notifications: Notification[];
  findings: Finding[];
  /** Notifications of rules that failed on the file's entities. */
  ruleNotifications: Notification[];
  listed?: 'template' | 'snapshot';
  account?: { id: string; name?: string };
  checked?: true;
  binary?: true;
  suppressions?: [string, { match: SuppressionMatch; suppression: Suppression }[]][];
}

interface Entry extends Metadata {
  explicit: boolean;
  template: boolean;
  at: number;
  digest: string;
  outcome: CachedOutcome;
}

export interface CacheSettings {
  location?: string;
  strategy?: CacheStrategy;
}

/**
 * A scan's cache: per file, what reading and checking it added to the scan (its notifications,
 * its findings before suppressions and the baseline, what it was read as), keyed by its path and
 * the digest of its content (or, with the `metadata` strategy, its size, times and inode, falling
 * back to the digest when they differ). The whole cache holds for one key, a digest of everything
 * else a file's results depend on: mamori's version, the rules and their options, the
 * configuration, the parameters, the region, the price list. Whatever is wrong with the file (not
 * there, truncated, another version, hand-made, a link, too large), it is as if there were none.
 */
export class ScanCache {
  private readonly entries = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  /** Metadata taken before each file that was not found in the cache is read. */
  private readonly pending = new Map<string, Metadata>();
  private readonly duplicates = new Set<string>();
  private readonly started = Date.now();
  private reused = 0;
  private checked = 0;
  private problem: string | undefined;
  /** Replace the file at the end: it is mamori's (or there is none). A file of someone else's is left alone. */
  private writable = true;
  /** Leave the file itself out of the scan: it is mamori's and holds nothing to find. */
  private ownFile = false;
  /** Something to write: an entry added, changed or dropped, or no usable file there. */
  private dirty = true;

  /** The real path of the cache file's folder, to know the file however the scanned paths spell it. */
  private realDir: string | undefined;

  private constructor(
    readonly file: string,
    readonly strategy: CacheStrategy,
    private readonly key: string,
  ) {}

  static async open(settings: CacheSettings, plan: ResolvedScan, options: ScanOptions): Promise<ScanCache> {
    const given = settings.location ?? DEFAULT_CACHE_FILE;
    let file = path.resolve(plan.root, given);
    // A folder (named so, or one that is there): the default name inside it, as ESLint does.
    if (/[\\/]$/.test(given) || isFolder(file)) file = path.join(file, DEFAULT_CACHE_FILE);
    let key: string;
    try {
      key = await cacheKey(plan, options);
    } catch (err) {
      // A rule that cannot be told apart from another (a plugin's odd object): no cache rather than a wrong one.
      const cache = new ScanCache(file, settings.strategy ?? 'metadata', '');
      cache.problem = `not used: the rules' identity could not be taken (${err instanceof Error ? err.message : String(err)})`;
      cache.writable = false;
      return cache;
    }
    const cache = new ScanCache(file, settings.strategy ?? 'metadata', key);
    cache.load();
    if (cache.ownFile) cache.realDir = realPath(path.dirname(file));
    return cache;
  }

  /** The cache file itself, when it is mamori's: not a file to scan. */
  isCacheFile(absPath: string): boolean {
    if (!this.ownFile || path.basename(absPath) !== path.basename(this.file)) return false;
    return absPath === this.file || (this.realDir !== undefined && realPath(path.dirname(absPath)) === this.realDir);
  }

  private load(): void {
    const opened = openRegular(this.file, { noFollow: true });
    if (isFailure(opened)) {
      const code = opened.problem === 'error' ? (opened.error as { code?: string }).code : undefined;
      // Not there (the write says if it cannot be made).
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        this.ownFile = true;
        return;
      }
      // A link, a folder, a device: not mamori's to read or to replace.
      this.writable = false;
      this.problem = opened.problem === 'not-regular' ? `not used: it is ${opened.kind}, not a file mamori wrote` : `not used: ${describeError(opened)}`;
      return;
    }
    let text: string;
    try {
      const read =
        opened.size > MAX_CACHE_BYTES ? { bytes: readHead(opened.fd, MAGIC.length), more: true } : readOpened(opened.fd, MAX_CACHE_BYTES, opened.size);
      if (read.more) {
        // Too large to look into: scanned as any other file (a note says it is too large to check), and replaced if it is mamori's.
        const ours = read.bytes.subarray(0, MAGIC.length).toString('utf8') === MAGIC;
        this.writable = ours;
        this.problem = ours
          ? `not used: it is over ${mib(MAX_CACHE_BYTES)}; rebuilt`
          : 'not used: the file there is not a mamori cache, and is left as it is (give another --cache-location)';
        return;
      }
      text = read.bytes.toString('utf8');
    } catch (err) {
      this.writable = false;
      this.problem = `not used: ${describeError({ problem: 'error', error: err })}`;
      return;
    } finally {
      inputFs.close(opened.fd);
    }
    if (!text.startsWith(MAGIC)) {
      // Someone else's file where the cache should be: it is scanned as any other, and left as it is.
      this.writable = false;
      this.problem = 'not used: the file there is not a mamori cache, and is left as it is (give another --cache-location)';
      return;
    }
    // A cache holds findings already redacted: one with a key in it is not mamori's own, and is scanned like any other file.
    if (findSecrets(text).length > 0) {
      this.problem = 'not used: it holds what looks like an AWS key, which mamori never writes; it is scanned as any other file, then rebuilt';
      return;
    }
    this.ownFile = true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.problem = 'not used: it is not valid JSON (a write cut short?); rebuilt';
      return;
    }
    // Another format: rebuilt without a word.
    if (typeof parsed === 'object' && parsed !== null && (parsed as { mamoriCache?: unknown }).mamoriCache !== FORMAT) return;
    if (!cacheFrame(parsed)) {
      this.problem = 'not used: it is not shaped as a mamori cache; rebuilt';
      return;
    }
    const frame = parsed as { mamoriCache: number; key: string; files: Record<string, unknown> };
    // Another version or other settings: every entry is stale. Not a problem worth a word.
    if (frame.key !== this.key) return;
    const entries = new Map<string, Entry>();
    for (const [name, entry] of Object.entries(frame.files)) {
      if (!cacheEntry(entry)) {
        this.problem = `not used: its entry for ${JSON.stringify(name).slice(0, 200)} is not shaped as mamori writes them; rebuilt`;
        return;
      }
      const e = entry as Entry;
      // Every result in an entry is the file's own: an entry cannot speak for other files.
      if (!ownedBy(name, e.outcome)) {
        this.problem = `not used: its entry for ${JSON.stringify(name).slice(0, 200)} holds results of other files; rebuilt`;
        return;
      }
      entries.set(name, e);
    }
    for (const [name, e] of entries) this.entries.set(name, e);
    this.dirty = false;
  }

  /**
   * The cached outcome of a file whose entry matches it exactly: read as the same kind of file, and
   * of the same content (its digest; with `metadata`, the same size, times and inode are taken for
   * the same content unless the file changed just before they were recorded). `undefined` when it
   * must be read; its metadata is then kept for `record`. The file is opened as a scan opens it
   * (a regular file, inside the scanned folders), so one the scan would refuse is always read.
   */
  lookup(task: FileTask, roots: readonly string[] | undefined): CachedOutcome | undefined {
    if (this.duplicates.has(task.file) || this.next.has(task.file) || this.pending.has(task.file)) {
      // Two files shown under one name: neither is cached.
      this.duplicates.add(task.file);
      this.next.delete(task.file);
      this.pending.delete(task.file);
      return undefined;
    }
    const opened = openRegular(task.absPath, roots ? { roots } : {});
    if (isFailure(opened)) return undefined;
    try {
      const { info } = opened;
      const meta: Metadata = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
      this.pending.set(task.file, meta);
      const entry = this.entries.get(task.file);
      if (!entry || entry.explicit !== task.explicit || entry.template !== task.template || entry.size !== meta.size) return undefined;
      let at = entry.at;
      const sameMeta = entry.mtimeMs === meta.mtimeMs && entry.ctimeMs === meta.ctimeMs && entry.ino === meta.ino;
      const settled = Math.max(entry.mtimeMs, entry.ctimeMs) < entry.at - RACY_MS;
      if (this.strategy === 'content' || !sameMeta || !settled) {
        if (meta.size > MAX_SNAPSHOT_BYTES) return undefined;
        const read = readOpened(opened.fd, meta.size, meta.size);
        if (read.more || contentDigest(read.bytes) !== entry.digest) return undefined;
        if (!sameMeta || !settled) {
          at = this.started;
          this.dirty = true;
        }
      }
      this.pending.delete(task.file);
      this.next.set(task.file, at === entry.at && sameMeta ? entry : { ...entry, ...meta, at });
      this.reused++;
      return entry.outcome;
    } catch {
      return undefined;
    } finally {
      inputFs.close(opened.fd);
    }
  }

  /** Keeps what a file read in this scan added, when it was read whole and its results are plain data of its own. */
  record(task: FileTask, outcome: FileOutcome, findings: Finding[], ruleNotifications: Notification[]): void {
    this.checked++;
    const meta = this.pending.get(task.file);
    this.pending.delete(task.file);
    if (!meta || !outcome.digest || outcome.deferred || this.duplicates.has(task.file)) return;
    const cached: CachedOutcome = {
      notifications: outcome.notifications,
      findings,
      ruleNotifications,
      ...(outcome.listed ? { listed: outcome.listed } : {}),
      ...(outcome.account ? { account: outcome.account } : {}),
      ...(outcome.checked ? { checked: true as const } : {}),
      ...(outcome.binary ? { binary: true as const } : {}),
      ...(outcome.suppressions ? { suppressions: suppressionData(outcome.suppressions) } : {}),
    };
    const entry: Entry = { explicit: task.explicit, template: task.template, ...meta, at: this.started, digest: outcome.digest, outcome: cached };
    // Only what reads back the same: a value JSON cannot carry (undefined, NaN, a Map) keeps the file out.
    if (cacheEntry(entry) && ownedBy(task.file, cached)) this.next.set(task.file, entry);
    if (this.entries.has(task.file) || this.next.has(task.file)) this.dirty = true;
  }

  /**
   * Writes the entries of this scan's files (those of files no longer scanned are dropped), to a
   * temporary file renamed over the cache, so a scan cut short leaves the old cache or the new one.
   * The text is made at once, before suppressions mark the findings it holds.
   */
  save(): Promise<void> {
    // Unchanged: every entry read was used as it was, and no other was made.
    if (!this.writable || (!this.dirty && this.next.size === this.entries.size)) return Promise.resolve();
    const files: Record<string, Entry> = {};
    for (const name of [...this.next.keys()].sort()) files[name] = this.next.get(name) as Entry;
    const text = JSON.stringify({ mamoriCache: FORMAT, key: this.key, files });
    if (text.length > MAX_CACHE_BYTES) {
      this.problem = `not written: it would be over ${mib(MAX_CACHE_BYTES)}`;
      return Promise.resolve();
    }
    return replaceFile(this.file, text).catch((err: unknown) => {
      this.problem = `not written: ${describeError({ problem: 'error', error: err })}`;
    });
  }

  /** A cached outcome added to a scan: its findings and rule notifications to the runner's, the rest as a file's outcome with no entities. */
  replay(hit: CachedOutcome, runner: { findings: Finding[]; notifications: Notification[] }): FileOutcome {
    for (const f of hit.findings) runner.findings.push(f);
    for (const n of hit.ruleNotifications) runner.notifications.push(n);
    return {
      notifications: hit.notifications,
      entities: [],
      ...(hit.listed ? { listed: hit.listed } : {}),
      ...(hit.account ? { account: hit.account } : {}),
      ...(hit.checked ? { checked: true as const } : {}),
      ...(hit.binary ? { binary: true as const } : {}),
      ...(hit.suppressions
        ? { suppressions: new Map(hit.suppressions.map(([resource, list]) => [resource, list.map((s) => suppressionRule(s.match, s.suppression))])) }
        : {}),
    };
  }

  report(): CacheReport {
    return {
      file: this.file,
      strategy: this.strategy,
      reused: this.reused,
      checked: this.checked,
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }
}

function realPath(abs: string): string | undefined {
  try {
    return inputFs.realpath(abs);
  } catch {
    return undefined;
  }
}

function isFolder(abs: string): boolean {
  try {
    return inputFs.stat(abs).isDirectory();
  } catch {
    return false;
  }
}

function describeError(failure: { problem: string; error?: unknown }): string {
  const code = (failure.error as { code?: string } | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  // mkdir gives EEXIST for a file where a folder should be.
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a folder on its path is a file';
  if (code === 'EISDIR') return 'it is a folder';
  return failure.error instanceof Error ? (failure.error.message.split('\n')[0] ?? '') : String(failure.error);
}

/** Every finding and notification of an entry is about the file it is kept for. */
function ownedBy(file: string, outcome: CachedOutcome): boolean {
  const ours = (n: Notification): boolean => n.file === undefined || n.file === file;
  return outcome.findings.every((f) => f.location.file === file) && outcome.notifications.every(ours) && outcome.ruleNotifications.every(ours);
}

function suppressionData(byResource: Map<string, SuppressionRule[]>): NonNullable<CachedOutcome['suppressions']> {
  return [...byResource].map(([resource, list]) => [resource, list.map(({ match, suppression }) => ({ match, suppression }))]);
}

async function replaceFile(abs: string, text: string): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  const temp = `${abs}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  // `wx`: a file (or link) already at the temporary name is never written through.
  const handle = await open(temp, 'wx', 0o666);
  try {
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    // Replaces a link at the location itself, never what it points to.
    await rename(temp, abs);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/**
 * The digest of everything a file's results depend on besides the file: mamori's version, the
 * price list, the working folder, the rules (their metadata and code, the files of plugins and
 * declarative rules), the rules' options, the configuration, the parameters, the region and the language.
 */
async function cacheKey(plan: ResolvedScan, options: ScanOptions): Promise<string> {
  const config = options.config;
  const sources: [string, string][] = [];
  for (const [spec, from] of [
    ...(config?.config.plugins ?? []).map((s) => [s, config?.dir ?? plan.root] as const),
    ...(options.plugins ?? []).map((s) => [s, plan.root] as const),
  ]) {
    sources.push([spec, fileDigest(pluginFile(spec, from))]);
  }
  for (const file of config?.config.declarativeRules ?? []) sources.push([file, fileDigest(path.resolve(config?.dir ?? plan.root, file))]);
  const identity = {
    format: FORMAT,
    version: VERSION,
    prices: PRICE_LIST.date,
    root: plan.root,
    rules: plan.rules,
    ruleOptions: [...plan.ruleOptions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    parameters: plan.parameters ?? null,
    allFiles: plan.allFiles,
    wantsResources: plan.wantsResources,
    region: plan.region,
    lang: plan.lang,
    config: config ? { file: config.file, dir: config.dir, config: config.config } : null,
    sources,
  };
  return contentDigest(canonical(identity));
}

/** A plugin's entry module, resolved as `loadPlugin` resolves it. */
function pluginFile(spec: string, fromDir: string): string {
  const isPath = spec.startsWith('.') || path.isAbsolute(spec);
  return isPath ? path.resolve(fromDir, spec) : createRequire(path.join(fromDir, 'noop.js')).resolve(spec);
}

function fileDigest(file: string): string {
  const opened = openRegular(file);
  if (isFailure(opened)) throw new Error(`cannot read ${file}`);
  try {
    const read = readOpened(opened.fd, MAX_CACHE_BYTES, opened.size);
    return contentDigest(read.bytes);
  } finally {
    inputFs.close(opened.fd);
  }
}

/** JSON with keys in order and functions by their source: the same settings always give the same text. */
export function canonical(value: unknown, seen = new Set<object>()): string {
  if (typeof value === 'function') return JSON.stringify(`function:${value.toString()}`);
  if (value === undefined) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return JSON.stringify(String(value));
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (seen.has(value)) throw new Error('a rule refers to itself');
  seen.add(value);
  let text: string;
  if (Array.isArray(value)) text = `[${value.map((v) => canonical(v, seen)).join(',')}]`;
  else if (value instanceof Map) text = canonical([...value], seen);
  else if (value instanceof Set) text = canonical([...value], seen);
  else if (value instanceof RegExp) text = JSON.stringify(`regexp:${value.toString()}`);
  else {
    const keys = Object.keys(value).sort();
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], seen)}`).join(',')}}`;
  }
  seen.delete(value);
  return text;
}
