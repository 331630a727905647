import { type Command, Help, type Option } from 'commander';

// The command line's help in Japanese. The English help is written where each command is defined
// (main.ts, options.ts); this gives each description, each option's and argument's text and each
// help section their Japanese, by command and option flags. A test walks every command and fails
// on a text left in English.

const COMMANDS: Record<string, string> = {
  mamori: 'CloudFormation テンプレートをデプロイ前に、また稼働中の AWS アカウントを、セキュリティとコストの誤りがないか調べます。',
  scan: 'CloudFormation と SAM のテンプレート (YAML または JSON) とアカウントスナップショットを、セキュリティとコストの問題がないかスキャンします。',
  collect: '読み取り専用の呼び出しで AWS アカウントをスナップショットファイルに読み込みます。すぐに、またはあとでスキャンできます。',
  baseline: '現在の検出結果を記録します。以後 --baseline を付けたスキャンは新しい検出結果だけを報告します。',
  fix: '検出結果が提示する修正をスキャンしたテンプレートに適用します (安全な値をその場に設定し、それ以外はファイルを書かれたとおりに保ちます)。',
  init: 'mamori.config.yaml のひな形と、プルリクエストごとに mamori を実行する GitHub ワークフローを書き込みます。',
  rules: 'ルールの一覧を表示します。',
  merge: '複数の実行 (アカウントごと、シャードごと) の SARIF (または JSON) レポートを 1 つにまとめます。同じ入力ならどの順に与えても同じバイト列になります。',
  help: 'コマンドのヘルプを表示します',
};

const ARGUMENTS: Record<string, string> = {
  'scan paths': 'スキャンするファイルまたはフォルダー。フォルダーは .gitignore に従って再帰的に探します (デフォルト: .)',
  'baseline paths': 'スキャンするファイルまたはフォルダー',
  'fix paths': 'スキャンして修正するファイルまたはフォルダー',
  'merge files': 'まとめる mamori のレポート: すべて SARIF (--format sarif) か、すべて JSON (--format json)',
  'help command': 'コマンド',
};

