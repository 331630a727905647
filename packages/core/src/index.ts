export { type ConfiguredRules, configureRules } from './config/apply.js';
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
  validateConfig,
} from './config/config.js';
export { applyBaseline, BaselineError, baselineFingerprints, readBaseline } from './engine/baseline.js';
export { areaTitle, pascalCase, ruleHelpMarkdown, ruleHelpText } from './engine/help.js';
export { compileDeclarativeRule, loadDeclarativeRules, loadPlugin, PluginError } from './engine/plugins.js';
export type {
  AnyRule,
  EntityFieldPath,
  ReportDescriptor,
  Rule,
  RuleArea,
  RuleCompliance,
  RuleContext,
  RuleCovers,
  RuleDocs,
  RuleMeta,
  Severity,
} from './engine/rule.js';
export { defineRule } from './engine/rule.js';
export { formatMessage, runRules } from './engine/run.js';
export { applyConfigSuppressions, applyTemplateSuppressions } from './engine/suppress.js';
export { engineDefaultPort, engineLabel, isClusterMember } from './entities/db-instance/engines.js';
export { type ApiIpPermission, type ApiSecurityGroup, type PermissionLocator, securityGroupFromApi } from './entities/security-group/snapshot.js';
export { coversAllResources } from './entities/trail/arns.js';
export { lifecycleRuleAgesOut, trailLogPrefix } from './entities/trail/snapshot.js';
export { SKIPPED_DIRS, TEMPLATE_EXTENSIONS, walk } from './files/walk.js';
export type {
  AccessKeyInfo,
  AccessKeyResource,
  AzSpan,
  CacheReplicationGroup,
  CacheReplicationGroupSetting,
  DbInstance,
  DbInstanceSetting,
  EipAssociation,
  ElasticIp,
  Entity,
  EntityBase,
  EntityKind,
  EntityMap,
  EntitySource,
  IamUser,
  Instance,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  PasswordProperty,
  PasswordValueSource,
  Policy,
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
} from './model/entities.js';
export { activeFindings, type Finding, type Notification, type NotificationCode, type Suppression } from './model/finding.js';
export type { SourceLocation } from './model/location.js';
export { formatLocation } from './model/location.js';
export { hasPorts, isWorldCidr, normaliseProtocol, portRange, toPort } from './model/network.js';
export { atLeast, SEVERITIES, severityRank } from './model/severity.js';
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
export { FINGERPRINT_KEY, fitSarif, GITHUB_SARIF_LIMITS, type SarifOptions, SRCROOT, toSarif } from './reporters/sarif.js';
export { type StylishOptions, toStylish } from './reporters/stylish.js';
export { type ScanSummary, summarize } from './reporters/summary.js';
export { jsonText, printable } from './reporters/text.js';
export {
  MAX_FILE_BYTES,
  type ScanOptions,
  type ScanResult,
  type ScanTextOptions,
  scan,
  scanText,
  sortFindings,
  templateEntities,
} from './scan.js';
export { entropy, findSecrets, isDocumentationExample, type RawSecret, redact } from './secrets/detect.js';
export {
  AWS_CALLS,
  type AwsCallDescriptor,
  type AwsCallName,
  type AwsService,
  COLLECTOR_CALLS,
  callName,
  minimalIamPolicy,
} from './snapshot/calls.js';
export { type CredentialReportRow, parseCredentialReport } from './snapshot/credential-report.js';
export { snapshotEntities } from './snapshot/entities.js';
export * from './snapshot/format.js';
export {
  type Answered,
  CALL_FEEDS,
  FEED_SOURCES,
  type Feed,
  feedsOf,
  incompleteCause,
  incompleteMessage,
  incompleteReason,
  isSnapshotText,
  kindsFedBy,
  loadSnapshot,
  notEvaluatedMessage,
  rulesBlinded,
  rulesNotEvaluated,
  type SnapshotLoadOutcome,
} from './snapshot/load.js';
export { SnapshotLocator } from './snapshot/locator.js';
export { policyDocumentObject } from './snapshot/policy.js';
export { keyIdForDisplay, redactKeyIds, redactSnapshotKeys, snapshotText } from './snapshot/redact.js';
export { jsonPath, type SchemaProblem, snapshotSchema, validateSnapshot } from './snapshot/schema.js';
export { type LoadOutcome, loadTemplate } from './template/load.js';
export { loadParameters, ParameterFileError, parseParameters } from './template/parameters.js';
export type { CfnEntry, CfnMap, CfnNode, CfnScalar, CfnSeq, ScalarValue } from './template/parsing/node.js';
export { get, getEntry, intrinsicName, scalarString, toPlain } from './template/parsing/node.js';
export { type ParseOutcome, type ParseProblem, parseText } from './template/parsing/parse.js';
export { type Reference, TemplateGraph } from './template/resolution/graph.js';
export { type Branch, type Candidate, type ResolvedValue, type ResolveOptions, Resolver } from './template/resolution/resolve.js';
export { templateSuppressions } from './template/suppressions.js';
export type { Template, TemplateParameter, TemplateResource } from './template/types.js';
export { INFORMATION_URI, ruleHelpUri, VERSION } from './version.js';
