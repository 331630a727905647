import { activeFindings } from '../engine/baseline.js';
import type { Finding, Notification } from '../engine/finding.js';
import type { ScanResult } from '../scan.js';
import { VERSION } from '../version.js';
import { jsonText } from './text.js';

export interface JsonReport {
  tool: { name: 'mamori'; version: string };
  root: string;
  files: string[];
  /** Counts of findings that count: not suppressed and, with a baseline, new. */
  summary: { findings: number; error: number; warning: number; note: number; suppressed: number; unchanged: number; failedInputs: number };
  findings: Finding[];
  notifications: Notification[];
}

/** Machine-readable report. Paths are relative to `root`; secrets appear only redacted. */
export function toJsonReport(result: ScanResult): JsonReport {
  const active = activeFindings(result.findings);
  const by = (level: Finding['severity']): number => active.filter((f) => f.severity === level).length;
  return {
    tool: { name: 'mamori', version: VERSION },
    root: result.root,
    files: result.files,
    summary: {
      findings: active.length,
      error: by('error'),
      warning: by('warning'),
      note: by('note'),
      suppressed: result.findings.filter((f) => f.suppression).length,
      unchanged: result.findings.filter((f) => !f.suppression && f.baselineState === 'unchanged').length,
      failedInputs: result.notifications.filter((n) => n.level === 'error').length,
    },
    findings: result.findings,
    notifications: result.notifications,
  };
}

export function toJson(result: ScanResult): string {
  return `${jsonText(JSON.stringify(toJsonReport(result), null, 2))}\n`;
}
