import { contentDigest } from './cache/digest.js';
import type { SuppressionRule } from './engine/suppress.js';
import { failureText, mib, readBounded } from './files/bounded.js';
import { decodeText, readTemplateFile } from './files/read.js';
import type { Entity, SecretMatch } from './model/entities.js';
import type { Notification } from './model/finding.js';
import { findSecrets, MAX_SECRETS_PER_FILE, secretEntity, secretIds, tooManySecrets } from './secrets/detect.js';
import { isSnapshotText } from './snapshot/detect.js';
import { looksLikeSnapshot } from './snapshot/format.js';
import type { SnapshotLoadOutcome } from './snapshot/load.js';
import { isOrganizationSummaryText, organizationSummaryNotifications } from './snapshot/org-summary.js';
import { extractEntities } from './template/entities.js';
import { loadTemplate } from './template/load.js';
import { LineIndex } from './template/parsing/line-index.js';
import { templateSuppressions } from './template/suppressions.js';
import { append } from './util/append.js';

/**
 * Larger files are data, builds or media, not where keys get pasted; each one left unread is named
 * in a note. YAML and JSON files are read up to the template limit (`MAX_FILE_BYTES`) instead.
 */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** One file of a scan, as the main thread describes it to whoever reads it. */
export interface FileTask {
  absPath: string;
  /** As shown to the user. */
  file: string;
  explicit: boolean;
  /** Read as a template (the configuration's include globs or a template extension), else only checked for keys. */
  template: boolean;
}

/** What every file of a scan is read with. Plain data: it is sent to worker threads. */
export interface FileContext {
  parameters?: Readonly<Record<string, string>>;
  wantsResources: boolean;
  /** Keys are looked for in every text file, and in YAML/JSON that is not a template. */
  allFiles: boolean;
  /** Real paths of the scanned roots: a file that turns out, once opened, to be outside them is not read. */
  roots?: readonly string[];
  /** Give each outcome the digest of the bytes it was made from (`--cache`). */
  digest?: boolean;
}

/** What one file adds to a scan. Plain data (suppression matchers aside): it is sent back from worker threads. */
export interface FileOutcome {
  notifications: Notification[];
  entities: Entity[];
  /** Listed in the result's `files` (and `snapshots`). */
  listed?: 'template' | 'snapshot';
  /** For a snapshot: the account it holds. */
  account?: { id: string; name?: string };
  /** In-template suppressions by resource, when there are any. */
  suppressions?: Map<string, SuppressionRule[]>;
  /** Possibly an account snapshot: left to the main thread, which has the rules its warnings name. */
  deferred?: true;
  /** Read and checked for keys (not a template or snapshot, which are `listed`). */
  checked?: true;
  /** Binary: not checked for keys. The scan names all of them in one note rather than one note each. */
  binary?: true;
  /** With `FileContext.digest`: the SHA-256 of the content this outcome was made from, when it was read whole. */
  digest?: string;
}

/** Loads an account snapshot with the scan's rules (named in its warnings). */
export type SnapshotLoader = (file: string, text: string) => SnapshotLoadOutcome;

/**
 * Reads one file and extracts its entities, exactly as a scan does in file order. The snapshot
 * loader is given on the main thread; without it (on a worker, which then needs neither the rules
 * nor the schema validator) a file that may be an account snapshot is deferred. A bug here costs
 * this file, reported as an error, never the scan.
 */
export function processFile(task: FileTask, context: FileContext, snapshots?: SnapshotLoader): FileOutcome {
  try {
    return readAndExtract(task, context, snapshots);
  } catch (err) {
    const message = `Cannot scan this file (internal error: ${err instanceof Error ? err.message : String(err)})`;
    return { notifications: [{ level: 'error', code: 'internal-error', file: task.file, message }], entities: [] };
  }
}

function readAndExtract(task: FileTask, context: FileContext, snapshots: SnapshotLoader | undefined): FileOutcome {
  const { absPath, file, explicit } = task;
  const roots = context.roots ? { roots: context.roots } : {};
  if (!task.template) return textFileSecrets(absPath, file, context);
  const read = readTemplateFile(absPath, file, explicit, { deferSnapshots: snapshots === undefined, ...roots });
  if (read.deferred) return { notifications: [], entities: [], deferred: true };
  // Not a template and not UTF-8: still text that may hold keys, in another encoding.
  if (read.passedOver) return digested(keysInBytes(file, read.passedOver, context.allFiles), read.passedOver, context);
  if (read.text === undefined) return { notifications: read.notifications, entities: [] };
  // Read as UTF-8 that is valid (else it is `passedOver` or refused): the text's digest is the bytes'.
  return digested(extractText(file, read.text, explicit, context, snapshots), read.text, context);
}

