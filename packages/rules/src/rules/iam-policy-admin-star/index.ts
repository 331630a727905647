import { defineRule, type Lang, type LocalizedText, type Policy, type PolicyAttachment, type PolicyStatement, type SourceLocation } from '@mamori/core';
import { moreText, viaText } from '../../lib/text.js';

const STAR_ACTIONS = new Set(['*', '*:*']);
const ADMINISTRATOR_ACCESS = /:iam::aws:policy\/AdministratorAccess$/;
/** Names shown of a group's members or a role's trusted principals before the rest are counted. */
const SHOWN = 3;

function listText(values: readonly string[], lang: Lang): string {
  return moreText(values, SHOWN)(lang);
}

const PRINCIPAL_TYPE_JA: Record<PolicyAttachment['type'], string> = { user: 'ユーザー', group: 'グループ', role: 'ロール' };

/** Who ends up with the grant through one attachment: a group's members, who may assume a role. */
function reach(a: PolicyAttachment, lang: Lang): string {
  const ja = lang === 'ja';
  if (capped(a)) return ja ? ' (アクセス許可の境界で制限)' : ' (capped by its permissions boundary)';
  if (a.type === 'group' && a.members) {
    if (a.members.length === 0) return ja ? ' (メンバーなし)' : ' (no members)';
    return ja ? ` (メンバー: ${listText(a.members, lang)})` : ` (members: ${listText(a.members, lang)})`;
  }
  if (a.type === 'role' && a.trustedBy && a.trustedBy.length > 0)
    return ja ? ` (引き受け可能: ${listText(a.trustedBy, lang)})` : ` (assumable by ${listText(a.trustedBy, lang)})`;
  return '';
}

/** A permissions boundary caps what the policy grants, unless the boundary is itself AdministratorAccess. */
function capped(a: PolicyAttachment): boolean {
  return a.boundary !== undefined && !ADMINISTRATOR_ACCESS.test(a.boundary) && a.boundary !== 'AdministratorAccess';
}

function principals(policy: Policy, lang: Lang): string {
  const ja = lang === 'ja';
  const names = policy.attachedTo.map((p) => `${ja ? PRINCIPAL_TYPE_JA[p.type] : p.type} ${p.name}${reach(p, lang)}`);
  if (names.length > 0) return names.join(ja ? '、' : ', ');
  if (ja) return policy.unattached ? 'どのユーザー、グループ、ロールでもないもの' : 'まだどのプリンシパルでもないもの';
  return policy.unattached ? 'no user, group or role' : 'no principal yet';
}

/** `, attached to ...` unless the policy's name already says whose it is (an inline policy of a role): then who it reaches. */
function attachedText(policy: Policy, lang: Lang): string {
  const own = policy.attachedTo.length === 1 && policy.attachedTo.every((p) => policy.displayName.endsWith(`${p.type} ${p.name}`));
  const only = policy.attachedTo[0];
  if (own && only) return reach(only, lang);
  return lang === 'ja' ? ` (${principals(policy, lang)}にアタッチ)` : `, attached to ${principals(policy, lang)}`;
}

function starAction(s: PolicyStatement): { action: string; location: SourceLocation } | undefined {
  const i = s.actions.findIndex((a) => STAR_ACTIONS.has(a));
  if (i < 0) return undefined;
  return { action: s.actions[i] ?? '*', location: s.actionLocations?.[i] ?? s.location };
}

/**
 * A resource pattern that matches every resource: `*`, or an ARN pattern whose every part after a
 * partition is `*` (`arn:*`, `arn:aws:*`, `arn:*:*`, `arn:aws:*:*:*:*`).
 */
export function matchesEveryResource(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts[0] !== 'arn' || parts.length < 2 || parts.length > 6 || parts[parts.length - 1] !== '*') return false;
  return parts.slice(1).every((p, i) => p === '*' || (i === 0 && /^aws(-[a-z]+)*$/.test(p)));
}

/** The first of a statement's resources that matches every resource. */
function everyResource(s: PolicyStatement): string | undefined {
  return s.resources.find(matchesEveryResource);
}

/** An unconditional Deny of every action on every resource: nothing the same policy allows is granted. */
function deniesEverything(policy: Policy): boolean {
  return policy.statements.some((s) => s.effect === 'Deny' && !s.hasCondition && starAction(s) && everyResource(s) && s.notResources.length === 0);
}

