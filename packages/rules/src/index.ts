import type { AnyRule } from '@mamori/core';
import cloudtrailMissing from './rules/cloudtrail-missing/index.js';
import hardcodedAwsCredentials from './rules/hardcoded-aws-credentials/index.js';
import iamAccessKeyNotRotated from './rules/iam-access-key-not-rotated/index.js';
import iamAccessKeyUnused from './rules/iam-access-key-unused/index.js';
import iamConsoleUserWithoutMfa from './rules/iam-console-user-without-mfa/index.js';
import rootAccessKeys from './rules/root-access-keys/index.js';
import rootMfaDisabled from './rules/root-mfa-disabled/index.js';
import rootRecentlyUsed from './rules/root-recently-used/index.js';
import worldOpenIngress from './rules/world-open-ingress/index.js';

/** The built-in catalog, in id order. */
export const rules: readonly AnyRule[] = [
  worldOpenIngress,
  rootRecentlyUsed,
  rootAccessKeys,
  rootMfaDisabled,
  iamAccessKeyUnused,
  iamAccessKeyNotRotated,
  iamConsoleUserWithoutMfa,
  hardcodedAwsCredentials,
  cloudtrailMissing,
];

export {
  cloudtrailMissing,
  hardcodedAwsCredentials,
  iamAccessKeyNotRotated,
  iamAccessKeyUnused,
  iamConsoleUserWithoutMfa,
  rootAccessKeys,
  rootMfaDisabled,
  rootRecentlyUsed,
  worldOpenIngress,
};
