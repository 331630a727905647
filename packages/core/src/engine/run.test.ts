import { describe, expect, it } from 'vitest';
import type { IamUser } from '../model/entities.js';
import { defineRule } from './rule.js';
import { runRules } from './run.js';

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
