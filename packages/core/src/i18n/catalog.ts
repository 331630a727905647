import type { Lang } from './lang.js';

// The texts of mamori's own output (the rules carry theirs). English is the reference: every other
// language's catalog is typed from it, so a missing or extra key, or a `{{placeholder}}` that one
// language has and the other not, fails the typecheck. A word that English inflects has a `.one`
// and an `.other` form, chosen by the language's plural rule (Japanese uses `.other` only, but gives both).

const EN = {
  'summary.templates.one': '{{count}} template',
  'summary.templates.other': '{{count}} templates',
  'summary.snapshots.one': '{{count}} account snapshot',
  'summary.snapshots.other': '{{count}} account snapshots',
  'summary.scanned.templates': '{{templates}} scanned',
  'summary.scanned.both': '{{templates}} and {{snapshots}} scanned',
  'summary.failed.one': '{{count}} input could not be scanned',
  'summary.failed.other': '{{count}} inputs could not be scanned',
  'summary.failedOnly': '{{failed}}; {{rest}}',
  'summary.noTemplateScanned': 'no template was scanned',
  'summary.noProblemsInOthers': 'no problems in the others ({{scanned}})',
  'summary.problems.one': '✖ {{count}} problem',
  'summary.problems.other': '✖ {{count}} problems',
  'summary.nothingScanned': '⚠ nothing was scanned',
  'summary.noProblems': '✔ no problems',
  'summary.errors.one': '{{count}} error',
  'summary.errors.other': '{{count}} errors',
  'summary.warnings.one': '{{count}} warning',
  'summary.warnings.other': '{{count}} warnings',
  'summary.notes.one': '{{count}} note',
  'summary.notes.other': '{{count}} notes',
  'summary.line': '{{problems}} ({{errors}}, {{warnings}}, {{notes}}) in {{scanned}}',
  'summary.alsoFailed': '; {{failed}}',
  'summary.suppressed': '; {{count}} suppressed',
  'summary.unchanged': '; {{count}} unchanged from the baseline',
  'summary.waste.one': '  about {{usd}} a month of estimated waste in {{count}} cost finding (list prices of {{date}})',
  'summary.waste.other': '  about {{usd}} a month of estimated waste in {{count}} cost findings (list prices of {{date}})',
  'level.error': 'error',
  'level.warning': 'warning',
  'level.note': 'note',
  'summary.fixable.one': '  {{count}} problem potentially fixable with mamori fix',
  'summary.fixable.other': '  {{count}} problems potentially fixable with mamori fix',
  'accounts.heading': 'By account:',
  'accounts.file': 'account {{account}}',
  'accounts.line': '{{problems}} ({{errors}}, {{warnings}}, {{notes}})',
  'accounts.waste': '; about {{usd}} a month of estimated waste',
  'accounts.failed.one': '; {{count}} input could not be scanned',
  'accounts.failed.other': '; {{count}} inputs could not be scanned',
  'placement.inTemplate': ' Stack {{stack}}, resource {{logicalId}}: the template shows the same problem here, one issue with the live resource {{live}}.',
  'placement.drift': ' Stack {{stack}}, resource {{logicalId}}: the template does not show this problem; the live resource {{live}} has drifted from it.',
  'stylish.stack': ' [stack {{stack}}: {{logicalId}}]',
  'html.title': 'mamori report',
  'html.filesScanned.one': '{{count}} file scanned',
  'html.filesScanned.other': '{{count}} files scanned',
  'html.rules': '{{count}} rules',
  'html.summary': 'Summary',
  'html.findings': 'Findings',
  'html.level.error': 'Errors',
  'html.level.warning': 'Warnings',
  'html.level.note': 'Notes',
  'html.severity.error': 'error',
  'html.severity.warning': 'warning',
  'html.severity.note': 'note',
  'html.waste': 'Estimated monthly waste',
  'html.wasteBasis.one': '{{count}} cost finding, list prices of {{date}}',
  'html.wasteBasis.other': '{{count}} cost findings, list prices of {{date}}',
  'html.failedInputs': 'Inputs not scanned',
  'html.byArea': 'By area',
  'html.byFile': 'By file',
  'html.area': 'Area',
  'html.file': 'File',
  'html.areaAll': 'all',
  'html.areaOther': 'Other',
  'html.filter': 'Filter by file, rule or text',
  'html.shown': '{{count}} shown',
  'html.col.level': 'Level',
  'html.col.rule': 'Rule',
  'html.col.message': 'Message',
  'html.col.location': 'Location',
  'html.col.cost': 'Monthly cost',
  'html.empty': 'No finding matches the filters.',
  'html.problems': 'Problems with the scan',
  'html.fix': 'Fix: {{description}}',
  'html.fixAt': 'line {{line}}, column {{column}}',
  'html.fixRemove.one': '- {{count}} character from {{start}} to {{end}}',
  'html.fixRemove.other': '- {{count}} characters from {{start}} to {{end}}',
  'html.unfixable': 'Not fixed automatically: {{reason}}',
  'html.byAccount': 'By account',
  'html.col.account': 'Account',
  'html.col.waste': 'Monthly waste',
  'area.network': 'Network',
  'area.identity': 'Identity and access',
  'area.secrets': 'Secrets',
  'area.compute': 'Compute',
  'area.logging': 'Logging',
  'area.resilience': 'Resilience',
  'area.cost': 'Cost',
} as const;

