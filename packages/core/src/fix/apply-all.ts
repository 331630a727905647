import type { Lang } from '../i18n/lang.js';
import type { Finding } from '../model/finding.js';
import { applyReplacements, templateEdits } from './apply.js';
import { fixText } from './texts.js';
import type { TextReplacement } from './types.js';

/** The text with the findings' fixes made, how many were made, and those that could not be, with why. */
export interface FixedText {
  output: string;
  fixed: number;
  refused: { finding: Finding; reason: string }[];
}

function overlap(a: TextReplacement, b: TextReplacement): boolean {
  if (a.length === 0 && b.length === 0) return a.offset === b.offset;
  return a.offset < b.offset + Math.max(b.length, 1) && b.offset < a.offset + Math.max(a.length, 1);
}

function sameReplacement(a: TextReplacement, b: TextReplacement): boolean {
  return a.offset === b.offset && a.length === b.length && a.insertedContent === b.insertedContent;
}

const MAX_PASSES = 20;

/**
 * Makes the fixes of `findings` (those of one file, `file` naming it as they do) in `text`, as
 * `mamori fix` does. A file's findings are fixed in passes: each pass computes every finding's edits on the text as it is
 * (parsed once) and makes those that touch no part another already took; the same replacement
 * offered twice (one new parameter for many findings) is made once. What overlaps waits for the next
 * pass, on the text this one wrote.
 */
export function applyFindingFixes(file: string, text: string, findings: readonly Finding[], lang: Lang = 'en'): FixedText {
  let edited = text;
  let pending = findings.filter((f) => f.fix);
  let fixed = 0;
  const refused: FixedText['refused'] = [];
  for (let pass = 0; pending.length > 0 && pass < MAX_PASSES; pass++) {
    const taken: TextReplacement[] = [];
    const later: { finding: Finding; reason: string }[] = [];
    for (const finding of pending) {
      let made: ReturnType<typeof templateEdits>;
      try {
        made = templateEdits(file, edited, finding.fix?.edits ?? [], lang);
      } catch (err) {
        made = { unfixable: fixText(lang, 'unfixable.error', { error: err instanceof Error ? err.message : String(err) }) };
      }
      if ('unfixable' in made) {
        if (made.unfixable === fixText(lang, 'unfixable.tooMany')) later.push({ finding, reason: made.unfixable });
        else refused.push({ finding, reason: made.unfixable });
        continue;
      }
      if (made.replacements.length === 0) continue;
      const fresh = made.replacements.filter((r) => !taken.some((t) => sameReplacement(t, r)));
      if (fresh.some((r) => taken.some((t) => overlap(t, r)))) {
        later.push({ finding, reason: fixText(lang, 'unfixable.tooMany') });
        continue;
      }
      taken.push(...fresh);
      fixed++;
    }
    if (taken.length === 0 && later.length === pending.length) {
      refused.push(...later);
      return { output: edited, fixed, refused };
    }
    edited = applyReplacements(edited, taken);
    pending = later.map((l) => l.finding);
    if (pass === MAX_PASSES - 1) refused.push(...later);
  }
  return { output: edited, fixed, refused };
}
