import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../engine/localize.js';
import { CATALOGS, type MessageKey, type Placeholders, type TranslationOf, t, tn } from './catalog.js';

// The same signature as the catalog's own: what the typecheck refuses is shown here by @ts-expect-error.
function translation<const T extends Record<string, string>>(catalog: T & TranslationOf<typeof EN, T>): T {
  return catalog;
}
const EN = { greet: 'Hello {{name}}', count: '{{n}} files in {{dir}}' } as const;

describe('the message catalogs', () => {
  it('give every language the English keys, each text with the English placeholders', () => {
    const keys = Object.keys(CATALOGS.en).sort();
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      expect(Object.keys(catalog).sort(), lang).toEqual(keys);
      for (const key of keys as MessageKey[]) expect(placeholdersOf(catalog[key]), `${lang} ${key}`).toEqual(placeholdersOf(CATALOGS.en[key]));
    }
  });

  it('are typed so that a missing or extra key or other placeholders fail the typecheck', () => {
    const ok = translation({ greet: 'こんにちは {{name}}', count: '{{dir}} のファイル {{n}} 件' });
    expect(ok.greet).toBe('こんにちは {{name}}');
    // @ts-expect-error a key is missing
    translation({ greet: 'こんにちは {{name}}' });
    // @ts-expect-error a key English does not have
    translation({ greet: 'こんにちは {{name}}', count: '{{dir}} {{n}}', extra: 'x' });
    // @ts-expect-error a placeholder is misspelt
    translation({ greet: 'こんにちは {{nmae}}', count: '{{dir}} {{n}}' });
    // @ts-expect-error a placeholder is left out
    translation({ greet: 'こんにちは', count: '{{dir}} {{n}}' });
    const names: Placeholders<'{{a}} and {{b}} and {{a}}'>[] = ['a', 'b'];
    expect(names).toEqual(['a', 'b']);
  });

  it('fill in placeholders and choose the plural form of each language', () => {
    expect(tn('en', 'summary.problems', 1)).toBe('✖ 1 problem');
    expect(tn('en', 'summary.problems', 0)).toBe('✖ 0 problems');
    expect(tn('en', 'summary.problems', 2)).toBe('✖ 2 problems');
    expect(tn('ja', 'summary.problems', 1)).toBe('✖ 1 件の問題');
    expect(t('ja', 'summary.scanned.templates', { templates: tn('ja', 'summary.templates', 3) })).toBe('テンプレート 3 件をスキャンしました');
    // A placeholder without data is left as written, as rule messages do.
    expect(t('en', 'summary.line', {})).toBe('{{problems}} ({{errors}}, {{warnings}}, {{notes}}) in {{scanned}}');
  });
});

describe('notifications in Japanese', () => {
  it('say what their kind means in Japanese before their own text, and English is left as it is', async () => {
    const { scanText } = await import('../scan.js');
    const text = 'Resources:\n  A: [unclosed\n';
    const en = await scanText({ file: 't.yaml', text, rules: [] });
    const ja = await scanText({ file: 't.yaml', text, rules: [], lang: 'ja' });
    const error = en.notifications.find((n) => n.code === 'parse-error');
    expect(error?.message).toBeDefined();
    expect(ja.notifications.find((n) => n.code === 'parse-error')?.message).toBe(`解析できません: ${error?.message}`);
  });
});