// By option flags; `<command> <flags>` where one command's option says something else.
const OPTIONS: Record<string, string> = {
  '-v, --version': 'バージョンを表示します',
  '-h, --help': 'ヘルプを表示します',
  '--lang <lang>': '検出結果とレポートの言語 (デフォルト: 設定ファイルの lang、次に LC_ALL、LC_MESSAGES、LANG: ja_JP.UTF-8 なら ja、それ以外は en)',
  '-c, --config <file>': '設定ファイル (デフォルト: mamori.config.* または package.json の "mamori" を、ここから上へ探します)',
  '--no-config': '設定ファイルを無視します',
  '--fail-on <level>': '終了コードを 1 にする最も低い検出結果のレベル',
  '-f, --format <format>': '出力形式',
  '-p, --parameters <file>':
    'テンプレートのパラメータ値 (create-stack --parameters の JSON、deploy --parameter-overrides の JSON、または {Key: Value} のマップ)',
  '--region <region>':
    'テンプレートのデプロイ先リージョン。コストの検出結果はその公開料金を使います (デフォルト: AWS_REGION、AWS_DEFAULT_REGION、設定ファイルの region、それ以外は us-east-1)。--account では読み取るリージョンにもなります (複数は繰り返し指定)',
  '-b, --baseline <sarif>': 'この以前の SARIF にない検出結果だけを報告し、失敗とします (`mamori baseline` を参照)',
  '--cache': '前回 --cache でスキャンしてから変わっていないファイルの結果を再利用します (.mamoricache に保存)。レポートは同じです',
  '--cache-location <path>': '--cache で: キャッシュファイル、または .mamoricache を置くフォルダー (デフォルト: ここの .mamoricache)',
  '--cache-strategy <strategy>':
    '--cache で: ファイルが変わっていないことの判定方法。metadata (サイズと日時、なければ内容の SHA-256) または content (常に内容の SHA-256)',
  '--plugin <module>': 'プラグインモジュールからルールを読み込みます (繰り返し指定可)',
  '--templates-only': 'テンプレートだけを調べ、その他のテキストファイルの AWS キーは調べません',
  '--sarif-max-results <n>': '--format sarif で: GitHub のコードスキャンの上限内で、重大度の高い n 件の結果を残します (0: すべての結果、上限なし)',
  '-o, --output <file>': 'レポートを標準出力ではなくファイルに書き込みます',
  '--no-color': '出力に色を付けません',
  '--account': '先に AWS アカウントを収集し (読み取り専用の呼び出し)、そのスナップショットもスキャンします',
  '--snapshot-output <file>': '--account で: 検出結果が指すスナップショットの書き込み先',
  '--profile <name>': 'AWS の config ファイルと認証情報ファイルの名前付きプロファイル (デフォルト: AWS_PROFILE または標準の認証情報チェーン)',
  '--all-regions': 'アカウントで有効なすべてのリージョンを読み取ります',
  '--deadline <seconds>': 'この時間が経ったら収集をやめ、読み取った分を不完全と記して書き込みます',
  '--request-timeout <seconds>': '1 回の呼び出しの試行にかけてよい時間 (応答全体を含む。デフォルト: MAMORI_REQUEST_TIMEOUT、それ以外は 20)',
  '--connect-timeout <seconds>': 'エンドポイントへの接続にかけてよい時間 (デフォルト: MAMORI_CONNECT_TIMEOUT、それ以外は 5)',
  '--allow-incomplete': '呼び出しが失敗しても、期限を過ぎても、終了コードを 0 (または検出結果による値) にします',
  '-q, --quiet': '標準エラー出力に進行状況、お知らせ、まとめを出しません (スナップショットが不完全であることは出します)',
  'collect --region <region>': '読み取るリージョン。複数は繰り返し指定 (デフォルト: プロファイルまたは AWS_REGION のリージョン)',
  'collect -o, --output <file>': 'スナップショット (JSON) の書き込み先',
  'baseline -o, --output <file>': 'ベースラインの SARIF の書き込み先',
  '--dry-run': '変更を書き込まず、unified diff として表示します',
  '--rule <id>': 'このルールの修正だけを適用します (ID または名前)',
  '--force': 'すでにあるファイルを上書きします',
  '--org':
    'AWS Organizations の有効なすべてのアカウントを収集します (管理アカウントまたは委任された管理者アカウントから)。アカウントごとに 1 つのスナップショットを --out-dir に書き込みます',
  '--role-name <name>': '--org で: 各アカウントで引き受けるロール',
  '--external-id <id>': '--org で: ロールの信頼ポリシーが求める外部 ID',
  '--session-name <name>': '--org で: CloudTrail に記録されるロールセッション名 (デフォルト: mamori)',
  '--accounts <ids>': '--org で: これらのアカウント ID だけ (カンマ区切り)',
  '--out-dir <folder>': '--org で: 各アカウントのスナップショット (<アカウント ID>.json) と mamori-org-summary.json の書き込み先',
  '--account-concurrency <n>': '--org で: 同時に収集するアカウント数 (デフォルト 4)',
  'merge -f, --format <format>': '入力とまとめたレポートの形式',
  'merge -o, --output <file>': 'まとめたレポートを標準出力ではなくファイルに書き込みます',
  '--category <id>': 'SARIF: まとめた実行のカテゴリー (automationDetails.id。デフォルト: 入力のカテゴリーが一致すればそれ、それ以外は mamori/)',
  'merge --sarif-max-results <n>': 'SARIF: 重大度の高い順に、残す結果の上限 (デフォルト 25000。GitHub の 1 実行あたりの上限。0 ならすべて残します)',
};

