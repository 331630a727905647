import { defineRule, type RootActivity, type SourceLocation } from '@mamori/core';
import { day, daysBefore, daysText } from '../../age.js';
import { daysOption } from '../../lib/options.js';

/** Root use within this many days of the snapshot is reported. CloudTrail's event history reaches back 90 days. */
export const ROOT_RECENT_USE_DAYS = 90;

interface Use {
  time: string;
  messageId: 'consoleSignIn' | 'accessKey' | 'apiCall';
  activity?: RootActivity;
  location?: SourceLocation;
}

export default defineRule({
  id: 'MAM206',
  name: 'root-recently-used',
  title: 'Root user used recently',
  description: `The account's root user signed in to the console, used an access key or made API calls in the last ${ROOT_RECENT_USE_DAYS} days, according to the credential report and CloudTrail's event history.`,
  severity: 'warning',
  securitySeverity: 6.5,
  area: 'identity',
  tags: ['iam', 'root', 'account'],
  compliance: { cis: ['1.7'] },
  covers: { prowler: ['iam_avoid_root_usage'] },
  docs: {
    risk: `The root user can do everything in the account, including closing it, and no IAM policy limits it.
Everyday work done as root leaves a password or key that, once phished or leaked, cannot be scoped down,
and its actions are hard to tell apart from an attacker's. Only a handful of tasks need root (changing
the account's contact or payment settings, restoring a locked bucket policy, closing the account); the
rest belongs to IAM Identity Center users or roles.

Calls that AWS services make on the root user's behalf (\`invokedBy\` set, or \`AwsServiceEvent\`) are
not counted, as in CIS's root-usage metric filter.`,
    fix: `Stop using the root user for routine work:

1. Create administrators in IAM Identity Center (or IAM roles assumed through your identity provider)
   and use them instead.
2. Delete any root access keys (see \`root-access-keys\`) and make sure root has MFA (\`root-mfa-disabled\`).
3. Store the root password and MFA device where break-glass procedures can reach them, and alert on
   root sign-ins: a CloudWatch metric filter or EventBridge rule on
   \`{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }\`.
4. In AWS Organizations, centralize root access (\`aws iam enable-organizations-root-credentials-management\`)
   so member accounts need no root credentials at all.

Review what root did: CloudTrail → Event history → filter on User name \`root\`.`,
  },
  messages: {
    consoleSignIn: 'The root user of account {{account}} signed in to the console on {{date}}, {{age}} before the snapshot.',
    accessKey: 'An access key of the root user of account {{account}} was used on {{date}}, {{age}} before the snapshot.',
    apiCall: 'The root user of account {{account}} called {{eventName}} on {{date}}, {{age}} before the snapshot ({{count}} root events in the event history).',
  },
  translations: {
    ja: {
      title: 'ルートユーザーが最近使われた',
      description: `認証情報レポートと CloudTrail のイベント履歴によると、アカウントのルートユーザーが過去 ${ROOT_RECENT_USE_DAYS} 日以内にコンソールにサインインしたか、アクセスキーを使ったか、API を呼び出しました。`,
      docs: {
        risk: `ルートユーザーはアカウントの閉鎖も含めてアカウントで何でもでき、どの IAM ポリシーも制限できません。ルートユーザーで日常の作業をすると、フィッシングや漏えいが起きたときに権限を絞れないパスワードやアクセスキーが残り、その操作は攻撃者の操作と見分けにくくなります。ルートユーザーが必要な作業はごくわずかで (アカウントの連絡先や支払いの設定の変更、ロックされたバケットポリシーの復旧、アカウントの閉鎖)、それ以外は IAM Identity Center のユーザーやロールで行います。

AWS のサービスがルートユーザーの代わりに行う呼び出し (\`invokedBy\` が設定されたもの、または \`AwsServiceEvent\`) は、CIS のルートユーザー使用のメトリクスフィルターと同じく数えません。`,
        fix: `日常の作業にルートユーザーを使うのをやめます:

1. IAM Identity Center で管理者を作成し (または ID プロバイダーを通じて引き受ける IAM ロール)、代わりにそれを使います。
2. ルートユーザーのアクセスキーをすべて削除し (\`root-access-keys\` を参照)、ルートユーザーに MFA があることを確かめます (\`root-mfa-disabled\`)。
3. ルートユーザーのパスワードと MFA デバイスを緊急時の手順で使える場所に保管し、ルートユーザーのサインインにアラートを設定します: 次のパターンに対する CloudWatch のメトリクスフィルターまたは EventBridge のルール \`{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }\`。
4. AWS Organizations でルートアクセスを一元管理し (\`aws iam enable-organizations-root-credentials-management\`)、メンバーアカウントにルートユーザーの認証情報がまったく要らないようにします。

ルートユーザーが何をしたかを確認します: CloudTrail → イベント履歴 → ユーザー名 \`root\` で絞り込み。`,
      },
      options: {
        days: 'スナップショットの前のこの日数以内のルートユーザーの使用を報告します。',
      },
      messages: {
        consoleSignIn: 'アカウント {{account}} のルートユーザーが {{date}} (スナップショットの {{age}} 前) にコンソールにサインインしました。',
        accessKey: 'アカウント {{account}} のルートユーザーのアクセスキーが {{date}} (スナップショットの {{age}} 前) に使われました。',
        apiCall:
          'アカウント {{account}} のルートユーザーが {{date}} (スナップショットの {{age}} 前) に {{eventName}} を呼び出しました (イベント履歴にルートのイベントが {{count}} 件)。',
      },
    },
  },
  optionsSchema: daysOption('Root use within this many days before the snapshot is reported.'),
  defaultOptions: { days: ROOT_RECENT_USE_DAYS },
  entity: 'RootAccount',
  reads: ['passwordLastUsed', 'accessKeysLastUsed', 'recentActivity'],
  check(root, context) {
    const uses: Use[] = [];
    if (root.passwordLastUsed) uses.push({ time: root.passwordLastUsed, messageId: 'consoleSignIn' });
    for (const t of root.accessKeysLastUsed) uses.push({ time: t, messageId: 'accessKey' });
    for (const a of root.recentActivity ?? []) {
      uses.push({
        time: a.time,
        messageId: a.eventName === 'ConsoleLogin' ? 'consoleSignIn' : 'apiCall',
        activity: a,
        ...(a.location ? { location: a.location } : {}),
      });
    }
    // The latest use decides; on a tie, the event history's record wins as it says more.
    let latest: { use: Use; days: number } | undefined;
    for (const use of uses) {
      const days = daysBefore(use.time, root.observedAt);
      if (days === undefined || days > context.options.days) continue;
      const newer = !latest || Date.parse(use.time) > Date.parse(latest.use.time) || (Date.parse(use.time) === Date.parse(latest.use.time) && use.activity);
      if (newer) latest = { use, days };
    }
    if (!latest) return;
    const { use, days } = latest;
    const data = { account: root.accountId, date: day(use.time), days, age: daysText(days) };
    const events = (root.recentActivity ?? []).length;
    context.report({
      messageId: use.messageId,
      data: use.messageId === 'apiCall' ? { ...data, eventName: use.activity?.eventName ?? 'unknown', count: events } : data,
      ...(use.location ? { location: use.location } : {}),
      properties: { lastUsed: use.time, daysBeforeSnapshot: days, thresholdDays: context.options.days },
    });
  },
});
