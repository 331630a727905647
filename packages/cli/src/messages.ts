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
  'init.exists': '{{file}} exists; left as it is (--force overwrites it)',
  'init.wrote': 'wrote {{file}}',
  warning: 'warning: {{text}}',
  'action.problem.one': '{{count}} problem',
  'action.problem.other': '{{count}} problems',
  'action.error.one': '{{count}} error',
  'action.error.other': '{{count}} errors',
  'action.warning.one': '{{count}} warning',
  'action.warning.other': '{{count}} warnings',
  'action.note.one': '{{count}} note',
  'action.note.other': '{{count}} notes',
  'action.noProblems': 'no problems',
  'action.problems': '{{problems}} ({{errors}}, {{warnings}}, {{notes}})',
  'action.inputsFailed.one': '{{count}} input could not be scanned',
  'action.inputsFailed.other': '{{count}} inputs could not be scanned',
  'action.scanWarnings.one': '{{count}} warning about the scan',
  'action.scanWarnings.other': '{{count}} warnings about the scan',
  'action.files.one': '{{count}} scanned file',
  'action.files.other': '{{count}} scanned files',
  'action.aboutSeparator': '; ',
  'action.heading': '## {{icon}} mamori: {{problems}} in {{files}}{{about}} — {{verdict}}',
  'action.failedIncomplete': 'the step failed: the scan is incomplete',
  'action.failedFindings': 'the step failed: findings at or above fail-on: {{failOn}}',
  'action.passed': 'the step passed (fail-on: {{failOn}})',
  'action.totals': '| Errors | Warnings | Notes | Suppressed | Estimated monthly waste (list prices of {{date}}) |',
  'action.findingsHead': '| Level | Rule | Location | Message |',
  'action.level.error': 'error',
  'action.level.warning': 'warning',
  'action.level.note': 'note',
  'action.moreRows': '…and {{count}} more: the report in the log lists them all.',
  'action.mostSevere': 'most severe ',
  'action.sarifLeftOut':
    '{{file}} holds the {{most}}{{kept}} of {{total}} findings: GitHub code scanning takes at most 25,000 results and 10 MB in a run. Set `format: json` for a report of all of them.',
  'action.problemsWithScan': '**Problems with the scan** ({{errors}}, {{warnings}}):',
  'action.moreInLog': '- …and {{count}} more in the log',
  'action.kind.error': 'errors',
  'action.kind.warning': 'warnings',
  'action.kind.note': 'notices',
  'action.notAnnotated':
    '{{count}} more {{kind}} are not annotated (GitHub shows {{max}} of a kind per step); the report in the log and the job summary list them',
  'action.refused': 'mamori did not run — the step failed',
  'action.input.choice': '{{name}} must be {{choices}}, not "{{value}}"',
  'action.input.boolean': '{{name}} must be true or false, not "{{value}}"',
  'action.input.both': 'config and no-config cannot both be set',
  'action.input.region': 'region must be a region name such as eu-west-1, not "{{value}}"',
  'action.input.oneLine': '{{name}} must be one line',
  'action.input.cacheTemp': 'cache: RUNNER_TEMP is not set, and the cache is kept only there',
  'action.input.cacheInWorkspace': 'cache-location: {{location}} is in the workspace; keep the cache in RUNNER_TEMP',
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
  'init.exists': '{{file}} はすでにあるため、そのままにしました (--force で上書きします)',
  'init.wrote': '{{file}} を書き込みました',
  warning: '警告: {{text}}',
  'action.problem.one': '{{count}} 件の問題',
  'action.problem.other': '{{count}} 件の問題',
  'action.error.one': 'エラー {{count}}',
  'action.error.other': 'エラー {{count}}',
  'action.warning.one': '警告 {{count}}',
  'action.warning.other': '警告 {{count}}',
  'action.note.one': '注意 {{count}}',
  'action.note.other': '注意 {{count}}',
  'action.noProblems': '問題なし',
  'action.problems': '{{problems}} ({{errors}}、{{warnings}}、{{notes}})',
  'action.inputsFailed.one': '{{count}} 件の入力をスキャンできませんでした',
  'action.inputsFailed.other': '{{count}} 件の入力をスキャンできませんでした',
  'action.scanWarnings.one': 'スキャンに関する警告 {{count}} 件',
  'action.scanWarnings.other': 'スキャンに関する警告 {{count}} 件',
  'action.files.one': 'スキャンしたファイル {{count}} 個',
  'action.files.other': 'スキャンしたファイル {{count}} 個',
  'action.aboutSeparator': '。',
  'action.heading': '## {{icon}} mamori: {{files}}で{{problems}}{{about}} — {{verdict}}',
  'action.failedIncomplete': 'ステップは失敗しました: スキャンが不完全です',
  'action.failedFindings': 'ステップは失敗しました: fail-on ({{failOn}}) 以上の検出結果があります',
  'action.passed': 'ステップは成功しました (fail-on: {{failOn}})',
  'action.totals': '| エラー | 警告 | 注意 | 抑制済み | 推定される月額の無駄 ({{date}} 時点の公開料金) |',
  'action.findingsHead': '| レベル | ルール | 場所 | メッセージ |',
  'action.level.error': 'エラー',
  'action.level.warning': '警告',
  'action.level.note': '注意',
  'action.moreRows': '…ほか {{count}} 件: ログのレポートにすべて載っています。',
  'action.mostSevere': '重大度の高い',
  'action.sarifLeftOut':
    '{{file}} には {{total}} 件のうち{{most}} {{kept}} 件の検出結果を入れました: GitHub のコードスキャンが 1 回の実行で受け付けるのは 25,000 件、10 MB までです。すべてを載せたレポートには `format: json` を設定してください。',
  'action.problemsWithScan': '**スキャンの問題** ({{errors}}、{{warnings}}):',
  'action.moreInLog': '- …ほか {{count}} 件はログにあります',
  'action.kind.error': 'エラー',
  'action.kind.warning': '警告',
  'action.kind.note': '通知',
  'action.notAnnotated':
    'ほかの{{kind}} {{count}} 件は注釈にしていません (GitHub が表示するのは 1 ステップにつき種類ごとに {{max}} 件までです)。ログのレポートとジョブの概要にすべて載っています',
  'action.refused': 'mamori は実行されませんでした — ステップは失敗しました',
  'action.input.choice': '{{name}} は {{choices}} のいずれかです。"{{value}}" は使えません',
  'action.input.boolean': '{{name}} は true か false です。"{{value}}" は使えません',
  'action.input.both': 'config と no-config は同時に設定できません',
  'action.input.region': 'region は eu-west-1 のようなリージョン名です。"{{value}}" は使えません',
  'action.input.oneLine': '{{name}} は 1 行で指定してください',
  'action.input.cacheTemp': 'cache: RUNNER_TEMP が設定されていません。キャッシュはそこにしか置きません',
  'action.input.cacheInWorkspace': 'cache-location: {{location}} はワークスペースの中にあります。キャッシュは RUNNER_TEMP に置いてください',
});

/** A key of the command's message catalog. */
export type CliMessageKey = keyof typeof EN;

/** Every language's catalog of the command's texts. */
export const CLI_CATALOGS: { readonly [L in Lang]: { readonly [K in CliMessageKey]: string } } = { en: EN, ja: JA };

/** The text of `key` in `lang` with its placeholders filled in. */
export function say(lang: Lang, key: CliMessageKey, data: Readonly<Record<string, string | number>> = {}): string {
  return CLI_CATALOGS[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** The stem of a key that has `.one` and `.other` forms. */
type PluralStem = CliMessageKey extends infer K ? (K extends `${infer Stem}.one` ? Stem : never) : never;

/** The `.one` or `.other` form of `stem` for `count` (Japanese has one form, given as both). */
export function sayN(lang: Lang, stem: PluralStem, count: number, data: Readonly<Record<string, string | number>> = {}): string {
  return say(lang, `${stem}.${lang === 'en' && count === 1 ? 'one' : 'other'}` as CliMessageKey, { ...data, count });
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