const AFTER: Record<string, string> = {
  mamori: `
終了コード:
  0  --fail-on 以上の検出結果はありません
  1  --fail-on 以上の検出結果があります
  2  使い方の誤り、または読み取れない・解析できない入力があります
  3  collect、scan --account: アカウントスナップショットが不完全です (呼び出しが失敗した、
     --deadline を過ぎた、または収集が中断された)。それでも書き込まれています。
     --allow-incomplete は失敗した呼び出しと期限切れを受け入れますが、中断は受け入れません

例:
  $ mamori scan                          現在のフォルダー以下のテンプレートをスキャン
  $ mamori scan infra/ --fail-on warning
  $ mamori scan . --format sarif --output mamori.sarif
  $ mamori collect --region eu-west-1 --output account.json
  $ mamori scan account.json             アカウントスナップショットをスキャン
  $ mamori scan --account --all-regions  アカウントを収集して一度にスキャン
  $ mamori rules                         ルールの一覧を表示

ドキュメント: https://github.com/mamori-dev/mamori#readme`,
  scan: `
形式:
{{formats}}

フォルダーでは node_modules、.git、cdk.out、.aws-sam と .gitignore が無視するものを除きます。
テンプレートにはすべてのルールを適用し、その他のテキストファイルは AWS アクセスキーを調べます。
解析できないテンプレートはファイルと行を示して報告し、ほかに何が見つかっても終了コードを 2 にします。
最上位に "mamoriSnapshot" を持つ JSON ファイルはアカウントスナップショットです (mamori collect を参照)。
収集時に失敗した呼び出しは "not-evaluated" の警告として報告します。

例:
  $ mamori scan templates/ --format sarif --output results.sarif
  $ mamori scan stack.yaml --fail-on none
  $ mamori scan --account --profile audit --region eu-west-1 --region us-east-1`,
  collect: `
@mamori/cli と同じ場所に @mamori/collector (AWS SDK) がインストールされている必要があります。
認証情報とリージョンは標準の AWS のチェーンから得ます: 環境変数、AWS_PROFILE または
--profile、SSO、インスタンスやコンテナのロール。AWS_ENDPOINT_URL と AWS_ENDPOINT_URL_<SERVICE>
に従います。SecurityAudit 管理ポリシーで、行うすべての呼び出しが許可されます。失敗した呼び出し
(AccessDenied、有効でないリージョン) はスナップショットに記録し、残りを続けます。

呼び出しの各試行は、接続に 5 秒、応答全体に 20 秒まで待ちます。3 回タイムアウトした呼び出しは
失敗とし、そのエンドポイントには再び問い合わせません: 応答しないエンドポイントで失うのは呼び出し
1 件あたりおよそ 1 分です。呼び出しが失敗したときは、その件数と評価できなくなるルールを示し、
終了コード 3 (--allow-incomplete では 0) で終わります。中断 (Ctrl-C、SIGTERM) または --deadline
を過ぎたときは、読み取った分を不完全と記して書き込み、終了コード 3 で終わります。2 回目の中断では
書き込まずにすぐ終了します (130、SIGTERM では 143)。アクセスキー ID は伏せて書き込みます
(AKIA************WXYZ)。

--org では、実行したアカウントで組織のアカウントを一覧し (organizations:ListAccounts)、各アカウントで
--role-name のロールを引き受けて (sts:AssumeRole)、そのロールの認証情報で上と同じように収集します
(数アカウントずつ同時に)。停止中のアカウントは飛ばしてそのことを示します。ロールを引き受けられない
アカウントはそのことを示して mamori-org-summary.json に記録し、--allow-incomplete にかかわらず
終了コードを 3 にします。

例:
  $ mamori collect --output account.json
  $ mamori collect --profile audit --all-regions --output account.json
  $ mamori collect --org --role-name mamori-audit --out-dir snapshots/`,
  merge: `
SARIF の入力は 1 つの実行にまとめます: GitHub のコードスキャンは、同じツールとカテゴリーの実行を
複数含むアップロードを受け付けません。各アカウントの結果は、プロパティと論理的な場所にアカウント ID を
保ちます。実行が成功となるのはすべての入力が成功したときだけで、すべての入力の通知を残します。
まったく同じ結果 (2 回スキャンしたシャード) は 1 つだけ残します。

例:
  $ mamori merge shards/*.sarif --output mamori.sarif
  $ mamori merge --format json shards/*.json --output mamori.json`,
};