/** The `{{name}}` placeholders of a text, as a union of their names. */
export type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A catalog of `En`'s keys, each text with exactly the placeholders of the English one. */
export type TranslationOf<En extends Record<string, string>, T> = {
  [K in keyof En]: K extends keyof T
    ? T[K] extends string
      ? Same<Placeholders<T[K]>, Placeholders<En[K]>> extends true
        ? T[K]
        : { error: 'placeholders differ from the English text'; english: En[K] }
      : never
    : string;
} & { [K in Exclude<keyof T, keyof En>]: never };

/** Types a translation of the English catalog; the texts are kept as literals so their placeholders can be checked. */
function translation<const T extends Record<string, string>>(catalog: T & TranslationOf<typeof EN, T>): T {
  return catalog;
}

const JA = translation({
  'summary.templates.one': 'テンプレート {{count}} 件',
  'summary.templates.other': 'テンプレート {{count}} 件',
  'summary.snapshots.one': 'アカウントスナップショット {{count}} 件',
  'summary.snapshots.other': 'アカウントスナップショット {{count}} 件',
  'summary.scanned.templates': '{{templates}}をスキャンしました',
  'summary.scanned.both': '{{templates}}と{{snapshots}}をスキャンしました',
  'summary.failed.one': '{{count}} 件の入力をスキャンできませんでした',
  'summary.failed.other': '{{count}} 件の入力をスキャンできませんでした',
  'summary.failedOnly': '{{failed}}。{{rest}}',
  'summary.noTemplateScanned': 'スキャンしたテンプレートはありません',
  'summary.noProblemsInOthers': 'ほかの入力に問題はありません ({{scanned}})',
  'summary.problems.one': '✖ {{count}} 件の問題',
  'summary.problems.other': '✖ {{count}} 件の問題',
  'summary.nothingScanned': '⚠ 何もスキャンしていません',
  'summary.noProblems': '✔ 問題はありません',
  'summary.errors.one': 'エラー {{count}}',
  'summary.errors.other': 'エラー {{count}}',
  'summary.warnings.one': '警告 {{count}}',
  'summary.warnings.other': '警告 {{count}}',
  'summary.notes.one': '注意 {{count}}',
  'summary.notes.other': '注意 {{count}}',
  'summary.line': '{{problems}} ({{errors}}、{{warnings}}、{{notes}})。{{scanned}}',
  'summary.alsoFailed': '。{{failed}}',
  'summary.suppressed': '。{{count}} 件は抑制済み',
  'summary.unchanged': '。{{count}} 件はベースラインから変化なし',
  'summary.waste.one': '  コストの検出結果 {{count}} 件で、推定される無駄は月額およそ {{usd}} ({{date}} 時点の公開料金)',
  'summary.waste.other': '  コストの検出結果 {{count}} 件で、推定される無駄は月額およそ {{usd}} ({{date}} 時点の公開料金)',
  'level.error': 'エラー',
  'level.warning': '警告',
  'level.note': '注意',
  'summary.fixable.one': '  うち {{count}} 件は mamori fix で修正できる可能性があります',
  'summary.fixable.other': '  うち {{count}} 件は mamori fix で修正できる可能性があります',
  'accounts.heading': 'アカウント別:',
  'accounts.file': 'アカウント {{account}}',
  'accounts.line': '{{problems}} ({{errors}}、{{warnings}}、{{notes}})',
  'accounts.waste': '。推定される無駄は月額およそ {{usd}}',
  'accounts.failed.one': '。{{count}} 件の入力をスキャンできませんでした',
  'accounts.failed.other': '。{{count}} 件の入力をスキャンできませんでした',
  'placement.inTemplate':
    ' スタック {{stack}} のリソース {{logicalId}}: テンプレートのこの箇所にも同じ問題があり、稼働中のリソース {{live}} と同じ 1 件の問題です。',
  'placement.drift':
    ' スタック {{stack}} のリソース {{logicalId}}: テンプレートにはこの問題がなく、稼働中のリソース {{live}} がテンプレートからドリフトしています。',
  'stylish.stack': ' [スタック {{stack}}: {{logicalId}}]',
  'html.title': 'mamori レポート',
  'html.filesScanned.one': '{{count}} 個のファイルをスキャン',
  'html.filesScanned.other': '{{count}} 個のファイルをスキャン',
  'html.rules': 'ルール {{count}} 個',
  'html.summary': '概要',
  'html.findings': '検出結果',
  'html.level.error': 'エラー',
  'html.level.warning': '警告',
  'html.level.note': '注意',
  'html.severity.error': 'エラー',
  'html.severity.warning': '警告',
  'html.severity.note': '注意',
  'html.waste': '推定される月額の無駄',
  'html.wasteBasis.one': 'コストの検出結果 {{count}} 件、{{date}} 時点の公開料金',
  'html.wasteBasis.other': 'コストの検出結果 {{count}} 件、{{date}} 時点の公開料金',
  'html.failedInputs': 'スキャンできなかった入力',
  'html.byArea': '分野別',
  'html.byFile': 'ファイル別',
  'html.area': '分野',
  'html.file': 'ファイル',
  'html.areaAll': 'すべて',
  'html.areaOther': 'その他',
  'html.filter': 'ファイル、ルール、テキストで絞り込み',
  'html.shown': '{{count}} 件を表示',
  'html.col.level': 'レベル',
  'html.col.rule': 'ルール',
  'html.col.message': 'メッセージ',
  'html.col.location': '場所',
  'html.col.cost': '月額コスト',
  'html.empty': '絞り込みに一致する検出結果はありません。',
  'html.problems': 'スキャンの問題',
  'html.fix': '修正: {{description}}',
  'html.fixAt': '{{line}} 行 {{column}} 列',
  'html.fixRemove.one': '- {{start}} から {{end}} までの {{count}} 文字を置き換え',
  'html.fixRemove.other': '- {{start}} から {{end}} までの {{count}} 文字を置き換え',
  'html.unfixable': '自動では修正できません: {{reason}}',
  'html.byAccount': 'アカウント別',
  'html.col.account': 'アカウント',
  'html.col.waste': '月額の無駄',
  'area.network': 'ネットワーク',
  'area.identity': 'ID とアクセス',
  'area.secrets': 'シークレット',
  'area.compute': 'コンピューティング',
  'area.logging': 'ログ記録',
  'area.resilience': '耐障害性',
  'area.cost': 'コスト',
});

