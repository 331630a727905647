import { defineRule } from '@mamori/core';
import { day, daysBefore, daysText } from '../../age.js';
import { daysOption } from '../../lib/options.js';

/** A user with no sign-in and no key use for this many days is reported. */
export const USER_INACTIVE_DAYS = 90;

export default defineRule({
  id: 'MAM213',
  name: 'iam-user-inactive',
  title: `IAM user inactive for ${USER_INACTIVE_DAYS} days or more`,
  description: `An IAM user has neither signed in to the console nor used an access key for ${USER_INACTIVE_DAYS} days or more (or never, and was created that long ago).`,
  severity: 'warning',
  securitySeverity: 4.3,
  area: 'identity',
  tags: ['iam', 'user', 'credentials', 'account'],
  compliance: { cis: ['1.12'] },
  covers: { prowler: ['iam_user_console_access_unused', 'iam_user_accesskey_unused'] },
  docs: {
    risk: `A user nobody uses still holds a password, keys and permissions: someone who left, a test
user, a tool that was replaced. Nobody notices when it is used again, which makes it the account an
attacker wants. One person, one user, removed when they no longer need it.

The last activity is the later of the console sign-in (\`password_last_used\` of the credential
report, or \`PasswordLastUsed\`) and every access key's last use (\`GetAccessKeyLastUsed\`, or the
report's \`access_key_N_last_used_date\`). A user created less than the threshold ago is not
inactive, and a user whose key's last use could not be read is not judged. Account snapshots only:
a template says nothing about use.`,
    fix: `Confirm with the owner, then remove the user's credentials and the user:

\`\`\`sh
aws iam delete-login-profile --user-name USER
aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive
aws iam delete-user --user-name USER   # after removing its keys, policies and group memberships
\`\`\`

In the console: IAM → Users → the user → Security credentials (disable console access, deactivate
keys), then Delete. People should sign in through IAM Identity Center instead of IAM users.`,
  },
  messages: {
    inactive: 'IAM user {{user}} last signed in or used an access key on {{date}}, {{age}} before the snapshot.',
    neverActive: 'IAM user {{user}} was created on {{date}}, {{age}} before the snapshot, and has never signed in or used an access key.',
  },
  translations: {
    ja: {
      title: `${USER_INACTIVE_DAYS} 日以上使われていない IAM ユーザー`,
      description: `IAM ユーザーが ${USER_INACTIVE_DAYS} 日以上、コンソールにサインインもアクセスキーの使用もしていません (または一度もなく、それ以上前に作成されています)。`,
      docs: {
        risk: `誰も使っていないユーザーも、パスワード、アクセスキー、権限を持ち続けます。辞めた人、テスト用のユーザー、置き換えられたツールなどです。再び使われても誰も気付かないため、攻撃者にとって格好のアカウントです。1 人に 1 ユーザーとし、必要なくなったら削除します。

最後のアクティビティは、コンソールへのサインイン (認証情報レポートの \`password_last_used\`、または \`PasswordLastUsed\`) と、各アクセスキーの最終使用 (\`GetAccessKeyLastUsed\`、またはレポートの \`access_key_N_last_used_date\`) のうち遅いほうです。しきい値より最近に作成されたユーザーは非アクティブとはみなさず、アクセスキーの最終使用を読み取れなかったユーザーは判定しません。アカウントのスナップショットのみが対象です。テンプレートからは使用状況が分かりません。`,
        fix: `所有者に確認してから、ユーザーの認証情報とユーザーを削除します:

\`\`\`sh
aws iam delete-login-profile --user-name USER
aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive
aws iam delete-user --user-name USER   # after removing its keys, policies and group memberships
\`\`\`

コンソールでは: IAM → ユーザー → 対象のユーザー → セキュリティ認証情報 (コンソールアクセスを無効化し、アクセスキーを非アクティブ化)、そのあと削除。人は IAM ユーザーではなく IAM Identity Center でサインインすべきです。`,
      },
      options: {
        days: 'この日数以上、コンソールへのサインインもアクセスキーの使用もないユーザーを報告します。',
      },
      messages: {
        inactive: 'IAM ユーザー {{user}} の最後のサインインまたはアクセスキーの使用は {{date}} で、スナップショットの {{age}} 前です。',
        neverActive: 'IAM ユーザー {{user}} は {{date}} (スナップショットの {{age}} 前) に作成され、一度もサインインもアクセスキーの使用もしていません。',
      },
    },
  },
  optionsSchema: daysOption('A user with no console sign-in and no access key use for this many days or more is reported.'),
  defaultOptions: { days: USER_INACTIVE_DAYS },
  entity: 'IamUser',
  reads: ['createdAt', 'passwordLastUsed', 'accessKeys'],
  check(user, context) {
    if (user.source !== 'snapshot') return;
    // A key whose last use was not read could have been used yesterday.
    if (user.accessKeys.some((k) => !k.lastUsedKnown && !k.lastUsedAt)) return;
    const uses = [user.passwordLastUsed, ...user.accessKeys.map((k) => k.lastUsedAt)].filter(
      (d): d is string => d !== undefined && !Number.isNaN(Date.parse(d)),
    );
    const last = uses.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    const created = daysBefore(user.createdAt, user.observedAt);
    if (created !== undefined && created < context.options.days) return;
    if (last) {
      const days = daysBefore(last, user.observedAt);
      if (days === undefined || days < context.options.days) return;
      context.report({ messageId: 'inactive', data: { user: user.userName, date: day(last), days, age: daysText(days) } });
    } else if (user.createdAt && created !== undefined) {
      context.report({ messageId: 'neverActive', data: { user: user.userName, date: day(user.createdAt), days: created, age: daysText(created) } });
    }
  },
});
