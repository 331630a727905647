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
