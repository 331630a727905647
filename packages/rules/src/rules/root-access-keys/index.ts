import { defineRule } from '@mamori/core';
import { day } from '../../age.js';
import { texts } from '../../lib/text.js';

export default defineRule({
  id: 'MAM207',
  name: 'root-access-keys',
  title: 'Root user has an access key',
  description: "The account's root user has an active access key, according to the account summary or the credential report.",
  severity: 'error',
  securitySeverity: 9.0,
  area: 'identity',
  tags: ['iam', 'root', 'credentials', 'account'],
  compliance: { fsbp: ['IAM.4'], cis: ['1.4'] },
  covers: { prowler: ['iam_no_root_access_key'] },
  docs: {
    risk: `A root access key grants every permission in the account to whoever holds it, with no policy that
can narrow it and no MFA in the way. Keys end up in scripts, CI variables and laptops, and a leaked root
key means losing the account: attackers use them to create users, run crypto-miners and delete backups.
No task requires a root access key.`,
    fix: `Delete the root user's access keys:

1. Sign in as root → account menu → Security credentials → Access keys → Deactivate, then Delete.
   First check in CloudTrail (Event history, User name \`root\`) and in the credential report
   (\`access_key_1_last_used_date\`) whether something still uses the key, and move it to an IAM role.
2. In AWS Organizations with centralized root access
   (\`aws iam enable-organizations-root-credentials-management\`), the management account can delete a
   member account's root credentials through \`aws sts assume-root\` with the
   \`IAMDeleteRootUserCredentials\` task policy.

CloudFormation cannot create or delete root access keys; this is fixed in the account itself.`,
  },
  messages: {
    accessKey: 'The root user of account {{account}} has an active access key{{lastUsed}}.',
  },
  translations: {
    ja: {
      title: 'ルートユーザーがアクセスキーを持っている',
      description: 'アカウントの概要または認証情報レポートによると、アカウントのルートユーザーに有効なアクセスキーがあります。',
      docs: {
        risk: `ルートユーザーのアクセスキーは、持っている人にアカウントのすべての権限を与えます。それを狭めるポリシーはなく、MFA も介在しません。アクセスキーはスクリプト、CI の変数、ノート PC に行き着き、ルートユーザーのキーの漏えいはアカウントの喪失を意味します。攻撃者はそれを使ってユーザーを作成し、暗号通貨のマイニングを実行し、バックアップを削除します。ルートユーザーのアクセスキーが必要な作業はありません。`,
        fix: `ルートユーザーのアクセスキーを削除します:

1. ルートユーザーでサインイン → アカウントメニュー → セキュリティ認証情報 → アクセスキー → 非アクティブ化、そのあと削除。先に CloudTrail (イベント履歴、ユーザー名 \`root\`) と認証情報レポート (\`access_key_1_last_used_date\`) で、まだそのキーを使っているものがないかを確認し、IAM ロールに移します。
2. ルートアクセスの一元管理を有効にした AWS Organizations では (\`aws iam enable-organizations-root-credentials-management\`)、管理アカウントが \`IAMDeleteRootUserCredentials\` タスクポリシーで \`aws sts assume-root\` を使い、メンバーアカウントのルートユーザーの認証情報を削除できます。

CloudFormation はルートユーザーのアクセスキーを作成も削除もできません。アカウント自体で修正します。`,
      },
      messages: {
        accessKey: 'アカウント {{account}} のルートユーザーは有効なアクセスキーを持っています{{lastUsed}}。',
      },
    },
  },
  entity: 'RootAccount',
  reads: ['accessKeysPresent'],
  check(root, context) {
    if (root.accessKeysPresent !== true) return;
    const latest = [...root.accessKeysLastUsed].sort().pop();
    context.report({
      messageId: 'accessKey',
      data: { account: root.accountId, lastUsed: latest ? texts({ en: ` (last used on ${day(latest)})`, ja: ` (最終使用日 ${day(latest)})` }) : '' },
    });
  },
});