function digested(outcome: FileOutcome, content: Buffer | string, context: FileContext): FileOutcome {
  return context.digest && !outcome.deferred ? { ...outcome, digest: contentDigest(content) } : outcome;
}

/**
 * The entities of one text: an account snapshot (deferred without a snapshot loader), a template
 * with its in-template suppressions, or other YAML and JSON that may hold keys.
 */
export function extractText(file: string, text: string, explicit: boolean, context: FileContext, snapshots: SnapshotLoader | undefined): FileOutcome {
  const notifications: Notification[] = [];
  if (snapshots === undefined && looksLikeSnapshot(text)) return { notifications, entities: [], deferred: true };
  if (snapshots && isSnapshotText(text)) return snapshotOutcome(snapshots(file, text), notifications);
  if (isOrganizationSummaryText(text)) return { notifications: organizationSummaryNotifications(file, text), entities: [] };
  const outcome = loadTemplate(file, text, explicit, context.parameters ? { parameters: context.parameters } : {});
  append(notifications, outcome.notifications);
  if (!outcome.template) {
    // Other YAML and JSON (a Kubernetes manifest, a .env.json), even named or unparsable, can still hold keys.
    if (!context.allFiles) return { notifications, entities: [] };
    return { notifications, entities: secretEntities(file, text, notifications), checked: true };
  }
  const extracted = extractEntities(outcome.template, context.parameters, context.wantsResources);
  append(notifications, extracted.notifications);
  const suppressions = templateSuppressions(outcome.template);
  append(notifications, suppressions.notifications);
  return {
    notifications,
    entities: extracted.entities,
    listed: 'template',
    ...(suppressions.byResource.size > 0 ? { suppressions: suppressions.byResource } : {}),
  };
}

function snapshotOutcome(loaded: SnapshotLoadOutcome, notifications: Notification[]): FileOutcome {
  append(notifications, loaded.notifications);
  if (!loaded.snapshot) return { notifications, entities: [] };
  const { accountId, accountName } = loaded.snapshot;
  return {
    notifications,
    entities: loaded.entities,
    listed: 'snapshot',
    account: { id: accountId, ...(accountName !== undefined ? { name: accountName } : {}) },
  };
}

/**
 * AWS keys in any other text file, read within `MAX_TEXT_FILE_BYTES`. A file over it, of another
 * type than a regular file, or that cannot be read, is named in a notification; a binary one is
 * marked for the scan's single note on binaries.
 */
function textFileSecrets(absPath: string, file: string, context: FileContext): FileOutcome {
  const read = readBounded(absPath, MAX_TEXT_FILE_BYTES, context.roots ? { roots: context.roots } : {});
  const skipped = (message: string, level: Notification['level'] = 'note'): FileOutcome => ({
    notifications: [{ level, code: level === 'error' ? 'read-error' : 'skipped', file, message }],
    entities: [],
  });
  if ('bytes' in read) return digested(keysInBytes(file, read.bytes, true), read.bytes, context);
  if ('oversized' in read) {
    const size = read.size > MAX_TEXT_FILE_BYTES + 1 ? `${bytes(read.size)} bytes (${mib(read.size)})` : `more than ${bytes(MAX_TEXT_FILE_BYTES)} bytes`;
    return skipped(`Not checked for keys: ${size} is over mamori's ${mib(MAX_TEXT_FILE_BYTES)} limit for text files`);
  }
  if (read.problem === 'error') return skipped(`Cannot read file: ${failureText(read)}`, 'error');
  return skipped(`Not checked for keys: ${failureText(read)}`);
}

/** Keys in a file's bytes, whatever their text encoding; a binary file is only marked (`keys` false: a template-only scan). */
function keysInBytes(file: string, content: Buffer, keys: boolean): FileOutcome {
  const decoded = decodeText(content);
  if ('binary' in decoded) return { notifications: [], entities: [], binary: true };
  if (!keys) return { notifications: [], entities: [] };
  const notifications: Notification[] = [];
  return { notifications, entities: secretEntities(file, decoded.text, notifications), checked: true };
}

const bytes = (n: number): string => n.toLocaleString('en-US');

/** The keys in a text, the first `MAX_SECRETS_PER_FILE` of them; a warning counts the rest. */
export function secretEntities(file: string, text: string, notifications: Notification[] = []): SecretMatch[] {
  const found = findSecrets(text);
  const tooMany = tooManySecrets(found.length, file);
  if (tooMany) notifications.push(tooMany);
  const matches = found.slice(0, MAX_SECRETS_PER_FILE);
  if (matches.length === 0) return [];
  const index = new LineIndex(file, text);
  // The n-th key id (or secret) of the file: lines can move without changing it.
  const ids = secretIds(`${file}#`, matches);
  return matches.map((s, i) => secretEntity(ids[i] ?? '', s, index.location(s.start, s.end), file));
}
