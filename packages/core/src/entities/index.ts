import type { EntityKind } from '../model/entities.js';
import { accessKeyResource } from './access-key-resource/index.js';
import { azSpan } from './az-span/index.js';
import { billingGuardrails } from './billing-guardrails/index.js';
import { cacheReplicationGroup } from './cache-replication-group/index.js';
import { dbCluster } from './db-cluster/index.js';
import { dbInstance } from './db-instance/index.js';
import { elasticIp } from './elastic-ip/index.js';
import { iamGroup } from './iam-group/index.js';
import { iamRole } from './iam-role/index.js';
import { iamUser } from './iam-user/index.js';
import { instance } from './instance/index.js';
import { natGateway } from './nat-gateway/index.js';
import { networkAcl } from './network-acl/index.js';
import { passwordProperty } from './password-property/index.js';
import { policy } from './policy/index.js';
import { resource } from './resource/index.js';
import { rootAccount } from './root-account/index.js';
import { secret } from './secret/index.js';
import { securityGroup } from './security-group/index.js';
import type { EntitySlice } from './slice.js';
import { templateParameter } from './template-parameter/index.js';
import { trail } from './trail/index.js';
import { trailSet } from './trail-set/index.js';

/**
 * Every entity kind, once: the template loader runs the extractors, the snapshot loader the
 * mappers, in this order. A kind read from another (a database's security groups, a trail set's
 * trails) is best placed after it. The order of template extractors is not free: they share the
 * resolver's record of values not worked out in full, which keeps the first reason given for a
 * value (passwords come first, as they always have). Add a new kind at the end.
 */
export const ENTITY_SLICES: { readonly [K in EntityKind]: EntitySlice<K> } = {
  Resource: resource,
  PasswordProperty: passwordProperty,
  SecurityGroup: securityGroup,
  NetworkAcl: networkAcl,
  ElasticIp: elasticIp,
  NatGateway: natGateway,
  Trail: trail,
  TrailSet: trailSet,
  Instance: instance,
  Secret: secret,
  Policy: policy,
  IamUser: iamUser,
  RootAccount: rootAccount,
  AccessKeyResource: accessKeyResource,
  TemplateParameter: templateParameter,
  DbInstance: dbInstance,
  AzSpan: azSpan,
  CacheReplicationGroup: cacheReplicationGroup,
  DbCluster: dbCluster,
  BillingGuardrails: billingGuardrails,
  IamGroup: iamGroup,
  IamRole: iamRole,
};
