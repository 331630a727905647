/**
 * Scan CloudFormation and SAM templates, text files and AWS account snapshots for security and cost
 * mistakes, render the result, and write rules for it.
 *
 * @remarks
 * This entry point is the public API: what a library user and a plugin author need, kept compatible
 * within a major version. `@mamori/core/internal` holds what mamori's own packages share and promises
 * nothing. The API report in `api/core.api.md` records this surface; CI fails when it changes unseen.
 *
 * @packageDocumentation
 */

// Configuration, parameters, plugins and baselines
export type { ConfiguredRules } from './config/apply.js';
export {
  CONFIG_FILES,
  ConfigError,
  type ConfigLoadOptions,
  type ConfigSuppression,
  findConfig,
  type LoadedConfig,
  loadConfig,
  type MamoriConfig,
  type RuleSetting,
} from './config/config.js';
export { configureRules } from './config/options.js';
// Scanning
export type { ScanOptions } from './config/resolve.js';
export { validateConfig } from './config/validate.js';
export { BaselineError, readBaseline } from './engine/baseline.js';
export { placeholdersOf, ruleDescription, ruleMessage, ruleTitle } from './engine/localize.js';
export { PluginError } from './engine/plugin-error.js';
// Writing rules
export type {
  AnyRule,
  EntityFieldPath,
  LocalizedText,
  ReportDescriptor,
  Rule,
  RuleArea,
  RuleCompliance,
  RuleContext,
  RuleCovers,
  RuleDocs,
  RuleMeta,
  RuleTranslation,
} from './engine/rule.js';
export { defineRule, ruleKinds } from './engine/rule.js';
export { engineLabel, isClusterMember } from './entities/db-instance/engines.js';
/** Who a role's trust policy lets assume it, in short (`Service ec2.amazonaws.com`, `any principal (*)`). */
export { trustedBy } from './entities/iam-role/trust.js';
// Results
/** Fixes: the edits a rule offers for a template finding, and the text replacements that make them. */
export { applyFindingFixes, type FixedText } from './fix/apply-all.js';
export type { FindingFix, FixText, TemplateEdit, TemplateFix, TemplatePath, TemplateValue, TextReplacement } from './fix/types.js';
// Languages of the output
export { isLang, LANGS, type Lang, LOCALES, localeLang, resolveLang } from './i18n/lang.js';
export type {
  AccessKeyInfo,
  AccessKeyResource,
  AzSpan,
  BillingGuardrails,
  CacheReplicationGroup,
  CacheReplicationGroupSetting,
  DbCluster,
  DbClusterSetting,
  DbInstance,
  DbInstanceSetting,
  EipAssociation,
  ElasticIp,
  Entity,
  EntityBase,
  EntityKind,
  EntityMap,
  EntitySource,
  IamGroup,
  IamRole,
  IamUser,
  Instance,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  PasswordProperty,
  PasswordValueSource,
  Policy,
  PolicyAttachment,
  PolicyStatement,
  ResourceEntity,
  RootAccount,
  RootActivity,
  SecretMatch,
  SecretType,
  SecurityGroup,
  SecurityGroupRule,
  SettingSource,
  TemplateParameterEntity,
  Trail,
  TrailDataEventSelector,
  TrailSet,
  TrustCondition,
  TrustPrincipal,
  TrustStatement,
} from './model/entities.js';
/** Where a live resource's stack and template line are: the stack its tags name, and an account finding placed on its template. */
export type { StackRef } from './model/entity.js';
export type { TemplatePlacement } from './model/finding.js';
export { activeFindings, type Finding, type Notification, type NotificationCode, type Suppression } from './model/finding.js';
export { formatLocation, type SourceLocation } from './model/location.js';
export { admitsWorld, DeniedRanges, isWorldCidr, portRange } from './model/network.js';
export type { CacheReport, ScannedAccount, ScanResult } from './model/result.js';
export { atLeast, SEVERITIES, type Severity } from './model/severity.js';
// Prices of cost findings
export { DEFAULT_PRICE_REGION, formatUsd, PRICE_LIST, type PriceItem, pricesIn, type RegionPrices } from './pricing/prices.js';
// Reports
export { type HtmlOptions, toHtml } from './reporters/html.js';
export { type JsonReport, toJson, toJsonReport } from './reporters/json.js';
export {
  FORMATS,
  isReportFormat,
  REPORT_FORMATS,
  REPORTERS,
  type Rendered,
  type RenderOptions,
  type Reporter,
  type ReportFormat,
} from './reporters/registry.js';
export { type SarifOptions, toSarif } from './reporters/sarif.js';
export { type StylishOptions, toStylish } from './reporters/stylish.js';
export { type AccountSummary, type ScanSummary, summarize } from './reporters/summary.js';
export { type ScanTextOptions, scan, scanText } from './scan.js';
// Account snapshots
export type {
  AccountSnapshot,
  ApiAccessKey,
  ApiAddress,
  ApiAdvancedEventSelector,
  ApiAlarmMetric,
  ApiAttachedPolicy,
  ApiAutoScalingGroup,
  ApiBudget,
  ApiCacheCluster,
  ApiCacheReplicationGroup,
  ApiClassicLoadBalancer,
  ApiDbCluster,
  ApiDbInstance,
  ApiDbSubnetGroup,
  ApiDimension,
  ApiEvent,
  ApiEventSelector,
  ApiGroupDetail,
  ApiInlinePolicy,
  ApiInstance,
  ApiIpPermission,
  ApiLifecycleFilter,
  ApiLifecycleRule,
  ApiLoadBalancer,
  ApiManagedPolicyDetail,
  ApiMetricAlarm,
  ApiNatGateway,
  ApiNetworkAcl,
  ApiNetworkAclAssociation,
  ApiNetworkAclEntry,
  ApiPermissionsBoundary,
  ApiPolicyDocument,
  ApiRoleDetail,
  ApiRouteTable,
  ApiSecurityGroup,
  ApiTag,
  ApiTrail,
  ApiUser,
  ApiUserDetail,
  AutoScalingResponses,
  BudgetsResponses,
  CallError,
  CloudTrailResponses,
  CloudWatchResponses,
  Ec2Responses,
  ElastiCacheResponses,
  ElbResponses,
  Elbv2Responses,
  GlobalResponses,
  IamResponses,
  IncompleteReason,
  IsoTimestamp,
  RdsResponses,
  RegionalResponses,
  S3Responses,
  StsResponses,
} from './snapshot/format.js';
export { SNAPSHOT_SCHEMA_ID, SNAPSHOT_VERSION } from './snapshot/format.js';
export type { RuleRef, SnapshotLoadOutcome } from './snapshot/load.js';
export { loadSnapshot } from './snapshot/read.js';
export { type SchemaProblem, validateSnapshot } from './snapshot/schema.js';
export { loadParameters, ParameterFileError } from './template/parameters.js';
export { VERSION } from './version.js';
