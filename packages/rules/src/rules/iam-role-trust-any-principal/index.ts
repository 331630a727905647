import { defineRule, type TrustCondition, type TrustStatement } from '@mamori/core';
import { viaText } from '../../lib/text.js';

/**
 * Condition keys that narrow who may assume the role to known principals: their organization or
 * account, their ARN, the resource or account acting for a service, or a shared external id.
 */
const RESTRICTING_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
  'aws:userid',
  'sts:externalid',
]);

/**
 * A condition restricts when it requires a restricting key to equal or match (not `*`) given values:
 * a negated operator (`StringNotEquals`), `...IfExists` (passes without the key) or `Null` does not.
 */
function restricts(c: TrustCondition): boolean {
  if (!RESTRICTING_KEYS.has(c.key)) return false;
  const op = c.operator.replace(/^For(All|Any)Values:/, '');
  if (/IfExists$/.test(op) || /Not/.test(op) || op === 'Null' || op === 'Bool') return false;
  return c.values.length > 0 && c.values.every((v) => v !== '' && v !== '*' && !/^[*?]+$/.test(v));
}

/** `arn:aws:iam::*:root` and the like: every account of a partition. */
const ANY_ACCOUNT = /^arn:aws[a-z-]*:iam::\*:(root|\*)$/;

/** What in the statement opens the role to anyone: `*`, any account, or NotPrincipal. */
function anyPrincipal(s: TrustStatement): string | undefined {
  if (s.notPrincipal) return 'NotPrincipal (everyone but the principals it names)';
  for (const p of s.principals) {
    if (p.type === '*') return 'Principal "*"';
    if (p.type === 'AWS' && p.value === '*') return 'Principal { "AWS": "*" }';
    if (p.type === 'AWS' && ANY_ACCOUNT.test(p.value)) return `Principal { "AWS": "${p.value}" } (every AWS account)`;
  }
  return undefined;
}

function assumes(s: TrustStatement): boolean {
  return s.actions.length === 0 || s.actions.some((a) => a === '*' || a === 'sts:*' || /^sts:AssumeRole/i.test(a));
}

