import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EntityKind, placeholdersOf, ruleKinds } from '@mamori/core';
import { CALL_FEEDS } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';

/** Entity kinds an account snapshot gives. */
const SNAPSHOT_KINDS = new Set(Object.values(CALL_FEEDS).flatMap((feeds) => feeds.map((f) => f.split('.')[0] as EntityKind)));

/** Kana or kanji: the text is Japanese, not English left in place. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The code of a Markdown text: its fenced blocks and inline code spans, in order. */
function codeOf(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```[\s\S]*?```/g)].map((m) => m[0]);
  const spans = [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/`[^`]+`/g)].map((m) => m[0]);
  return [...blocks, ...spans.sort()];
}

const rulesDir = fileURLToPath(new URL('./rules', import.meta.url));
const docsDir = fileURLToPath(new URL('../../../docs/rules', import.meta.url));

describe('the rule catalog', () => {
  it('has one folder per rule, named as the rule', () => {
    const folders = readdirSync(rulesDir).sort();
    expect(rules.map((r) => r.name).sort()).toEqual(folders);
  });

  it('ids are unique, stable-shaped and listed in order', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^MAM\d{3}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  for (const rule of rules) {
    describe(rule.name, () => {
      it('has complete metadata', () => {
        expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(rule.title.length).toBeGreaterThan(10);
        expect(rule.description).toMatch(/\.$/);
        // Security rules rank on GitHub by security-severity; cost rules are not security alerts.
        if (rule.area === 'cost') expect(rule.securitySeverity).toBeUndefined();
        else {
          expect(rule.securitySeverity).toBeGreaterThanOrEqual(0);
          expect(rule.securitySeverity).toBeLessThanOrEqual(10);
        }
        expect(rule.tags.length).toBeGreaterThan(0);
        expect(rule.docs.risk.trim().length).toBeGreaterThan(50);
        expect(rule.docs.fix.trim().length).toBeGreaterThan(50);
      });

      it('documents every option, in English and Japanese, and gives it a default', () => {
        for (const [key, prop] of Object.entries(rule.optionsSchema?.properties ?? {})) {
          expect(prop.description, key).toMatch(/\.$/);
          expect(rule.defaultOptions, key).toHaveProperty(key);
          expect(rule.translations?.ja?.options?.[key], key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].*。$/);
        }
        expect(Object.keys(rule.translations?.ja?.options ?? {}).sort()).toEqual(Object.keys(rule.optionsSchema?.properties ?? {}).sort());
      });

      it('messages are full sentences with known placeholders', () => {
        for (const [id, text] of Object.entries(rule.messages)) {
          expect(text, id).toMatch(/\.$/);
          expect(text, id).toMatch(/^[A-Z]/);
        }
      });

      it('has a Japanese title and every message in Japanese, with the English placeholders', () => {
        const ja = rule.translations?.ja;
        expect(ja?.title, 'title').toMatch(JAPANESE);
        expect(Object.keys(ja?.messages ?? {}).sort()).toEqual(Object.keys(rule.messages).sort());
        for (const [id, text] of Object.entries(rule.messages)) {
          const translated = (ja?.messages as Record<string, string> | undefined)?.[id] ?? '';
          expect(translated, id).toMatch(JAPANESE);
          // A full sentence in Japanese ends with 。; property names, ids and code stay ASCII.
          expect(translated, id).toMatch(/。$/);
          expect(placeholdersOf(translated), id).toEqual(placeholdersOf(text));
          // Every placeholder once, as in English: a repeated one would show its value twice.
          expect(translated.match(/\{\{\w+\}\}/g)?.length ?? 0, id).toBe(text.match(/\{\{\w+\}\}/g)?.length ?? 0);
        }
      });

      it('has a Japanese description and docs, whose code is the English code', () => {
        const ja = rule.translations?.ja;
        expect(ja?.description, 'description').toMatch(JAPANESE);
        expect(ja?.description, 'description').toMatch(/。$/);
        for (const part of ['risk', 'fix'] as const) {
          const text = ja?.docs?.[part] ?? '';
          expect(text, part).toMatch(JAPANESE);
          // Prose is translated; templates, CLI commands, ids and property names stay as in English.
          expect(codeOf(text), part).toEqual(codeOf(rule.docs[part]));
        }
      });

      it("computes the Japanese docs' prices only when they are read, formatted for ja-JP", () => {
        const english = Object.getOwnPropertyDescriptor(rule.docs, 'risk');
        const japanese = Object.getOwnPropertyDescriptor(rule.translations?.ja?.docs ?? {}, 'risk');
        // Formatting money loads the locale data: a getter in English is a getter in Japanese.
        expect(typeof japanese?.get, 'risk is a getter').toBe(typeof english?.get);
        if (english?.get) expect(rule.translations?.ja?.docs?.risk).toMatch(/\$\d/);
      });

      it('has a docs page in English and one in Japanese, each linking to the other', () => {
        const english = readFileSync(path.join(docsDir, `${rule.name}.md`), 'utf8');
        const japanese = readFileSync(path.join(docsDir, 'ja', `${rule.name}.md`), 'utf8');
        expect(english).toContain(`](ja/${rule.name}.md)`);
        expect(japanese).toContain(`](../${rule.name}.md)`);
        expect(japanese).toContain(`# ${rule.name}: ${rule.translations?.ja?.title}\n`);
        expect(japanese).toMatch(/\n## リスク\n[\s\S]*\n## 修正方法\n[\s\S]*\n## メッセージ\n/);
      });

      it('has tests and good and bad fixtures beside it', () => {
        const dir = path.join(rulesDir, rule.name);
        expect(existsSync(path.join(dir, 'index.test.ts'))).toBe(true);
        const fixtures = readdirSync(path.join(dir, 'fixtures'));
        // Templates, account snapshots, or both: each kind the rule reads has a good and a bad fixture.
        const kinds = ['template', 'snapshot'].filter((k) => fixtures.some((f) => f.startsWith(`${k}.`)));
        expect(kinds.length).toBeGreaterThan(0);
        for (const k of kinds) {
          expect(fixtures.some((f) => f.startsWith(`${k}.valid.`))).toBe(true);
          expect(fixtures.some((f) => f.startsWith(`${k}.invalid.`))).toBe(true);
        }
        // A rule that reads what accounts give is tested on snapshots too.
        if (ruleKinds(rule).some((k) => SNAPSHOT_KINDS.has(k))) expect(kinds).toContain('snapshot');
      });
    });
  }
});
