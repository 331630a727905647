import type { AnyRule } from '@mamori/core';
import accessKeySecretExposed from './rules/access-key-secret-exposed/index.js';
import hardcodedAwsCredentials from './rules/hardcoded-aws-credentials/index.js';
import iamPolicyAdminStar from './rules/iam-policy-admin-star/index.js';
import iamUserDirectPolicy from './rules/iam-user-direct-policy/index.js';
import literalPassword from './rules/literal-password/index.js';
import passwordParameterWithoutNoecho from './rules/password-parameter-without-noecho/index.js';
import worldOpenIngress from './rules/world-open-ingress/index.js';

/** The built-in catalog, in id order. */
export const rules: readonly AnyRule[] = [
  worldOpenIngress,
  iamPolicyAdminStar,
  iamUserDirectPolicy,
  accessKeySecretExposed,
  literalPassword,
  passwordParameterWithoutNoecho,
  hardcodedAwsCredentials,
];

export {
  accessKeySecretExposed,
  hardcodedAwsCredentials,
  iamPolicyAdminStar,
  iamUserDirectPolicy,
  literalPassword,
  passwordParameterWithoutNoecho,
  worldOpenIngress,
};
