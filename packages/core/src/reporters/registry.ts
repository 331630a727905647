import { FORMATS, type Reporter, type ReportFormat } from './formats.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { fitSarif, toSarif } from './sarif.js';
import { toStylish } from './stylish.js';
import { jsonText } from './text.js';

export * from './formats.js';

/** Every report format, by the name `--format` and the Action's `format` input take, with its renderer. */
export const REPORTERS: { readonly [F in ReportFormat]: Reporter & (typeof FORMATS)[F] } = {
  stylish: {
    ...FORMATS.stylish,
    render: (result, options = {}) => ({ text: toStylish(result, options.color === undefined ? {} : { color: options.color }), leftOut: 0 }),
  },
  json: { ...FORMATS.json, render: (result) => ({ text: toJson(result), leftOut: 0 }) },
  sarif: {
    ...FORMATS.sarif,
    render: (result, options = {}) => {
      const max = options.sarifMaxResults ?? 25_000;
      // Every finding: a baseline is read back by mamori, not uploaded.
      if (max === 0) return { text: `${jsonText(JSON.stringify(toSarif(result), null, 2))}\n`, leftOut: 0 };
      const { text, results } = fitSarif(result, { maxResults: max });
      return { text, leftOut: result.findings.length - results };
    },
  },
  html: { ...FORMATS.html, render: (result) => ({ text: toHtml(result), leftOut: 0 }) },
};
