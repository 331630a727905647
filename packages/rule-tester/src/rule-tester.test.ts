import { type AnyRule, defineRule } from '@mamori/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type InvalidCase, RuleTester, type RuleTests, type TestFunction, type ValidCase } from './index.js';

/** Reports buckets without versioning: `off` when not configured, `suspended` when suspended. */
const bucketRule = defineRule({
  id: 'TEST001',
  name: 'test-bucket-versioning',
  title: 'Buckets keep old versions',
  description: 'S3 buckets have versioning enabled.',
  severity: 'warning',
  area: 'resilience',
  tags: [],
  compliance: {},
  covers: {},
  docs: {
    risk: 'An overwrite cannot be undone.',
    fix: 'Enable versioning:\n\n```yaml\nBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    VersioningConfiguration: {Status: Enabled}\n```\n',
  },
  messages: {
    off: 'Bucket {{name}} keeps no old versions.',
    suspended: 'Bucket {{name}} has versioning {{status}}.',
  },
  optionsSchema: {
    type: 'object',
    properties: { allowSuspended: { type: 'boolean', description: 'Do not report suspended versioning.' } },
    additionalProperties: false,
  },
  defaultOptions: { allowSuspended: false },
  entity: 'Resource',
  check(resource, context) {
    if (resource.resourceType !== 'AWS::S3::Bucket') return;
    const versioning = resource.properties.VersioningConfiguration as { Status?: string } | undefined;
    if (!versioning) context.report({ messageId: 'off', data: { name: resource.displayName } });
    else if (versioning.Status === 'Suspended' && !context.options.allowSuspended) {
      context.report({ messageId: 'suspended', data: { name: resource.displayName, status: 'Suspended' } });
    }
  },
});

/** Reports ingress from 0.0.0.0/0, from templates and account snapshots alike. */
const worldRule = defineRule({
  id: 'TEST002',
  name: 'test-world-ingress',
  title: 'No ingress from the world',
  description: 'Security groups admit no traffic from 0.0.0.0/0.',
  severity: 'error',
  area: 'network',
  tags: [],
  compliance: {},
  covers: {},
  docs: { risk: 'Anyone can connect.', fix: 'Narrow the source.' },
  messages: { world: 'Group {{group}} admits {{cidr}}.' },
  entity: 'SecurityGroup',
  check(group, context) {
    for (const rule of group.rules) {
      if (rule.direction === 'ingress' && rule.cidrIpv4 === '0.0.0.0/0') {
        context.report({ messageId: 'world', location: rule.location, data: { group: group.displayName, cidr: rule.cidrIpv4 } });
      }
    }
  },
});

const bucket = (props = ''): string => `Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n${props ? `    Properties:\n      ${props}\n` : ''}`;
const group = (cidr: string): string =>
  `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ${cidr}}\n`;
const snapshot = (cidr: string): string =>
  `${JSON.stringify(
    {
      mamoriSnapshot: 1,
      accountId: '123456789012',
      partition: 'aws',
      collectedAt: '2026-11-25T12:00:00.000Z',
      regions: ['eu-west-1'],
      global: {},
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeSecurityGroups: {
              SecurityGroups: [
                { GroupId: 'sg-0web', GroupName: 'web', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: cidr }] }] },
              ],
            },
          },
        },
      },
      errors: [],
    },
    null,
    2,
  )}\n`;
const CIDR_PATH = ['regional', 'eu-west-1', 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0, 'IpPermissions', 0, 'IpRanges', 0, 'CidrIp'];

const OFF: InvalidCase = { name: 'no versioning', template: bucket(), errors: [{ messageId: 'off', line: 2, column: 3, data: { name: 'Logs' } }] };
const SUSPENDED: InvalidCase = {
  name: 'suspended',
  template: bucket('VersioningConfiguration: {Status: Suspended}'),
  errors: [{ messageId: 'suspended', line: 2, column: 3, data: { status: 'Suspended' }, message: 'Bucket Logs has versioning Suspended.' }],
};

interface Registered {
  title: string;
  fn: TestFunction;
  only: boolean;
}

