import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cfnArbitraries, fcSettings, type Plain, seedTemplates, vocabulary } from '../../../../../test/property.js';
import { type CfnNode, toPlain, walk } from '../parsing/node.js';
import { parseText } from '../parsing/parse.js';
import { buildTemplate } from '../template.js';
import type { Template } from '../types.js';
import { Resolver } from './resolve.js';

const seeds = seedTemplates();
const vocab = vocabulary(seeds, (text) => {
  const out = parseText('t', text, text.trimStart().startsWith('{') ? 'json' : 'yaml');
  return out.ok && out.root ? toPlain(out.root) : undefined;
});
const arb = cfnArbitraries(vocab);

function templateOf(value: Plain): Template | undefined {
  const out = parseText('t.json', JSON.stringify(value), 'json');
  if (!out.ok || out.root?.kind !== 'map') return undefined;
  return buildTemplate('t.json', JSON.stringify(value), out.index, out.root);
}

/** Whatever a template says, every question to the resolver ends, quickly, with a bounded answer. */
function answersEverything(template: Template, parameters?: Record<string, string>): void {
  const resolver = new Resolver(template, parameters ? { parameters } : {});
  const started = performance.now();
  for (const res of template.resources.values()) {
    walk(res.node, (node: CfnNode) => {
      const values = resolver.values(node);
      expect(values.length).toBeGreaterThan(0);
      expect(values.length).toBeLessThanOrEqual(256);
      for (const c of values) expect(c.via.every((v) => typeof v === 'string')).toBe(true);
      const branches = resolver.branches(node);
      expect(branches.length).toBeLessThanOrEqual(16);
      resolver.value(node);
    });
  }
  for (const e of template.conditions?.entries ?? []) expect([true, false, undefined]).toContain(resolver.condition(e.key));
  // Generous for a loaded machine: what matters is that it ends, where a naive evaluator would take years.
  expect(performance.now() - started).toBeLessThan(15_000);
}

describe('Resolver on any template', () => {
  it('values, branches and conditions never throw and stay bounded', () => {
    fc.assert(
      fc.property(
        arb.template,
        fc.dictionary(fc.constantFrom('Env', 'Cidr', 'Subnets'), fc.string({ maxLength: 8 }), { maxKeys: 2, noNullPrototype: true }),
        (value, parameters) => {
          const template = templateOf(value as Plain);
          if (template) answersEverything(template, parameters);
        },
      ),
      fcSettings(200),
    );
  });

  it('conditions that refer to each other in a ring or a fan are undecided, not an endless loop', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (n, fan, ring) => {
        const conditions: Record<string, Plain> = {};
        for (let i = 0; i < n; i++) {
          const next = ring ? `C${(i + 1) % n}` : `C${i + 1}`;
          conditions[`C${i}`] = { 'Fn::And': Array.from({ length: fan }, () => ({ Condition: next })) };
        }
        if (!ring) conditions[`C${n}`] = { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] };
        const template = templateOf({
          Conditions: conditions,
          Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Condition: 'C0', Properties: { GroupDescription: { 'Fn::If': ['C0', 'a', 'b'] } } } },
        });
        if (!template) throw new Error('template');
        answersEverything(template, { Env: 'prod' });
        expect(new Resolver(template, { parameters: { Env: 'prod' } }).condition('C0')).toBe(ring ? undefined : true);
      }),
      fcSettings(60),
    );
  });

  it('nested intrinsics that multiply alternatives are cut off, not exponential', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (depth) => {
        let node: Plain = { 'Fn::If': ['C', '0.0.0.0/0', '10.0.0.0/8'] };
        // Linear in text, exponential for a naive evaluator: each level asks for the level below once per index.
        for (let i = 0; i < depth; i++) node = { 'Fn::Select': [{ 'Fn::If': ['C', 0, 1] }, [node, { 'Fn::If': ['D', `a${i}`, 'b'] }]] };
        const template = templateOf({ Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { CidrIp: node } } } });
        if (!template) throw new Error('template');
        answersEverything(template);
      }),
      fcSettings(25),
    );
  });
});
