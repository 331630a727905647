import { describe, expect, it } from 'vitest';
import type { ElasticIp, IamUser } from '../model/entities.js';
import { defineRule } from './rule.js';
import { runRules } from './run.js';

const at = { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2 };
const eip = (over: Partial<ElasticIp>): ElasticIp => ({
  kind: 'ElasticIp',
  id: 'a',
  source: 'template',
  location: at,
  displayName: 'A',
  association: 'none',
  ...over,
});

// Reports the region it is given, as cost rules price with it.
const rule = (volatile?: string[]) =>
  defineRule({
    id: 'MAM999',
    name: 'test-rule',
    title: 't',
    description: 'd',
    severity: 'warning',
    area: 'cost',
    tags: [],
    compliance: {},
    covers: {},
    docs: { risk: 'r', fix: 'f' },
    messages: { m: '{{name}} costs {{cost}} ({{prices}} prices).' },
    entity: 'ElasticIp',
    check(e, context) {
      const region = e.region ?? context.region;
      context.report({
        messageId: 'm',
        data: { name: e.displayName, cost: region === 'us-east-1' ? '$3.65' : '$4.00', prices: region },
        ...(volatile ? { volatile } : {}),
      });
    },
  });

describe('running rules', () => {
  it("gives rules the scan's region for entities that have none, us-east-1 by default", () => {
    expect(runRules([rule()], [eip({})]).findings[0]?.message).toBe('A costs $3.65 (us-east-1 prices).');
    expect(runRules([rule()], [eip({})], new Map(), { region: 'ap-northeast-1' }).findings[0]?.message).toBe('A costs $4.00 (ap-northeast-1 prices).');
    // An account's entity keeps its own.
    expect(runRules([rule()], [eip({ source: 'snapshot', region: 'eu-west-1' })], new Map(), { region: 'ap-northeast-1' }).findings[0]?.message).toBe(
      'A costs $4.00 (eu-west-1 prices).',
    );
  });

  it("records the region of an account's finding, never a template's", () => {
    expect(runRules([rule()], [eip({ source: 'snapshot', region: 'eu-west-1' })]).findings[0]?.entity.region).toBe('eu-west-1');
    expect(runRules([rule()], [eip({ region: 'eu-west-1' })]).findings[0]?.entity).not.toHaveProperty('region');
  });

  it('leaves volatile data out of the fingerprint: the same finding at other prices keeps it', () => {
    const fp = (volatile: string[] | undefined, region: string) => runRules([rule(volatile)], [eip({})], new Map(), { region }).findings[0]?.fingerprint;
    expect(fp(['cost', 'prices'], 'us-east-1')).toBe(fp(['cost', 'prices'], 'ap-northeast-1'));
    expect(fp(undefined, 'us-east-1')).not.toBe(fp(undefined, 'ap-northeast-1'));
  });
});

const user: IamUser = {
  kind: 'IamUser',
  id: 'u',
  source: 'template',
  location: { file: 't.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 },
  displayName: 'u',
  userName: 'u',
  groups: [],
  attachedPolicies: [],
  inlinePolicies: [],
  accessKeys: [],
};

function ruleAt(severity: 'error' | 'warning' | 'note', level: 'error' | 'warning' | 'note' | undefined) {
  return defineRule({
    id: 'TEST1',
    name: 'test-level',
    title: 't',
    description: 'd',
    severity,
    area: 'identity',
    tags: [],
    compliance: {},
    covers: {},
    docs: { risk: 'r', fix: 'f' },
    messages: { m: 'message' },
    entity: 'IamUser',
    check(_u, context) {
      context.report({ messageId: 'm', ...(level ? { level } : {}) });
    },
  });
}

describe('the level of a finding', () => {
  it("is the rule's, or lower when the report asks for a lower one, never higher", () => {
    const level = (severity: 'error' | 'warning' | 'note', asked?: 'error' | 'warning' | 'note') =>
      runRules([ruleAt(severity, asked)], [user]).findings[0]?.severity;
    expect(level('error')).toBe('error');
    expect(level('error', 'note')).toBe('note');
    expect(level('warning', 'note')).toBe('note');
    // A rule the configuration set to note stays a note.
    expect(level('note', 'error')).toBe('note');
    expect(level('warning', 'error')).toBe('warning');
  });
});
