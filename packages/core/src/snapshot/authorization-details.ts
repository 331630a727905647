import type { SnapshotInput } from '../entities/slice.js';
import type { IamResponses } from './format.js';
import type { PathKey } from './locator.js';

/** Where the answer of IAM GetAccountAuthorizationDetails is in a snapshot. */
export const AUTHORIZATION_PATH: readonly PathKey[] = ['global', 'iam', 'GetAccountAuthorizationDetails'];

/** The account's users, groups, roles and customer managed policies, when the snapshot holds them (older snapshots hold per-user calls instead). */
export function authorizationDetails(input: SnapshotInput): NonNullable<IamResponses['GetAccountAuthorizationDetails']> | undefined {
  return input.snapshot.global.iam?.GetAccountAuthorizationDetails;
}

/** `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `ViewOnlyAccess`. */
export function policyNameOfArn(arn: string): string {
  const m = /:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1] ?? arn;
}

/** The AWS managed AdministratorAccess policy, in any partition. */
export const ADMINISTRATOR_ACCESS_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
