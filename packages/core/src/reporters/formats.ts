import type { ScanResult } from '../model/result.js';

export { isLang, LANGS, type Lang, localeLang, resolveLang } from '../i18n/lang.js';
export { SEVERITIES, type Severity } from '../model/severity.js';

/**
 * The report formats' names and what each is for: light to load (no reporter is loaded with it), so
 * the command line can list them before any command runs. `REPORTERS` (registry.ts) adds the renderers.
 */
export const FORMATS = {
  stylish: { extension: '.txt', description: 'findings grouped by file, for people' },
  json: { extension: '.json', description: 'findings, notifications and a summary, for scripts' },
  sarif: { extension: '.sarif', description: 'SARIF 2.1.0, for GitHub code scanning' },
  html: { extension: '.html', description: 'one self-contained page with filters' },
} as const satisfies Record<string, { extension: string; description: string }>;

/** The name of a report format: `stylish`, `json`, `sarif` or `html`. */
export type ReportFormat = keyof typeof FORMATS;

/** The format names, in the order help texts list them. */
export const REPORT_FORMATS = Object.keys(FORMATS) as ReportFormat[];

/** Tells whether `name` is one of the report formats. */
export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(FORMATS, name);
}

/** Options of a `Reporter`. */
export interface RenderOptions {
  /** Colour the stylish report (default: what the terminal supports). */
  color?: boolean;
  /**
   * SARIF: at most this many results, the most severe, within GitHub code scanning's other limits
   * (10 MB compressed); 0 keeps every result and applies no limit. Default 25,000.
   */
  sarifMaxResults?: number;
}

/** A rendered report: its text and how many findings it leaves out. */
export interface Rendered {
  text: string;
  /** Findings the report leaves out (SARIF kept to GitHub's limits); 0 for the other formats. */
  leftOut: number;
}

/** Renders a scan result in one format. */
export interface Reporter {
  /** The file extension a report in this format is given, dot included. */
  extension: string;
  /** What the format is for, in a few words (help texts and docs). */
  description: string;
  render(result: ScanResult, options?: RenderOptions): Rendered;
}
