import { defineRule } from '@mamori/core';
import { day, daysBefore, daysText } from '../../age.js';
import { daysOption } from '../../lib/options.js';

/** An active key older than this many days is reported. */
export const ACCESS_KEY_MAX_AGE_DAYS = 90;

export default defineRule({
  id: 'MAM210',
  name: 'iam-access-key-not-rotated',
  title: `IAM user access key not rotated for ${ACCESS_KEY_MAX_AGE_DAYS} days or more`,
  description: `An IAM user's active access key was created ${ACCESS_KEY_MAX_AGE_DAYS} or more days before the snapshot.`,
  severity: 'warning',
  securitySeverity: 5.0,
  area: 'identity',
  tags: ['iam', 'credentials', 'access-key', 'account'],
  compliance: { fsbp: ['IAM.3'], cis: ['1.14'] },
  covers: { prowler: ['iam_rotate_access_key_90_days'] },
  docs: {
    risk: `A long-lived access key has had time to be copied into more places (scripts, CI settings, backups,
former colleagues' machines), and every copy stays valid until the key is replaced. Regular rotation
bounds how long a leaked key works and flushes out forgotten copies.`,
    fix: `Rotate without downtime: create a second key, move every user of the old key to it, then deactivate and
delete the old one.

\`\`\`sh
aws iam create-access-key --user-name USER
# update the applications, then:
aws iam update-access-key --user-name USER --access-key-id AKIA-OLD... --status Inactive
aws iam delete-access-key --user-name USER --access-key-id AKIA-OLD...
\`\`\`

Better still, replace the key with a role: instance profiles, ECS task roles, Lambda execution roles,
IAM Roles Anywhere, or GitHub's OIDC provider for CI.`,
  },
  messages: {
    notRotated: 'Access key {{key}} of IAM user {{user}} was created on {{date}}, {{age}} before the snapshot.',
  },
  translations: {
    ja: {
      title: `${ACCESS_KEY_MAX_AGE_DAYS} 日以上ローテーションされていない IAM ユーザーのアクセスキー`,
      description: `IAM ユーザーの有効なアクセスキーが、スナップショットの ${ACCESS_KEY_MAX_AGE_DAYS} 日以上前に作成されています。`,
      docs: {
        risk: `長く使われているアクセスキーは、より多くの場所 (スクリプト、CI の設定、バックアップ、元同僚のマシン) にコピーされる時間があり、どのコピーもキーが置き換えられるまで有効です。定期的なローテーションは、漏えいしたキーが使える期間を限り、忘れられたコピーをあぶり出します。`,
        fix: `ダウンタイムなしでローテーションします: 2 つ目のアクセスキーを作成し、古いキーの利用者をすべて移してから、古いキーを無効化して削除します。

\`\`\`sh
aws iam create-access-key --user-name USER
# update the applications, then:
aws iam update-access-key --user-name USER --access-key-id AKIA-OLD... --status Inactive
aws iam delete-access-key --user-name USER --access-key-id AKIA-OLD...
\`\`\`

さらによいのは、アクセスキーをロールに置き換えることです: インスタンスプロファイル、ECS のタスクロール、Lambda の実行ロール、IAM Roles Anywhere、CI には GitHub の OIDC プロバイダー。`,
      },
      options: {
        days: 'スナップショットのこの日数以上前に作成された有効なアクセスキーを報告します。',
      },
      messages: {
        notRotated: 'IAM ユーザー {{user}} のアクセスキー {{key}} は {{date}} に作成されたもので、スナップショットの {{age}} 前です。',
      },
    },
  },
  optionsSchema: daysOption('An active key created this many days or more before the snapshot is reported.'),
  defaultOptions: { days: ACCESS_KEY_MAX_AGE_DAYS },
  entity: 'IamUser',
  reads: ['accessKeys.active', 'accessKeys.createdAt'],
  check(user, context) {
    for (const key of user.accessKeys) {
      if (!key.active || !key.createdAt) continue;
      const days = daysBefore(key.createdAt, user.observedAt);
      if (days === undefined || days < context.options.days) continue;
      context.report({
        messageId: 'notRotated',
        data: { key: key.id, user: user.userName, date: day(key.createdAt), days, age: daysText(days) },
        ...(key.location ? { location: key.location } : {}),
      });
    }
  },
});
