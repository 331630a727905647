import path from 'node:path';
import { readTemplateFile } from '../files/read.js';
import type { Lang } from '../i18n/lang.js';
import type { Finding } from '../model/finding.js';
import { templateEdits } from './apply.js';
import { describeFix } from './describe.js';
import { fixText } from './texts.js';

/**
 * Gives each finding's fix the replacements that make it in its file as it is now, or the reason
 * they cannot be made. The file is read again, under the same rules as the scan (inside `roots`,
 * never through a link): the scan keeps no text.
 */
export function attachFixes(findings: readonly Finding[], root: string, roots: readonly string[] | undefined, lang: Lang = 'en'): void {
  const texts = new Map<string, string | undefined>();
  attachFixesIn(
    findings,
    (file) => {
      if (!texts.has(file)) texts.set(file, readTemplateFile(path.resolve(root, file), file, true, roots ? { roots } : {}).text);
      return texts.get(file);
    },
    lang,
  );
}

/** As `attachFixes`, with each file's text given by `textOf` (a text held in memory). */
export function attachFixesIn(findings: readonly Finding[], textOf: (file: string) => string | undefined, lang: Lang = 'en'): void {
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix) continue;
    const text = textOf(fix.file);
    if (text === undefined) {
      fix.unfixable = fixText(lang, 'unfixable.reread');
      continue;
    }
    try {
      const made = templateEdits(fix.file, text, fix.edits, lang);
      if ('unfixable' in made) fix.unfixable = made.unfixable;
      else {
        fix.replacements = made.replacements;
        // Made at the value's source (a parameter's default): described as made.
        if (made.edits) fix.description = describeFix({ edits: made.edits }, lang);
      }
    } catch (err) {
      // A fix is an extra: a failure leaves the finding without one, and the scan goes on.
      fix.unfixable = fixText(lang, 'unfixable.error', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
