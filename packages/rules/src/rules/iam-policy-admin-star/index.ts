import { defineRule, type Policy, type PolicyStatement, type SourceLocation } from '@mamori/core';

const STAR_ACTIONS = new Set(['*', '*:*']);

function viaText(via: readonly string[] | undefined): string {
  return via && via.length > 0 ? ` (${via.join(', ')})` : '';
}

function principals(policy: Policy): string {
  const names = policy.attachedTo.map((p) => `${p.type} ${p.name}`);
  return names.length > 0 ? names.join(', ') : 'no principal yet';
}

/** `, attached to ...` unless the policy's name already says whose it is (an inline policy of a role). */
function attachedText(policy: Policy): string {
  const own = policy.attachedTo.length === 1 && policy.attachedTo.every((p) => policy.displayName.endsWith(`${p.type} ${p.name}`));
  return own ? '' : `, attached to ${principals(policy)}`;
}

function quoteList(values: readonly string[]): string {
  const shown = values.slice(0, 4).map((v) => `"${v}"`);
  return values.length > 4 ? `${shown.join(', ')} and ${values.length - 4} more` : shown.join(', ');
}

function starAction(s: PolicyStatement): { action: string; location: SourceLocation } | undefined {
  const i = s.actions.findIndex((a) => STAR_ACTIONS.has(a));
  if (i < 0) return undefined;
  return { action: s.actions[i] ?? '*', location: s.actionLocations?.[i] ?? s.location };
}

export default defineRule({
  id: 'MAM201',
  name: 'iam-policy-admin-star',
  title: 'IAM policy allows every action on every resource',
  description:
    'An IAM policy has an Allow statement with Action "*" (or "*:*") on Resource "*", the AWS managed AdministratorAccess policy is attached, or an Allow statement grants every action except a few (NotAction) on every resource.',
  severity: 'error',
  securitySeverity: 8.8,
  area: 'identity',
  tags: ['iam', 'least-privilege', 'policy', 'admin'],
  compliance: { fsbp: ['IAM.1'], cis: ['1.16'] },
  covers: {
    checkov: ['CKV_AWS_62', 'CKV_AWS_63'],
    prowler: [
      'iam_aws_attached_policy_no_administrative_privileges',
      'iam_customer_attached_policy_no_administrative_privileges',
      'iam_customer_unattached_policy_no_administrative_privileges',
      'iam_inline_policy_no_administrative_privileges',
      'iam_role_administratoraccess_policy',
      'iam_user_administrator_access_policy',
      'iam_group_administrator_access_policy',
    ],
  },
  docs: {
    risk: `A statement that allows \`"Action": "*"\` on \`"Resource": "*"\` makes every principal it is attached
to a full administrator: it can read every secret and every bucket, delete any resource, create
new users and keys, and turn off CloudTrail and GuardDuty to hide what it did. A leaked key, a
compromised instance or a bug in a Lambda function with such a role becomes a takeover of the
whole account. The AWS managed \`AdministratorAccess\` policy is the same statement.

\`"Effect": "Allow"\` with \`NotAction\` on every resource is nearly as broad: it grants every action
of every service except the listed ones, including actions of services AWS adds later.

Reported in any identity policy: \`AWS::IAM::Policy\`, \`AWS::IAM::ManagedPolicy\`, inline
\`Policies\` of roles, users and groups, \`AWS::IAM::RolePolicy\`/\`UserPolicy\`/\`GroupPolicy\`,
statement documents and \`AdministratorAccess\` in SAM \`Policies\` (the function's generated role),
policy documents written as JSON text, and values behind \`Fn::If\` (the message names the
condition). A managed policy used only as a permissions boundary is not reported: a boundary
limits permissions and grants none. checkov's CKV_AWS_63 also reports \`"*"\` actions on narrower
resources; this rule does not.`,
    fix: `Grant the actions the workload calls on the resources it uses, and nothing else. Keep full
administrator access for break-glass roles assumed by people with MFA, not for workloads or users.

\`\`\`yaml
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal: { Service: lambda.amazonaws.com }
          Action: sts:AssumeRole
    Policies:
      - PolicyName: read-orders
        PolicyDocument:
          Version: '2012-10-17'
          Statement:
            - Effect: Allow
              Action: [dynamodb:GetItem, dynamodb:Query]
              Resource: !GetAtt OrdersTable.Arn
\`\`\`

IAM Access Analyzer can generate a policy from the actions a role really used in CloudTrail:
IAM → Roles → the role → Generate policy. With the CLI,
\`aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\` lists
who has administrator access, and \`aws iam detach-role-policy\` removes it.`,
  },
  messages: {
    adminStatement: 'Policy statement allows every action ("{{action}}") on every resource ("*") in {{policy}}{{attached}}{{via}}.',
    awsManagedAdmin: 'The AWS managed policy AdministratorAccess, which allows every action on every resource, is attached to {{principals}}{{via}}.',
    notActionStar: 'Policy statement allows every action except {{notActions}} on every resource ("*") in {{policy}}{{attached}}{{via}}.',
  },
  entity: 'Policy',
  check(policy, context) {
    // A boundary only caps what other policies grant.
    if (policy.permissionsBoundary && policy.attachedTo.length === 0) return;
    const seen = new Set<string>();
    const report = (messageId: 'adminStatement' | 'awsManagedAdmin' | 'notActionStar', location: SourceLocation, data: Record<string, string>): void => {
      const key = `${messageId}:${location.line}:${location.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      context.report({ messageId, location, data });
    };
    const base = { policy: policy.displayName, principals: principals(policy), attached: attachedText(policy) };
    const awsAdmin = policy.arn !== undefined && /:iam::aws:policy\/AdministratorAccess$/.test(policy.arn);
    for (const s of policy.statements) {
      if (s.effect !== 'Allow' || !s.resources.includes('*')) continue;
      const star = starAction(s);
      const via = viaText(s.via ?? policy.via);
      if (star && awsAdmin) report('awsManagedAdmin', star.location, { ...base, via });
      else if (star) report('adminStatement', star.location, { ...base, action: star.action, via });
      else if (s.actions.length === 0 && s.notActions.length > 0) report('notActionStar', s.location, { ...base, notActions: quoteList(s.notActions), via });
    }
  },
});
