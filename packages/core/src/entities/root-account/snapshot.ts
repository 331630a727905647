import { credentialReport, ROOT_ROW_USER, reportBool, reportDate } from '../../snapshot/credential-report.js';
import type { SnapshotInput } from '../slice.js';
import type { RootAccount, RootActivity } from './types.js';

/** The account's root user, from the account summary, the credential report and the event history. */
export function rootAccountFromSnapshot(input: SnapshotInput): RootAccount[] {
  const iam = input.snapshot.global.iam;
  const report = credentialReport(input);
  const row = report?.rows.find((r) => r.user === ROOT_ROW_USER);
  const summary = iam?.GetAccountSummary?.SummaryMap;
  if (!row && !summary) return [];
  const arn = `arn:${input.partition}:iam::${input.account}:root`;
  // The account summary is live; the credential report can be up to four hours old.
  const mfaActive = summary?.AccountMFAEnabled !== undefined ? summary.AccountMFAEnabled === 1 : reportBool(row?.mfa_active);
  const keysFromReport =
    row && (reportBool(row.access_key_1_active) !== undefined || reportBool(row.access_key_2_active) !== undefined)
      ? reportBool(row.access_key_1_active) === true || reportBool(row.access_key_2_active) === true
      : undefined;
  const accessKeysPresent = summary?.AccountAccessKeysPresent !== undefined ? summary.AccountAccessKeysPresent === 1 : keysFromReport;
  const passwordLastUsed = reportDate(row?.password_last_used);
  const accessKeysLastUsed = [reportDate(row?.access_key_1_last_used_date), reportDate(row?.access_key_2_last_used_date)].filter(
    (d): d is string => d !== undefined,
  );
  const activity = rootActivity(input, arn);
  const location = report ? input.loc.at([...report.path, 'Content'], arn) : input.loc.at(['global', 'iam', 'GetAccountSummary'], arn);
  return [
    {
      kind: 'RootAccount',
      id: arn,
      ...input.base(undefined),
      location,
      displayName: `root user of account ${input.account}`,
      accountId: input.account,
      ...(mfaActive !== undefined ? { mfaActive } : {}),
      ...(accessKeysPresent !== undefined ? { accessKeysPresent } : {}),
      ...(passwordLastUsed ? { passwordLastUsed } : {}),
      accessKeysLastUsed,
      ...(activity ? { recentActivity: activity } : {}),
    },
  ];
}

/** Root's own actions in the event history of every region read; undefined when no region's history could be read. */
function rootActivity(input: SnapshotInput, arn: string): RootActivity[] | undefined {
  let read = false;
  const out: RootActivity[] = [];
  for (const [region, r] of input.regions()) {
    const events = r.cloudtrail?.LookupEvents?.Events;
    if (!events) continue;
    read = true;
    events.forEach((e, i) => {
      const record = parseEvent(e.CloudTrailEvent);
      const identity = record?.userIdentity as Record<string, unknown> | undefined;
      // CIS's root-use filter: root's own calls, not calls AWS services make on its behalf.
      if (record) {
        if (identity?.type !== 'Root' || identity.invokedBy !== undefined || record.eventType === 'AwsServiceEvent') return;
      } else if (e.Username !== 'root') return;
      const time = e.EventTime ?? (typeof record?.eventTime === 'string' ? record.eventTime : undefined);
      if (!time) return;
      out.push({
        time,
        eventName: e.EventName ?? String(record?.eventName ?? 'unknown'),
        ...(e.EventSource ? { eventSource: e.EventSource } : {}),
        region,
        location: input.loc.at(['regional', region, 'cloudtrail', 'LookupEvents', 'Events', i, 'EventName'], arn),
      });
    });
  }
  return read ? out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)) : undefined;
}

function parseEvent(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
