import type { AnyRule } from '@mamori/core';
import hardcodedAwsCredentials from './rules/hardcoded-aws-credentials/index.js';
import worldOpenIngress from './rules/world-open-ingress/index.js';

/** The built-in catalog, in id order. */
export const rules: readonly AnyRule[] = [worldOpenIngress, hardcodedAwsCredentials];

export { hardcodedAwsCredentials, worldOpenIngress };