/** A key of mamori's message catalog. */
export type MessageKey = keyof typeof EN;

/** Every language's catalog. */
export const CATALOGS: { readonly [L in Lang]: { readonly [K in MessageKey]: string } } = { en: EN, ja: JA };

/** The stem of a key that has `.one` and `.other` forms. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Stem}.one` ? Stem : never) : never;

// The CLDR plural rule of each language, for whole counts (English: one for 1; Japanese: none).
// Written out rather than Intl.PluralRules: building one loads the locale data, at the start of every scan.
const PLURAL_FORM: { readonly [L in Lang]: (count: number) => 'one' | 'other' } = {
  en: (count) => (count === 1 ? 'one' : 'other'),
  ja: () => 'other',
};

/** The text of `key` in `lang` with its placeholders filled in from `data`. */
export function t(lang: Lang, key: MessageKey, data: Readonly<Record<string, string | number>> = {}): string {
  return CATALOGS[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** The `.one` or `.other` form of `stem` for `count`, with `{{count}}` and the rest of `data` filled in. */
export function tn(lang: Lang, stem: PluralKey, count: number, data: Readonly<Record<string, string | number>> = {}): string {
  return t(lang, `${stem}.${PLURAL_FORM[lang](count)}` as MessageKey, { ...data, count });
}
