import type { FindingFix } from '../fix/types.js';
import type { EntityKind } from './entities.js';
import type { StackRef } from './entity.js';
import type { SourceLocation } from './location.js';
import type { Severity } from './severity.js';

/** Why a finding is not counted. It stays in every report, marked, as SARIF `suppressions` does. */
export interface Suppression {
  /** `inSource`: written in the template; `external`: in the configuration. */
  kind: 'inSource' | 'external';
  justification: string;
  /** Whose syntax said so, for teams coming from other tools. */
  via: 'mamori' | 'cfn_nag' | 'checkov' | 'config';
}

/** One problem a rule reported on one entity, where it is, and whether it is suppressed or in the baseline. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  messageId: string;
  message: string;
  /** The values filled into the message template. */
  data?: Record<string, string | number>;
  location: SourceLocation;
  /** The entity reported on; `region`: the region an account's resource is in (a template's findings have none). */
  entity: { kind: EntityKind; id: string; displayName: string; region?: string; stack?: StackRef };
  /** Stable across unrelated edits (no line numbers in it): used for SARIF `partialFingerprints` and baselines. */
  fingerprint: string;
  properties?: Record<string, string | number | boolean>;
  /** A mechanical repair of a template finding, with the text replacements that make it (SARIF `fixes`, `mamori fix`). */
  fix?: FindingFix;
  /** Set when the finding is accepted in the template or the configuration; it is reported but not counted. */
  suppression?: Suppression;
  /** Against a baseline (`--baseline`): `unchanged` findings are reported but not counted. */
  baselineState?: 'new' | 'unchanged';
  /** An account finding placed on the template its resource's stack was made from (the configuration's `stacks`): `location` is then in the template. */
  placement?: TemplatePlacement;
}

/**
 * Where an account finding's resource is written in the template of its stack. `in-template`: the
 * template's own finding of the same rule on the same resource is this one issue (it is not reported
 * again); `drift`: the template does not show the problem, the account has drifted from it.
 */
export interface TemplatePlacement {
  state: 'in-template' | 'drift';
  /** The template, as the finding's `location.file`. */
  template: string;
  stack: string;
  logicalId: string;
  /** Where the account showed the problem: the snapshot value, with the resource's ARN. */
  live: SourceLocation;
  /** The region of the live resource. */
  region?: string;
  /** With `in-template`: the fingerprint of the template's own finding, which this result stands for. */
  templateFingerprint?: string;
}

/** What kind of problem a notification reports. */
export type NotificationCode =
  | 'parse-error'
  | 'read-error'
  | 'path-not-found'
  | 'rule-error'
  | 'not-a-template'
  | 'not-expanded'
  | 'skipped'
  | 'suppression-ignored'
  | 'config-error'
  /** An account snapshot that does not match the published schema. */
  | 'invalid-snapshot'
  /** A call the snapshot's collector could not make: the rules that need its answer were not evaluated there. */
  | 'not-evaluated'
  /** An account snapshot whose collection was interrupted, ran out of time, or had calls fail. */
  | 'incomplete-snapshot'
  /** More findings of one kind in a file than are reported one by one; the message counts them. */
  | 'truncated'
  /** A file with nothing in it (or only comments), named explicitly. */
  | 'empty-file'
  /** A template over a limit CloudFormation sets for one way of deploying it (inline body size); still scanned. */
  | 'template-limit'
  /** A template CloudFormation would reject as written (size, quotas, JSON comments, circular dependencies); still scanned. */
  | 'not-deployable'
  /** mamori failed on an input; the file is reported, the rest of the scan goes on. */
  | 'internal-error'
  /** The scan read no template, account snapshot or other file: a clean result would mean nothing. */
  | 'nothing-scanned'
  /** git could not list a work tree's files (e.g. it refuses a repository owned by another user); the folder was walked instead. */
  | 'git-listing'
  /** An account of an organisation that `collect --org` did not collect (its summary says which and why). */
  | 'account-not-collected'
  /** An account finding whose stack the configuration maps to a template that cannot be read, or that has no resource of its logical id. */
  | 'stack-mapping';

/** Something about the run rather than the input's content: a file that could not be read or parsed, a rule that crashed. */
export interface Notification {
  level: 'error' | 'warning' | 'note';
  code: NotificationCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  /** The files a notification about many files names (binary files not checked for keys), when it names no single `file`. */
  files?: string[];
}

/** Findings that count towards the exit code and the summary: not suppressed, and new when a baseline is in use. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppression && f.baselineState !== 'unchanged');
}