const TITLES: Record<string, string> = {
  'Usage:': '使い方:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
  'Arguments:': '引数:',
  'Global Options:': '共通オプション:',
};

/** The Japanese of an option's description in `command`, if there is one. */
export function optionJa(command: string, option: Pick<Option, 'flags'>): string | undefined {
  return OPTIONS[`${command} ${option.flags}`] ?? OPTIONS[option.flags];
}

/** The Japanese after-help text of a command, `{{formats}}` filled in; undefined for a command without one. */
export function afterHelpJa(command: string, formats = ''): string | undefined {
  return AFTER[command]?.replace('{{formats}}', formats);
}

/** Puts `program` and its commands' help in Japanese: descriptions, options, arguments, section titles. */
export function helpInJapanese(program: Command): void {
  const each = (command: Command): void => {
    const name = command.name();
    const description = COMMANDS[name];
    if (description) command.description(description);
    for (const option of command.options) {
      const text = optionJa(name, option);
      if (text) option.description = text;
    }
    for (const argument of command.registeredArguments) {
      const text = ARGUMENTS[`${name} ${argument.name()}`];
      if (text) argument.description = text;
    }
    command.helpOption('-h, --help', OPTIONS['-h, --help']);
    command.configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      optionDescription(option) {
        return Help.prototype.optionDescription
          .call(this, option)
          .replace(/\((choices|default): /g, (_, w: string) => `(${w === 'choices' ? '選択肢' : 'デフォルト'}: `)
          .replace(/, default: /, '、デフォルト: ');
      },
      argumentDescription(argument) {
        return Help.prototype.argumentDescription.call(this, argument).replace(/\(default: /, '(デフォルト: ');
      },
    });
    for (const sub of command.commands) each(sub);
  };
  each(program);
  program.helpCommand('help [command]', COMMANDS.help);
}

// Commander's own errors, by their English text (commander is pinned): what is not matched stays English.
const ERRORS: readonly [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (flag) => `エラー: 不明なオプション '${flag}'`],
  [/^error: unknown command '(.*)'$/, (name) => `エラー: 不明なコマンド '${name}'`],
  [/^error: missing required argument '(.*)'$/, (name) => `エラー: 必須の引数 '${name}' がありません`],
  [/^error: option '(.*)' argument missing$/, (flags) => `エラー: オプション '${flags}' の値がありません`],
  [/^error: required option '(.*)' not specified$/, (flags) => `エラー: 必須のオプション '${flags}' が指定されていません`],
  [/^error: option '(.*)' cannot be used with option '(.*)'$/, (a, b) => `エラー: オプション '${a}' はオプション '${b}' と一緒に使えません`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) => `エラー: ${command ? `'${command}' の` : ''}引数が多すぎます。${expected} 個のところ ${got} 個あります。`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (flags, value, choices) => `エラー: オプション '${flags}' の値 '${value}' は使えません。使える値は ${choices.split(', ').join('、')} です。`,
  ],
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/, (flags, value, why) => `エラー: オプション '${flags}' の値 '${value}' は使えません: ${why}`],
];

/** Commander's error text (one or more lines, a suggestion last) in Japanese. */
export function commanderErrorJa(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const suggestion = /^\(Did you mean (.*)\?\)$/.exec(line);
      if (suggestion) return `(もしかして ${suggestion[1]} ?)`;
      for (const [pattern, say] of ERRORS) {
        const m = pattern.exec(line);
        if (m) return say(...m.slice(1).map((s) => s ?? ''));
      }
      return line;
    })
    .join('\n');
}
