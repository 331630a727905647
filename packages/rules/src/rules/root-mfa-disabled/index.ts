import { defineRule } from '@mamori/core';

export default defineRule({
  id: 'MAM208',
  name: 'root-mfa-disabled',
  title: 'Root user has no MFA',
  description: "The account's root user has no multi-factor authentication device, according to the account summary or the credential report.",
  severity: 'error',
  securitySeverity: 9.0,
  area: 'identity',
  tags: ['iam', 'root', 'mfa', 'account'],
  compliance: { fsbp: ['IAM.9'], cis: ['1.5'] },
  covers: { prowler: ['iam_root_mfa_enabled'] },
  docs: {
    risk: `Without MFA, the root user's password alone opens the whole account: a reused, phished or guessed
password is enough to take it over, change its email and lock you out. Root is the one identity that
no policy can restrict, so it is the first to protect.`,
    fix: `Sign in as root → account menu → Security credentials → Multi-factor authentication (MFA) → Assign
MFA device. A FIDO2 security key or a hardware TOTP token kept in a safe is best for an account nobody
signs in to day to day; register a second device as a spare (root takes up to eight).

In AWS Organizations, member accounts can drop root credentials entirely with centralized root access
(\`aws iam enable-organizations-root-credentials-management\`); then there is no root password to protect.

CloudFormation cannot manage the root user's MFA; this is fixed in the account itself.`,
  },
  messages: {
    noMfa: 'The root user of account {{account}} has no MFA device.',
  },
  translations: {
    ja: {
      title: 'ルートユーザーに多要素認証 (MFA) がない',
      description: 'アカウントの概要または認証情報レポートによると、アカウントのルートユーザーに多要素認証 (MFA) デバイスがありません。',
      docs: {
        risk: `MFA がなければ、ルートユーザーのパスワードだけでアカウント全体が開きます。使い回されたり、フィッシングで盗まれたり、推測されたりしたパスワードだけで乗っ取られ、メールアドレスを変更されて締め出されます。ルートユーザーはどのポリシーでも制限できない唯一の ID であり、最初に保護すべきものです。`,
        fix: `ルートユーザーでサインイン → アカウントメニュー → セキュリティ認証情報 → 多要素認証 (MFA) → MFA デバイスの割り当て。日常的に誰もサインインしないアカウントには、金庫に保管した FIDO2 セキュリティキーかハードウェア TOTP トークンが最適です。予備として 2 つ目のデバイスを登録します (ルートユーザーには最大 8 つまで登録できます)。

AWS Organizations では、ルートアクセスの一元管理 (\`aws iam enable-organizations-root-credentials-management\`) でメンバーアカウントのルートユーザーの認証情報をなくせます。そうすれば保護すべきルートユーザーのパスワードがなくなります。

CloudFormation はルートユーザーの MFA を管理できません。アカウント自体で修正します。`,
      },
      messages: {
        noMfa: 'アカウント {{account}} のルートユーザーには MFA デバイスがありません。',
      },
    },
  },
  entity: 'RootAccount',
  reads: ['mfaActive'],
  check(root, context) {
    if (root.mfaActive !== false) return;
    context.report({ messageId: 'noMfa', data: { account: root.accountId } });
  },
});
