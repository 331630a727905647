import { defineRule } from '@mamori/core';
import { day, daysBefore, daysText } from '../../age.js';
import { daysOption } from '../../lib/options.js';

/** An active key not used for this many days is reported. */
export const ACCESS_KEY_UNUSED_DAYS = 90;

export default defineRule({
  id: 'MAM209',
  name: 'iam-access-key-unused',
  title: `IAM user access key unused for ${ACCESS_KEY_UNUSED_DAYS} days or more`,
  description: `An IAM user's active access key was last used ${ACCESS_KEY_UNUSED_DAYS} or more days before the snapshot, or was never used and is that old.`,
  severity: 'warning',
  securitySeverity: 5.5,
  area: 'identity',
  tags: ['iam', 'credentials', 'access-key', 'account'],
  compliance: { fsbp: ['IAM.8'] },
  covers: { prowler: ['iam_user_accesskey_unused'] },
  docs: {
    risk: `A key nobody uses is still a working credential: it sits in an old CI variable, a laptop or a
repository until someone else finds it. Unused keys are pure risk, since nothing breaks when they go,
and they are the credentials least likely to be noticed when misused.

The last use comes from IAM's \`GetAccessKeyLastUsed\`; keys that are already inactive are not reported.`,
    fix: `Deactivate the key, wait to see that nothing breaks, then delete it:

\`\`\`sh
aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive
aws iam delete-access-key --user-name USER --access-key-id AKIA...
\`\`\`

In the console: IAM → Users → the user → Security credentials → Access keys → Actions → Deactivate,
then Delete. Workloads should use roles (instance profiles, task roles, OIDC for CI) instead of keys.`,
  },
  messages: {
    unused: 'Access key {{key}} of IAM user {{user}} was last used on {{date}}, {{age}} before the snapshot.',
    neverUsed: 'Access key {{key}} of IAM user {{user}} was created on {{date}}, {{age}} before the snapshot, and never used.',
  },
  translations: {
    ja: {
      title: `${ACCESS_KEY_UNUSED_DAYS} 日以上使われていない IAM ユーザーのアクセスキー`,
      description: `IAM ユーザーの有効なアクセスキーが最後に使われたのがスナップショットの ${ACCESS_KEY_UNUSED_DAYS} 日以上前か、一度も使われずにそれだけの日数が経っています。`,
      docs: {
        risk: `誰も使っていないアクセスキーも、有効な認証情報であることに変わりはありません。古い CI の変数、ノート PC、リポジトリに残り、いずれ誰かに見つかります。使われていないキーは、なくなっても何も壊れないためリスクでしかなく、悪用されても最も気付かれにくい認証情報です。

最終使用日時は IAM の \`GetAccessKeyLastUsed\` から得ます。すでに無効なキーは報告しません。`,
        fix: `アクセスキーを無効化し、何も壊れないことを確かめてから削除します:

\`\`\`sh
aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive
aws iam delete-access-key --user-name USER --access-key-id AKIA...
\`\`\`

コンソールでは: IAM → ユーザー → 対象のユーザー → セキュリティ認証情報 → アクセスキー → アクション → 非アクティブ化、そのあと削除。ワークロードはアクセスキーではなくロール (インスタンスプロファイル、タスクロール、CI には OIDC) を使うべきです。`,
      },
      options: {
        days: 'この日数以上使われていない有効なアクセスキーを報告します。',
      },
      messages: {
        unused: 'IAM ユーザー {{user}} のアクセスキー {{key}} の最終使用日は {{date}} で、スナップショットの {{age}} 前です。',
        neverUsed: 'IAM ユーザー {{user}} のアクセスキー {{key}} は {{date}} (スナップショットの {{age}} 前) に作成され、一度も使われていません。',
      },
    },
  },
  optionsSchema: daysOption('An active key unused for this many days or more is reported.'),
  defaultOptions: { days: ACCESS_KEY_UNUSED_DAYS },
  entity: 'IamUser',
  reads: ['accessKeys'],
  check(user, context) {
    for (const key of user.accessKeys) {
      if (!key.active) continue;
      const location = key.location ? { location: key.location } : {};
      if (key.lastUsedAt) {
        const days = daysBefore(key.lastUsedAt, user.observedAt);
        if (days === undefined || days < context.options.days) continue;
        context.report({ messageId: 'unused', data: { key: key.id, user: user.userName, date: day(key.lastUsedAt), days, age: daysText(days) }, ...location });
      } else if (key.lastUsedKnown && key.createdAt) {
        // Never used: judge by age, so a key made yesterday is not yet "unused".
        const days = daysBefore(key.createdAt, user.observedAt);
        if (days === undefined || days < context.options.days) continue;
        context.report({
          messageId: 'neverUsed',
          data: { key: key.id, user: user.userName, date: day(key.createdAt), days, age: daysText(days) },
          ...location,
        });
      }
    }
  },
});
