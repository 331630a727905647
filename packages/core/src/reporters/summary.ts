import { activeFindings } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { levelCounts, type Severity } from '../model/severity.js';

/** The counts every report and the Action's summary state, computed in one place. */
export interface ScanSummary {
  /** Findings that count: not suppressed and, with a baseline, new. */
  findings: number;
  /** Those by level. */
  levels: Record<Severity, number>;
  suppressed: number;
  /** Not suppressed, and already in the baseline. */
  unchanged: number;
  /** Error notifications: inputs that could not be scanned, rules that failed. */
  failedInputs: number;
  /** The files those name; the ones that name no file count as one. */
  failedFiles: number;
  /** Warning notifications: things about the scan worth a look (a call not made, a circular dependency). */
  scanWarnings: number;
  /** Templates and account snapshots read. */
  files: number;
  snapshots: number;
  templates: number;
  /** Estimated monthly cost of the counted findings that carry one, in USD, and how many they are. */
  waste: { usd: number; findings: number };
  /** Nothing was read: a clean result would mean nothing (the `nothing-scanned` warning says why). */
  nothingScanned: boolean;
  /** By account, when snapshots were read: the counted findings of its snapshots, by account id. */
  accounts: AccountSummary[];
}

/** The counts of one account's snapshots (usually one file; an account collected in parts gives several). */
export interface AccountSummary {
  /** The twelve-digit account id. */
  accountId: string;
  /** Its name in the organisation, when a snapshot gives it. */
  accountName?: string;
  /** Its snapshot files. */
  files: string[];
  /** Its findings that count: not suppressed and, with a baseline, new. */
  findings: number;
  /** Those by level. */
  levels: Record<Severity, number>;
  /** Estimated monthly cost of its counted findings that carry one, in USD, and how many they are. */
  waste: { usd: number; findings: number };
  /** Error notifications about its files (a snapshot that could not be read in full). */
  failedInputs: number;
}

/** Counts what a result holds (findings by level, suppressed and unchanged ones, failed inputs, files, waste): the counts every report and the Action show. */
export function summarize(result: ScanResult): ScanSummary {
  const levels = levelCounts();
  let findings = 0;
  let usd = 0;
  let costly = 0;
  const accounts = new Map<string, AccountSummary>();
  const accountOf = new Map<string, AccountSummary>();
  for (const a of result.accounts ?? []) {
    const sum = accounts.get(a.accountId) ?? {
      accountId: a.accountId,
      files: [],
      findings: 0,
      levels: levelCounts(),
      waste: { usd: 0, findings: 0 },
      failedInputs: 0,
    };
    if (a.accountName !== undefined && sum.accountName === undefined) sum.accountName = a.accountName;
    sum.files.push(a.file);
    accounts.set(a.accountId, sum);
    accountOf.set(a.file, sum);
  }
  for (const f of activeFindings(result.findings)) {
    findings++;
    levels[f.severity]++;
    const cost = f.properties?.estimatedMonthlyCostUsd;
    if (typeof cost === 'number') {
      usd += cost;
      costly++;
    }
    const account = accountOf.get(f.placement?.live.file ?? f.location.file);
    if (account) {
      account.findings++;
      account.levels[f.severity]++;
      if (typeof cost === 'number') {
        account.waste.usd += cost;
        account.waste.findings++;
      }
    }
  }
  let suppressed = 0;
  let unchanged = 0;
  for (const f of result.findings) {
    if (f.suppression) suppressed++;
    else if (f.baselineState === 'unchanged') unchanged++;
  }
  const failed = result.notifications.filter((n) => n.level === 'error');
  for (const n of failed) {
    const account = n.file === undefined ? undefined : accountOf.get(n.file);
    if (account) account.failedInputs++;
  }
  const snapshots = result.snapshots?.length ?? 0;
  return {
    findings,
    levels,
    suppressed,
    unchanged,
    failedInputs: failed.length,
    failedFiles: new Set(failed.map((n) => n.file ?? '')).size,
    scanWarnings: result.notifications.filter((n) => n.level === 'warning').length,
    files: result.files.length,
    snapshots,
    templates: result.files.length - snapshots,
    waste: { usd, findings: costly },
    nothingScanned: result.notifications.some((n) => n.code === 'nothing-scanned'),
    accounts: [...accounts.values()].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0)),
  };
}
