import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanText, type TemplateEdit } from '@mamori/core';
import { applyReplacements, templateEdits } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { expect, it } from 'vitest';
import { parseText } from '../packages/core/src/template/parsing/parse.js';

// Every template of the examples and of the rules' fixtures, with every fix its findings offer made
// in turn: the result parses, equals the original but at the paths the fixes edited, rescans without
// the fixed findings, and fixing again changes nothing.

const ROOT = path.join(import.meta.dirname, '..');

function templates(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ya?ml|json|template)$/.test(entry.name) && !/snapshot|findings|\.account\./.test(entry.name)) out.push(file);
    }
  };
  walk(path.join(ROOT, 'examples', 'templates'));
  for (const rule of readdirSync(path.join(ROOT, 'packages', 'rules', 'src', 'rules'))) {
    const fixtures = path.join(ROOT, 'packages', 'rules', 'src', 'rules', rule, 'fixtures');
    try {
      walk(fixtures);
    } catch {
      // A rule without fixtures.
    }
  }
  return out.sort();
}

function tree(file: string, text: string): unknown {
  const parsed = parseText(file, text, file.endsWith('.json') ? 'json' : 'yaml');
  if (!parsed.ok) return undefined;
  type Node = NonNullable<typeof parsed.root>;
  const plain = (node: Node): unknown =>
    node.kind === 'scalar' ? node.value : node.kind === 'seq' ? node.items.map(plain) : Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
  return parsed.root && plain(parsed.root);
}

function without(value: unknown, paths: readonly TemplateEdit['path'][]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  for (const p of paths) {
    const chain: Record<string | number, unknown>[] = [copy];
    for (const key of p.slice(0, -1)) {
      const next = chain[chain.length - 1]?.[key];
      if (typeof next !== 'object' || next === null) break;
      chain.push(next as Record<string | number, unknown>);
    }
    if (chain.length !== p.length) continue;
    delete chain[chain.length - 1]?.[p[p.length - 1] as string | number];
    // A section the fix made for its key (Parameters) is left out with it once empty.
    for (let i = chain.length - 1; i > 0; i--) {
      if (Object.keys(chain[i] as object).length > 0) break;
      delete chain[i - 1]?.[p[i - 1] as string | number];
    }
  }
  return copy;
}

async function fixAll(file: string, text: string) {
  const { findings } = await scanText({ file, text, rules });
  let edited = text;
  const edits: TemplateEdit[] = [];
  const fixed: { ruleId: string; entity: string }[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const made = templateEdits(file, edited, f.fix.edits);
    if ('unfixable' in made) continue;
    edits.push(...(made.edits ?? f.fix.edits));
    fixed.push({ ruleId: f.ruleId, entity: f.entity.id });
    edited = applyReplacements(edited, made.replacements);
  }
  return { text: edited, edits, fixed, found: findings.map((f) => ({ ruleId: f.ruleId, entity: f.entity.id })) };
}

it('fixes every repository template safely', async () => {
  const files = templates();
  expect(files.length).toBeGreaterThan(50);
  let fixedFiles = 0;
  for (const abs of files) {
    const file = path.relative(ROOT, abs);
    const text = readFileSync(abs, 'utf8');
    const before = tree(file, text);
    if (before === undefined) continue;
    const once = await fixAll(file, text);
    if (once.fixed.length === 0) {
      expect(once.text, file).toBe(text);
      continue;
    }
    fixedFiles++;
    const after = tree(file, once.text);
    expect(after, `${file} no longer parses`).toBeDefined();
    // Parents of added keys may be new themselves (a Parameters section): compare without every prefix's new key.
    expect(
      without(
        after,
        once.edits.map((e) => e.path),
      ),
      file,
    ).toEqual(
      without(
        before,
        once.edits.map((e) => e.path),
      ),
    );
    // Each finding fixed is gone: of a rule's findings on an entity, only those left unfixed remain.
    const rescan = await scanText({ file, text: once.text, rules });
    const count = (list: readonly { ruleId: string; entity: string }[]) => {
      const n = new Map<string, number>();
      for (const f of list) n.set(`${f.ruleId} ${f.entity}`, (n.get(`${f.ruleId} ${f.entity}`) ?? 0) + 1);
      return n;
    };
    const wasFound = count(once.found);
    const fixedNow = count(once.fixed);
    const remain = count(rescan.findings.map((f) => ({ ruleId: f.ruleId, entity: f.entity.id })));
    for (const [key, n] of fixedNow) expect(remain.get(key) ?? 0, `${file}: ${key}`).toBe((wasFound.get(key) ?? 0) - n);
    const twice = await fixAll(file, once.text);
    expect(twice.text, `${file} changed on a second fix`).toBe(once.text);
  }
  expect(fixedFiles).toBeGreaterThan(10);
}, 120_000);
