import { describe, expect, it } from 'vitest';
import type { ElasticIp } from '../model/entities.js';
import { placeholdersOf, ruleDescription, ruleMessage, ruleTitle } from './localize.js';
import { defineRule } from './rule.js';
import { runRules } from './run.js';

const at = { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2 };
const eip: ElasticIp = { kind: 'ElasticIp', id: 'a', source: 'template', location: at, displayName: 'Addr', association: 'none' };

const rule = defineRule({
  id: 'MAM998',
  name: 'translated',
  title: 'Unused address',
  description: 'An address nothing uses.',
  severity: 'warning',
  area: 'cost',
  tags: [],
  compliance: {},
  covers: {},
  docs: { risk: 'r', fix: 'f' },
  messages: {
    translated: 'Address {{eip}} costs {{cost}}.',
    untranslated: 'Address {{eip}} is idle.',
    wrong: 'Address {{eip}} costs {{cost}}.',
  },
  translations: {
    ja: {
      title: '使われていないアドレス',
      messages: {
        translated: 'アドレス {{eip}} には {{cost}} かかります。',
        // Loses {{cost}}: the English text is shown rather than a message without its data.
        wrong: 'アドレス {{eip}} には {{price}} かかります。',
      },
    },
  },
  entity: 'ElasticIp',
  check(e, context) {
    for (const messageId of ['translated', 'untranslated', 'wrong'] as const) context.report({ messageId, data: { eip: e.displayName, cost: '$3.65' } });
  },
});

describe('rule texts in the chosen language', () => {
  it('a message is the translation with the same placeholders, else the English, message by message', () => {
    const ja = runRules([rule], [eip], new Map(), { lang: 'ja' }).findings.map((f) => f.message);
    expect(ja).toEqual(['アドレス Addr には $3.65 かかります。', 'Address Addr is idle.', 'Address Addr costs $3.65.']);
    const en = runRules([rule], [eip], new Map(), {}).findings.map((f) => f.message);
    expect(en).toEqual(['Address Addr costs $3.65.', 'Address Addr is idle.', 'Address Addr costs $3.65.']);
  });

  it('the fingerprint does not depend on the language, so a baseline holds across languages', () => {
    const ja = runRules([rule], [eip], new Map(), { lang: 'ja' }).findings.map((f) => f.fingerprint);
    const en = runRules([rule], [eip], new Map(), {}).findings.map((f) => f.fingerprint);
    expect(ja).toEqual(en);
  });

  it('title and description fall back to English one by one', () => {
    expect(ruleTitle(rule, 'ja')).toBe('使われていないアドレス');
    expect(ruleTitle(rule, 'en')).toBe('Unused address');
    expect(ruleDescription(rule, 'ja')).toBe('An address nothing uses.');
    expect(ruleMessage(rule, 'nope', 'ja')).toBeUndefined();
  });

  it('placeholdersOf lists names once, sorted, spaces inside the braces allowed', () => {
    expect(placeholdersOf('{{b}} {{ a }} {{b}}')).toEqual(['a', 'b']);
  });

  it('a translated message id the rule does not have fails the typecheck', () => {
    defineRule({
      ...rule,
      // @ts-expect-error "other" is not one of the rule's message ids
      translations: { ja: { messages: { other: 'x' } } },
    });
  });
});
