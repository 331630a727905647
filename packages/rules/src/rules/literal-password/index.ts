import { defineRule } from '@mamori/core';
import { viaText } from '../../lib/text.js';

export default defineRule({
  id: 'MAM204',
  name: 'literal-password',
  title: 'Password written in the template',
  description:
    'A password, token or key property (MasterUserPassword, LoginProfile.Password, AuthToken, Users[].Password, ...), or an environment variable of a function, container, job or build whose name says it holds one (DB_PASSWORD, API_TOKEN, CLIENT_SECRET, STRIPE_API_KEY), is a literal string, a parameter default or a mapping value, or is read from a plain-text SSM parameter.',
  severity: 'error',
  securitySeverity: 7.5,
  area: 'secrets',
  tags: ['secrets', 'password', 'credentials'],
  compliance: {},
  covers: {
    cfnNag: ['F23', 'F31', 'F34', 'F35', 'F36', 'F37', 'F44', 'F51', 'F52', 'F70'],
    cfnLint: ['W2501'],
  },
  docs: {
    risk: `A password in a template is in the repository, in every clone and fork, in CI logs, and in the
template CloudFormation stores with the stack (\`cloudformation:GetTemplate\`). It cannot be rotated
without a commit, and everyone who could ever read the repository knows it. A parameter's
\`Default\` is written in the template too, \`NoEcho\` or not; a mapping value likewise. An
\`ssm\` dynamic reference reads a \`String\` parameter that anyone with \`ssm:GetParameter\` reads in
clear text.

Reported for database master passwords (RDS, Aurora, Redshift, DocumentDB, Neptune, OpenSearch),
\`LoginProfile.Password\` of IAM users, Directory Service, DMS endpoints, Amazon MQ users,
ElastiCache \`AuthToken\`, EMR Kerberos, Firehose, Amplify, Pinpoint and other secret properties.
Environment variables are read where resources pass them to code: \`Environment.Variables\` of
\`AWS::Lambda::Function\` and \`AWS::Serverless::Function\` (and SAM's \`Globals.Function\`, and a
Serverless Framework file's \`provider.environment\` and functions' \`environment\`), the
\`Environment\` of ECS container definitions, Batch job definitions (container, multi-node and ECS
properties), App Runner services' \`RuntimeEnvironmentVariables\` and CodeBuild projects'
\`PLAINTEXT\` \`EnvironmentVariables\`. A variable holds a secret when the last word of its name (split
at \`_\`, \`-\`, \`.\` and camelCase, a trailing \`VALUE\`, \`BASE\`, stage name or number left out) is or contains
PASSWORD or PASSWD, or is PWD, PASS, PW, PASSPHRASE, SECRET, TOKEN, CREDENTIALS, APIKEY or
PRIVATEKEY, or is KEY after API, PRIVATE, SECRET, SIGNING, ENCRYPTION, MASTER, LICENSE, CLIENT, AUTH,
HMAC, WEBHOOK, SESSION or JWT. So \`TOKEN_URL\`, \`DB_SECRET_ARN\`, \`PASSWORD_PARAMETER_NAME\` and
\`SECRETS_MANAGER_SECRET_ID\` name where a secret is kept and are not read, nor is \`PWD\` alone. Values
that stand for a secret (\`<password>\`, \`xxxx\`, \`****\`, \`TODO\`, booleans, ARNs, empty strings)
are not reported, nor are \`ssm\` references in a variable (its value is stored in the function's
configuration whatever the reference). Any variable whose literal value is a URL with a password in
it (\`postgres://app:secret@db/app\`) is reported whatever its name.

Not reported: \`{{resolve:secretsmanager:...}}\` and \`{{resolve:ssm-secure:...}}\` references, a
\`NoEcho\` parameter without a default, \`ManageMasterUserPassword\`, and values produced by other
resources. The password itself is never printed.`,
    fix: `Let AWS generate and keep the password, or reference a secret.

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    MasterUsername: app
    ManageMasterUserPassword: true   # stored and rotated in Secrets Manager
# or, for properties without a managed option:
#   MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
\`\`\`

For an environment variable, pass the secret's ARN or name instead and read it at run time (the
AWS Parameters and Secrets Lambda Extension, an SDK call), or use an ECS container's \`Secrets\`
(\`ValueFrom\`) or a CodeBuild variable of type \`SECRETS_MANAGER\`.

Then change the password that was written in the template: it must be considered known. With the
CLI: \`aws secretsmanager create-secret --name prod/db --generate-secret-string ...\`, or
\`aws rds modify-db-instance --db-instance-identifier ... --manage-master-user-password\`.`,
  },
  messages: {
    literal: 'Property {{property}} of {{resource}} is a password written in the template{{via}}.',
    parameterDefault:
      'Property {{property}} of {{resource}} takes its password from the default of parameter {{parameter}}, which is written in the template{{via}}.',
    plaintextSsm:
      'Property {{property}} of {{resource}} reads its password from a plain-text String SSM parameter; use an ssm-secure or secretsmanager dynamic reference{{via}}.',
  },
  translations: {
    ja: {
      title: 'テンプレートに書かれたパスワード',
      description:
        'パスワード、トークン、キーのプロパティ (MasterUserPassword、LoginProfile.Password、AuthToken、Users[].Password など)、または名前からそれを保持すると分かる関数、コンテナ、ジョブ、ビルドの環境変数 (DB_PASSWORD、API_TOKEN、CLIENT_SECRET、STRIPE_API_KEY) が、リテラル文字列、パラメータのデフォルト値、マッピングの値であるか、暗号化されていない SSM パラメータから読み取られています。',
      docs: {
        risk: `テンプレートに書かれたパスワードは、リポジトリ、すべてのクローンとフォーク、CI のログ、CloudFormation がスタックと一緒に保存するテンプレート (\`cloudformation:GetTemplate\`) に残ります。コミットなしではローテーションできず、リポジトリを読めたことのある全員が知っています。パラメータの \`Default\` も、\`NoEcho\` の有無にかかわらずテンプレートに書かれており、マッピングの値も同様です。\`ssm\` の動的参照は \`String\` 型のパラメータを読み取り、それは \`ssm:GetParameter\` を持つ誰もが平文で読めます。

データベースのマスターパスワード (RDS、Aurora、Redshift、DocumentDB、Neptune、OpenSearch)、IAM ユーザーの \`LoginProfile.Password\`、Directory Service、DMS のエンドポイント、Amazon MQ のユーザー、ElastiCache の \`AuthToken\`、EMR の Kerberos、Firehose、Amplify、Pinpoint などのシークレットのプロパティについて報告します。環境変数は、リソースがコードに渡す場所で読み取ります: \`AWS::Lambda::Function\` と \`AWS::Serverless::Function\` の \`Environment.Variables\` (SAM の \`Globals.Function\`、Serverless Framework のファイルの \`provider.environment\` と関数の \`environment\` も)、ECS のコンテナ定義の \`Environment\`、Batch のジョブ定義 (コンテナ、マルチノード、ECS のプロパティ)、App Runner のサービスの \`RuntimeEnvironmentVariables\`、CodeBuild プロジェクトの \`PLAINTEXT\` の \`EnvironmentVariables\` です。変数がシークレットを保持するとみなすのは、名前の最後の単語 (\`_\`、\`-\`、\`.\`、キャメルケースで区切り、末尾の \`VALUE\`、\`BASE\`、ステージ名、数字を除く) が PASSWORD か PASSWD であるか、それを含むか、PWD、PASS、PW、PASSPHRASE、SECRET、TOKEN、CREDENTIALS、APIKEY、PRIVATEKEY であるか、API、PRIVATE、SECRET、SIGNING、ENCRYPTION、MASTER、LICENSE、CLIENT、AUTH、HMAC、WEBHOOK、SESSION、JWT の後に続く KEY である場合です。したがって \`TOKEN_URL\`、\`DB_SECRET_ARN\`、\`PASSWORD_PARAMETER_NAME\`、\`SECRETS_MANAGER_SECRET_ID\` はシークレットの保管場所を示す名前であり読み取らず、\`PWD\` 単独も読み取りません。シークレットの代わりを示す値 (\`<password>\`、\`xxxx\`、\`****\`、\`TODO\`、ブール値、ARN、空文字列) は報告せず、変数の中の \`ssm\` 参照も報告しません (参照がどうであれ、その値は関数の設定に保存されます)。リテラルの値がパスワードを含む URL (\`postgres://app:secret@db/app\`) である変数は、名前にかかわらず報告します。

報告しないもの: \`{{resolve:secretsmanager:...}}\` と \`{{resolve:ssm-secure:...}}\` の参照、デフォルト値のない \`NoEcho\` パラメータ、\`ManageMasterUserPassword\`、他のリソースが生成する値。パスワードそのものは決して表示しません。`,
        fix: `パスワードは AWS に生成させて保管させるか、シークレットを参照します。

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    MasterUsername: app
    ManageMasterUserPassword: true   # stored and rotated in Secrets Manager
# or, for properties without a managed option:
#   MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
\`\`\`

環境変数では、代わりにシークレットの ARN か名前を渡して実行時に読み取るか (AWS Parameters and Secrets Lambda Extension、SDK の呼び出し)、ECS コンテナの \`Secrets\` (\`ValueFrom\`) や、型が \`SECRETS_MANAGER\` の CodeBuild の変数を使います。

そのあと、テンプレートに書かれていたパスワードを変更します。知られているものとみなす必要があります。CLI では: \`aws secretsmanager create-secret --name prod/db --generate-secret-string ...\`、または \`aws rds modify-db-instance --db-instance-identifier ... --manage-master-user-password\`。`,
      },
      messages: {
        literal: '{{resource}} のプロパティ {{property}} は、テンプレートに書かれたパスワードです{{via}}。',
        parameterDefault:
          '{{resource}} のプロパティ {{property}} は、テンプレートに書かれたパラメータ {{parameter}} のデフォルト値からパスワードを得ています{{via}}。',
        plaintextSsm:
          '{{resource}} のプロパティ {{property}} は、平文の String 型 SSM パラメータからパスワードを読んでいます。ssm-secure または secretsmanager の動的参照を使ってください{{via}}。',
      },
    },
  },
  entity: 'PasswordProperty',
  check(password, context) {
    const data = { property: password.property, resource: password.displayName, via: viaText(password.via) };
    // An ssm reference in an environment variable names where the value is kept; secure references are not allowed there.
    if (password.valueSource === 'plaintext-ssm' && password.variable === undefined) {
      context.report({ messageId: 'plaintextSsm', data });
      return;
    }
    if (!password.literal) return;
    if (password.valueSource === 'parameter-default' && password.parameter) {
      const via = (password.via ?? []).filter((v) => v !== `default of parameter ${password.parameter}`);
      context.report({ messageId: 'parameterDefault', data: { ...data, parameter: password.parameter, via: viaText(via) } });
      return;
    }
    context.report({ messageId: 'literal', data });
  },
});
