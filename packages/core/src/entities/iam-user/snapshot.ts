import type { SourceLocation } from '../../model/location.js';
import { type CredentialReportRow, credentialReport, reportBool, reportDate } from '../../snapshot/credential-report.js';
import { keyIdForDisplay } from '../../snapshot/redact.js';
import type { SnapshotInput } from '../slice.js';
import type { AccessKeyInfo, IamUser } from './types.js';

/** Every `ListUsers` item, with what the credential report and the key, MFA, group and policy listings say of it. */
export function iamUsersFromSnapshot(input: SnapshotInput): IamUser[] {
  const iam = input.snapshot.global.iam;
  const report = credentialReport(input);
  const rows = new Map((report?.rows ?? []).map((r) => [r.user ?? '', r]));
  return (iam?.ListUsers?.Users ?? []).map((u, i) => {
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
    const attachedPath = ['global', 'iam', 'ListAttachedUserPolicies', userName, 'AttachedPolicies'];
    const attached = (iam?.ListAttachedUserPolicies?.[userName]?.AttachedPolicies ?? []).map((p, k) => ({
      name: p.PolicyName ?? p.PolicyArn ?? '',
      type: 'managed' as const,
      location: input.loc.at([...attachedPath, k, p.PolicyArn !== undefined ? 'PolicyArn' : 'PolicyName'], arn),
    }));
    const inline = (iam?.ListUserPolicies?.[userName]?.PolicyNames ?? []).map((name, k) => ({
      name,
      type: 'inline' as const,
      location: input.loc.at(['global', 'iam', 'ListUserPolicies', userName, 'PolicyNames', k], arn),
    }));
    return {
      kind: 'IamUser',
      id: arn,
      ...input.base(undefined),
      location: input.loc.at(['global', 'iam', 'ListUsers', 'Users', i, 'UserName'], arn),
      displayName: userName,
      userName,
      arn,
      ...(u.CreateDate ? { createdAt: u.CreateDate } : {}),
      groups: (iam?.ListGroupsForUser?.[userName]?.Groups ?? []).map((g) => g.GroupName ?? '').filter((n) => n !== ''),
      attachedPolicies: attached.map((p) => p.name),
      inlinePolicies: inline.map((p) => p.name),
      ...(consoleAccess !== undefined ? { consoleAccess } : {}),
      ...(passwordLastUsed ? { passwordLastUsed } : {}),
      ...(mfaActive !== undefined ? { mfaActive } : {}),
      accessKeys,
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
