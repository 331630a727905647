import { isUtf8 } from 'node:buffer';
import type { Notification } from './engine/finding.js';
import { type SuppressionRule, templateSuppressions } from './engine/suppress.js';
import { inputFs } from './files/input-fs.js';
import { readTemplateFile } from './files/read.js';
import type { Entity, SecretMatch } from './model/entities.js';
import { findSecrets, MAX_SECRETS_PER_FILE, secretEntity, secretIds, tooManySecrets } from './secrets/detect.js';
import { isSnapshotText } from './snapshot/detect.js';
import { looksLikeSnapshot } from './snapshot/format.js';
import type { SnapshotLoadOutcome } from './snapshot/load.js';
import { extractEntities } from './template/entities.js';
import { LineIndex } from './template/line-index.js';
import { loadTemplate } from './template/load.js';

/** Larger files are data, builds or media, not where keys get pasted. */
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
}

/** What one file adds to a scan. Plain data (suppression matchers aside): it is sent back from worker threads. */
export interface FileOutcome {
  notifications: Notification[];
  entities: Entity[];
  /** Listed in the result's `files` (and `snapshots`). */
  listed?: 'template' | 'snapshot';
  /** In-template suppressions by resource, when there are any. */
  suppressions?: Map<string, SuppressionRule[]>;
  /** Possibly an account snapshot: left to the main thread, which has the rules its warnings name. */
  deferred?: true;
}

/** Loads an account snapshot with the scan's rules (named in its warnings). */
export type SnapshotLoader = (file: string, text: string) => SnapshotLoadOutcome;

/** Loads a large account snapshot from its file, or gives `undefined` to have its text read and given to the `SnapshotLoader`. */
export type SnapshotFileLoader = (absPath: string, file: string) => SnapshotLoadOutcome | undefined;

/**
 * Reads one file and extracts its entities, exactly as a scan does in file order. The snapshot
 * loader is given on the main thread; without it (on a worker, which then needs neither the rules
 * nor the schema validator) a file that may be an account snapshot is deferred. A bug here costs
 * this file, reported as an error, never the scan.
 */
export function processFile(task: FileTask, context: FileContext, snapshots?: SnapshotLoader, snapshotFiles?: SnapshotFileLoader): FileOutcome {
  try {
    return readAndExtract(task, context, snapshots, snapshotFiles);
  } catch (err) {
    const message = `Cannot scan this file (internal error: ${err instanceof Error ? err.message : String(err)})`;
    return { notifications: [{ level: 'error', code: 'internal-error', file: task.file, message }], entities: [] };
  }
}

function readAndExtract(
  task: FileTask,
  context: FileContext,
  snapshots: SnapshotLoader | undefined,
  snapshotFiles: SnapshotFileLoader | undefined,
): FileOutcome {
  const { absPath, file, explicit } = task;
  if (!task.template) {
    const notifications: Notification[] = [];
    return { notifications, entities: textFileSecrets(absPath, file, notifications) };
  }
  let read = readTemplateFile(absPath, file, explicit, { deferSnapshots: snapshots === undefined || snapshotFiles !== undefined });
  if (read.deferred && snapshots && snapshotFiles) {
    // Over the template limit and starting like a snapshot: read from the file, else as text.
    const loaded = snapshotFiles(absPath, file);
    if (loaded) return snapshotOutcome(loaded, []);
    read = readTemplateFile(absPath, file, explicit);
  }
  if (read.deferred) return { notifications: [], entities: [], deferred: true };
  if (read.text === undefined) return { notifications: read.notifications, entities: [] };
  return extractText(file, read.text, explicit, context, snapshots);
}

/**
 * The entities of one text: an account snapshot (deferred without a snapshot loader), a template
 * with its in-template suppressions, or other YAML and JSON that may hold keys.
 */
export function extractText(file: string, text: string, explicit: boolean, context: FileContext, snapshots: SnapshotLoader | undefined): FileOutcome {
  const notifications: Notification[] = [];
  if (snapshots === undefined && looksLikeSnapshot(text)) return { notifications, entities: [], deferred: true };
  if (snapshots && isSnapshotText(text)) return snapshotOutcome(snapshots(file, text), notifications);
  const outcome = loadTemplate(file, text, explicit, context.parameters ? { parameters: context.parameters } : {});
  notifications.push(...outcome.notifications);
  if (!outcome.template) {
    // Other YAML and JSON (a Kubernetes manifest, a .env.json) can still hold keys.
    const entities = context.allFiles && outcome.notifications.length === 0 ? secretEntities(file, text, notifications) : [];
    return { notifications, entities };
  }
  const extracted = extractEntities(outcome.template, context.parameters, context.wantsResources);
  notifications.push(...extracted.notifications);
  const suppressions = templateSuppressions(outcome.template);
  notifications.push(...suppressions.notifications);
  return {
    notifications,
    entities: extracted.entities,
    listed: 'template',
    ...(suppressions.byResource.size > 0 ? { suppressions: suppressions.byResource } : {}),
  };
}

function snapshotOutcome(loaded: SnapshotLoadOutcome, notifications: Notification[]): FileOutcome {
  notifications.push(...loaded.notifications);
  if (!loaded.snapshot) return { notifications, entities: [] };
  return { notifications, entities: loaded.entities, listed: 'snapshot' };
}

/** AWS keys in any other text file; binaries, undecodable and large files are passed over quietly. */
function textFileSecrets(absPath: string, file: string, notifications: Notification[]): SecretMatch[] {
  try {
    const info = inputFs.stat(absPath);
    if (!info.isFile() || info.size > MAX_TEXT_FILE_BYTES || info.size === 0) return [];
    const bytes = inputFs.readFile(absPath);
    if (bytes.subarray(0, 8192).includes(0) || !isUtf8(bytes)) return [];
    return secretEntities(file, bytes.toString('utf8'), notifications);
  } catch {
    return [];
  }
}

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
