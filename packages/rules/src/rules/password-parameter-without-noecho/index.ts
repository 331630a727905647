import { defineRule, type TemplateFix } from '@mamori/core';
import { moreText } from '../../lib/text.js';

/** Words that name a secret when a parameter's name ends with them. */
const SECRET_ENDINGS: readonly (readonly string[])[] = [
  ['password'],
  ['passwd'],
  ['pwd'],
  ['pass'],
  ['passphrase'],
  ['secret'],
  ['token'],
  ['apikey'],
  ['api', 'key'],
  ['privatekey'],
  ['private', 'key'],
  ['secretkey'],
  ['secret', 'key'],
  ['secret', 'access', 'key'],
  ['client', 'secret'],
  ['secret', 'value'],
  ['secret', 'string'],
  ['password', 'value'],
  ['credential'],
  ['credentials'],
];

/** `DBMasterPassword` → `db master password`; `GITHUB_OAUTH_TOKEN` → `github oauth token`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** True when the name ends with a secret noun: `DbPassword`, `GitHubToken`, `ApiKey`; not `PasswordLength` or `SecretArn`. */
export function namesSecret(name: string): boolean {
  const words = nameWords(name);
  return SECRET_ENDINGS.some((ending) => ending.length <= words.length && ending.every((w, i) => words[words.length - ending.length + i] === w));
}

/** `NoEcho: true` on the parameter; its `Default`, if any, is literal-password's to report. */
function noEchoFix(name: string): TemplateFix {
  return { edits: [{ op: 'set', path: ['Parameters', name, 'NoEcho'], value: true }] };
}

export default defineRule({
  id: 'MAM205',
  name: 'password-parameter-without-noecho',
  title: 'Secret template parameter without NoEcho',
  description:
    'A String parameter whose name says password, secret, token, API key or private key, or that feeds a password property, does not set NoEcho: true, so its value is shown in the console and API.',
  severity: 'warning',
  securitySeverity: 5.3,
  area: 'secrets',
  tags: ['secrets', 'password', 'parameters'],
  compliance: {},
  covers: { cfnLint: ['W2501'] },
  fixable: true,
  docs: {
    risk: `CloudFormation shows parameter values in clear text to anyone who can describe the stack: in the
console's Parameters tab, in \`aws cloudformation describe-stacks\`, in change sets and in stack
events. A password, token or key passed as an ordinary parameter is therefore readable with
read-only access to CloudFormation. \`NoEcho: true\` masks the value as \`****\` everywhere
CloudFormation returns it.

Reported for parameters of type \`String\` whose name ends with a secret noun (\`DbPassword\`,
\`GitHubToken\`, \`ApiKey\`, \`SshPrivateKey\`, \`ClientSecret\`, ...) and for any \`String\` parameter
that a password property uses (as cfn-lint's W2501 does). Names that describe a secret rather
than hold one (\`PasswordLength\`, \`SecretArn\`, \`TokenExpiry\`, \`ApiKeyRequired\`) and parameters
with \`AllowedValues\` are not reported. \`NoEcho\` does not hide a value written in the template:
see literal-password for a \`Default\`.`,
    fix: `Set \`NoEcho: true\` and give no \`Default\`, or better, drop the parameter and reference the secret
where it is used.

\`\`\`yaml
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    MinLength: 16
# better: no parameter at all
#   MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
\`\`\`

Update the stack with the changed template; values already shown in past stack events stay
there, so rotate the secret as well.`,
  },
  messages: {
    namedSecret: 'Parameter {{parameter}} looks like a secret but does not set NoEcho: true, so its value is shown in the console and in describe-stacks.',
    usedAsSecret: 'Parameter {{parameter}} is used as {{uses}} but does not set NoEcho: true, so its value is shown in the console and in describe-stacks.',
  },
  translations: {
    ja: {
      title: 'NoEcho のない機密のテンプレートパラメータ',
      description:
        '名前がパスワード、シークレット、トークン、API キー、秘密鍵を示す String 型のパラメータ、またはパスワードのプロパティに渡される String 型のパラメータが NoEcho: true を設定していないため、その値がコンソールや API に表示されます。',
      docs: {
        risk: `CloudFormation は、スタックを参照できる誰にでもパラメータの値を平文で表示します: コンソールの「パラメータ」タブ、\`aws cloudformation describe-stacks\`、変更セット、スタックイベントです。そのため、通常のパラメータとして渡されたパスワード、トークン、キーは、CloudFormation への読み取り専用アクセスで読めてしまいます。\`NoEcho: true\` は、CloudFormation が値を返すすべての場所でそれを \`****\` に伏せます。

名前がシークレットを表す名詞で終わる \`String\` 型のパラメータ (\`DbPassword\`、\`GitHubToken\`、\`ApiKey\`、\`SshPrivateKey\`、\`ClientSecret\` など) と、パスワードのプロパティが使うすべての \`String\` 型のパラメータ (cfn-lint の W2501 と同様) について報告します。シークレットを保持するのではなく説明する名前 (\`PasswordLength\`、\`SecretArn\`、\`TokenExpiry\`、\`ApiKeyRequired\`) と、\`AllowedValues\` を持つパラメータは報告しません。\`NoEcho\` はテンプレートに書かれた値を隠しません。\`Default\` については literal-password を参照してください。`,
        fix: `\`NoEcho: true\` を設定して \`Default\` を与えないか、さらによいのは、パラメータをやめて使う場所でシークレットを参照することです。

\`\`\`yaml
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    MinLength: 16
# better: no parameter at all
#   MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
\`\`\`

変更したテンプレートでスタックを更新します。過去のスタックイベントにすでに表示された値はそのまま残るため、シークレットのローテーションも行います。`,
      },
      messages: {
        namedSecret: 'パラメータ {{parameter}} は機密情報に見えますが NoEcho: true を設定していないため、値がコンソールと describe-stacks に表示されます。',
        usedAsSecret:
          'パラメータ {{parameter}} は {{uses}} として使われていますが NoEcho: true を設定していないため、値がコンソールと describe-stacks に表示されます。',
      },
    },
  },
  entity: 'TemplateParameter',
  check(param, context) {
    if (param.noEcho || param.type !== 'String') return;
    const uses = param.usedAsSecret ?? [];
    if (uses.length > 0) {
      const shown = moreText(uses, 3);
      context.report({ messageId: 'usedAsSecret', data: { parameter: param.name, uses: shown }, fix: noEchoFix(param.name) });
      return;
    }
    // A value picked from a fixed list is a choice, not a secret.
    if (param.allowedValues && param.allowedValues.length > 0) return;
    if (namesSecret(param.name)) context.report({ messageId: 'namedSecret', data: { parameter: param.name }, fix: noEchoFix(param.name) });
  },
});
