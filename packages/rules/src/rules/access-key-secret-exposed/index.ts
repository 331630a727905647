import { defineRule } from '@mamori/core';

export default defineRule({
  id: 'MAM203',
  name: 'access-key-secret-exposed',
  title: 'Secret access key of an IAM access key handed out in clear text',
  description:
    'The SecretAccessKey attribute of an AWS::IAM::AccessKey is written to an output, an environment variable, a plain SSM parameter, tags, user data or another property that is not a Secrets Manager secret.',
  severity: 'error',
  securitySeverity: 8.6,
  area: 'secrets',
  tags: ['iam', 'credentials', 'access-key', 'secrets'],
  compliance: {},
  covers: {},
  docs: {
    risk: `\`Fn::GetAtt [Key, SecretAccessKey]\` is the only time CloudFormation reveals a new key's secret.
Wherever the template puts it, it stays readable in clear text by everyone who can read that
place: stack outputs (\`cloudformation:DescribeStacks\`, the console, and every stack that imports an
export), Lambda environment variables (\`lambda:GetFunctionConfiguration\`), \`String\` SSM
parameters, tags (visible through almost every read-only API), EC2 user data
(\`ec2:DescribeInstanceAttribute\` and the instance metadata service) and resource properties. With
the key id next to it, that is a working long-term credential of the user, valid until someone
rotates it.

A Secrets Manager secret's \`SecretString\` is the place meant for it and is not reported. Each
place the secret is written is reported on its own line, also inside \`Fn::Sub\`
(\`\${Key.SecretAccessKey}\`) and \`Fn::Join\`.`,
    fix: `Prefer no long-term key at all: give the workload a role (instance profile, task role, Lambda
execution role, IAM Roles Anywhere or OIDC federation for CI outside AWS). When a key is truly
needed, store it in Secrets Manager and let consumers read it from there:

\`\`\`yaml
DeployKeySecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    SecretString: !Sub '{"AccessKeyId":"\${DeployKey}","SecretAccessKey":"\${DeployKey.SecretAccessKey}"}'
Outputs:
  DeployKeySecretArn:
    Value: !Ref DeployKeySecret
\`\`\`

A key that was already exposed must be treated as leaked: create a new one and delete the old
one (IAM → Users → Security credentials, or \`aws iam create-access-key\` then
\`aws iam delete-access-key --access-key-id AKIA...\`), and check CloudTrail for its use.`,
  },
  messages: {
    exposed: 'The secret access key of {{key}}{{user}} is handed out in clear text in {{where}}.',
  },
  translations: {
    ja: {
      title: 'IAM アクセスキーのシークレットアクセスキーが平文で渡されている',
      description:
        'AWS::IAM::AccessKey の SecretAccessKey 属性が、出力、環境変数、暗号化されていない SSM パラメータ、タグ、ユーザーデータなど、Secrets Manager のシークレット以外のプロパティに書き込まれています。',
      docs: {
        risk: `\`Fn::GetAtt [Key, SecretAccessKey]\` は、CloudFormation が新しいアクセスキーのシークレットを明かす唯一の機会です。テンプレートがそれをどこに置いても、その場所を読める全員が平文で読めます。スタックの出力 (\`cloudformation:DescribeStacks\`、コンソール、エクスポートをインポートするすべてのスタック)、Lambda の環境変数 (\`lambda:GetFunctionConfiguration\`)、\`String\` 型の SSM パラメータ、タグ (ほぼすべての読み取り専用 API で見えます)、EC2 のユーザーデータ (\`ec2:DescribeInstanceAttribute\` とインスタンスメタデータサービス)、リソースのプロパティです。横にアクセスキー ID があれば、それは誰かがローテーションするまで有効な、IAM ユーザーの長期的な認証情報そのものです。

Secrets Manager のシークレットの \`SecretString\` は本来の置き場所であり、検出されません。シークレットが書き込まれた場所はそれぞれ 1 行ずつ報告され、\`Fn::Sub\` (\`\${Key.SecretAccessKey}\`) や \`Fn::Join\` の中も対象です。`,
        fix: `長期的なアクセスキーを使わないのが最善です。ワークロードにはロールを与えます (インスタンスプロファイル、タスクロール、Lambda の実行ロール、IAM Roles Anywhere、AWS 外の CI には OIDC フェデレーション)。どうしてもアクセスキーが必要な場合は Secrets Manager に保存し、利用側はそこから読み取ります:

\`\`\`yaml
DeployKeySecret:
  Type: AWS::SecretsManager::Secret
  Properties:
    SecretString: !Sub '{"AccessKeyId":"\${DeployKey}","SecretAccessKey":"\${DeployKey.SecretAccessKey}"}'
Outputs:
  DeployKeySecretArn:
    Value: !Ref DeployKeySecret
\`\`\`

すでに露出したアクセスキーは漏えいしたものとして扱います。新しいアクセスキーを作成して古いものを削除し (IAM → ユーザー → セキュリティ認証情報、または \`aws iam create-access-key\` のあと \`aws iam delete-access-key --access-key-id AKIA...\`)、CloudTrail でそのキーの使用履歴を確認します。`,
      },
      messages: {
        exposed: '{{key}}{{user}} のシークレットアクセスキーが {{where}} で平文のまま渡されています。',
      },
    },
  },
  entity: 'AccessKeyResource',
  check(key, context) {
    const user = key.userName ? ` (user ${key.userName})` : '';
    for (const exposure of key.secretExposures) {
      context.report({ messageId: 'exposed', location: exposure.location, data: { key: key.displayName, user, where: exposure.where } });
    }
  },
});
