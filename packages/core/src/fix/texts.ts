import type { TranslationOf } from '../i18n/catalog.js';
import type { Lang } from '../i18n/lang.js';

// The texts of fixes: how an edit is described, and why a fix cannot be made. Typed like the main
// catalog: the Japanese one has every key of the English one, with the same placeholders.

const EN = {
  'edit.set': 'Set {{path}} to {{value}}.',
  'edit.add': 'Add {{path}}.',
  'edit.delete': 'Remove {{path}}.',
  'path.property': '{{property}} of {{resource}}',
  'path.parameter': '{{property}} of parameter {{parameter}}',
  'path.newParameter': 'parameter {{parameter}}',
  'unfixable.parse': 'the template could not be parsed',
  'unfixable.missing': '{{path}} is not in the template as written',
  'unfixable.notPlain': '{{path}} is not a plain mapping or list (an intrinsic function)',
  'unfixable.flow': '{{path}} is a flow collection ({ ... } or [ ... ]), which is not edited',
  'unfixable.intrinsic': '{{path}} is given by {{fn}}, not a literal value',
  'unfixable.if': 'the value of {{path}} is chosen by Fn::If on condition {{condition}}: edit the branch that gives it',
  'unfixable.mapping': 'the value of {{path}} comes from mapping {{mapping}}: edit the mapping',
  'unfixable.sharedParameter':
    'the value of {{path}} comes from parameter {{parameter}}, which is also used in {{count}} other place(s): change its Default or the value each stack passes',
  'unfixable.parameterNoDefault': 'the value of {{path}} comes from parameter {{parameter}}, which has no literal Default: change the value each stack passes',
  'unfixable.allowedValues': 'the value of {{path}} comes from parameter {{parameter}}, whose AllowedValues do not include {{value}}',
  'unfixable.exists': '{{path}} already exists with another value: edit it by hand',
  'unfixable.layout': 'the mapping at {{path}} is laid out so that a new line cannot be placed in it safely',
  'unfixable.reread': 'the file could not be read again',
  'unfixable.tooLarge': 'the template is over {{mib}} MiB, larger than CloudFormation takes, and is not edited',
  'unfixable.tooMany': 'the file has more fixes than are computed at once: run mamori fix again once the others are made',
  'unfixable.error': 'the fix could not be computed: {{error}}',
  'unfixable.link': 'the file is a symbolic link, which is never written through',
  'unfixable.notFile': 'the file is not a regular file',
  'unfixable.outside': 'the file is outside the scanned paths',
  'cli.notFixed': 'not fixed: {{where}} {{rule}} ({{reason}})',
  'cli.fixed': 'fixed {{fixed}} finding(s) in {{files}} file(s); {{left}} left unfixed',
  'cli.wouldFix': 'would fix {{fixed}} finding(s) in {{files}} file(s); {{left}} left unfixed',
  'cli.unknownRule': 'no rule has the id or name {{rule}} (mamori rules lists them)',
} as const;

function translation<const T extends Record<string, string>>(catalog: T & TranslationOf<typeof EN, T>): T {
  return catalog;
}

const JA = translation({
  'edit.set': '{{path}} を {{value}} に設定します。',
  'edit.add': '{{path}} を追加します。',
  'edit.delete': '{{path}} を削除します。',
  'path.property': '{{resource}} の {{property}}',
  'path.parameter': 'パラメータ {{parameter}} の {{property}}',
  'path.newParameter': 'パラメータ {{parameter}}',
  'unfixable.parse': 'テンプレートを解析できませんでした',
  'unfixable.missing': '{{path}} はテンプレートに記述されていません',
  'unfixable.notPlain': '{{path}} は通常のマッピングやリストではありません (組み込み関数です)',
  'unfixable.flow': '{{path}} はフロー形式 ({ ... } や [ ... ]) のため編集しません',
  'unfixable.intrinsic': '{{path}} はリテラル値ではなく {{fn}} で与えられています',
  'unfixable.if': '{{path}} の値は条件 {{condition}} の Fn::If で選ばれています。値を与えている分岐を編集してください',
  'unfixable.mapping': '{{path}} の値はマッピング {{mapping}} から取られています。マッピングを編集してください',
  'unfixable.sharedParameter':
    '{{path}} の値はパラメータ {{parameter}} から取られ、ほかの {{count}} か所でも使われています。Default か、各スタックが渡す値を変更してください',
  'unfixable.parameterNoDefault': '{{path}} の値はリテラルの Default がないパラメータ {{parameter}} から取られています。各スタックが渡す値を変更してください',
  'unfixable.allowedValues': '{{path}} の値はパラメータ {{parameter}} から取られていますが、その AllowedValues に {{value}} が含まれていません',
  'unfixable.exists': '{{path}} はすでに別の値で存在します。手で編集してください',
  'unfixable.layout': '{{path}} のマッピングは、新しい行を安全に追加できない書き方になっています',
  'unfixable.reread': 'ファイルを再度読み込めませんでした',
  'unfixable.tooLarge': 'テンプレートが {{mib}} MiB を超え、CloudFormation が受け付ける大きさを超えているため編集しません',
  'unfixable.tooMany': 'このファイルには一度に計算できる以上の修正があります。ほかの修正を適用したあとで、もう一度 mamori fix を実行してください',
  'unfixable.error': '修正を計算できませんでした: {{error}}',
  'unfixable.link': 'ファイルはシンボリックリンクのため、書き込みません',
  'unfixable.notFile': '通常のファイルではありません',
  'unfixable.outside': 'ファイルはスキャンしたパスの外にあります',
  'cli.notFixed': '修正していません: {{where}} {{rule}} ({{reason}})',
  'cli.fixed': '{{files}} 個のファイルで {{fixed}} 件の検出結果を修正しました。{{left}} 件は修正していません',
  'cli.wouldFix': '{{files}} 個のファイルで {{fixed}} 件の検出結果を修正できます。{{left}} 件は修正できません',
  'cli.unknownRule': 'ID または名前が {{rule}} のルールはありません (mamori rules で一覧を表示できます)',
});

/** A key of the fixes' texts. */
export type FixTextKey = keyof typeof EN;

const TEXTS: { readonly [L in Lang]: { readonly [K in FixTextKey]: string } } = { en: EN, ja: JA };

/** The text of `key` in `lang` with its placeholders filled in. */
export function fixText(lang: Lang, key: FixTextKey, data: Readonly<Record<string, string | number>> = {}): string {
  return TEXTS[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** Why a fix cannot be made: a text of the catalog and its data, written in the scan's language when shown. */
export interface Unfixable {
  key: FixTextKey;
  data?: Readonly<Record<string, string | number>>;
}
