import type { TemplateFix } from '../fix/types.js';
import type { Lang } from '../i18n/lang.js';
import type { EntityKind, EntityMap } from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';
import type { Severity } from '../model/severity.js';

export type { Severity } from '../model/severity.js';

/** The area a rule belongs to, which groups the catalog and its docs. */
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

/** A rule's documentation: what it checks, the risk and the fix. */
export interface RuleDocs {
  /** Why it matters, in Markdown. */
  risk: string;
  /** How to fix it, in Markdown, with a template snippet and console/CLI steps where they help. */
  fix: string;
}

/**
 * A rule's texts in another language. Each is optional: a text left out is shown in English. A
 * message must have the same `{{placeholders}}` as the English one; one that does not is not used
 * (the English is), so a finding never loses or mixes up its data.
 */
export interface RuleTranslation<MessageId extends string = string> {
  title?: string;
  description?: string;
  /** By message id, as `messages`. */
  messages?: Partial<Record<MessageId, string>>;
  docs?: Partial<RuleDocs>;
  /** The `description` of each option of `optionsSchema`, by option name (for the docs pages). */
  options?: Partial<Record<string, string>>;
}

/** A rule's metadata, without its `check`: what reports and `ScanResult.rules` carry. */
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
  /**
   * Whether the rule offers fixes for template findings (`fix` in its reports), as ESLint's
   * `meta.fixable`: docs and `mamori rules` say so, and a fix from a rule that does not declare it is
   * left out with a warning.
   */
  fixable?: boolean;
  docs: RuleDocs;
  /** Message templates with `{{placeholder}}`s, reported by id. */
  messages: Record<MessageId, string>;
  /** Texts in other languages than English (`ja`), chosen with `--lang`, the configuration's `lang` or the locale. */
  translations?: { ja?: RuleTranslation<NoInfer<MessageId>> };
  /**
   * JSON Schema of the options users may set in the configuration (`rules: { <id>: { options } }`).
   * It validates the configuration and documents the options; every property has a `description`.
   */
  optionsSchema?: { type: 'object'; properties: Record<string, { description: string } & Record<string, unknown>>; additionalProperties: false };
}

/** A text a rule builds in code, written in the language asked for. */
export type LocalizedText = (lang: Lang) => string;

/** What a rule passes to `context.report`: the message id, its data and the location. */
export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  /**
   * The placeholders' values. Words a rule builds in code (a list, an age, `when condition C is
   * true`) are given as a function of the language: the message gets them in the scan's language,
   * while the fingerprint and the finding's `data` take the English, so that a baseline holds across languages.
   */
  data?: Record<string, string | number | LocalizedText>;
  /** Defaults to the entity's location. */
  location?: SourceLocation;
  /** Extra machine-readable facts (e.g. an estimated monthly cost), copied to SARIF and JSON `properties`. */
  properties?: Record<string, string | number | boolean>;
  /**
   * Keys of `data` whose values change while the finding stays the same (a cost, the prices it was
   * reckoned at): left out of the fingerprint, so a baseline keeps the finding across price updates
   * and regions.
   */
  volatile?: readonly string[];
  /** For an account's finding: the region of what is reported, when the entity spans regions (a trail of the account's set). Defaults to the entity's. */
  region?: string;
  /**
   * A lower level for this finding than the rule's (an admin policy attached to nobody yet is a
   * `note` of a rule that is an `error`). Never raises it: the finding gets the less severe of the
   * two, so a rule set to `note` in the configuration stays a note.
   */
  level?: Severity;
  /**
   * For a template's finding: a mechanical repair, as edits at paths of the template. Offer one only
   * when the value is written literally where the edit goes (not through a parameter, a mapping or
   * `Fn::If`): the edits are checked against the file and left out with the reason when they do not fit.
   */
  fix?: TemplateFix;
}

/** What a rule's `check` is given besides the entity: its options and `report`. */
export interface RuleContext<MessageId extends string, Options extends object = Record<string, unknown>> {
  report(descriptor: ReportDescriptor<MessageId>): void;
  /** `defaultOptions` merged with what the configuration sets. */
  options: Options;
  /**
   * The region the scan takes for entities that do not know theirs (a template's resources): the
   * scan's `region` setting, else `us-east-1`. An account's entities carry their own `region`.
   */
  region: string;
  /**
   * The language of the scan's messages. Data built in code is better given as a `LocalizedText`
   * (the fingerprint then does not depend on the language); this is for what is not data.
   */
  lang: Lang;
}

/**
 * A field of an entity, or a field of the entities it holds: `isLogging`, `trails.isLogging`,
 * `accessKeys.createdAt`. For a rule of several kinds, a field of any of them.
 */
export type EntityFieldPath<K extends EntityKind> = K extends EntityKind ? (keyof EntityMap[K] & string) | `${keyof EntityMap[K] & string}.${string}` : never;

/** A rule: its metadata and the `check` run on each entity of the kind it selects. Write one with `defineRule`. */
export interface Rule<K extends EntityKind = EntityKind, MessageId extends string = string, Options extends object = Record<string, unknown>>
  extends RuleMeta<MessageId> {
  /**
   * Which entities the rule reads: a kind, or several kinds that hold the same setting (DB instances
   * and DB clusters), its `check` then given each entity of any of them.
   */
  entity: K | readonly [K, ...K[]];
  /**
   * The fields of the entity the rule's verdict depends on (not those only shown in messages). When a
   * call failed while an account was collected, the rule is reported as not evaluated only if the
   * call gives one of them. Left out: every field.
   */
  reads?: readonly EntityFieldPath<K>[];
  defaultOptions?: Options;
  check(entity: EntityMap[K], context: RuleContext<MessageId, Options>): void;
}

/** A rule of any entity kind, or of several, as the engine and catalogs hold them. */
export type AnyRule = { [K in EntityKind]: Rule<K, string> }[EntityKind] | Rule<EntityKind, string>;

/** The kinds a rule reads, as a list. */
export function ruleKinds<K extends EntityKind>(rule: { entity: K | readonly K[] }): readonly K[] {
  return typeof rule.entity === 'string' ? [rule.entity] : rule.entity;
}

/** Identity function that types a rule: the entity type follows from `entity`, message ids from `messages`. */
export function defineRule<K extends EntityKind, MessageId extends string, Options extends object = Record<string, unknown>>(
  rule: Rule<K, MessageId, Options>,
): Rule<K, MessageId, Options> {
  return rule;
}
