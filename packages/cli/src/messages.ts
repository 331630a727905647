import type { Lang } from '@mamori/core/formats';
import type { TranslationOf } from '@mamori/core/internal';

// The command's own texts: errors, notices and summaries. English is the reference, and the Japanese
// catalog is typed from it (core's `TranslationOf`): a missing or extra key, or a `{{placeholder}}`
// one language has and the other not, fails the typecheck. File names, ids and options stay as they are.

const EN = {
  'lang.invalid': '--lang must be {{choices}}, not "{{value}}"',
  'arg.seconds': 'not a positive number of seconds.',
  'arg.count': 'must be a whole number (0 for no limit)',
  'arg.region': 'must be a region name such as eu-west-1',
  'scan.written': '{{findings}} finding(s) in {{templates}} template(s); {{format}} report written to {{file}}',
  'scan.sarifLeftOut':
    "the SARIF report holds the {{kept}} most severe of {{total}} findings, within GitHub code scanning's limits (--sarif-max-results 0 keeps every one; --format json or html lists them all)",
  'scan.interrupted': 'not scanned: the collection was interrupted (scan {{file}} to judge what was read)',
  'collect.expired':
    'the credentials expired during the collection ({{code}}); {{count}} call(s) failed or were not made, so the snapshot is incomplete. Collect again with fresh credentials',
  'collect.incomplete':
    '{{file}} is incomplete: {{cause}}; {{failed}} of {{calls}} calls failed or were not made ({{byCode}}); {{rules}}. Scan it to see where',
  'collect.blinded': 'rules not evaluated in full: {{rules}}',
  'collect.allEvaluated': 'every rule could still be evaluated',
  'collect.done': 'account {{account}}, {{count}} region(s) ({{regions}}) collected in {{seconds}} s{{failed}}; snapshot written to {{file}}',
  'collect.failedCalls': '; {{count}} failed call(s) recorded (see "errors")',
  'collect.signal': '{{signal}}: stopping; the snapshot will hold what was read so far (again to exit at once)',
  'collect.missing':
    '{{command}} needs {{package}} (the AWS SDK), which is not installed: install it beside @mamori/cli (npm install {{package}}), or run npx -p @mamori/cli -p {{package}} mamori {{command}}',
  'progress.label': 'collecting',
  'progress.failed': ', {{count}} failed',
  'progress.log': '{{label}}: {{done}}/{{total}} calls so far{{failed}}{{active}}',
  'progress.logReading': ' (reading {{services}})',
  'progress.line': '{{label}}: {{done}}/{{total}} calls{{failed}}{{active}}',
  'baseline.written': 'baseline of {{findings}} finding(s) in {{files}} file(s) written to {{file}}',
  'fix.notFixed': 'not fixed: {{where}} {{rule}} ({{reason}})',
  'fix.summary': 'fixed {{fixed}} finding(s) in {{files}} file(s); {{left}} left unfixed',
  'fix.summaryDryRun': 'would fix {{fixed}} finding(s) in {{files}} file(s); {{left}} left unfixed',
  'init.exists': '{{file}} exists; left as it is (--force overwrites it)',
  'init.wrote': 'wrote {{file}}',
  warning: 'warning: {{text}}',
} as const;

function translation<const T extends Record<string, string>>(catalog: T & TranslationOf<typeof EN, T>): T {
  return catalog;
}