/** The tests `register` declares, through a framework of our own: each title is its describe path. */
function collect(register: (tester: RuleTester) => void): Registered[] {
  const out: Registered[] = [];
  const path: string[] = [];
  RuleTester.describe = (title, body) => {
    path.push(title);
    body();
    path.pop();
  };
  RuleTester.it = (title, fn) => out.push({ title: [...path, title].join(' > '), fn, only: false });
  RuleTester.itOnly = (title, fn) => out.push({ title: [...path, title].join(' > '), fn, only: true });
  register(new RuleTester());
  return out;
}

/** Each test's outcome: `ok`, or the message it failed with. */
async function outcomes(tests: Registered[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tests) {
    try {
      await t.fn();
      out[t.title] = 'ok';
    } catch (err) {
      out[t.title] = err instanceof Error ? err.message : String(err);
    }
  }
  return out;
}

const run = (rule: AnyRule, tests: RuleTests) => outcomes(collect((tester) => tester.run(rule, tests)));
/** The outcome of case `c`, run beside cases that pin the bucket rule's other message ids. */
async function one(c: ValidCase | InvalidCase, group: 'valid' | 'invalid', rule: AnyRule = bucketRule): Promise<string> {
  const pins = rule === bucketRule ? [OFF, SUSPENDED].filter((p) => p !== c) : [];
  const all = await run(rule, group === 'valid' ? { valid: [c], invalid: pins } : { valid: [], invalid: [c as InvalidCase, ...pins] });
  const title = typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : (c.name ?? '');
  return all[`${rule.name} > ${group} > ${title}`] ?? `no test titled ${title}: ${Object.keys(all).join(' | ')}`;
}

afterEach(() => {
  RuleTester.describe = undefined;
  RuleTester.it = undefined;
  RuleTester.itOnly = undefined;
});

