import pc from 'picocolors';
import { t, tn } from '../i18n/catalog.js';
import { type Lang, LOCALES } from '../i18n/lang.js';
import { activeFindings, type Finding, type Notification } from '../model/finding.js';
import type { ScanResult } from '../model/result.js';
import type { Severity } from '../model/severity.js';
import { formatUsd, PRICE_LIST } from '../pricing/prices.js';
import { summarize } from './summary.js';
import { printable } from './text.js';

/** Options of `toStylish`. */
export interface StylishOptions {
  /** Colour the output. Defaults to what `picocolors` detects (TTY, `NO_COLOR`, `FORCE_COLOR`). */
  color?: boolean;
}

interface Row {
  line: number;
  column: number;
  level: Severity;
  text: string;
  tail: string;
}

/** ESLint's "stylish" layout: findings grouped by file, one aligned row each, then a summary line. */
export function toStylish(result: ScanResult, options: StylishOptions = {}): string {
  const c = pc.createColors(options.color ?? pc.isColorSupported);
  const byFile = new Map<string, Row[]>();
  const add = (file: string, row: Row): void => {
    const rows = byFile.get(file);
    if (rows) rows.push(row);
    else byFile.set(file, [row]);
  };
  const active = activeFindings(result.findings);
  for (const f of active) add(f.location.file, findingRow(f, result.lang ?? 'en'));
  const general: Notification[] = [];
  for (const n of result.notifications) {
    if (n.file) add(n.file, { line: n.line ?? 0, column: n.column ?? 0, level: n.level, text: n.message, tail: n.ruleId ?? n.code });
    else general.push(n);
  }

  const label = (l: Severity): string => t(lang, `level.${l}`);
  const levelText = (l: Severity): string => (l === 'error' ? c.red : l === 'warning' ? c.yellow : c.blue)(label(l));
  const out: string[] = [];
  const summary = summarize(result);
  const lang = result.lang ?? 'en';
  // Several accounts: each snapshot's heading names its account, and each account gets its totals below.
  const byAccount = summary.accounts.length > 1;
  const accountOfFile = new Map((result.accounts ?? []).map((a) => [a.file, accountLabel(a.accountId, a.accountName)]));
  for (const file of [...byFile.keys()].sort()) {
    const rows = (byFile.get(file) ?? []).sort((a, b) => a.line - b.line || a.column - b.column);
    // A loop, not Math.max(...rows): spreading 150,000 rows into a call overflows the stack.
    let posWidth = 0;
    let levelWidth = 0;
    for (const r of rows) {
      posWidth = Math.max(posWidth, `${r.line}:${r.column}`.length);
      levelWidth = Math.max(levelWidth, columns(label(r.level)));
    }
    const account = byAccount ? accountOfFile.get(file) : undefined;
    out.push(`${c.underline(printable(file))}${account ? `  ${c.dim(t(lang, 'accounts.file', { account: printable(account) }))}` : ''}`);
    for (const r of rows) {
      const pos = `${r.line}:${r.column}`.padEnd(posWidth);
      const pad = ' '.repeat(levelWidth - columns(label(r.level)));
      out.push(`  ${c.dim(pos)}  ${levelText(r.level)}${pad}  ${printable(r.text)}  ${c.dim(printable(r.tail))}`);
    }
    out.push('');
  }
  for (const n of general) out.push(`${levelText(n.level)}  ${printable(n.message)}`);
  if (general.length > 0) out.push('');

  if (byAccount) {
    out.push(t(lang, 'accounts.heading'));
    const labels = summary.accounts.map((a) => printable(accountLabel(a.accountId, a.accountName)));
    const width = labels.reduce((w, l) => Math.max(w, l.length), 0);
    for (const [i, a] of summary.accounts.entries()) {
      const problems =
        a.findings > 0 ? (a.levels.error > 0 ? c.red : c.yellow)(tn(lang, 'summary.problems', a.findings)) : c.green(t(lang, 'summary.noProblems'));
      let line = `  ${(labels[i] ?? '').padEnd(width)}  ${t(lang, 'accounts.line', {
        problems,
        errors: tn(lang, 'summary.errors', a.levels.error),
        warnings: tn(lang, 'summary.warnings', a.levels.warning),
        notes: tn(lang, 'summary.notes', a.levels.note),
      })}`;
      if (a.waste.findings > 0) line += c.yellow(t(lang, 'accounts.waste', { usd: formatUsd(a.waste.usd, LOCALES[lang]) }));
      if (a.failedInputs > 0) line += c.red(tn(lang, 'accounts.failed', a.failedInputs));
      out.push(line);
    }
    out.push('');
  }
  const { error: errors, warning: warnings, note: notes } = summary.levels;
  const { findings: total, failedFiles, snapshots, templates } = summary;
  const templatesText = tn(lang, 'summary.templates', templates);
  const scanned =
    snapshots === 0
      ? t(lang, 'summary.scanned.templates', { templates: templatesText })
      : t(lang, 'summary.scanned.both', { templates: templatesText, snapshots: tn(lang, 'summary.snapshots', snapshots) });
  const failed = tn(lang, 'summary.failed', failedFiles);
  let line: string;
  if (total === 0 && failedFiles > 0) {
    // Never a green tick when part of the input was not looked at.
    line = t(lang, 'summary.failedOnly', {
      failed: c.bold(c.red(`✖ ${failed}`)),
      rest: result.files.length === 0 ? t(lang, 'summary.noTemplateScanned') : t(lang, 'summary.noProblemsInOthers', { scanned }),
    });
  } else {
    // A scan that read nothing gets no green tick: its warning says why.
    const problems =
      total > 0
        ? c.bold((errors > 0 ? c.red : c.yellow)(tn(lang, 'summary.problems', total)))
        : summary.nothingScanned
          ? c.bold(c.yellow(t(lang, 'summary.nothingScanned')))
          : c.green(t(lang, 'summary.noProblems'));
    line = t(lang, 'summary.line', {
      problems,
      errors: tn(lang, 'summary.errors', errors),
      warnings: tn(lang, 'summary.warnings', warnings),
      notes: tn(lang, 'summary.notes', notes),
      scanned,
    });
    if (failedFiles > 0) line += c.red(t(lang, 'summary.alsoFailed', { failed }));
  }
  if (summary.suppressed > 0) line += t(lang, 'summary.suppressed', { count: summary.suppressed });
  if (summary.unchanged > 0) line += t(lang, 'summary.unchanged', { count: summary.unchanged });
  out.push(line);
  const { usd, findings: costly } = summary.waste;
  if (costly > 0) {
    out.push(c.yellow(tn(lang, 'summary.waste', costly, { usd: formatUsd(usd, LOCALES[lang]), date: PRICE_LIST.date })));
  }
  // As ESLint's "potentially fixable": a fix may still be refused when it is made (a value through a mapping).
  const fixable = active.filter((f) => f.fix && !f.fix.unfixable).length;
  if (fixable > 0) out.push(tn(lang, 'summary.fixable', fixable));
  return `${out.join('\n')}\n`;
}

/** An account's finding leads with the region of what it is about; a template's is as it was. */
function findingRow(f: Finding, lang: Lang): Row {
  let text = f.entity.region ? `[${f.entity.region}] ${f.message}` : f.message;
  // A placed finding's message names its stack already.
  if (f.entity.stack && !f.placement) text += t(lang, 'stylish.stack', { stack: f.entity.stack.name, logicalId: f.entity.stack.logicalId });
  return { line: f.location.line, column: f.location.column, level: f.severity, text, tail: `${f.ruleId} ${f.ruleName}` };
}

/** `222222222222 (prod)`: the account id, and its name in the organisation when known. */
export function accountLabel(accountId: string, accountName: string | undefined): string {
  return accountName ? `${accountId} (${accountName})` : accountId;
}

/** Terminal columns of a label: a full-width (Japanese) character takes two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
