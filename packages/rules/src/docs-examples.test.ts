import { ruleDocs } from '@mamori/core/internal';
import { type DocsExamplesOptions, docsExamples } from '@mamori/rule-tester';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../../test/rule-tester.js';
import { rules } from './index.js';

// ESLint lints the examples of its docs; here the YAML of each rule's `fix` must scan clean for the
// rule (and YAML in `risk`, the mistake, must be reported). The docs show the part that matters:
// these say what it is part of, and what it refers to without showing.
const OPTIONS: Record<string, DocsExamplesOptions> = {
  'cloudtrail-all-data-events': { resourceType: 'AWS::CloudTrail::Trail' },
  'cloudtrail-bucket-no-lifecycle': {
    resources: { Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: { Ref: 'TrailBucket' }, IsLogging: true } } },
  },
  'access-key-secret-exposed': { resources: { DeployKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'deploy' } } } },
  'database-ingress-from-cidr': {
    resources: {
      Database: {
        Type: 'AWS::RDS::DBInstance',
        Properties: { Engine: 'postgres', VPCSecurityGroups: [{ 'Fn::GetAtt': ['DatabaseSecurityGroup', 'GroupId'] }] },
      },
    },
  },
  'nat-gateway-unused': {
    resources: { NatGateway: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: 'subnet-0public', AllocationId: 'eipalloc-0nat' } } },
  },
  // The fix is the absence of what the rule reads: a managed password, a secret reference.
  'literal-password': { reaches: false },
  'hardcoded-aws-credentials': { resourceType: 'AWS::Lambda::Function', reaches: false },
  // An account check: a template's budget is the fix, but only the account shows whether one exists.
  'no-billing-guardrail': { reaches: false },
};

describe('rule docs examples', () => {
  it('are missing only from the rules whose fix is in the console or the CLI', () => {
    // Account-only rules: the root user's MFA and keys, and access keys, are fixed in the console or with the CLI (a shell example).
    expect(
      rules
        .filter((r) => docsExamples(r).length === 0)
        .map((r) => r.name)
        .sort(),
    ).toEqual([
      'iam-access-key-not-rotated',
      'iam-access-key-unused',
      'iam-console-user-without-mfa',
      'iam-user-inactive',
      'root-access-keys',
      'root-mfa-disabled',
      'root-recently-used',
    ]);
  });

  it('are the same in the Japanese docs, so that checking the English examples checks both', () => {
    for (const rule of rules) {
      const japanese = docsExamples({ docs: ruleDocs(rule, 'ja') });
      expect(rule.translations?.ja?.docs, rule.name).toBeDefined();
      expect(japanese, rule.name).toEqual(docsExamples(rule));
    }
  });
});

for (const rule of rules) {
  if (docsExamples(rule).length > 0) ruleTester.runDocsExamples(rule, OPTIONS[rule.name] ?? {});
}
