// The entity kinds, each defined in its slice under `entities/`; rules select them by `kind`.
import type { AccessKeyResource } from '../entities/access-key-resource/types.js';
import type { AzSpan } from '../entities/az-span/types.js';
import type { BillingGuardrails } from '../entities/billing-guardrails/types.js';
import type { CacheReplicationGroup } from '../entities/cache-replication-group/types.js';
import type { DbCluster } from '../entities/db-cluster/types.js';
import type { DbInstance } from '../entities/db-instance/types.js';
import type { ElasticIp } from '../entities/elastic-ip/types.js';
import type { IamGroup } from '../entities/iam-group/types.js';
import type { IamRole } from '../entities/iam-role/types.js';
import type { IamUser } from '../entities/iam-user/types.js';
import type { Instance } from '../entities/instance/types.js';
import type { NatGateway } from '../entities/nat-gateway/types.js';
import type { NetworkAcl } from '../entities/network-acl/types.js';
import type { PasswordProperty } from '../entities/password-property/types.js';
import type { Policy } from '../entities/policy/types.js';
import type { ResourceEntity } from '../entities/resource/types.js';
import type { RootAccount } from '../entities/root-account/types.js';
import type { SecretMatch } from '../entities/secret/types.js';
import type { SecurityGroup } from '../entities/security-group/types.js';
import type { TemplateParameterEntity } from '../entities/template-parameter/types.js';
import type { Trail } from '../entities/trail/types.js';
import type { TrailSet } from '../entities/trail-set/types.js';

export type { AccessKeyResource } from '../entities/access-key-resource/types.js';
export type { AzSpan } from '../entities/az-span/types.js';
export type { BillingGuardrails } from '../entities/billing-guardrails/types.js';
export type { CacheReplicationGroup, CacheReplicationGroupSetting } from '../entities/cache-replication-group/types.js';
export type { DbCluster, DbClusterSetting } from '../entities/db-cluster/types.js';
export type { DbInstance, DbInstanceSetting } from '../entities/db-instance/types.js';
export type { EipAssociation, ElasticIp } from '../entities/elastic-ip/types.js';
export type { IamGroup } from '../entities/iam-group/types.js';
export type { IamRole, TrustCondition, TrustPrincipal, TrustStatement } from '../entities/iam-role/types.js';
export type { AccessKeyInfo, IamUser } from '../entities/iam-user/types.js';
export type { Instance } from '../entities/instance/types.js';
export type { NatGateway } from '../entities/nat-gateway/types.js';
export type { NetworkAcl, NetworkAclEntry } from '../entities/network-acl/types.js';
export type { PasswordProperty, PasswordValueSource } from '../entities/password-property/types.js';
export type { Policy, PolicyAttachment, PolicyStatement } from '../entities/policy/types.js';
export type { ResourceEntity } from '../entities/resource/types.js';
export type { RootAccount, RootActivity } from '../entities/root-account/types.js';
export type { SecretMatch, SecretType } from '../entities/secret/types.js';
export type { SecurityGroup, SecurityGroupRule } from '../entities/security-group/types.js';
export type { TemplateParameterEntity } from '../entities/template-parameter/types.js';
export type { Trail, TrailDataEventSelector } from '../entities/trail/types.js';
export type { TrailSet } from '../entities/trail-set/types.js';
export type { EntityBase, EntitySource, SettingSource } from './entity.js';

/** Every entity kind a rule can select, by its `kind`. */
export interface EntityMap {
  Resource: ResourceEntity;
  SecurityGroup: SecurityGroup;
  Secret: SecretMatch;
  NetworkAcl: NetworkAcl;
  ElasticIp: ElasticIp;
  NatGateway: NatGateway;
  Trail: Trail;
  TrailSet: TrailSet;
  DbInstance: DbInstance;
  AzSpan: AzSpan;
  CacheReplicationGroup: CacheReplicationGroup;
  Instance: Instance;
  Policy: Policy;
  IamUser: IamUser;
  RootAccount: RootAccount;
  AccessKeyResource: AccessKeyResource;
  PasswordProperty: PasswordProperty;
  TemplateParameter: TemplateParameterEntity;
  DbCluster: DbCluster;
  BillingGuardrails: BillingGuardrails;
  IamGroup: IamGroup;
  IamRole: IamRole;
}

/** The name of an entity kind, such as `SecurityGroup`: what a rule's `entity` selects. */
export type EntityKind = keyof EntityMap;
/** Any entity a loader produces: the union of the `EntityMap` values. */
export type Entity = EntityMap[EntityKind];
