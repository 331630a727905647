import type { RuleMeta } from '../engine/rule.js';
import type { Lang } from '../i18n/lang.js';
import type { Finding, Notification } from './finding.js';

/** What a scan found, and what it could not do: every report is made from this alone. */
export interface ScanResult {
  /** Absolute path every `file` in the result is relative to. */
  root: string;
  /** Templates and account snapshots that were read, relative to `root`. */
  files: string[];
  /** The account snapshots among `files`. */
  snapshots?: string[];
  /** The account each snapshot among `files` holds, in file order (reports group findings by account). */
  accounts?: ScannedAccount[];
  findings: Finding[];
  /** Problems with the run itself: unreadable or unparsable files, rules that failed. */
  notifications: Notification[];
  /** Metadata of the rules that ran. */
  rules: RuleMeta[];
  /** The language of the findings' messages, which the reports are written in; absent for English. */
  lang?: Lang;
  /** With `ScanOptions.cache`: how many files' results came from the cache, and why it was not used or written if it was not. In no report. */
  cache?: CacheReport;
}

/** An account snapshot read by a scan: its file, and the account it holds. */
export interface ScannedAccount {
  /** The snapshot, relative to the result's `root`. */
  file: string;
  /** The account it holds (twelve digits). */
  accountId: string;
  /** The account's name in its organisation, when the snapshot was collected with `collect --org`. */
  accountName?: string;
}

/** What the cache did in a scan (`ScanOptions.cache`): for a line on the console, never for a report, which is the same with or without it. */
export interface CacheReport {
  /** Absolute path of the cache file. */
  file: string;
  /** How files were known to be unchanged (`ScanOptions.cacheStrategy`). */
  strategy: 'metadata' | 'content';
  /** Files whose results came from the cache. */
  reused: number;
  /** Files read and checked. */
  checked: number;
  /** Why the cache file was not used or not written, when it was not. */
  problem?: string;
}
