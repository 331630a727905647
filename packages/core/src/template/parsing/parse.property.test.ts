import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcSettings, type Plain, toYaml } from '../../../../../test/property.js';
import { loadTemplate } from '../load.js';
import { toPlain } from './node.js';
import { MAX_DEPTH, parseText } from './parse.js';

const json = fc.jsonValue({ maxDepth: 5 }) as fc.Arbitrary<Plain>;

describe('parseText on any text', () => {
  it('never throws, and a problem is located inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), fc.constantFrom('yaml' as const, 'json' as const), (text, format) => {
        const out = parseText('t', text, format);
        if (out.ok) return;
        const lines = text.split('\n').length;
        expect(out.problem.line).toBeGreaterThanOrEqual(1);
        expect(out.problem.line).toBeLessThanOrEqual(lines);
        expect(out.problem.column).toBeGreaterThanOrEqual(1);
        expect(out.problem.message).not.toMatch(/\n/);
      }),
      fcSettings(500),
    );
  });

  it('reads back what JSON.stringify and the YAML writer wrote', () => {
    fc.assert(
      fc.property(json, fc.constantFrom('json', 'yaml'), fc.boolean(), (value, format, pretty) => {
        const text = format === 'json' ? JSON.stringify(value, null, pretty ? 2 : 0) : toYaml(value, false);
        const out = parseText('t', text, format === 'json' ? 'json' : 'yaml');
        expect(out.ok).toBe(true);
        // Compared as JSON text: -0 and 0 are one number to a template.
        if (out.ok) expect(JSON.stringify(out.root ? toPlain(out.root) : null)).toBe(JSON.stringify(value));
      }),
      fcSettings(300),
    );
  });

  it('names a repeated key and where it first appeared', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), json, { minKeys: 1, maxKeys: 4, noNullPrototype: true }), fc.nat(), (map, pick) => {
        const keys = Object.keys(map);
        const repeated = keys[pick % keys.length] as string;
        const body = keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(map[k])}`);
        const text = `{\n${[...body, `${JSON.stringify(repeated)}: 1`].join(',\n')}\n}`;
        const out = parseText('t.json', text, 'json');
        expect(out.ok).toBe(false);
        if (!out.ok) {
          expect(out.problem.line).toBe(keys.length + 2);
          expect(out.problem.message).toMatch(/^Duplicate key "/);
          expect(out.problem.message).toContain(`first at line ${keys.indexOf(repeated) + 2}, column 1`);
        }
      }),
      fcSettings(200),
    );
  });

  it('refuses nesting past the bound with a message, at any depth and in either syntax', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":', '- ', '{a: '), (depth, open) => {
        const close = open === '[' ? ']' : open.startsWith('{') ? '}' : '';
        const text = `${open.repeat(depth)}1${close.repeat(depth)}`;
        const format = open.includes('"') || open === '[' ? 'json' : 'yaml';
        const out = parseText('t', text, format);
        if (depth <= MAX_DEPTH - 1) expect(out.ok).toBe(true);
        else if (!out.ok) expect(out.problem.message).toMatch(/nests (deeper|too deeply)/);
      }),
      fcSettings(60),
    );
  });
});

describe('loadTemplate', () => {
  it('never throws, and gives either a template or notifications saying why not', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('t.yaml', 't.json', 't.template'), fc.boolean(), (text, file, explicit) => {
        const out = loadTemplate(file, `AWSTemplateFormatVersion: x\n${text}`, explicit);
        if (!out.template) expect(out.notifications.length).toBeGreaterThan(0);
      }),
      fcSettings(300),
    );
  });
});
