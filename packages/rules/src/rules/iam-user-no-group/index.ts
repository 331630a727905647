import { defineRule } from '@mamori/core';

function count(n: number, kind: string): string {
  return `${n} ${kind} polic${n === 1 ? 'y' : 'ies'}`;
}

export default defineRule({
  id: 'MAM215',
  name: 'iam-user-no-group',
  title: 'IAM user with permissions belongs to no group',
  description:
    'An IAM user holds permissions (attached or inline policies) but is in no group: its permissions are its own, not those of a job function shared with others.',
  severity: 'note',
  securitySeverity: 2.0,
  area: 'identity',
  tags: ['iam', 'user', 'group', 'least-privilege'],
  compliance: { cis: ['1.15'] },
  covers: { prowler: ['iam_user_with_no_groups'] },
  docs: {
    risk: `The field guide's rule for people is one IAM user per person, and permissions granted through
groups, one per job function. A user in no group that holds policies of its own is a one-off: its
permissions are not reviewed with anyone else's, and they follow no role in the team.

This rule gives the structural advice once per user; \`iam-user-direct-policy\` (MAM202) reports each
policy attached to a user directly, where it is written. A user in no group and with no policy is
not reported here (it can do nothing; \`iam-user-inactive\` may report it). A template user named only
by a policy (defined in another stack) is not judged: its groups are not known.`,
    fix: `Create a group for the job the user does, put the permissions on the group, and add the user.

\`\`\`yaml
Operators:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/job-function/SystemAdministrator
Hanako:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref Operators
\`\`\`

In the console: IAM → User groups → Create group, then add the user. With the CLI:
\`aws iam create-group --group-name operators\` and \`aws iam add-user-to-group --group-name operators --user-name hanako\`.`,
  },
  messages: {
    noGroup:
      'IAM user {{user}} belongs to no group and holds {{policies}} of its own; put the user in a group for its job function and grant the permissions there.',
  },
  translations: {
    ja: {
      title: '権限を持つ IAM ユーザーがどのグループにも属していない',
      description:
        'IAM ユーザーが権限 (アタッチされたポリシーまたはインラインポリシー) を持っていますが、どのグループにも属していません。その権限は他の人と共有する職務のものではなく、そのユーザー独自のものです。',
      docs: {
        risk: `現場ガイドの人に関するルールは、1 人に 1 つの IAM ユーザーとし、権限は職務ごとに 1 つのグループを通じて与えることです。どのグループにも属さず独自のポリシーを持つユーザーは例外的な存在です。その権限は他の誰の権限とも一緒に見直されず、チーム内のどの役割にも対応しません。

このルールはユーザーごとに 1 回、構造についての助言をします。ユーザーに直接アタッチされた各ポリシーは \`iam-user-direct-policy\` (MAM202) が書かれた場所で報告します。グループに属さずポリシーもないユーザーはここでは報告しません (何もできません。\`iam-user-inactive\` が報告することがあります)。ポリシーでのみ名前が挙がる (別のスタックで定義された) テンプレートのユーザーは判定しません。そのグループが分からないためです。`,
        fix: `ユーザーの職務に合わせたグループを作成し、権限をグループに付けて、ユーザーを追加します。

\`\`\`yaml
Operators:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/job-function/SystemAdministrator
Hanako:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref Operators
\`\`\`

コンソールでは: IAM → ユーザーグループ → グループを作成し、ユーザーを追加。CLI では: \`aws iam create-group --group-name operators\` と \`aws iam add-user-to-group --group-name operators --user-name hanako\`。`,
      },
      messages: {
        noGroup:
          'IAM ユーザー {{user}} はどのグループにも属さず、自身の {{policies}} を持っています。職務ごとのグループにユーザーを入れ、権限はそのグループで付与してください。',
      },
    },
  },
  entity: 'IamUser',
  reads: ['groups', 'attachedPolicies', 'inlinePolicies'],
  check(user, context) {
    if (user.definedElsewhere || user.groups.length > 0) return;
    const n = user.attachedPolicies.length + user.inlinePolicies.length;
    if (n === 0) return;
    const policies =
      user.attachedPolicies.length > 0 && user.inlinePolicies.length > 0
        ? `${count(user.attachedPolicies.length, 'managed')} and ${count(user.inlinePolicies.length, 'inline')}`
        : user.attachedPolicies.length > 0
          ? count(user.attachedPolicies.length, 'managed')
          : count(user.inlinePolicies.length, 'inline');
    context.report({ messageId: 'noGroup', data: { user: user.displayName, policies } });
  },
});
