import type { ScanResult } from '../model/result.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { fitSarif, toSarif } from './sarif.js';
import { toStylish } from './stylish.js';
import { jsonText } from './text.js';

export { SEVERITIES, type Severity } from '../model/severity.js';

export interface RenderOptions {
  /** Colour the stylish report (default: what the terminal supports). */
  color?: boolean;
  /**
   * SARIF: at most this many results, the most severe, within GitHub code scanning's other limits
   * (10 MB compressed); 0 keeps every result and applies no limit. Default 25,000.
   */
  sarifMaxResults?: number;
}

export interface Rendered {
  text: string;
  /** Findings the report leaves out (SARIF kept to GitHub's limits); 0 for the other formats. */
  leftOut: number;
}

export interface Reporter {
  /** The file extension a report in this format is given, dot included. */
  extension: string;
  /** What the format is for, in a few words (help texts and docs). */
  description: string;
  render(result: ScanResult, options?: RenderOptions): Rendered;
}

/** Every report format, by the name `--format` and the Action's `format` input take. */
export const REPORTERS = {
  stylish: {
    extension: '.txt',
    description: 'findings grouped by file, for people',
    render: (result, options = {}) => ({ text: toStylish(result, options.color === undefined ? {} : { color: options.color }), leftOut: 0 }),
  },
  json: {
    extension: '.json',
    description: 'findings, notifications and a summary, for scripts',
    render: (result) => ({ text: toJson(result), leftOut: 0 }),
  },
  sarif: {
    extension: '.sarif',
    description: 'SARIF 2.1.0, for GitHub code scanning',
    render: (result, options = {}) => {
      const max = options.sarifMaxResults ?? 25_000;
      // Every finding: a baseline is read back by mamori, not uploaded.
      if (max === 0) return { text: `${jsonText(JSON.stringify(toSarif(result), null, 2))}\n`, leftOut: 0 };
      const { text, results } = fitSarif(result, { maxResults: max });
      return { text, leftOut: result.findings.length - results };
    },
  },
  html: {
    extension: '.html',
    description: 'one self-contained page with filters',
    render: (result) => ({ text: toHtml(result), leftOut: 0 }),
  },
} as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

/** The format names, in the order help texts list them. */
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}
