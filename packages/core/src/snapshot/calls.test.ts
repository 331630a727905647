import { describe, expect, it } from 'vitest';
import { AWS_CALLS, COLLECTOR_CALLS, callName, minimalIamPolicy, organizationIamPolicy } from './calls.js';

const names: string[] = AWS_CALLS.map(callName);
const before = (name: string, call: (typeof AWS_CALLS)[number]): boolean => names.indexOf(name) >= 0 && names.indexOf(name) < names.indexOf(callName(call));

describe('the descriptors of the AWS calls', () => {
  it('name each call once, in the order the collector asks them', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(COLLECTOR_CALLS).toEqual(names);
    // The account is identified first: nothing is read without it.
    expect(AWS_CALLS[0]).toMatchObject({ service: 'sts', operation: 'GetCallerIdentity', stage: 'account' });
  });

  it('make a call per resource only of what a call asked before lists, and the same way for every call about one kind', () => {
    for (const call of AWS_CALLS) {
      if (call.per) expect(before(call.per.listedBy, call), `${callName(call)} after ${call.per.listedBy}`).toBe(true);
      if (call.after) expect(before(call.after, call), `${callName(call)} after ${call.after}`).toBe(true);
      expect(call.per && call.after, callName(call)).toBeFalsy();
      expect(call.stage && (call.per || call.after), callName(call)).toBeFalsy();
    }
    const kinds = new Map<string, string>();
    for (const { per } of AWS_CALLS) {
      if (!per) continue;
      const how = JSON.stringify([per.listedBy, per.shared === true]);
      expect(kinds.get(per.resource) ?? how, per.resource).toBe(how);
      kinds.set(per.resource, how);
    }
  });

  it('feed, for a call asked about what another answers, nothing its lister does not feed: a failed lister leaves every rule of its follow-ups not evaluated', () => {
    // A call whose lister failed is never made and leaves no error of its own.
    const covered = (feed: string, by: readonly string[]): boolean => by.some((f) => feed === f || feed.startsWith(`${f}.`));
    for (const call of AWS_CALLS) {
      const lister = call.per?.listedBy ?? call.after;
      if (!lister) continue;
      const feeds = AWS_CALLS.find((c) => callName(c) === lister)?.feeds ?? [];
      for (const feed of call.feeds) expect(covered(feed, feeds), `${callName(call)} feeds ${feed}, ${lister} does not`).toBe(true);
    }
  });

  it('say how a paginated call pages, and a REST call its method and path', () => {
    for (const call of AWS_CALLS) {
      if (call.pages)
        expect(
          Object.values(call.pages)
            .flat()
            .every((v) => /^[A-Za-z]+$/.test(v)),
          callName(call),
        ).toBe(true);
      if (call.http) expect(call.http, callName(call)).toMatch(/^(GET|HEAD) \/[^ ]*$/);
    }
    expect(AWS_CALLS.filter((c) => c.service === 's3').every((c) => c.http)).toBe(true);
  });

  it('give the minimal IAM policy: each action once, every call allowed, nothing for STS GetCallerIdentity', () => {
    const policy = minimalIamPolicy();
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toContain('s3:GetLifecycleConfiguration');
    expect(actions.some((a) => a.startsWith('sts:'))).toBe(false);
    for (const call of AWS_CALLS) if (call.iamAction && call.stage !== 'organization') expect(actions).toContain(call.iamAction);
    // Read-only: the credential report's generation changes nothing in the account; budgets:ViewBudget is Budgets' read action.
    for (const action of actions) expect(action).toMatch(/^[a-z0-9]+:(Describe|Get|List|Lookup|GenerateCredentialReport$|ViewBudget$)/);
    expect(policy.Statement.every((s) => s.Effect === 'Allow' && s.Resource === '*')).toBe(true);
  });

  it("keep collect --org's calls out of a collected account's policy, in a policy of their own with the role named", () => {
    expect(minimalIamPolicy().Statement.flatMap((s) => s.Action)).not.toContain('organizations:ListAccounts');
    expect(organizationIamPolicy('audit').Statement).toEqual([
      { Sid: 'MamoriListAccounts', Effect: 'Allow', Action: ['organizations:ListAccounts'], Resource: '*' },
      { Sid: 'MamoriAssumeCollectRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: 'arn:aws:iam::*:role/audit' },
    ]);
  });
});