describe('RuleTester', () => {
  it('registers one test per case under the rule, valid and invalid, and passes a right table', async () => {
    const result = await run(bucketRule, {
      valid: [
        bucket('VersioningConfiguration: {Status: Enabled}'),
        { name: 'suspended allowed', template: bucket('VersioningConfiguration: {Status: Suspended}'), options: { allowSuspended: true } },
      ],
      invalid: [
        OFF,
        SUSPENDED,
        {
          name: 'JSON template',
          filename: 'template.json',
          template: '{\n  "Resources": {\n    "Data": { "Type": "AWS::S3::Bucket" }\n  }\n}\n',
          errors: [{ messageId: 'off', line: 3, column: 5, endLine: 3, endColumn: 11 }],
        },
      ],
    });
    expect(result).toEqual({
      'test-bucket-versioning > valid > Resources: Logs: Type: AWS::S3::Bucket Properties: VersioningConfiguration: {St…': 'ok',
      'test-bucket-versioning > valid > suspended allowed': 'ok',
      'test-bucket-versioning > invalid > no versioning': 'ok',
      'test-bucket-versioning > invalid > suspended': 'ok',
      'test-bucket-versioning > invalid > JSON template': 'ok',
      'test-bucket-versioning > every message id is pinned by an invalid case': 'ok',
    });
  });

  it('reads snapshot cases as account snapshots and resolves `at` to the line and column of that JSON value', async () => {
    const result = await run(worldRule, {
      valid: [
        { name: 'private', snapshot: snapshot('10.0.0.0/8') },
        { name: 'private template', template: group('10.0.0.0/8') },
      ],
      invalid: [
        { name: 'world', snapshot: snapshot('0.0.0.0/0'), errors: [{ messageId: 'world', at: CIDR_PATH, data: { group: 'sg-0web (web)' } }] },
        { name: 'world, by line', snapshot: snapshot('0.0.0.0/0'), filename: 'account.json', errors: [{ messageId: 'world', line: 25, column: 33 }] },
        { name: 'world template', template: group('0.0.0.0/0'), errors: [{ messageId: 'world', line: 7, column: 63, data: { group: 'Sg' } }] },
      ],
    });
    expect(Object.values(result)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('fails a valid case that has findings, listing them', async () => {
    expect(await one({ name: 'unversioned', template: bucket() }, 'valid')).toBe(
      'Should have no errors but had 1:\n  2:3 off: Bucket Logs keeps no old versions.',
    );
  });

  it('fails an invalid case with missing or extra errors, listing what it had', async () => {
    const two = `${bucket()}  Other:\n    Type: AWS::S3::Bucket\n`;
    expect(await one({ name: 'missing', template: two, errors: [{ messageId: 'off', line: 2, column: 3 }] }, 'invalid')).toBe(
      'Should have 1 error but had 2:\n  2:3 off: Bucket Logs keeps no old versions.\n  4:3 off: Bucket Other keeps no old versions.',
    );
    const extra = { name: 'extra', template: bucket(), errors: [OFF.errors[0], { messageId: 'off', line: 4, column: 3 }] } as InvalidCase;
    expect(await one(extra, 'invalid')).toMatch(/^Should have 2 errors but had 1:\n {2}2:3 off: /);
  });

  it('fails on a wrong position, data or message, naming the errors it had', async () => {
    const wrong = (error: object) => one({ name: 'wrong', template: bucket(), errors: [{ messageId: 'off', line: 2, column: 3, ...error }] }, 'invalid');
    const reported = '\nThe rule reported (in order of position):\n  2:3 off: Bucket Logs keeps no old versions.';
    expect(await wrong({ column: 4 })).toBe(`The errors differ from the expected ones:\n  error #1: column should be 4, was 3${reported}`);
    expect(await wrong({ line: 3, endColumn: 99 })).toBe(
      `The errors differ from the expected ones:\n  error #1: line should be 3, was 2\n  error #1: endColumn should be 99, was 7${reported}`,
    );
    expect(await wrong({ data: { name: 'Other', bucket: 'Logs' } })).toBe(
      `The errors differ from the expected ones:\n  error #1: data.name should be "Other", was "Logs"\n  error #1: data.bucket should be "Logs", was absent${reported}`,
    );
    expect(await wrong({ message: 'Bucket Logs.' })).toBe(
      `The errors differ from the expected ones:\n  error #1: message should be "Bucket Logs.", was "Bucket Logs keeps no old versions."${reported}`,
    );
    expect(await wrong({ data: { name: 'Logs' }, message: 'Bucket Logs keeps no old versions.', endLine: 2, endColumn: 7 })).toBe('ok');
  });

  it('fails on a message id the case does not pin', async () => {
    expect(await one({ name: 'other id', template: bucket(), errors: [{ messageId: 'suspended', line: 2, column: 3 }] }, 'invalid')).toMatch(
      /^The errors differ from the expected ones:\n {2}error #1: messageId should be "suspended", was "off"\n/,
    );
  });

  it('fails on an unknown message id, naming the rule’s', async () => {
    expect(await one({ name: 'typo', template: bucket(), errors: [{ messageId: 'of', line: 2, column: 3 }] }, 'invalid')).toBe(
      'Error #1 has an unknown messageId "of"; the rule\'s are: off, suspended.',
    );
  });

  it('fails on an error without a message id or without a position', async () => {
    const noId = { name: 'no id', template: bucket(), errors: [{ line: 2, column: 3 }] } as unknown as InvalidCase;
    expect(await one(noId, 'invalid')).toBe('Error #1 has no messageId: every expected error names the message it pins.');
    const noPosition = { name: 'no position', template: bucket(), errors: [{ messageId: 'off' }] } as unknown as InvalidCase;
    expect(await one(noPosition, 'invalid')).toBe('Error #1 (off) pins no position: give line and column (or `at`, a JSON path).');
    const both = {
      name: 'both',
      snapshot: snapshot('0.0.0.0/0'),
      errors: [{ messageId: 'world', at: CIDR_PATH, line: 1, column: 1 }],
    } as unknown as InvalidCase;
    expect(await one(both, 'invalid', worldRule)).toBe('Error #1 gives both `at` and line/column: give one.');
    const yamlAt = { name: 'at in YAML', template: group('0.0.0.0/0'), errors: [{ messageId: 'world', at: ['Resources'] }] } as InvalidCase;
    expect(await one(yamlAt, 'invalid', worldRule)).toMatch(/^`at` \["Resources"\] needs JSON text/);
    const nowhere = { name: 'nowhere', snapshot: snapshot('0.0.0.0/0'), errors: [{ messageId: 'world', at: ['regional', 'us-east-1'] }] } as InvalidCase;
    expect(await one(nowhere, 'invalid', worldRule)).toBe('`at` ["regional","us-east-1"]: no value at this path in the case\'s text');
  });

  it('fails on a message whose placeholder the rule did not fill', async () => {
    const careless = { ...bucketRule, messages: { ...bucketRule.messages, off: 'Bucket {{name}} keeps no old versions ({{reason}}).' } } as AnyRule;
    expect(await one(OFF, 'invalid', careless)).toBe(
      'Error #1 (off) has an unsubstituted placeholder {{reason}} (no `reason` in the reported data): "Bucket Logs keeps no old versions ({{reason}})."',
    );
  });

  it('fails the second of two cases with the same input, whatever their names and groups', async () => {
    const result = await run(bucketRule, {
      valid: [
        { name: 'enabled', template: bucket('VersioningConfiguration: {Status: Enabled}') },
        { name: 'enabled again', template: bucket('VersioningConfiguration: {Status: Enabled}') },
        { name: 'other parameters', template: bucket('VersioningConfiguration: {Status: Enabled}'), parameters: { Env: 'prod' } },
      ],
      invalid: [OFF, SUSPENDED, { ...OFF, name: 'no versioning, again' }],
    });
    expect(result['test-bucket-versioning > valid > enabled']).toBe('ok');
    expect(result['test-bucket-versioning > valid > enabled again']).toBe(
      'Duplicate case: same input as valid case #1 ("enabled"). Remove one, or change what it tests.',
    );
    expect(result['test-bucket-versioning > valid > other parameters']).toBe('ok');
    expect(result['test-bucket-versioning > invalid > no versioning, again']).toBe(
      'Duplicate case: same input as invalid case #1 ("no versioning"). Remove one, or change what it tests.',
    );
  });

  it('fails when a message id is pinned by no invalid case', async () => {
    const result = await run(bucketRule, { valid: [], invalid: [OFF] });
    expect(result['test-bucket-versioning > every message id is pinned by an invalid case']).toBe(
      'Message ids no invalid case pins: suspended. Add an invalid case that produces each.',
    );
  });

  it('fails on malformed cases', async () => {
    expect(await one({ name: 'no errors', template: bucket(), errors: [] }, 'invalid')).toMatch(/^An invalid case lists the errors it must produce/);
    expect(await one({ name: 'errors in valid', template: bucket(), errors: [] } as ValidCase, 'valid')).toMatch(/^A valid case takes no `errors`/);
    expect(await one({ name: 'two inputs', template: bucket(), snapshot: '{}' } as unknown as ValidCase, 'valid')).toMatch(
      /^A case gives its input as exactly one of/,
    );
    expect(await one({ name: 'no input' } as ValidCase, 'valid')).toMatch(/^A case gives its input as exactly one of/);
  });

  it('checks the case’s options against the rule’s schema', async () => {
    expect(await one({ name: 'typo in options', template: bucket(), options: { allowSuspend: true } }, 'valid')).toMatch(
      /^The case's options do not fit the rule's optionsSchema: the case: rules\.TEST001\.options\.allowSuspend: unknown option \(did you mean allowSuspended\?\)$/,
    );
  });

  it('fails when a snapshot is given as a template, or a template as a snapshot', async () => {
    expect(await one({ name: 'snapshot as template', template: snapshot('10.0.0.0/8') }, 'valid', worldRule)).toBe(
      "The case's `template` was read as an account snapshot: move the text to `snapshot`.",
    );
    const json = JSON.stringify({
      Resources: {
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web', SecurityGroupIngress: [{ IpProtocol: 'tcp', CidrIp: '10.0.0.0/8' }] } },
      },
    });
    expect(await one({ name: 'template as snapshot', snapshot: json }, 'valid', worldRule)).toBe(
      "The case's `snapshot` was read as a template: move the text to `template`.",
    );
  });

  it('fails when the input does not load or the rule throws', async () => {
    expect(await one({ name: 'broken YAML', template: 'Resources:\n  A: [\n' }, 'valid')).toMatch(
      /^The template of the case does not load cleanly:\n {2}parse-error at \d+:\d+: /,
    );
    const throwing = {
      ...bucketRule,
      check: () => {
        throw new Error('boom');
      },
    } as AnyRule;
    expect(await one({ name: 'throws', template: bucket() }, 'valid', throwing)).toBe(
      'The rule threw:\n  Rule TEST001 (test-bucket-versioning) failed on Logs: boom',
    );
  });

  it('runs a case marked `only` through itOnly', () => {
    const tests = collect((t) =>
      t.run(bucketRule, { valid: [{ name: 'alone', template: bucket('VersioningConfiguration: {Status: Enabled}'), only: true }], invalid: [] }),
    );
    expect(tests.map((t) => [t.title, t.only])).toEqual([
      ['test-bucket-versioning > valid > alone', true],
      ['test-bucket-versioning > every message id is pinned by an invalid case', false],
    ]);
  });

  it('uses the global describe and it by default, and says what to set when there are none', () => {
    const g = globalThis as { describe?: unknown; it?: unknown };
    const titles: string[] = [];
    g.describe = (title: string, body: () => void) => {
      titles.push(title);
      body();
    };
    g.it = Object.assign((title: string) => titles.push(title), { only: (title: string) => titles.push(`only ${title}`) });
    try {
      new RuleTester().run(bucketRule, { valid: [{ name: 'v', template: bucket('VersioningConfiguration: {Status: Enabled}'), only: true }], invalid: [] });
      expect(titles).toEqual(['test-bucket-versioning', 'valid', 'only v', 'invalid', 'every message id is pinned by an invalid case']);
      delete g.describe;
      delete g.it;
      expect(() => new RuleTester().run(bucketRule, { valid: [], invalid: [] })).toThrow(
        'RuleTester.describe is not set and there is no global `describe`: set RuleTester.describe, RuleTester.it and RuleTester.itOnly from your test framework (vitest, jest, mocha or node:test) before calling run().',
      );
    } finally {
      delete g.describe;
      delete g.it;
    }
  });
});

/** The bucket rule, offering to turn versioning on. */
const fixingRule = defineRule({
  id: 'TEST003',
  name: 'test-bucket-versioning-fix',
  title: 'Buckets keep old versions',
  description: 'S3 buckets have versioning enabled.',
  severity: 'warning',
  area: 'resilience',
  tags: [],
  compliance: {},
  covers: {},
  docs: { risk: 'An overwrite cannot be undone.', fix: 'Enable versioning.' },
  fixable: true,
  messages: { off: 'Bucket {{name}} keeps no old versions.' },
  entity: 'Resource',
  check(resource, context) {
    if (resource.resourceType !== 'AWS::S3::Bucket' || resource.properties.VersioningConfiguration) return;
    const id = resource.id.slice(resource.id.lastIndexOf('#') + 1);
    context.report({
      messageId: 'off',
      data: { name: resource.displayName },
      fix: { edits: [{ op: 'set', path: ['Resources', id, 'Properties', 'VersioningConfiguration'], value: { Status: 'Enabled' } }] },
    });
  },
});

describe('RuleTester output', () => {
  const FIXED = 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n';
  const error = { messageId: 'off', line: 2, column: 3 };
  const outcome = async (c: InvalidCase, rule: AnyRule = fixingRule) => Object.values(await run(rule, { valid: [], invalid: [c] }))[0];

  it('passes when the fixes give output', async () => {
    expect(await outcome({ name: 'fixed', template: bucket(), errors: [error], output: FIXED })).toBe('ok');
  });

  it('fails when they give another text', async () => {
    expect(await outcome({ name: 'other', template: bucket(), errors: [error], output: FIXED.replace('Enabled', 'Suspended') })).toBe(
      'The text once fixed differs from `output`.',
    );
  });

  it('fails on output: null when a fix is offered, and on an output when none is', async () => {
    expect(await outcome({ name: 'none expected', template: bucket(), errors: [error], output: null })).toBe(
      'Should offer no fix but 1 finding(s) do:\n  2:3 off: Bucket Logs keeps no old versions.',
    );
    expect(await outcome({ name: 'no fix', template: bucket(), errors: [{ ...error, messageId: 'off' }], output: FIXED }, bucketRule)).toBe(
      'Should offer fixes that give `output`, but no finding has a fix. Use `output: null` for a rule that offers none.',
    );
  });
});
