import { defineRule } from '@mamori/core';
import { day } from '../../age.js';
import { texts } from '../../lib/text.js';

export default defineRule({
  id: 'MAM214',
  name: 'iam-console-user-unused-key',
  title: 'IAM console user has an access key it does not use',
  description:
    'An IAM user who signs in to the console with a password also has an active access key that was never used (in a template: a user with a LoginProfile is given an active AWS::IAM::AccessKey).',
  severity: 'warning',
  securitySeverity: 4.3,
  area: 'identity',
  tags: ['iam', 'user', 'access-key', 'console'],
  compliance: { cis: ['1.11'] },
  covers: { prowler: ['iam_user_no_setup_initial_access_key'] },
  docs: {
    risk: `People who use the console need no access keys. A key made "just in case" when the user was
created (the console used to offer it) sits unused in a downloaded CSV file or an email, a working
credential with all the user's permissions that nobody would miss. CIS AWS Foundations 1.11 asks that
no access key be set up at user creation for users with a console password.

In an account snapshot: a user with a console password (\`password_enabled\`) and an active key
whose last use IAM reports as never. In a template: a user with a \`LoginProfile\` and an
\`AWS::IAM::AccessKey\` whose \`Status\` is \`Active\` (the default) — the key is necessarily unused when
the stack is deployed, and the template makes the same person hold both kinds of credential, which
is what the advice is about.`,
    fix: `Delete the key; give programs their own role (or, if a person really needs the CLI, short-lived
credentials from IAM Identity Center with \`aws sso login\`).

\`\`\`sh
aws iam delete-access-key --user-name USER --access-key-id AKIA...
\`\`\`

In the console: IAM → Users → the user → Security credentials → Access keys → Actions → Delete. In a
template, remove the \`AWS::IAM::AccessKey\` of the console user:

\`\`\`yaml
Operator:
  Type: AWS::IAM::User
  Properties:
    Groups: [!Ref Operators]
    LoginProfile:
      Password: '{{resolve:secretsmanager:operator-initial-password}}'
      PasswordResetRequired: true
\`\`\``,
  },
  messages: {
    neverUsed:
      'IAM user {{user}} signs in to the console and also has access key {{key}}, active and never used (created {{date}}); console users need no access keys.',
    templateKey: 'IAM user {{user}} has a console password (LoginProfile) and is given the active access key {{key}}; console users need no access keys.',
  },
  translations: {
    ja: {
      title: '使っていないアクセスキーを持つ IAM コンソールユーザー',
      description:
        'パスワードでコンソールにサインインする IAM ユーザーが、一度も使われていない有効なアクセスキーも持っています (テンプレートでは、LoginProfile を持つユーザーに有効な AWS::IAM::AccessKey が与えられています)。',
      docs: {
        risk: `コンソールを使う人にアクセスキーは不要です。ユーザー作成時に「念のため」作られたキー (以前はコンソールが作成を勧めていました) は、ダウンロードされた CSV ファイルやメールの中に使われないまま残ります。ユーザーのすべての権限を持つ有効な認証情報でありながら、なくなっても誰も困りません。CIS AWS Foundations 1.11 は、コンソールパスワードを持つユーザーには作成時にアクセスキーを設定しないことを求めています。

アカウントのスナップショットでは: コンソールパスワード (\`password_enabled\`) を持ち、IAM が一度も使われていないと報告する有効なキーを持つユーザー。テンプレートでは: \`LoginProfile\` を持ち、\`Status\` が \`Active\` (デフォルト) の \`AWS::IAM::AccessKey\` を持つユーザーです。スタックのデプロイ時点でキーは必ず未使用であり、テンプレートが同じ人に両方の種類の認証情報を持たせていること自体が、この推奨事項の対象です。`,
        fix: `アクセスキーを削除します。プログラムには専用のロールを与えます (人がどうしても CLI を必要とする場合は、\`aws sso login\` で IAM Identity Center の短期的な認証情報を使います)。

\`\`\`sh
aws iam delete-access-key --user-name USER --access-key-id AKIA...
\`\`\`

コンソールでは: IAM → ユーザー → 対象のユーザー → セキュリティ認証情報 → アクセスキー → アクション → 削除。テンプレートでは、コンソールユーザーの \`AWS::IAM::AccessKey\` を削除します:

\`\`\`yaml
Operator:
  Type: AWS::IAM::User
  Properties:
    Groups: [!Ref Operators]
    LoginProfile:
      Password: '{{resolve:secretsmanager:operator-initial-password}}'
      PasswordResetRequired: true
\`\`\``,
      },
      messages: {
        neverUsed:
          'IAM ユーザー {{user}} はコンソールにサインインし、有効で一度も使われていないアクセスキー {{key}} も持っています ({{date}} に作成)。コンソールユーザーにアクセスキーは不要です。',
        templateKey:
          'IAM ユーザー {{user}} はコンソールパスワード (LoginProfile) を持ち、有効なアクセスキー {{key}} も与えられています。コンソールユーザーにアクセスキーは不要です。',
      },
    },
  },
  entity: 'IamUser',
  reads: ['consoleAccess', 'accessKeys'],
  check(user, context) {
    if (user.consoleAccess !== true) return;
    for (const key of user.accessKeys) {
      if (!key.active) continue;
      const location = key.location ? { location: key.location } : {};
      if (user.source === 'template') {
        context.report({ messageId: 'templateKey', data: { user: user.displayName, key: key.id }, ...location });
      } else if (key.lastUsedKnown && !key.lastUsedAt) {
        context.report({
          messageId: 'neverUsed',
          data: { user: user.userName, key: key.id, date: key.createdAt ? day(key.createdAt) : texts({ en: 'on an unknown date', ja: '不明な日' }) },
          ...location,
        });
      }
    }
  },
});
