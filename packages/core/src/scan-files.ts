import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Notification } from './engine/finding.js';
import { type SuppressionRule, templateSuppressions } from './engine/suppress.js';
import { errorText } from './files/walk.js';
import type { Entity, SecretMatch } from './model/entities.js';
import { findSecrets } from './secrets/detect.js';
import { isSnapshotText } from './snapshot/detect.js';
import { looksLikeSnapshot } from './snapshot/format.js';
import type { SnapshotLoadOutcome } from './snapshot/load.js';
import { templateEntities } from './template/entities.js';
import { LineIndex } from './template/line-index.js';
import { loadTemplate } from './template/load.js';

/** Files larger than this are not templates CloudFormation would accept (1 MB) by a wide margin; skip rather than stall. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Account snapshots of large accounts are far bigger than any template; the bound keeps the text
 * under the longest string the JavaScript engine can hold.
 */
export const MAX_SNAPSHOT_BYTES = 500 * 1024 * 1024;

/** Larger files are data, builds or media, not where keys get pasted. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** Bytes read to tell an account snapshot by its start: enough for the 4,096 characters `looksLikeSnapshot` reads. */
const HEAD_BYTES = 16 * 1024;

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

/**
 * Reads one file and extracts its entities, exactly as a scan does in file order. The snapshot
 * loader is given on the main thread; without it (on a worker, which then needs neither the rules
 * nor the schema validator) a file that may be an account snapshot is deferred.
 */
export function processFile(task: FileTask, context: FileContext, snapshots?: SnapshotLoader): FileOutcome {
  const { absPath, file, explicit } = task;
  const notifications: Notification[] = [];
  if (!task.template) return { notifications, entities: textFileSecrets(absPath, file) };
  let text: string;
  try {
    const read = readTemplateFile(absPath, snapshots !== undefined);
    if (read.kind === 'deferred') return { notifications, entities: [], deferred: true };
    if (read.kind === 'too-large') {
      notifications.push({ level: 'warning', code: 'skipped', file, message: `Skipped: ${read.size} bytes is over the ${read.limit}-byte limit` });
      return { notifications, entities: [] };
    }
    if (read.kind === 'binary') {
      if (explicit) notifications.push({ level: 'warning', code: 'skipped', file, message: 'Skipped: binary file' });
      return { notifications, entities: [] };
    }
    text = read.text;
  } catch (err) {
    const message = err instanceof TypeError ? 'not valid UTF-8 text' : errorText(err);
    notifications.push({ level: 'error', code: 'read-error', file, message: `Cannot read file: ${message}` });
    return { notifications, entities: [] };
  }
  if (snapshots === undefined && looksLikeSnapshot(text)) return { notifications, entities: [], deferred: true };
  if (snapshots && isSnapshotText(text)) {
    const loaded = snapshots(file, text);
    notifications.push(...loaded.notifications);
    if (!loaded.snapshot) return { notifications, entities: [] };
    return { notifications, entities: loaded.entities, listed: 'snapshot' };
  }
  const outcome = loadTemplate(file, text, explicit);
  notifications.push(...outcome.notifications);
  if (!outcome.template) {
    // Other YAML and JSON (a Kubernetes manifest, a .env.json) can still hold keys.
    const entities = context.allFiles && outcome.notifications.length === 0 ? secretEntities(file, text) : [];
    return { notifications, entities };
  }
  const entities = templateEntities(outcome.template, context.parameters, context.wantsResources);
  const suppressions = templateSuppressions(outcome.template);
  notifications.push(...suppressions.notifications);
  return { notifications, entities, listed: 'template', ...(suppressions.byResource.size > 0 ? { suppressions: suppressions.byResource } : {}) };
}

type TemplateRead = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'too-large'; size: number; limit: number } | { kind: 'deferred' };

/**
 * The text of a template candidate, read synchronously (a scan reads thousands of small files;
 * one open, stat and read each). A file over the template limit is read only when it starts like
 * an account snapshot; with `snapshots` false such a file is left to the caller unread. Invalid
 * UTF-8 throws a `TypeError`. The bytes are dropped here, before a large text is parsed.
 */
function readTemplateFile(absPath: string, snapshots: boolean): TemplateRead {
  const fd = openSync(absPath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      const head = readBytes(fd, Math.min(size, HEAD_BYTES), false);
      if (!looksLikeSnapshot(new TextDecoder('utf-8').decode(head))) return { kind: 'too-large', size, limit: MAX_FILE_BYTES };
      if (size > MAX_SNAPSHOT_BYTES) return { kind: 'too-large', size, limit: MAX_SNAPSHOT_BYTES };
      if (!snapshots) return { kind: 'deferred' };
    }
    const bytes = readBytes(fd, size, true);
    if (bytes.includes(0)) return { kind: 'binary' };
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } finally {
    closeSync(fd);
  }
}

/** The first `size` bytes of a file (fewer if it is shorter), or all of it with `toEnd` (as readFile reads a file that grew since it was measured). */
function readBytes(fd: number, size: number, toEnd: boolean): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const got = readSync(fd, buffer, n, size - n, n);
    if (got === 0) break;
    n += got;
  }
  if (toEnd && n === size) {
    const rest: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const got = readSync(fd, chunk, 0, chunk.length, n);
      if (got === 0) break;
      rest.push(chunk.subarray(0, got));
      n += got;
    }
    if (rest.length > 0) return Buffer.concat([buffer, ...rest]);
  }
  return n === size ? buffer : buffer.subarray(0, n);
}

/** AWS keys in any other text file; binaries, undecodable and large files are passed over quietly. */
function textFileSecrets(absPath: string, file: string): SecretMatch[] {
  try {
    const fd = openSync(absPath, 'r');
    let bytes: Buffer;
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_TEXT_FILE_BYTES || size === 0) return [];
      bytes = readBytes(fd, size, true);
    } finally {
      closeSync(fd);
    }
    if (bytes.subarray(0, 8192).includes(0)) return [];
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return secretEntities(file, text);
  } catch {
    return [];
  }
}

export function secretEntities(file: string, text: string): SecretMatch[] {
  const matches = findSecrets(text);
  if (matches.length === 0) return [];
  const index = new LineIndex(file, text);
  return matches.map((s) => ({
    kind: 'Secret',
    id: `${file}#${s.hash}`,
    source: 'template',
    location: index.location(s.start, s.end),
    displayName: file,
    secretType: s.type,
    redacted: s.redacted,
    hash: s.hash,
    evidence: s.evidence,
    where: file,
  }));
}
