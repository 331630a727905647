import type { Lang } from '../i18n/lang.js';
import type { RuleMeta, RuleTranslation } from './rule.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The names of a text's `{{placeholders}}`, sorted and without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

function samePlaceholders(a: string, b: string): boolean {
  return placeholdersOf(a).join('\u0000') === placeholdersOf(b).join('\u0000');
}

/** A rule's texts in `lang`, if it has any. */
export function ruleTranslation(meta: Pick<RuleMeta, 'translations'>, lang: Lang): RuleTranslation | undefined {
  return lang === 'en' ? undefined : meta.translations?.[lang];
}

// Checked once per rule and message: a large account reports the same message tens of thousands of times.
const checked = new WeakMap<object, Map<string, string | undefined>>();

/**
 * The template of message `id` in `lang`: the translation when the rule has one with the English
 * text's placeholders, else the English text (undefined when the rule has no such message).
 */
export function ruleMessage(meta: Pick<RuleMeta, 'messages' | 'translations'>, id: string, lang: Lang): string | undefined {
  const english = Object.hasOwn(meta.messages, id) ? meta.messages[id] : undefined;
  const messages = ruleTranslation(meta, lang)?.messages;
  if (english === undefined || !messages) return english;
  let byId = checked.get(messages);
  if (!byId) {
    byId = new Map();
    checked.set(messages, byId);
  }
  if (byId.has(id)) return byId.get(id) ?? english;
  const translated = Object.hasOwn(messages, id) ? messages[id] : undefined;
  const usable = typeof translated === 'string' && samePlaceholders(translated, english) ? translated : undefined;
  byId.set(id, usable);
  return usable ?? english;
}

/** A rule's title in `lang`, else in English. */
export function ruleTitle(meta: Pick<RuleMeta, 'title' | 'translations'>, lang: Lang): string {
  return ruleTranslation(meta, lang)?.title ?? meta.title;
}

/** A rule's description in `lang`, else in English. */
export function ruleDescription(meta: Pick<RuleMeta, 'description' | 'translations'>, lang: Lang): string {
  return ruleTranslation(meta, lang)?.description ?? meta.description;
}
