import type { RuleMeta } from '../engine/rule.js';
import type { Finding, Notification } from './finding.js';

/** What a scan found, and what it could not do: every report is made from this alone. */
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
