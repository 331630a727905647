import type { Lang } from '../i18n/lang.js';
import type { Finding, Notification } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { PRICE_LIST } from '../pricing/prices.js';
import { VERSION } from '../version.js';
import { summarize } from './summary.js';
import { jsonText } from './text.js';

/** The document `toJson` writes: findings, notifications, the rules that ran and a summary. */
export interface JsonReport {
  tool: { name: 'mamori'; version: string };
  root: string;
  /** The language of the findings' messages when it is not English (`ja`). */
  lang?: Lang;
  files: string[];
  /** Counts of findings that count: not suppressed and, with a baseline, new. */
  summary: { findings: number; error: number; warning: number; note: number; suppressed: number; unchanged: number; failedInputs: number };
  /** The list prices cost findings are estimated with: their date (each finding's `costBasis` names the region's). */
  prices: { date: string; currency: 'USD' };
  /**
   * By account, when account snapshots were read: the account's counted findings, by level, and the
   * estimated monthly waste of its cost findings (USD).
   */
  accounts?: {
    accountId: string;
    accountName?: string;
    files: string[];
    findings: number;
    error: number;
    warning: number;
    note: number;
    estimatedMonthlyWasteUsd: number;
    costFindings: number;
    failedInputs: number;
  }[];
  findings: Finding[];
  notifications: Notification[];
}

/** Machine-readable report. Paths are relative to `root`; secrets appear only redacted. */
export function toJsonReport(result: ScanResult): JsonReport {
  const summary = summarize(result);
  return {
    tool: { name: 'mamori', version: VERSION },
    root: result.root,
    ...(result.lang ? { lang: result.lang } : {}),
    files: result.files,
    summary: {
      findings: summary.findings,
      ...summary.levels,
      suppressed: summary.suppressed,
      unchanged: summary.unchanged,
      failedInputs: summary.failedInputs,
    },
    prices: { date: PRICE_LIST.date, currency: PRICE_LIST.currency },
    ...(summary.accounts.length > 0
      ? {
          accounts: summary.accounts.map((a) => ({
            accountId: a.accountId,
            ...(a.accountName !== undefined ? { accountName: a.accountName } : {}),
            files: a.files,
            findings: a.findings,
            ...a.levels,
            // Cents: a sum of floating-point costs is not printed with its rounding noise.
            estimatedMonthlyWasteUsd: Math.round(a.waste.usd * 100) / 100,
            costFindings: a.waste.findings,
            failedInputs: a.failedInputs,
          })),
        }
      : {}),
    findings: result.findings,
    notifications: result.notifications,
  };
}

/** Renders a scan result as the JSON report (`JsonReport`), as text. */
export function toJson(result: ScanResult): string {
  return `${jsonText(JSON.stringify(toJsonReport(result), null, 2))}\n`;
}
