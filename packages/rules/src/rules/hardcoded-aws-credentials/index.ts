import { defineRule } from '@mamori/core';

export default defineRule({
  id: 'MAM301',
  name: 'hardcoded-aws-credentials',
  title: 'AWS access key written into a file',
  description: 'An AWS access key id (AKIA…, ASIA…) or secret access key is written in the file. The value is shown redacted.',
  severity: 'error',
  securitySeverity: 9.5,
  area: 'secrets',
  tags: ['secrets', 'credentials', 'iam'],
  compliance: {},
  covers: { checkov: ['CKV_SECRET_2', 'CKV_AWS_45'], gitleaks: ['aws-access-token'] },
  docs: {
    risk: `Access keys in templates and code end up in repositories, build logs, CloudFormation's stack
view and every clone. Keys pushed to a public GitHub repository are found by automated scanners
within minutes and used to run crypto-miners or read data, billed to your account. Even in a private
repository the key outlives the reason it was written and cannot be rotated without changing code.

AWS documentation's example keys (\`AKIAIOSFODNN7EXAMPLE\`,
\`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\`) are not reported.

\`UserData\` written as a base64 literal is decoded and searched too; a key found there is reported
at the whole encoded value, since it has no position of its own inside the encoding.`,
    fix: `1. Deactivate and delete the key now, in IAM → Users → Security credentials, or
   \`aws iam update-access-key --access-key-id AKIA... --status Inactive --user-name ...\` then
   \`aws iam delete-access-key ...\`. Check CloudTrail for its use.
2. Remove it from the file, and from git history if it was committed.
3. Give the workload a role instead of a key: an instance profile, a Lambda execution role, an ECS
   task role, or GitHub's OIDC provider for CI. Where a secret is really needed, keep it in
   Secrets Manager and reference it dynamically:

\`\`\`yaml
Environment:
  Variables:
    API_TOKEN: '{{resolve:secretsmanager:prod/api-token:SecretString:token}}'
\`\`\``,
  },
  messages: {
    accessKeyId: 'Hard-coded AWS access key id {{redacted}} in {{where}}.',
    secretAccessKey: 'Hard-coded AWS secret access key {{redacted}} ({{evidence}}) in {{where}}.',
  },
  translations: {
    ja: {
      title: 'ファイルに書き込まれた AWS アクセスキー',
      description: 'AWS のアクセスキー ID (AKIA…、ASIA…) またはシークレットアクセスキーがファイルに書かれています。値は伏せて表示します。',
      docs: {
        risk: `テンプレートやコードに書かれたアクセスキーは、リポジトリ、ビルドログ、CloudFormation のスタックの画面、すべてのクローンに残ります。公開の GitHub リポジトリにプッシュされたキーは、自動化されたスキャナーに数分で見つかり、暗号通貨のマイニングやデータの読み取りに使われ、その料金はあなたのアカウントに請求されます。プライベートなリポジトリでも、キーは書かれた理由がなくなった後まで残り、コードを変えなければローテーションできません。

AWS ドキュメントの例のキー (\`AKIAIOSFODNN7EXAMPLE\`、\`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\`) は報告しません。

base64 のリテラルで書かれた \`UserData\` もデコードして検索します。そこで見つかったキーは、エンコードの中に独自の位置を持たないため、エンコードされた値全体の位置で報告します。`,
        fix: `1. 今すぐキーを無効化して削除します。IAM → ユーザー → セキュリティ認証情報、または \`aws iam update-access-key --access-key-id AKIA... --status Inactive --user-name ...\` のあと \`aws iam delete-access-key ...\`。CloudTrail でそのキーの使用履歴を確認します。
2. ファイルから削除し、コミットしていた場合は git の履歴からも削除します。
3. ワークロードにはアクセスキーの代わりにロールを与えます: インスタンスプロファイル、Lambda の実行ロール、ECS のタスクロール、CI には GitHub の OIDC プロバイダー。本当にシークレットが必要な場合は Secrets Manager に保存し、動的に参照します:

\`\`\`yaml
Environment:
  Variables:
    API_TOKEN: '{{resolve:secretsmanager:prod/api-token:SecretString:token}}'
\`\`\``,
      },
      messages: {
        accessKeyId: '{{where}} に AWS アクセスキー ID {{redacted}} がハードコードされています。',
        secretAccessKey: '{{where}} に AWS シークレットアクセスキー {{redacted}} がハードコードされています ({{evidence}})。',
      },
    },
  },
  entity: 'Secret',
  check(secret, context) {
    const where = secret.where;
    if (secret.secretType === 'aws-access-key-id') {
      context.report({ messageId: 'accessKeyId', data: { redacted: secret.redacted, where } });
    } else {
      context.report({ messageId: 'secretAccessKey', data: { redacted: secret.redacted, evidence: secret.evidence, where } });
    }
  },
});
