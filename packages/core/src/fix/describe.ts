import type { Lang } from '../i18n/lang.js';
import { fixText } from './texts.js';
import type { TemplateFix, TemplatePath, TemplateValue } from './types.js';

function pathWords(path: TemplatePath, lang: Lang): string {
  const [section, name, third, ...rest] = path;
  if (section === 'Resources' && typeof name === 'string' && third === 'Properties' && rest.length > 0) {
    return fixText(lang, 'path.property', { property: rest.join('.'), resource: name });
  }
  if (section === 'Parameters' && typeof name === 'string') {
    return third === undefined
      ? fixText(lang, 'path.newParameter', { parameter: name })
      : fixText(lang, 'path.parameter', { property: [third, ...rest].join('.'), parameter: name });
  }
  return path.join('.');
}

function valueWords(value: TemplateValue): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === 'Ref') return `Ref ${String(entries[0][1])}`;
  }
  return JSON.stringify(value);
}

/** What a fix does, in `lang`: the rule's sentence where it gives one, else each edit described. */
export function describeFix(fix: TemplateFix, lang: Lang): string {
  if (fix.description) return fix.description[lang as Exclude<Lang, 'en'>] ?? fix.description.en;
  return fix.edits
    .map((edit) =>
      edit.op === 'delete'
        ? fixText(lang, 'edit.delete', { path: pathWords(edit.path, lang) })
        : fixText(lang, edit.op === 'set' ? 'edit.set' : 'edit.add', { path: pathWords(edit.path, lang), value: valueWords(edit.value) }),
    )
    .join(lang === 'ja' ? '' : ' ');
}
