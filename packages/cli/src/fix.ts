import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { applyFindingFixes, type Finding, type ScanResult } from '@mamori/core';
import { fixText, printable } from '@mamori/core/internal';
import { createTwoFilesPatch } from 'diff';
import type { CliIo } from './io.js';
import { say } from './messages.js';
import { prepareOutput } from './output.js';

/** What `mamori fix` did: files changed (or that would be, with --dry-run), fixes made, fixes refused with why. */
export interface FixOutcome {
  files: number;
  fixed: number;
  refused: { finding: Finding; reason: string }[];
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Applies the fixes of a scan's findings (not suppressed; only `rule`'s when given) to their files.
 * A file is changed only when it is inside one of the scanned `paths` (by its real path), is not a
 * link, and through `prepareOutput`'s checks; the edits are made again on the text read now.
 */
export async function applyFixes(
  result: ScanResult,
  paths: readonly string[],
  io: CliIo,
  options: { dryRun: boolean; rule?: string; diff?: (patch: string) => void },
): Promise<FixOutcome> {
  const wanted = result.findings.filter(
    (f) => f.fix && !f.suppression && (options.rule === undefined || f.ruleId === options.rule || f.ruleName === options.rule),
  );
  const byFile = new Map<string, Finding[]>();
  for (const f of wanted) byFile.set(f.location.file, [...(byFile.get(f.location.file) ?? []), f]);
  const lang = result.lang ?? 'en';
  const roots = await Promise.all(paths.map((p) => realpath(path.resolve(io.cwd, p)).catch(() => undefined)));
  const outcome: FixOutcome = { files: 0, fixed: 0, refused: [] };
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const abs = path.resolve(result.root, file);
    const refuse = (reason: string): void => {
      for (const finding of findings) outcome.refused.push({ finding, reason });
    };
    const stat = await lstat(abs).catch(() => undefined);
    if (!stat?.isFile()) {
      refuse(fixText(lang, stat?.isSymbolicLink() ? 'unfixable.link' : 'unfixable.notFile'));
      continue;
    }
    const real = await realpath(abs);
    const root = roots.find((r) => r !== undefined && isInside(real, r));
    if (root === undefined) {
      refuse(fixText(lang, 'unfixable.outside'));
      continue;
    }
    const raw = await readFile(abs, 'utf8');
    // The scanner reads past a byte order mark; it is written back as it was.
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const text = raw.slice(bom.length);
    const { output: edited, fixed, refused } = applyFindingFixes(file, text, findings, lang);
    outcome.refused.push(...refused);
    if (edited === text) continue;
    outcome.files++;
    outcome.fixed += fixed;
    if (options.dryRun) {
      // Without the leading `===` line: a diff `git apply` and `patch -p1` take as it is.
      const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, bom + text, bom + edited, undefined, undefined, { context: 3 })
        .split('\n')
        .slice(1)
        .join('\n');
      // A patch file is written as it is; on the terminal, the template's own lines are scanned content.
      if (options.diff) options.diff(patch);
      else io.stdout(terminalText(patch));
      continue;
    }
    const folder = (await lstat(root)).isDirectory() ? root : path.dirname(root);
    const target = await prepareOutput(real, { cwd: io.cwd, within: [folder] });
    await target.write(bom + edited);
  }
  return outcome;
}

/**
 * A diff for the terminal or a CI log: each line with its steering characters written out (an
 * escape sequence or a line break in a template cannot act), tabs and a CR before a line's end kept.
 */
export function terminalText(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      // Tabs stay: a JSON template indented with them is shown as it is.
      const shown = (text: string): string => text.split('\t').map(printable).join('\t');
      return line.endsWith('\r') ? `${shown(line.slice(0, -1))}\r` : shown(line);
    })
    .join('\n');
}

/** The rule `--rule` names, by id or name, among the scan's rules; undefined when none has it. */
export function knownRule(result: ScanResult, rule: string): boolean {
  return result.rules.some((r) => r.id === rule || r.name === rule);
}

/** The error for a `--rule` no rule answers to, in the scan's language. */
export function unknownRuleText(result: ScanResult, rule: string): string {
  return `mamori: ${fixText(result.lang ?? 'en', 'cli.unknownRule', { rule: printable(rule) })}\n`;
}

/** One line per refused fix and a summary, on standard error. */
export function reportFixes(outcome: FixOutcome, io: CliIo, dryRun: boolean, result: Pick<ScanResult, 'lang'>): void {
  const lang = result.lang ?? 'en';
  for (const { finding, reason } of outcome.refused) {
    const where = printable(`${finding.location.file}:${finding.location.line}:${finding.location.column}`);
    io.stderr(`mamori: ${fixText(lang, 'cli.notFixed', { where, rule: finding.ruleId, reason: printable(reason) })}\n`);
  }
  const counts = { fixed: outcome.fixed, files: outcome.files, left: outcome.refused.length };
  io.stderr(`mamori: ${fixText(lang, dryRun ? 'cli.wouldFix' : 'cli.fixed', counts)}\n`);
}