export default defineRule({
  id: 'MAM201',
  name: 'iam-policy-admin-star',
  title: 'IAM policy allows every action on every resource',
  description:
    'An IAM policy has an Allow statement with Action "*" (or "*:*") on Resource "*" (or an ARN pattern that matches every resource), the AWS managed AdministratorAccess policy is attached to a user, group or role, or an Allow statement grants every action except a few (NotAction) on every resource.',
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

What counts as "every action on every resource": \`Action\` \`"*"\` or \`"*:*"\`, on \`"*"\` or on an ARN
pattern that matches every resource (\`"arn:*"\`, \`"arn:aws:*"\`, \`"arn:*:*"\`, \`"arn:aws:*:*:*:*"\`: each
part after the partition a lone \`*\`). \`"Effect": "Allow"\` with \`NotAction\` on every resource is
reported whatever the length of its list: it grants every action of every service it does not name,
including services AWS adds later, so no exclusion list makes it least privilege (\`NotAction:
[iam:*]\` still allows turning off CloudTrail and reading every secret).

Reported in any identity policy: \`AWS::IAM::Policy\`, \`AWS::IAM::ManagedPolicy\`, inline
\`Policies\` of roles, users and groups, \`AWS::IAM::RolePolicy\`/\`UserPolicy\`/\`GroupPolicy\`,
statement documents and \`AdministratorAccess\` in SAM \`Policies\` (the function's generated role),
\`AdministratorAccess\` in \`ManagedPolicyArns\` of users, groups and roles (also written
\`!Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess\`), policy documents written as JSON
text, and values behind \`Fn::If\` (the message names the condition). In an account snapshot: the
inline policies of users, groups and roles, every customer managed policy, and
\`AdministratorAccess\` attached to users, groups and roles (other AWS managed policies are not
read: their documents are the same in every account).

The message says who ends up with the grant: a group's members, who a role's trust policy lets
assume it. A customer managed policy the account reports attached to nobody is reported as a
\`note\` (it grants nothing until someone attaches it); in a template, a managed policy nothing in the
template attaches keeps the rule's level, since another stack may attach it.

Not reported: a \`Deny\`; an Allow the same policy denies outright (\`Deny\` of \`*\` on \`*\` without a
condition); a managed policy used only as a permissions boundary (a boundary limits permissions and
grants none); a grant whose every principal has a permissions boundary (other than
\`AdministratorAccess\`), which caps it. A \`Condition\` does not make a statement safe: it is still
reported, as before. checkov's CKV_AWS_63 also reports \`"*"\` actions on narrower resources; this
rule does not.`,
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
    adminStatementArn:
      'Policy statement allows every action ("{{action}}") on every resource ("{{resource}}" matches them all) in {{policy}}{{attached}}{{via}}.',
    awsManagedAdmin: 'The AWS managed policy AdministratorAccess, which allows every action on every resource, is attached to {{principals}}{{via}}.',
    notActionStar: 'Policy statement allows every action except {{notActions}} on every resource ("*") in {{policy}}{{attached}}{{via}}.',
    notActionStarArn:
      'Policy statement allows every action except {{notActions}} on every resource ("{{resource}}" matches them all) in {{policy}}{{attached}}{{via}}.',
  },
  translations: {
    ja: {
      title: 'すべてのリソースに対するすべてのアクションを許可する IAM ポリシー',
      description:
        'IAM ポリシーに、Resource "*" (またはすべてのリソースに一致する ARN パターン) に対して Action "*" (または "*:*") を許可する Allow ステートメントがあるか、AWS 管理ポリシー AdministratorAccess がユーザー、グループ、ロールにアタッチされているか、Allow ステートメントがすべてのリソースに対して一部を除くすべてのアクション (NotAction) を許可しています。',
      docs: {
        risk: `\`"Resource": "*"\` に対して \`"Action": "*"\` を許可するステートメントは、それがアタッチされたすべてのプリンシパルを完全な管理者にします。すべてのシークレットとすべてのバケットを読み、どのリソースも削除し、新しいユーザーとアクセスキーを作成し、自分の行動を隠すために CloudTrail や GuardDuty をオフにできます。このようなロールを持つアクセスキーの漏えい、インスタンスの侵害、Lambda 関数のバグは、アカウント全体の乗っ取りにつながります。AWS 管理ポリシーの \`AdministratorAccess\` も同じステートメントです。

「すべてのリソースに対するすべてのアクション」とみなすもの: \`Action\` が \`"*"\` または \`"*:*"\` で、対象が \`"*"\` か、すべてのリソースに一致する ARN パターン (\`"arn:*"\`、\`"arn:aws:*"\`、\`"arn:*:*"\`、\`"arn:aws:*:*:*:*"\`: パーティションより後の各部分が単独の \`*\`) の場合です。すべてのリソースに対して \`NotAction\` を持つ \`"Effect": "Allow"\` は、リストの長さにかかわらず報告します。名前を挙げていないすべてのサービス (AWS が後から追加するサービスを含む) のすべてのアクションを許可するため、除外リストをどう書いても最小権限にはなりません (\`NotAction:
[iam:*]\` でも CloudTrail をオフにしたり、すべてのシークレットを読んだりできます)。

すべてのアイデンティティポリシーで報告します: \`AWS::IAM::Policy\`、\`AWS::IAM::ManagedPolicy\`、ロール・ユーザー・グループのインラインの \`Policies\`、\`AWS::IAM::RolePolicy\`/\`UserPolicy\`/\`GroupPolicy\`、SAM の \`Policies\` にあるステートメントのドキュメントと \`AdministratorAccess\` (関数に生成されるロール)、ユーザー・グループ・ロールの \`ManagedPolicyArns\` にある \`AdministratorAccess\` (\`!Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess\` という書き方も含む)、JSON テキストで書かれたポリシードキュメント、\`Fn::If\` の後ろにある値 (メッセージは条件の名前を示します)。アカウントのスナップショットでは: ユーザー・グループ・ロールのインラインポリシー、すべてのカスタマー管理ポリシー、ユーザー・グループ・ロールにアタッチされた \`AdministratorAccess\` (他の AWS 管理ポリシーは読みません。そのドキュメントはどのアカウントでも同じです)。

メッセージは、最終的に誰がその権限を得るかを示します: グループのメンバー、ロールの信頼ポリシーが引き受けを許可する相手です。アカウントが誰にもアタッチされていないと報告するカスタマー管理ポリシーは \`note\` として報告します (誰かがアタッチするまで何も許可しません)。テンプレートでは、テンプレート内の何もアタッチしていない管理ポリシーもルールのレベルのままです。別のスタックがアタッチするかもしれないからです。

報告しないもの: \`Deny\`。同じポリシーが明示的に拒否している Allow (条件なしの \`*\` に対する \`*\` の \`Deny\`)。アクセス許可の境界としてだけ使われる管理ポリシー (境界は権限を制限するもので、何も許可しません)。すべてのプリンシパルに (\`AdministratorAccess\` 以外の) アクセス許可の境界があり、それが上限となる権限。\`Condition\` があってもステートメントは安全にはならず、これまでどおり報告します。checkov の CKV_AWS_63 はより狭いリソースに対する \`"*"\` アクションも報告しますが、このルールは報告しません。`,
        fix: `ワークロードが呼び出すアクションを、使うリソースに対してだけ許可し、それ以外は許可しません。完全な管理者権限は、MFA を使う人が引き受ける緊急用のロールにとどめ、ワークロードやユーザーには与えません。

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

IAM Access Analyzer は、ロールが実際に使ったアクションから CloudTrail を元にポリシーを生成できます: IAM → ロール → 対象のロール → ポリシーの生成。CLI では、\`aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\` で管理者権限を持つ相手を一覧し、\`aws iam detach-role-policy\` で外します。`,
      },
      messages: {
        adminStatement:
          '{{policy}}{{attached}} のポリシーステートメントが、すべてのリソース ("*") に対するすべてのアクション ("{{action}}") を許可しています{{via}}。',
        adminStatementArn:
          '{{policy}}{{attached}} のポリシーステートメントが、すべてのリソース ("{{resource}}" はすべてに一致します) に対するすべてのアクション ("{{action}}") を許可しています{{via}}。',
        awsManagedAdmin:
          'すべてのリソースに対するすべてのアクションを許可する AWS 管理ポリシー AdministratorAccess が {{principals}} にアタッチされています{{via}}。',
        notActionStar:
          '{{policy}}{{attached}} のポリシーステートメントが、すべてのリソース ("*") に対して {{notActions}} 以外のすべてのアクションを許可しています{{via}}。',
        notActionStarArn:
          '{{policy}}{{attached}} のポリシーステートメントが、すべてのリソース ("{{resource}}" はすべてに一致します) に対して {{notActions}} 以外のすべてのアクションを許可しています{{via}}。',
      },
    },
  },
  entity: 'Policy',
  check(policy, context) {
    // A boundary only caps what other policies grant.
    if (policy.permissionsBoundary && policy.attachedTo.length === 0) return;
    // Every principal it reaches is capped by a permissions boundary: it grants no more than the boundaries allow.
    if (policy.attachedTo.length > 0 && policy.attachedTo.every(capped)) return;
    if (deniesEverything(policy)) return;
    type Id = 'adminStatement' | 'adminStatementArn' | 'awsManagedAdmin' | 'notActionStar' | 'notActionStarArn';
    const seen = new Set<string>();
    // Attached to nobody, it grants nothing yet: a note, until someone attaches it.
    const level = policy.unattached ? ({ level: 'note' } as const) : {};
    const report = (messageId: Id, location: SourceLocation, data: Record<string, string | LocalizedText>): void => {
      const key = `${messageId}:${location.line}:${location.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      context.report({ messageId, location, data, ...level });
    };
    const base = { policy: policy.displayName, principals: (lang: Lang) => principals(policy, lang), attached: (lang: Lang) => attachedText(policy, lang) };
    const awsAdmin = policy.arn !== undefined && ADMINISTRATOR_ACCESS.test(policy.arn);
    for (const s of policy.statements) {
      const resource = s.effect === 'Allow' ? everyResource(s) : undefined;
      if (resource === undefined) continue;
      const star = starAction(s);
      const via = viaText(s.via ?? policy.via);
      // Messages for "*" keep their data as before, so findings keep their fingerprints.
      const on: Record<string, string> = resource === '*' ? {} : { resource };
      if (star && awsAdmin) report('awsManagedAdmin', star.location, { ...base, via });
      else if (star) report(resource === '*' ? 'adminStatement' : 'adminStatementArn', star.location, { ...base, action: star.action, via, ...on });
      else if (s.actions.length === 0 && s.notActions.length > 0)
        report(resource === '*' ? 'notActionStar' : 'notActionStarArn', s.location, {
          ...base,
          notActions: moreText(s.notActions, 4, (v) => `"${v}"`),
          via,
          ...on,
        });
    }
  },
});
