import { describe, expect, it } from 'vitest';
import { localeLang, resolveLang } from './lang.js';

describe('localeLang', () => {
  it.each([
    ['ja_JP.UTF-8', 'ja'],
    ['ja_JP', 'ja'],
    ['ja', 'ja'],
    ['ja_JP.eucJP', 'ja'],
    ['ja_JP@euro', 'ja'],
    ['ja-JP', 'ja'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['C.UTF-8', 'en'],
    ['en_US.UTF-8', 'en'],
    ['de_DE.UTF-8', 'en'],
    // A language code that only starts with "ja" is another language (Javanese is jv; "jam" is Jamaican Creole).
    ['jam_JM', 'en'],
  ] as const)('%s -> %s', (locale, lang) => {
    expect(localeLang(locale)).toBe(lang);
  });
});

describe('resolveLang', () => {
  it('takes the option first, then the configuration, then the locale, then English', () => {
    const env = { LANG: 'ja_JP.UTF-8' };
    expect(resolveLang({ option: 'en', config: 'ja', env })).toBe('en');
    expect(resolveLang({ config: 'en', env })).toBe('en');
    expect(resolveLang({ config: 'ja', env: {} })).toBe('ja');
    expect(resolveLang({ env })).toBe('ja');
    expect(resolveLang({ env: {} })).toBe('en');
    expect(resolveLang({})).toBe('en');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG: the first one set decides, as gettext does', () => {
    expect(resolveLang({ env: { LC_ALL: 'C', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' } })).toBe('en');
    expect(resolveLang({ env: { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C' } })).toBe('ja');
    expect(resolveLang({ env: { LC_MESSAGES: 'POSIX', LANG: 'ja_JP.UTF-8' } })).toBe('en');
    // An empty variable is not set.
    expect(resolveLang({ env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'ja' } })).toBe('ja');
  });
});
