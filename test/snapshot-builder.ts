/** Small account snapshots for rule tests, in the format `mamori collect` writes. */

export const COLLECTED_AT = '2026-11-25T12:00:00.000Z';
export const ACCOUNT = '123456789012';

export interface SnapshotParts {
  collectedAt?: string;
  regions?: string[];
  iam?: Record<string, unknown>;
  s3?: Record<string, unknown>;
  budgets?: Record<string, unknown>;
  cloudwatch?: Record<string, unknown>;
  regional?: Record<string, Record<string, unknown>>;
  errors?: Record<string, unknown>[];
}

/** A snapshot document as pretty-printed JSON (two-space indent), as the collector writes it. */
export function snapshotJson(parts: SnapshotParts = {}): string {
  const regions = parts.regions ?? Object.keys(parts.regional ?? { 'eu-west-1': {} });
  const doc = {
    mamoriSnapshot: 1,
    accountId: ACCOUNT,
    partition: 'aws',
    collectedAt: parts.collectedAt ?? COLLECTED_AT,
    regions,
    global: {
      ...(parts.iam ? { iam: parts.iam } : {}),
      ...(parts.s3 ? { s3: parts.s3 } : {}),
      ...(parts.budgets ? { budgets: parts.budgets } : {}),
      ...(parts.cloudwatch ? { cloudwatch: parts.cloudwatch } : {}),
    },
    regional: Object.fromEntries(regions.map((r) => [r, parts.regional?.[r] ?? {}])),
    errors: parts.errors ?? [],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

type ReportRow = Partial<Record<(typeof REPORT_COLUMNS)[number], string>>;

/** The root row as AWS writes it for a root user that was never used, has MFA and no keys; override columns to taste. */
export function rootRow(overrides: ReportRow = {}): ReportRow {
  return {
    user: '<root_account>',
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    user_creation_time: '2019-03-01T09:00:00+00:00',
    password_enabled: 'not_supported',
    password_last_used: 'no_information',
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: 'true',
    access_key_1_active: 'false',
    access_key_2_active: 'false',
    ...overrides,
  };
}

/** A user row: console password off, MFA off, no keys; override columns to taste. */
export function userRow(name: string, overrides: ReportRow = {}): ReportRow {
  return {
    user: name,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    user_creation_time: '2024-01-10T09:00:00+00:00',
    password_enabled: 'false',
    mfa_active: 'false',
    access_key_1_active: 'false',
    access_key_2_active: 'false',
    ...overrides,
  };
}

/** The CSV text of a credential report (the collector stores it decoded); unset columns read `N/A`. */
export function credentialReport(rows: ReportRow[]): { Content: string; ReportFormat: 'text/csv'; GeneratedTime: string } {
  const lines = [REPORT_COLUMNS.join(','), ...rows.map((r) => REPORT_COLUMNS.map((c) => r[c] ?? 'N/A').join(','))];
  return { Content: `${lines.join('\n')}\n`, ReportFormat: 'text/csv', GeneratedTime: '2026-11-25T11:58:00+00:00' };
}

/** A summary map with the two root facts the rules read. */
export function accountSummary(root: { mfa: boolean; keys: boolean }): { SummaryMap: Record<string, number> } {
  return { SummaryMap: { Users: 2, AccountMFAEnabled: root.mfa ? 1 : 0, AccountAccessKeysPresent: root.keys ? 1 : 0 } };
}

/** A LookupEvents item for an event by root, with the full record as a JSON string as CloudTrail returns it. */
export function rootEvent(eventName: string, eventTime: string, options: { source?: string; invokedBy?: string; type?: string } = {}): Record<string, unknown> {
  const source = options.source ?? 'iam.amazonaws.com';
  const record = {
    eventVersion: '1.09',
    userIdentity: {
      type: options.type ?? 'Root',
      principalId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      accountId: ACCOUNT,
      ...(options.invokedBy ? { invokedBy: options.invokedBy } : {}),
    },
    eventTime: eventTime.replace('.000Z', 'Z'),
    eventSource: source,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.23',
    eventType: eventName === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
    recipientAccountId: ACCOUNT,
  };
  return {
    EventId: `e-${eventName}-${eventTime}`,
    EventName: eventName,
    EventTime: eventTime,
    EventSource: source,
    Username: 'root',
    CloudTrailEvent: JSON.stringify(record),
  };
}

/** An access key id made of parts, so no 20-character key literal sits in the sources. */
export function keyId(suffix: string): string {
  return ['AKIA', 'Z7QXW4LM2RTB', suffix].join('');
}

export interface KeySpec {
  id: string;
  status?: 'Active' | 'Inactive';
  created: string;
  /** A date, `null` for never used, or leave out when the last use was not read. */
  lastUsed?: string | null;
}

export interface UserSpec {
  name: string;
  keys?: KeySpec[];
  /** Leave out to have no ListAccessKeys answer for the user. */
  listKeys?: boolean;
  mfaDevices?: number;
}

/** IAM responses for users: ListUsers, and per user ListAccessKeys, GetAccessKeyLastUsed and ListMFADevices. */
export function iamUsers(users: UserSpec[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const listAccessKeys: Record<string, unknown> = {};
  const lastUsed: Record<string, unknown> = {};
  const mfa: Record<string, unknown> = {};
  for (const u of users) {
    if (u.listKeys !== false) {
      listAccessKeys[u.name] = {
        AccessKeyMetadata: (u.keys ?? []).map((k) => ({ UserName: u.name, AccessKeyId: k.id, Status: k.status ?? 'Active', CreateDate: k.created })),
      };
    }
    for (const k of u.keys ?? []) {
      if (k.lastUsed === undefined) continue;
      lastUsed[k.id] = {
        UserName: u.name,
        AccessKeyLastUsed: k.lastUsed === null ? { ServiceName: 'N/A', Region: 'N/A' } : { LastUsedDate: k.lastUsed, ServiceName: 's3', Region: 'eu-west-1' },
      };
    }
    if (u.mfaDevices !== undefined) {
      mfa[u.name] = {
        MFADevices: Array.from({ length: u.mfaDevices }, (_, i) => ({
          UserName: u.name,
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${u.name}-${i}`,
          EnableDate: '2025-01-01T00:00:00Z',
        })),
      };
    }
  }
  return {
    ListUsers: {
      Users: users.map((u) => ({
        Path: '/',
        UserName: u.name,
        UserId: `AIDA${u.name.toUpperCase().padEnd(17, 'X')}`,
        Arn: `arn:aws:iam::${ACCOUNT}:user/${u.name}`,
        CreateDate: '2024-01-10T09:00:00Z',
      })),
    },
    ListAccessKeys: listAccessKeys,
    GetAccessKeyLastUsed: lastUsed,
    ListMFADevices: mfa,
    ...extra,
  };
}

/** A snapshot of eu-west-1 with these DescribeDBInstances items, and `ec2` answers beside them (security groups). */
export function dbInstancesSnapshot(instances: Record<string, unknown>[], ec2?: Record<string, unknown>): string {
  return snapshotJson({ regional: { 'eu-west-1': { rds: { DescribeDBInstances: { DBInstances: instances } }, ...(ec2 ? { ec2 } : {}) } } });
}

/** Where a snapshot's DB instance is reported: its identifier in the DescribeDBInstances item. */
export const DB_INSTANCE = (i: number): (string | number)[] => [
  'regional',
  'eu-west-1',
  'rds',
  'DescribeDBInstances',
  'DBInstances',
  i,
  'DBInstanceIdentifier',
];

/** An account with these DB clusters (and their instances) in eu-west-1. */
export function dbClustersSnapshot(clusters: Record<string, unknown>[], instances: Record<string, unknown>[] = []): string {
  return snapshotJson({
    regional: { 'eu-west-1': { rds: { DescribeDBInstances: { DBInstances: instances }, DescribeDBClusters: { DBClusters: clusters } } } },
  });
}

/** Where a snapshot's DB cluster is reported: its identifier in the DescribeDBClusters item. */
export const DB_CLUSTER = (i: number): (string | number)[] => ['regional', 'eu-west-1', 'rds', 'DescribeDBClusters', 'DBClusters', i, 'DBClusterIdentifier'];
