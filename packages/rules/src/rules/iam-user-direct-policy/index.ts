import { defineRule, type IamUser, type SourceLocation } from '@mamori/core';

/** Where each attachment is written; a snapshot user has none, and is reported at the user. */
function locationsOf(user: IamUser, type: 'managed' | 'inline', name: string): SourceLocation[] {
  const found = (user.policyLocations ?? []).filter((p) => p.type === type && p.name === name).map((p) => p.location);
  return found.length > 0 ? found : [user.location];
}

export default defineRule({
  id: 'MAM202',
  name: 'iam-user-direct-policy',
  title: 'IAM policy attached directly to a user',
  description:
    'A managed or inline IAM policy is attached to an IAM user directly (ManagedPolicyArns, Policies, or a policy that lists the user in Users) instead of to a group the user belongs to, or to a role.',
  severity: 'warning',
  securitySeverity: 3.9,
  area: 'identity',
  tags: ['iam', 'least-privilege', 'user', 'policy'],
  compliance: { fsbp: ['IAM.2'], cis: ['1.15'] },
  covers: {
    checkov: ['CKV_AWS_40'],
    cfnNag: ['F10', 'F11', 'F12'],
    prowler: ['iam_policy_attached_only_to_group_or_roles'],
  },
  docs: {
    risk: `Permissions attached to individual users drift: each user ends up with a slightly different set,
nobody can tell who may do what without reading every user, and permissions stay behind when a
person changes team or leaves. Granting through groups (or, better, roles assumed through IAM
Identity Center) keeps one place to review and one place to revoke. CIS AWS Foundations and AWS
Security Hub (IAM.2) require that users receive permissions only through groups.

Reported for \`ManagedPolicyArns\` and inline \`Policies\` of \`AWS::IAM::User\`, for
\`AWS::IAM::Policy\` and \`AWS::IAM::ManagedPolicy\` resources whose \`Users\` list names a user
(defined in the template or elsewhere), for \`AWS::IAM::UserPolicy\`, and for users read from an
account snapshot with attached or inline policies. Each attachment is reported where it is written.`,
    fix: `Put the policy on a group and add the user to the group.

\`\`\`yaml
Developers:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/ReadOnlyAccess
Alice:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref Developers
\`\`\`

For an \`AWS::IAM::Policy\` or \`AWS::IAM::ManagedPolicy\`, replace \`Users\` with \`Groups\`.

In the console: IAM → User groups → Create group with the policy, add the user, then IAM → Users →
the user → Permissions → Remove the direct policy. With the CLI:
\`aws iam add-user-to-group --group-name developers --user-name alice\`, then
\`aws iam detach-user-policy --user-name alice --policy-arn ...\` or
\`aws iam delete-user-policy --user-name alice --policy-name ...\`.`,
  },
  messages: {
    managed: 'IAM user {{user}} has the managed policy {{policy}} attached directly; attach it to a group the user belongs to instead.',
    inline: 'IAM user {{user}} has the inline policy {{policy}}; grant these permissions through a group instead.',
  },
  translations: {
    ja: {
      title: 'ユーザーに直接アタッチされた IAM ポリシー',
      description:
        'マネージドポリシーまたはインラインの IAM ポリシーが、ユーザーが属するグループやロールではなく、IAM ユーザーに直接アタッチされています (ManagedPolicyArns、Policies、または Users にユーザーを挙げたポリシー)。',
      docs: {
        risk: `個々のユーザーにアタッチした権限はばらばらになっていきます。ユーザーごとに少しずつ違う権限を持つようになり、すべてのユーザーを読まなければ誰が何をできるのか分からず、人がチームを移ったり辞めたりしても権限が残ります。グループ (さらによいのは IAM Identity Center で引き受けるロール) を通じて権限を与えれば、確認する場所も取り消す場所も 1 か所で済みます。CIS AWS Foundations と AWS Security Hub (IAM.2) は、ユーザーにはグループを通じてのみ権限を与えることを求めています。

\`AWS::IAM::User\` の \`ManagedPolicyArns\` とインラインの \`Policies\`、\`Users\` リストで (テンプレート内または他の場所で定義された) ユーザーを挙げる \`AWS::IAM::Policy\` と \`AWS::IAM::ManagedPolicy\` のリソース、\`AWS::IAM::UserPolicy\`、アカウントのスナップショットから読んだ、アタッチされたポリシーまたはインラインポリシーを持つユーザーについて報告します。アタッチはそれぞれ書かれた場所で報告します。`,
        fix: `ポリシーをグループに付け、ユーザーをそのグループに追加します。

\`\`\`yaml
Developers:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/ReadOnlyAccess
Alice:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref Developers
\`\`\`

\`AWS::IAM::Policy\` や \`AWS::IAM::ManagedPolicy\` では、\`Users\` を \`Groups\` に置き換えます。

コンソールでは: IAM → ユーザーグループ → ポリシーを付けてグループを作成し、ユーザーを追加したあと、IAM → ユーザー → 対象のユーザー → 許可 → 直接のポリシーを削除。CLI では: \`aws iam add-user-to-group --group-name developers --user-name alice\` のあと \`aws iam detach-user-policy --user-name alice --policy-arn ...\` または \`aws iam delete-user-policy --user-name alice --policy-name ...\`。`,
      },
      messages: {
        managed: 'IAM ユーザー {{user}} に管理ポリシー {{policy}} が直接アタッチされています。ユーザーが属するグループにアタッチしてください。',
        inline: 'IAM ユーザー {{user}} はインラインポリシー {{policy}} を持っています。これらの権限はグループを通じて付与してください。',
      },
    },
  },
  entity: 'IamUser',
  reads: ['attachedPolicies', 'inlinePolicies'],
  check(user, context) {
    const name = user.displayName;
    for (const policy of user.attachedPolicies) {
      for (const location of locationsOf(user, 'managed', policy)) context.report({ messageId: 'managed', location, data: { user: name, policy } });
    }
    for (const policy of user.inlinePolicies) {
      for (const location of locationsOf(user, 'inline', policy)) context.report({ messageId: 'inline', location, data: { user: name, policy } });
    }
  },
});
