import { defineRule } from '@mamori/core';
import { day } from '../../age.js';
import { texts } from '../../lib/text.js';

export default defineRule({
  id: 'MAM211',
  name: 'iam-console-user-without-mfa',
  title: 'IAM user with a console password has no MFA',
  description: 'An IAM user can sign in to the AWS console with a password but has no multi-factor authentication device.',
  severity: 'error',
  securitySeverity: 7.5,
  area: 'identity',
  tags: ['iam', 'mfa', 'console', 'account'],
  compliance: { fsbp: ['IAM.5'], cis: ['1.10'] },
  covers: { prowler: ['iam_user_mfa_enabled_console_access'] },
  docs: {
    risk: `A console password is all it takes to sign in as this user: passwords are phished, reused from
breached sites and guessed. With MFA, a stolen password alone is not enough. Console users are usually
people with broad permissions, which makes them the most valuable accounts to take over.`,
    fix: `Give the user an MFA device (IAM → Users → the user → Security credentials → Assign MFA device), or
remove the console password if the user does not need the console
(\`aws iam delete-login-profile --user-name USER\`). A policy that denies everything but MFA setup
without \`aws:MultiFactorAuthPresent\` makes MFA mandatory.

Better, move people to IAM Identity Center, which enforces MFA for everyone, and keep IAM users for the
few machines that cannot use roles.`,
  },
  messages: {
    noMfa: 'IAM user {{user}} can sign in to the console with a password{{lastUsed}} but has no MFA device.',
  },
  translations: {
    ja: {
      title: 'コンソールパスワードを持つ IAM ユーザーに多要素認証 (MFA) がない',
      description: 'IAM ユーザーがパスワードで AWS マネジメントコンソールにサインインできますが、多要素認証 (MFA) デバイスがありません。',
      docs: {
        risk: `このユーザーとしてサインインするのに必要なのはコンソールパスワードだけです。パスワードはフィッシングで盗まれ、漏えいしたサイトから使い回され、推測されます。MFA があれば、盗まれたパスワードだけではサインインできません。コンソールユーザーは多くの場合、広い権限を持つ人であり、乗っ取る価値が最も高いアカウントです。`,
        fix: `ユーザーに MFA デバイスを割り当てるか (IAM → ユーザー → 対象のユーザー → セキュリティ認証情報 → MFA デバイスの割り当て)、コンソールが不要ならコンソールパスワードを削除します (\`aws iam delete-login-profile --user-name USER\`)。\`aws:MultiFactorAuthPresent\` がない場合に MFA の設定以外をすべて拒否するポリシーで、MFA を必須にできます。

さらによいのは、人は全員に MFA を強制する IAM Identity Center に移し、IAM ユーザーはロールを使えない少数のマシン用にとどめることです。`,
      },
      messages: {
        noMfa: 'IAM ユーザー {{user}} はパスワードでコンソールにサインインできます{{lastUsed}}が、MFA デバイスがありません。',
      },
    },
  },
  entity: 'IamUser',
  reads: ['consoleAccess', 'mfaActive'],
  check(user, context) {
    if (user.consoleAccess !== true || user.mfaActive !== false) return;
    context.report({
      messageId: 'noMfa',
      data: {
        user: user.userName,
        lastUsed: user.passwordLastUsed
          ? texts({ en: ` (last used on ${day(user.passwordLastUsed)})`, ja: ` (最終使用日 ${day(user.passwordLastUsed)})` })
          : '',
      },
    });
  },
});