export default defineRule({
  id: 'MAM212',
  name: 'iam-role-trust-any-principal',
  title: 'IAM role can be assumed by any principal',
  description:
    'A role\'s trust policy allows Principal "*" (or { "AWS": "*" }, or every account\'s root, or NotPrincipal) to assume it, with no condition that narrows who (organization, account, source, external id).',
  severity: 'error',
  securitySeverity: 8.1,
  area: 'identity',
  tags: ['iam', 'role', 'trust-policy', 'cross-account'],
  compliance: {},
  covers: { checkov: ['CKV_AWS_60'] },
  docs: {
    risk: `A role's trust policy says who may call \`sts:AssumeRole\` and get its permissions. With
\`"Principal": "*"\` or \`{ "AWS": "*" }\` that is anyone with an AWS account, in any organization:
whoever learns the role's ARN (they are easy to guess: \`arn:aws:iam::<account>:role/<name>\`) gets
whatever the role may do. \`arn:aws:iam::*:root\` is the same (IAM rejects it in a trust policy;
the intent is still "every account"), and so is an \`Allow\` with \`NotPrincipal\`.

A condition makes it safe only when it pins the caller down. Counted as restricting: \`aws:PrincipalOrgID\`,
\`aws:PrincipalOrgPaths\`, \`aws:PrincipalAccount\`, \`aws:PrincipalArn\`, \`aws:SourceAccount\`,
\`aws:SourceArn\`, \`aws:SourceOrgID\`, \`aws:SourceOrgPaths\`, \`aws:SourceOwner\`, \`aws:userid\` and
\`sts:ExternalId\`, with a positive operator (\`StringEquals\`, \`StringLike\`, \`ArnLike\` ...) and values
that are not only \`*\`. A negated operator (\`StringNotEquals\`), \`...IfExists\` (true when the key is
absent), \`Null\` and \`Bool\` do not restrict, nor do network conditions (\`aws:SourceIp\`): they say
from where, not who. A \`Deny\` statement is never reported.

Reported for \`AWS::IAM::Role\` in templates and for every role of an account snapshot.`,
    fix: `Name the principals that need the role, and add a condition when a third party or a service assumes it.

\`\`\`yaml
CrossAccountRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal: { AWS: arn:aws:iam::111122223333:root }
          Action: sts:AssumeRole
          Condition:
            StringEquals: { sts:ExternalId: !Ref ExternalId }
\`\`\`

In the console: IAM → Roles → the role → Trust relationships → Edit trust policy. With the CLI:
\`aws iam update-assume-role-policy --role-name NAME --policy-document file://trust.json\`.`,
  },
  messages: {
    anyPrincipal: 'IAM role {{role}} can be assumed by any principal: its trust policy allows {{principal}} without a condition that restricts who{{via}}.',
  },
  translations: {
    ja: {
      title: 'どのプリンシパルでも引き受けられる IAM ロール',
      description:
        'ロールの信頼ポリシーが、誰が引き受けるかを絞り込む条件 (組織、アカウント、ソース、外部 ID) なしに、Principal "*" (または { "AWS": "*" }、すべてのアカウントのルート、NotPrincipal) による引き受けを許可しています。',
      docs: {
        risk: `ロールの信頼ポリシーは、誰が \`sts:AssumeRole\` を呼び出してその権限を得られるかを定めます。\`"Principal": "*"\` や \`{ "AWS": "*" }\` では、どの組織であれ AWS アカウントを持つ誰でもが対象です。ロールの ARN を知った者 (\`arn:aws:iam::<account>:role/<name>\` なので推測は容易です) は、ロールができることを何でもできます。\`arn:aws:iam::*:root\` も同じで (IAM は信頼ポリシーでこれを拒否しますが、意図は「すべてのアカウント」です)、\`NotPrincipal\` を持つ \`Allow\` も同様です。

条件が安全にするのは、呼び出し元を特定できる場合だけです。制限とみなすもの: \`aws:PrincipalOrgID\`、\`aws:PrincipalOrgPaths\`、\`aws:PrincipalAccount\`、\`aws:PrincipalArn\`、\`aws:SourceAccount\`、\`aws:SourceArn\`、\`aws:SourceOrgID\`、\`aws:SourceOrgPaths\`、\`aws:SourceOwner\`、\`aws:userid\`、\`sts:ExternalId\` を、肯定の演算子 (\`StringEquals\`、\`StringLike\`、\`ArnLike\` ...) と、\`*\` だけではない値で使う場合です。否定の演算子 (\`StringNotEquals\`)、\`...IfExists\` (キーがないと true)、\`Null\`、\`Bool\` は制限にならず、ネットワークの条件 (\`aws:SourceIp\`) も同様です。それらはどこからかを示すだけで、誰かを示しません。\`Deny\` のステートメントは報告しません。

テンプレートの \`AWS::IAM::Role\` と、アカウントのスナップショットのすべてのロールについて報告します。`,
        fix: `ロールを必要とするプリンシパルを名指しし、サードパーティやサービスが引き受ける場合は条件を追加します。

\`\`\`yaml
CrossAccountRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal: { AWS: arn:aws:iam::111122223333:root }
          Action: sts:AssumeRole
          Condition:
            StringEquals: { sts:ExternalId: !Ref ExternalId }
\`\`\`

コンソールでは: IAM → ロール → 対象のロール → 信頼関係 → 信頼ポリシーを編集。CLI では: \`aws iam update-assume-role-policy --role-name NAME --policy-document file://trust.json\`。`,
      },
      messages: {
        anyPrincipal:
          'IAM ロール {{role}} はどのプリンシパルでも引き受けられます。信頼ポリシーが、引き受ける者を制限する条件なしに {{principal}} を許可しています{{via}}。',
      },
    },
  },
  entity: 'IamRole',
  reads: ['trust'],
  check(role, context) {
    const seen = new Set<string>();
    for (const s of role.trust) {
      if (s.effect !== 'Allow' || !assumes(s)) continue;
      const principal = anyPrincipal(s);
      if (!principal || s.conditions.some(restricts)) continue;
      const key = `${s.location.line}:${s.location.column}:${principal}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.report({
        messageId: 'anyPrincipal',
        location: s.location,
        data: { role: role.displayName, principal, via: viaText(s.via) },
      });
    }
  },
});
