import { type EntityBase, formatUsd, type Lang, LOCALES, type LocalizedText } from '@mamori/core';

// Words rules build in code, in each output language. Each helper returns a `LocalizedText`: the
// message gets the scan's language, the fingerprint the English, so a baseline holds across languages.

// The phrases core's template resolution writes into `via`, in Japanese; others are shown as they are.
const JA_VIA: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^when condition (.+) is (true|false)$/, (m) => `条件 ${m[1]} が ${m[2]} の場合`],
  [/^default of parameter (.+)$/, (m) => `パラメータ ${m[1]} のデフォルト値`],
  [/^parameter (.+)$/, (m) => `パラメータ ${m[1]}`],
  [/^mapping (.+)$/, (m) => `マッピング ${m[1]}`],
  [/^CidrBlock of (.+)$/, (m) => `${m[1]} の CidrBlock`],
];

function viaPhrase(phrase: string, lang: Lang): string {
  if (lang === 'en') return phrase;
  for (const [pattern, text] of JA_VIA) {
    const m = phrase.match(pattern);
    if (m) return text(m);
  }
  return phrase;
}

/** ` (when condition IsDev is true)`, or nothing: appended to messages about values reached through parameters or conditions. */
export function viaText(via: readonly string[] | undefined): LocalizedText {
  return (lang) => (via && via.length > 0 ? ` (${via.map((v) => viaPhrase(v, lang)).join(lang === 'ja' ? '、' : ', ')})` : '');
}

/** The `via` of one field of an entity, falling back to the entity's own. */
export function fieldViaText(entity: EntityBase, field: string): LocalizedText {
  return viaText(entity.fieldVia?.[field] ?? entity.via);
}

/** `a, b and 2 more` (`a、b ほか 2 件`): the first `max` values, and how many more there are. */
export function moreText(values: readonly string[], max: number, wrap: (v: string) => string = (v) => v): LocalizedText {
  return (lang) => {
    const shown = values
      .slice(0, max)
      .map(wrap)
      .join(lang === 'ja' ? '、' : ', ');
    if (values.length <= max) return shown;
    return lang === 'ja' ? `${shown} ほか ${values.length - max} 件` : `${shown} and ${values.length - max} more`;
  };
}

/** `a, b and c` (`a、b、c`). */
export function andText(values: readonly string[]): LocalizedText {
  return (lang) => (lang === 'ja' || values.length < 2 ? values.join(lang === 'ja' ? '、' : ', ') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`);
}

/** An amount in US dollars, written as Intl writes dollars in the language's locale. */
export function usdText(n: number): LocalizedText {
  return (lang) => formatUsd(n, LOCALES[lang]);
}

/** Texts that differ only by language. */
export function texts(by: { readonly [L in Lang]: string }): LocalizedText {
  return (lang) => by[lang];
}