const JA = translation({
  'lang.invalid': '--lang は {{choices}} のいずれかです。"{{value}}" は使えません',
  'arg.seconds': '正の秒数ではありません。',
  'arg.count': '0 以上の整数で指定してください (0 は無制限)',
  'arg.region': 'eu-west-1 のようなリージョン名で指定してください',
  'scan.written': 'テンプレート {{templates}} 件で {{findings}} 件の検出結果。{{format}} レポートを {{file}} に書き込みました',
  'scan.sarifLeftOut':
    'SARIF レポートには、GitHub のコードスキャンの上限に収まるよう {{total}} 件のうち重大度の高い {{kept}} 件を入れました (--sarif-max-results 0 ですべて入れます。--format json または html ではすべて一覧します)',
  'scan.interrupted': 'スキャンしていません: 収集が中断されました (読み取った内容を評価するには {{file}} をスキャンしてください)',
  'collect.expired':
    '収集中に認証情報の有効期限が切れました ({{code}})。{{count}} 件の呼び出しが失敗したか実行されなかったため、スナップショットは不完全です。新しい認証情報でもう一度収集してください',
  'collect.incomplete':
    '{{file}} は不完全です: {{cause}}。{{calls}} 件の呼び出しのうち {{failed}} 件が失敗したか実行されませんでした ({{byCode}})。{{rules}}。スキャンすると該当箇所がわかります',
  'collect.blinded': '完全には評価できないルール: {{rules}}',
  'collect.allEvaluated': 'すべてのルールは評価できます',
  'collect.done':
    'アカウント {{account}} の {{count}} 個のリージョン ({{regions}}) を {{seconds}} 秒で収集しました{{failed}}。スナップショットを {{file}} に書き込みました',
  'collect.failedCalls': '。失敗した呼び出し {{count}} 件を記録しました ("errors" を参照)',
  'collect.signal': '{{signal}}: 停止します。スナップショットにはここまでに読み取った内容が入ります (もう一度送るとすぐに終了します)',
  'collect.missing':
    '{{command}} には {{package}} (AWS SDK) が必要ですが、インストールされていません: @mamori/cli と同じ場所にインストールするか (npm install {{package}})、npx -p @mamori/cli -p {{package}} mamori {{command}} を実行してください',
  'progress.label': '収集中',
  'progress.failed': '、失敗 {{count}} 件',
  'progress.log': '{{label}}: これまでに {{done}}/{{total}} 件の呼び出し{{failed}}{{active}}',
  'progress.logReading': ' ({{services}} を読み取り中)',
  'progress.line': '{{label}}: {{done}}/{{total}} 件の呼び出し{{failed}}{{active}}',
  'baseline.written': 'ファイル {{files}} 個の {{findings}} 件の検出結果をベースラインとして {{file}} に書き込みました',
  'fix.notFixed': '修正していません: {{where}} {{rule}} ({{reason}})',
  'fix.summary': 'ファイル {{files}} 個で {{fixed}} 件の検出結果を修正しました。{{left}} 件は修正されていません',
  'fix.summaryDryRun': 'ファイル {{files}} 個で {{fixed}} 件の検出結果を修正できます。{{left}} 件は修正されません',
  'init.exists': '{{file}} はすでにあるため、そのままにしました (--force で上書きします)',
  'init.wrote': '{{file}} を書き込みました',
  warning: '警告: {{text}}',
});

/** A key of the command's message catalog. */
export type CliMessageKey = keyof typeof EN;

/** Every language's catalog of the command's texts. */
export const CLI_CATALOGS: { readonly [L in Lang]: { readonly [K in CliMessageKey]: string } } = { en: EN, ja: JA };

/** The text of `key` in `lang` with its placeholders filled in. */
export function say(lang: Lang, key: CliMessageKey, data: Readonly<Record<string, string | number>> = {}): string {
  return CLI_CATALOGS[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** `a, b or c`, or `a、b、c` in Japanese. */
export function choiceList(values: readonly string[], lang: Lang): string {
  if (lang === 'ja') return values.join('、');
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

// The language of the command line's own texts, set once from argv and the environment before the
// arguments are parsed: the option parsers, which take no context, write their errors in it.
let commandLanguage: Lang = 'en';

/** Sets the language the option parsers write their errors in. */
export function setCommandLang(lang: Lang): void {
  commandLanguage = lang;
}

/** The language the option parsers write their errors in. */
export function commandLang(): Lang {
  return commandLanguage;
}
