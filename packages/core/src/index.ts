export { COLLECTOR_CALLS } from './collector/calls.js';
export type { CollectOptions, CollectProgress } from './collector/collect.js';
export { collectSnapshot } from './collector/lazy.js';
export type { Finding, Notification, NotificationCode } from './engine/finding.js';
export { areaTitle, pascalCase, ruleHelpMarkdown, ruleHelpText } from './engine/help.js';
export type {
  AnyRule,
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
export { SKIPPED_DIRS, TEMPLATE_EXTENSIONS, walk } from './files/walk.js';
export type {
  AccessKeyInfo,
  AccessKeyResource,
  AzSpan,
  CacheReplicationGroup,
  DbInstance,
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
  Policy,
  PolicyStatement,
  RootAccount,
  RootActivity,
  SecretMatch,
  SecretType,
  SecurityGroup,
  SecurityGroupRule,
  TemplateParameterEntity,
  Trail,
  TrailDataEventSelector,
  TrailSet,
} from './model/entities.js';
export type { SourceLocation } from './model/location.js';
export { formatLocation } from './model/location.js';
export { hasPorts, isWorldCidr, normaliseProtocol, portRange, toPort } from './model/network.js';
export { type JsonReport, toJson, toJsonReport } from './reporters/json.js';
export { FINGERPRINT_KEY, type SarifOptions, SRCROOT, toSarif } from './reporters/sarif.js';
export { type StylishOptions, toStylish } from './reporters/stylish.js';
export {
  loadBuiltinRules,
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
export { type CredentialReportRow, parseCredentialReport } from './snapshot/credential-report.js';
export { coversAllResources, lifecycleRuleAgesOut, SnapshotLocator, snapshotEntities } from './snapshot/entities.js';
export * from './snapshot/format.js';
export { CALL_FEEDS, isSnapshotText, kindsFedBy, loadSnapshot, notEvaluatedMessage, type SnapshotLoadOutcome } from './snapshot/load.js';
export { policyDocumentObject } from './snapshot/policy.js';
export { jsonPath, type SchemaProblem, snapshotSchema, validateSnapshot } from './snapshot/schema.js';
export { type ApiIpPermission, type ApiSecurityGroup, securityGroupFromApi } from './snapshot/security-groups.js';
export { type LoadOutcome, loadTemplate } from './template/load.js';
export type { CfnEntry, CfnMap, CfnNode, CfnScalar, CfnSeq, ScalarValue } from './template/node.js';
export { get, getEntry, intrinsicName, scalarString, toPlain } from './template/node.js';
export { type ParseOutcome, type ParseProblem, parseText } from './template/parse.js';
export { type Branch, type Candidate, type ResolvedValue, type ResolveOptions, Resolver } from './template/resolve.js';
export type { Template, TemplateParameter, TemplateResource } from './template/template.js';
export { INFORMATION_URI, ruleHelpUri, VERSION } from './version.js';
