import type { Notification, NotificationCode } from '../model/finding.js';
import type { Lang } from './lang.js';

// What each kind of notification means, in the languages other than English: put before the
// notification's own text, whose details (files, properties, calls, the parser's words) stay as
// they are. Typed by the codes, so that a new code without its Japanese fails the typecheck.
const TITLES: { readonly [L in Exclude<Lang, 'en'>]: { readonly [C in NotificationCode]: string } } = {
  ja: {
    'parse-error': '解析できません',
    'read-error': '読み込めません',
    'path-not-found': 'パスが見つかりません',
    'rule-error': 'ルールのエラー',
    'not-a-template': 'テンプレートではありません',
    'not-expanded': '展開していません',
    skipped: 'スキップしました',
    'suppression-ignored': '抑制を無視しました',
    'config-error': '設定のエラー',
    'invalid-snapshot': 'スナップショットがスキーマに合いません',
    'not-evaluated': '評価していない部分があります',
    'incomplete-snapshot': 'スナップショットが不完全です',
    truncated: '一部をまとめて報告します',
    'empty-file': '空のファイルです',
    'template-limit': 'テンプレートの上限を超えています',
    'not-deployable': 'このままではデプロイできません',
    'internal-error': 'mamori の内部エラー',
    'nothing-scanned': '何もスキャンしていません',
    'git-listing': 'git でファイルを一覧できませんでした',
    'account-not-collected': '収集していないアカウントがあります',
    'stack-mapping': 'スタックの対応付けができません',
  },
};

/** The notifications with, in a language other than English, what their kind means put before their text. */
export function localizeNotifications(notifications: readonly Notification[], lang: Lang): Notification[] {
  if (lang === 'en') return [...notifications];
  const titles = TITLES[lang];
  return notifications.map((n) => ({ ...n, message: `${titles[n.code]}: ${n.message}` }));
}
