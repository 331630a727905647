import type { RuleMeta } from '../engine/rule.js';
import type { FindingFix } from '../fix/types.js';
import { CATALOGS, type MessageKey, t, tn } from '../i18n/catalog.js';
import { type Lang, LOCALES } from '../i18n/lang.js';
import { activeFindings } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import { SEVERITIES, type Severity, severityRank } from '../model/severity.js';
import { formatUsd, PRICE_LIST } from '../pricing/prices.js';
import { ruleHelpUri, VERSION } from '../version.js';
import { summarize } from './summary.js';
import { printable } from './text.js';

/** Options of `toHtml`. */
export interface HtmlOptions {
  /** Page title. Defaults to `mamori report`. */
  title?: string;
}

interface Row {
  severity: Severity;
  ruleId: string;
  ruleName: string;
  area: RuleMeta['area'] | 'other';
  message: string;
  file: string;
  line: number;
  /** An account's finding: the region of what it is about. */
  region?: string;
  cost?: number;
  help: string;
  fix?: FindingFix;
}

const esc = (s: string): string => printable(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// The page's own style and script, allowed by their hashes: the policy lets nothing else run,
// load or be sent, so markup that slipped into a finding could do nothing.
const STYLE = `
:root { --err: #b42318; --warn: #b54708; --note: #175cd3; --ok: #067647; --line: #e4e7ec; --muted: #667085; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #101828; background: #f9fafb; }
header, main { max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.muted { color: var(--muted); font-size: 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 140px; }
.card .value { font-size: 24px; font-weight: 600; }
.card.error .value { color: var(--err); } .card.warning .value { color: var(--warn); } .card.note .value { color: var(--note); }
.card.waste .value { color: var(--warn); } .card.clean .value { color: var(--ok); }
.split { display: grid; grid-template-columns: 1fr 2fr; gap: 16px; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.loc { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
.sev { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.sev-error { background: var(--err); } .sev-warning { background: var(--warn); } .sev-note { background: var(--note); }
.filters { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin-bottom: 8px; }
.filters input[type=search] { padding: 6px 8px; min-width: 260px; border: 1px solid var(--line); border-radius: 6px; }
.note-error { color: var(--err); } .note-warning { color: var(--warn); }
.fix { margin-top: 6px; font-size: 12px; }
.fix pre { margin: 4px 0 0; padding: 6px 8px; background: #f2f4f7; border-radius: 6px; white-space: pre-wrap; word-break: break-all; font: 12px/1.4 ui-monospace, monospace; }
.fix .add { color: var(--ok); } .fix .del { color: var(--err); } .fix .at { color: var(--muted); } .fix.unfixable { color: var(--muted); }
#empty { display: none; padding: 16px; color: var(--muted); }
`;
const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const rows = [...document.querySelectorAll('#findings tbody tr')];
  const apply = () => {
    const levels = new Set([...form.querySelectorAll('input[name=severity]:checked')].map((i) => i.value));
    const area = form.elements.area.value;
    const q = form.elements.q.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok = levels.has(row.dataset.severity) && (!area || row.dataset.area === area) && (!q || row.textContent.toLowerCase().includes(q));
      row.hidden = !ok;
      if (ok) shown++;
    }
    const label = document.getElementById('shown');
    label.textContent = label.dataset.template.replace('{{count}}', shown);
    document.getElementById('empty').style.display = shown === 0 ? 'block' : 'none';
  };
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
})();
`;
const hash = (s: string): string => `'sha256-${process.getBuiltinModule('node:crypto').createHash('sha256').update(s).digest('base64')}'`;
// Worked out with the first report, not when the reporters are loaded: most scans write none.
let csp: string | undefined;
const contentSecurityPolicy = (): string => {
  csp ??= `default-src 'none'; script-src ${hash(SCRIPT)}; style-src ${hash(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return csp;
};
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A fix beside its finding: the replacements as a compact diff (only the new text is known here), or why there is none. */
function fixView(fix: FindingFix, lang: Lang): string {
  if (fix.unfixable !== undefined) return `<div class="fix unfixable">${esc(t(lang, 'html.unfixable', { reason: fix.unfixable }))}</div>`;
  if (!fix.replacements || fix.replacements.length === 0) return '';
  const hunks = fix.replacements.map((r) => {
    const at = `<span class="at">@@ ${esc(t(lang, 'html.fixAt', { line: r.startLine, column: r.startColumn }))} @@</span>`;
    const removed =
      r.length > 0
        ? `\n<span class="del">${esc(tn(lang, 'html.fixRemove', r.length, { start: `${r.startLine}:${r.startColumn}`, end: `${r.endLine}:${r.endColumn}` }))}</span>`
        : '';
    const added =
      r.insertedContent.length > 0
        ? r.insertedContent
            .split(/\r?\n/)
            .map((line) => `\n<span class="add">+ ${esc(line)}</span>`)
            .join('')
        : '';
    return at + removed + added;
  });
  return `<details class="fix"><summary>${esc(t(lang, 'html.fix', { description: fix.description }))}</summary><pre>${hunks.join('\n')}</pre></details>`;
}

/**
 * One self-contained HTML file: summary by severity, area and file, the estimated monthly waste of
 * cost findings, and a findings table with filters. No external assets, so it can be attached to
 * a build or mailed as is. The output depends only on the result (no timestamps).
 */
export function toHtml(result: ScanResult, options: HtmlOptions = {}): string {
  const lang = result.lang ?? 'en';
  const say = (key: MessageKey, data?: Readonly<Record<string, string | number>>): string => esc(t(lang, key, data));
  const money = (n: number): string => formatUsd(n, LOCALES[lang]);
  const meta = new Map(result.rules.map((r) => [r.id, r]));
  // Most severe first; within a level, the scan's file and line order.
  const ordered = activeFindings(result.findings).sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const rows: Row[] = ordered.map((f) => {
    const cost = f.properties?.estimatedMonthlyCostUsd;
    return {
      severity: f.severity,
      ruleId: f.ruleId,
      ruleName: f.ruleName,
      area: meta.get(f.ruleId)?.area ?? 'other',
      message: f.message,
      file: f.location.file,
      line: f.location.line,
      ...(f.entity.region ? { region: f.entity.region } : {}),
      ...(typeof cost === 'number' ? { cost } : {}),
      help: ruleHelpUri(f.ruleName, lang),
      ...(f.fix ? { fix: f.fix } : {}),
    };
  });
  // One pass over the rows: a filter per file would be quadratic in a scan of many files.
  const summary = summarize(result);
  const perArea = new Map<Row['area'], number>();
  const perFile = new Map<string, number>();
  for (const r of rows) {
    perArea.set(r.area, (perArea.get(r.area) ?? 0) + 1);
    perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1);
  }
  const { usd: waste, findings: costCount } = summary.waste;
  const count = (s: Severity): number => summary.levels[s];
  const byArea = [...perArea].sort(([a], [b]) => cmp(a, b));
  const areas = byArea.map(([a]) => a);
  const byFile = [...perFile].sort(([a], [b]) => cmp(a, b));
  const areaName = (a: Row['area']): string => t(lang, a === 'other' ? 'html.areaOther' : `area.${a}`);
  const level = (s: Severity): string => say(`html.severity.${s}`);
  const title = options.title ?? t(lang, 'html.title');

  const table = rows
    .map(
      (r) => `<tr data-severity="${r.severity}" data-area="${esc(r.area)}">
<td><span class="sev sev-${r.severity}">${level(r.severity)}</span></td>
<td><a href="${esc(r.help)}">${esc(r.ruleId)}</a><div class="muted">${esc(r.ruleName)}</div></td>
<td>${esc(r.message)}${r.fix ? fixView(r.fix, lang) : ''}</td>
<td class="loc">${esc(r.file)}:${r.line}${r.region ? `<div class="muted region">${esc(r.region)}</div>` : ''}</td>
<td class="num">${r.cost !== undefined ? money(r.cost) : ''}</td>
</tr>`,
    )
    .join('\n');
  const notes = result.notifications
    .map(
      (n) =>
        `<li class="note-${n.level}"><strong>${level(n.level)}</strong> ${esc(n.file ? `${n.file}${n.line ? `:${n.line}` : ''}: ` : '')}${esc(n.message)}</li>`,
    )
    .join('\n');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mamori ${esc(VERSION)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<div class="muted">mamori ${esc(VERSION)} · ${esc(tn(lang, 'html.filesScanned', result.files.length))} · ${say('html.rules', { count: result.rules.length })}</div>
</header>
<main>
<section class="cards" aria-label="${say('html.summary')}">
<div class="card ${rows.length === 0 ? 'clean' : ''}"><div class="muted">${say('html.findings')}</div><div class="value" id="total">${rows.length}</div></div>
${SEVERITIES.map((s) => `<div class="card ${s}"><div class="muted">${say(`html.level.${s}`)}</div><div class="value" id="count-${s}">${count(s)}</div></div>`).join('\n')}
<div class="card waste"><div class="muted">${say('html.waste')}</div><div class="value" id="waste">${money(waste)}</div><div class="muted">${esc(tn(lang, 'html.wasteBasis', costCount, { date: PRICE_LIST.date }))}</div></div>
${summary.failedInputs > 0 ? `<div class="card error"><div class="muted">${say('html.failedInputs')}</div><div class="value" id="failed">${summary.failedInputs}</div></div>` : ''}
</section>
<div class="split">
<section><h2>${say('html.byArea')}</h2><table id="by-area"><thead><tr><th>${say('html.area')}</th><th class="num">${say('html.findings')}</th></tr></thead><tbody>
${byArea.map(([a, n]) => `<tr><td>${esc(areaName(a))}</td><td class="num">${n}</td></tr>`).join('\n')}
</tbody></table></section>
<section><h2>${say('html.byFile')}</h2><table id="by-file"><thead><tr><th>${say('html.file')}</th><th class="num">${say('html.findings')}</th></tr></thead><tbody>
${byFile.map(([f, n]) => `<tr><td class="loc">${esc(f)}</td><td class="num">${n}</td></tr>`).join('\n')}
</tbody></table></section>
</div>
${byAccountSection(summary, say, money)}
<h2>${say('html.findings')}</h2>
<form class="filters" id="filters">
${SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${level(s)}</label>`).join('\n')}
<label>${say('html.area')} <select name="area"><option value="">${say('html.areaAll')}</option>${areas.map((a) => `<option value="${esc(a)}">${esc(areaName(a))}</option>`).join('')}</select></label>
<input type="search" name="q" placeholder="${say('html.filter')}" aria-label="${say('html.filter')}">
<span class="muted" id="shown" data-template="${esc(CATALOGS[lang]['html.shown'])}">${say('html.shown', { count: rows.length })}</span>
</form>
<table id="findings"><thead><tr><th>${say('html.col.level')}</th><th>${say('html.col.rule')}</th><th>${say('html.col.message')}</th><th>${say('html.col.location')}</th><th class="num">${say('html.col.cost')}</th></tr></thead>
<tbody>
${table}
</tbody></table>
<div id="empty">${say('html.empty')}</div>
${notes ? `<h2>${say('html.problems')}</h2><ul id="notifications">${notes}</ul>` : ''}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Several accounts scanned: a table of each account's findings by level and estimated waste. */
function byAccountSection({ accounts }: ReturnType<typeof summarize>, say: (key: MessageKey) => string, money: (n: number) => string): string {
  if (accounts.length < 2) return '';
  const rows = accounts.map(
    (a) =>
      `<tr><td class="loc">${esc(a.accountId)}${a.accountName ? ` <span class="muted">${esc(a.accountName)}</span>` : ''}</td><td class="num">${a.findings}</td>${SEVERITIES.map((s) => `<td class="num">${a.levels[s]}</td>`).join('')}<td class="num">${money(a.waste.usd)}</td><td class="num">${a.failedInputs}</td></tr>`,
  );
  return `<section><h2>${say('html.byAccount')}</h2><table id="by-account"><thead><tr><th>${say('html.col.account')}</th><th class="num">${say('html.findings')}</th>${SEVERITIES.map((s) => `<th class="num">${say(`html.level.${s}`)}</th>`).join('')}<th class="num">${say('html.col.waste')}</th><th class="num">${say('html.failedInputs')}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}
