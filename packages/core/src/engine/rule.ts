import type { EntityKind, EntityMap } from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';

/** How a finding fails a build. Maps onto SARIF `level`. */
export type Severity = 'error' | 'warning' | 'note';

export type RuleArea = 'network' | 'identity' | 'secrets' | 'compute' | 'logging' | 'resilience' | 'cost';

/** Ids of equivalent checks in other tools, so teams can map findings and suppressions across. */
export interface RuleCovers {
  checkov?: string[];
  cfnNag?: string[];
  cfnLint?: string[];
  prowler?: string[];
  gitleaks?: string[];
}

/** Control ids in compliance frameworks: AWS Security Hub Foundational Security Best Practices and CIS AWS Foundations. */
export interface RuleCompliance {
  fsbp?: string[];
  cis?: string[];
}

export interface RuleDocs {
  /** Why it matters, in Markdown. */
  risk: string;
  /** How to fix it, in Markdown, with a template snippet and console/CLI steps where they help. */
  fix: string;
}

export interface RuleMeta<MessageId extends string = string> {
  /** Stable forever: never renumbered, never reused. */
  id: string;
  /** kebab-case; equals the rule's folder and its docs page. */
  name: string;
  title: string;
  description: string;
  severity: Severity;
  /**
   * GitHub's 0.0-10.0 score for security rules: >= 9 critical, >= 7 high, >= 4 medium, else low.
   * Left out for rules that are not about security (cost), which GitHub then ranks by `severity`.
   */
  securitySeverity?: number;
  area: RuleArea;
  tags: string[];
  compliance: RuleCompliance;
  covers: RuleCovers;
  docs: RuleDocs;
  /** Message templates with `{{placeholder}}`s, reported by id. */
  messages: Record<MessageId, string>;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Defaults to the entity's location. */
  location?: SourceLocation;
  /** Extra machine-readable facts (e.g. an estimated monthly cost), copied to SARIF and JSON `properties`. */
  properties?: Record<string, string | number | boolean>;
}

export interface RuleContext<MessageId extends string> {
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface Rule<K extends EntityKind = EntityKind, MessageId extends string = string> extends RuleMeta<MessageId> {
  /** Which entities the rule reads. */
  entity: K;
  check(entity: EntityMap[K], context: RuleContext<MessageId>): void;
}

/** A rule of any entity kind, as the engine and catalogs hold them. */
export type AnyRule = { [K in EntityKind]: Rule<K, string> }[EntityKind];

/** Identity function that types a rule: the entity type follows from `entity`, message ids from `messages`. */
export function defineRule<K extends EntityKind, MessageId extends string>(rule: Rule<K, MessageId>): Rule<K, MessageId> {
  return rule;
}
