import type { SourceLocation } from '../../model/location.js';
import { AUTHORIZATION_PATH, authorizationDetails } from '../../snapshot/authorization-details.js';
import { type CredentialReportRow, credentialReport, reportBool, reportDate } from '../../snapshot/credential-report.js';
import type { ApiUser } from '../../snapshot/format.js';
import type { PathKey } from '../../snapshot/locator.js';
import { keyIdForDisplay } from '../../snapshot/redact.js';
import type { SnapshotInput } from '../slice.js';
import type { AccessKeyInfo, IamUser } from './types.js';

/**
 * Every `ListUsers` item, with what the credential
 * report, the key and MFA listings and the authorization details (older snapshots: the per-user
 * group and policy listings) say of it.
 */
export function iamUsersFromSnapshot(input: SnapshotInput): IamUser[] {
  const iam = input.snapshot.global.iam;
  const report = credentialReport(input);
  const rows = new Map((report?.rows ?? []).map((r) => [r.user ?? '', r]));
  const details = authorizationDetails(input);
  const detailIndex = new Map<string, number>();
  (details?.UserDetailList ?? []).forEach((u, k) => {
    if (!detailIndex.has(u.UserName)) detailIndex.set(u.UserName, k);
  });
  // Users come from ListUsers alone: when it fails, the user rules are not evaluated, and no user is claimed from elsewhere.
  const listed: { user: ApiUser; at: PathKey[] }[] = (iam?.ListUsers?.Users ?? []).map((user, i) => ({
    user,
    at: ['global', 'iam', 'ListUsers', 'Users', i, 'UserName'],
  }));
  return listed.map(({ user: u, at }, i) => {
    const userName = u.UserName ?? String(i);
    const arn = u.Arn ?? `arn:${input.partition}:iam::${input.account}:user/${userName}`;
    const row = rows.get(userName);
    const keysPath = ['global', 'iam', 'ListAccessKeys', userName];
    const listed = iam?.ListAccessKeys?.[userName];
    const accessKeys: AccessKeyInfo[] = listed
      ? (listed.AccessKeyMetadata ?? []).map((k, j) => {
          const keyId = k.AccessKeyId ?? '';
          const lastUse = iam?.GetAccessKeyLastUsed?.[keyId];
          const lastUsedAt = lastUse?.AccessKeyLastUsed?.LastUsedDate;
          return {
            id: keyIdForDisplay(keyId),
            active: k.Status === 'Active',
            ...(k.CreateDate ? { createdAt: k.CreateDate } : {}),
            ...(lastUsedAt ? { lastUsedAt } : {}),
            lastUsedKnown: lastUse !== undefined,
            location: input.loc.at([...keysPath, 'AccessKeyMetadata', j, 'AccessKeyId'], arn),
          };
        })
      : reportKeys(row, input.loc.at(report?.path ?? [], arn));
    const mfaDevices = iam?.ListMFADevices?.[userName]?.MFADevices;
    const mfaActive = reportBool(row?.mfa_active) ?? (mfaDevices ? mfaDevices.length > 0 : undefined);
    const consoleAccess = reportBool(row?.password_enabled);
    const passwordLastUsed = reportDate(row?.password_last_used) ?? u.PasswordLastUsed;
    // Each direct attachment is located at the list item that attaches it.
    const k = detailIndex.get(userName);
    const detail = k === undefined ? undefined : details?.UserDetailList?.[k];
    const detailPath = [...AUTHORIZATION_PATH, 'UserDetailList', k ?? 0];
    const attachedPath = details ? [...detailPath, 'AttachedManagedPolicies'] : ['global', 'iam', 'ListAttachedUserPolicies', userName, 'AttachedPolicies'];
    const attached = ((details ? detail?.AttachedManagedPolicies : iam?.ListAttachedUserPolicies?.[userName]?.AttachedPolicies) ?? []).map((p, k) => ({
      name: p.PolicyName ?? p.PolicyArn ?? '',
      type: 'managed' as const,
      location: input.loc.at([...attachedPath, k, p.PolicyArn !== undefined ? 'PolicyArn' : 'PolicyName'], arn),
    }));
    const inline = details
      ? (detail?.UserPolicyList ?? []).map((p, k) => ({
          name: p.PolicyName ?? `#${k + 1}`,
          type: 'inline' as const,
          location: input.loc.at([...detailPath, 'UserPolicyList', k, 'PolicyName'], arn),
        }))
      : (iam?.ListUserPolicies?.[userName]?.PolicyNames ?? []).map((name, k) => ({
          name,
          type: 'inline' as const,
          location: input.loc.at(['global', 'iam', 'ListUserPolicies', userName, 'PolicyNames', k], arn),
        }));
    const groups = details
      ? (detail?.GroupList ?? [])
      : (iam?.ListGroupsForUser?.[userName]?.Groups ?? []).map((g) => g.GroupName ?? '').filter((n) => n !== '');
    const boundary = detail?.PermissionsBoundary?.PermissionsBoundaryArn;
    const createdAt = u.CreateDate ?? reportDate(row?.user_creation_time);
    return {
      kind: 'IamUser',
      id: arn,
      ...input.base(undefined),
      location: input.loc.at(at, arn),
      displayName: userName,
      userName,
      arn,
      ...(createdAt ? { createdAt } : {}),
      groups,
      attachedPolicies: attached.map((p) => p.name),
      inlinePolicies: inline.map((p) => p.name),
      ...(consoleAccess !== undefined ? { consoleAccess } : {}),
      ...(passwordLastUsed ? { passwordLastUsed } : {}),
      ...(mfaActive !== undefined ? { mfaActive } : {}),
      accessKeys,
      ...(boundary ? { permissionsBoundary: boundary } : {}),
      ...(attached.length + inline.length > 0 ? { policyLocations: [...attached, ...inline] } : {}),
    };
  });
}

/** Access keys from the credential report's `access_key_N_*` columns, when the keys could not be listed. */
function reportKeys(row: CredentialReportRow | undefined, location: SourceLocation): AccessKeyInfo[] {
  if (!row) return [];
  const out: AccessKeyInfo[] = [];
  for (const n of [1, 2]) {
    const active = reportBool(row[`access_key_${n}_active`]);
    const rotated = reportDate(row[`access_key_${n}_last_rotated`]);
    if (active === undefined || (!active && !rotated)) continue;
    const lastUsedAt = reportDate(row[`access_key_${n}_last_used_date`]);
    out.push({
      id: `access key ${n}`,
      active,
      ...(rotated ? { createdAt: rotated } : {}),
      ...(lastUsedAt ? { lastUsedAt } : {}),
      lastUsedKnown: true,
      location,
    });
  }
  return out;
}
