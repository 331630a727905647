/**
 * What mamori's own packages (rules, collector, cli, rule-tester), scripts and tests share beyond
 * the public API.
 *
 * @remarks
 * No compatibility promise: for mamori's own packages. Names here change or go in any release;
 * code outside this repository should import from `@mamori/core`.
 *
 * @packageDocumentation
 */

export { FINGERPRINT_KEY } from './engine/fingerprint.js';
export { areaTitle, HELP_LABELS, ruleDocs, ruleHelpMarkdown } from './engine/help.js';
export { type RunSettings, runRules } from './engine/run.js';
export { type AlarmLike, isBillingAlarm, type MetricLike } from './entities/billing-guardrails/alarms.js';
export { TEMPLATE_EXTENSIONS, walk } from './files/walk.js';
export { applyReplacements, type EditOutcome, templateEdits } from './fix/apply.js';
export { fixText } from './fix/texts.js';
export type { TemplateEdit, TextReplacement } from './fix/types.js';
export type { TranslationOf } from './i18n/catalog.js';
export type { Lang } from './i18n/lang.js';
export { severityRank } from './model/severity.js';
export { priceListAge, priceListWarning } from './pricing/prices.js';
export { MergeError, type MergeInput, type MergeSarifOptions, mergeJsonText, mergeSarifText } from './reporters/merge.js';
export { fitSarif } from './reporters/sarif.js';
export { printable } from './reporters/text.js';
export {
  AWS_CALLS,
  type AwsCallDescriptor,
  type AwsCallName,
  type AwsService,
  COLLECTOR_CALLS,
  callName,
  type Feed,
  type IamPolicy,
  minimalIamPolicy,
  organizationIamPolicy,
} from './snapshot/calls.js';
export { CREDENTIALS_EXPIRED, looksLikeSnapshot } from './snapshot/format.js';
export { CALL_FEEDS, incompleteCause, rulesBlinded } from './snapshot/load.js';
export { policyDocumentObject } from './snapshot/policy.js';
export { redactKeyIds, redactSnapshotKeys, snapshotText } from './snapshot/redact.js';
