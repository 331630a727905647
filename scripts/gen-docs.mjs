// Writes docs/rules/<name>.md and docs/rules/README.md, and their Japanese versions in docs/rules/ja, from rule metadata, and the collector's
// minimal IAM policy in docs/account-snapshots.md from its call descriptors. `--check` fails when
// they drift.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AWS_CALLS,
  areaTitle,
  HELP_LABELS,
  minimalIamPolicy,
  organizationIamPolicy,
  priceListWarning,
  ruleHelpMarkdown,
} from '../packages/core/dist/internal.js';
import { rules } from '../packages/rules/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'docs', 'rules');
const check = process.argv.includes('--check');

const severityLabel = (s) => (s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low');

// English pages in docs/rules, Japanese ones in docs/rules/ja, each linking to the other.
const LANGS = ['en', 'ja'];
const dirOf = (lang) => (lang === 'en' ? '' : `${lang}/`);
const banner = (lang) => `<!-- ${HELP_LABELS[lang].generated} -->`;
const titleOf = (rule, lang) => (lang === 'en' ? rule.title : (rule.translations?.[lang]?.title ?? rule.title));
const otherPage = (name, lang) => (lang === 'en' ? `ja/${name}` : `../${name}`);

function page(rule, lang) {
  const l = HELP_LABELS[lang];
  const severity = rule.securitySeverity;
  const facts = [
    `| | |`,
    `|---|---|`,
    `| ${l.id} | \`${rule.id}\` |`,
    `| ${l.level} | ${lang === 'en' ? rule.severity : `${l[`level.${rule.severity}`]} (\`${rule.severity}\`)`} |`,
    severity === undefined
      ? `| ${l.securitySeverity} | ${l.notSecurity} |`
      : `| ${l.securitySeverity} | ${severity.toFixed(1)} (${l[`severity.${severityLabel(severity)}`]}) |`,
    `| ${l.area} | ${areaTitle(rule.area, lang)} |`,
    `| ${l.reads} | ${(typeof rule.entity === 'string' ? [rule.entity] : rule.entity).map((k) => `\`${k}\``).join(', ')} ${l.entities} |`,
    `| ${l.tags} | ${rule.tags.map((t) => `\`${t}\``).join(', ')} |`,
    ...(rule.fixable ? [`| ${l.fixable} | ${l.fixableYes} |`] : []),
  ];
  const localMessages = lang === 'en' ? {} : (rule.translations?.[lang]?.messages ?? {});
  const messages = Object.entries(rule.messages).map(([id, text]) => `- \`${id}\`: ${localMessages[id] ?? text}`);
  const options = rule.optionsSchema
    ? [
        `## ${l.options}`,
        '',
        `${l.optionsWhere} \`rules: { ${rule.name}: { options: { ... } } }\`${lang === 'en' ? '.' : ''}`,
        '',
        `| ${l.option} | ${l.type} | ${l.default} | ${l.meaning} |`,
        '|---|---|---|---|',
        ...Object.entries(rule.optionsSchema.properties).map(
          ([key, p]) =>
            `| \`${key}\` | ${p.type === 'array' ? `${p.items?.type ?? 'value'}[]` : p.type} | \`${JSON.stringify(rule.defaultOptions?.[key])}\` | ${(lang === 'en' ? undefined : rule.translations?.[lang]?.options?.[key]) ?? p.description} |`,
        ),
        '',
      ]
    : [];
  return [
    banner(lang),
    '',
    `# ${rule.name}: ${titleOf(rule, lang)}`,
    '',
    `[${HELP_LABELS[lang].otherLanguage}](${otherPage(rule.name, lang)}.md)`,
    '',
    ...facts,
    '',
    ruleHelpMarkdown(rule, lang).trim(),
    '',
    ...options,
    `## ${l.messages}`,
    '',
    ...messages,
    '',
  ].join('\n');
}

function index(lang) {
  const l = HELP_LABELS[lang];
  const rows = rules.map(
    (r) =>
      `| \`${r.id}\` | [${r.name}](${r.name}.md) | ${areaTitle(r.area, lang)} | ${lang === 'en' ? r.severity : l[`level.${r.severity}`]} | ${titleOf(r, lang)} |`,
  );
  return [
    banner(lang),
    '',
    `# ${l.rules}`,
    '',
    `[${l.otherLanguage}](${lang === 'en' ? 'ja/README.md' : '../README.md'})`,
    '',
    `| ${l.id} | ${l.name} | ${l.area} | ${l.level} | ${l.title} |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const wanted = new Map();
for (const lang of LANGS) {
  for (const r of rules) wanted.set(`${dirOf(lang)}${r.name}.md`, page(r, lang));
  wanted.set(`${dirOf(lang)}README.md`, index(lang));
}

for (const lang of LANGS) mkdirSync(path.join(outDir, dirOf(lang)), { recursive: true });
const drift = [];
for (const [file, text] of wanted) {
  const target = path.join(outDir, file);
  let current;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  if (check) drift.push(file);
  else writeFileSync(target, text);
}
for (const lang of LANGS) {
  for (const entry of readdirSync(path.join(outDir, dirOf(lang)), { withFileTypes: true })) {
    const file = `${dirOf(lang)}${entry.name}`;
    if (entry.isFile() && !wanted.has(file)) drift.push(`${file} (no such rule)`);
  }
}

// The policy sits between two markers in a hand-written page.
const POLICY_START = "<!-- Generated from the collector's call descriptors (AWS_CALLS) by `pnpm docs`. Do not edit. -->";
const POLICY_END = '<!-- End of the generated policy. -->';
const snapshotsDoc = path.join(root, 'docs', 'account-snapshots.md');
const doc = readFileSync(snapshotsDoc, 'utf8');
const start = doc.indexOf(POLICY_START);
const end = doc.indexOf(POLICY_END);
if (start < 0 || end < start) {
  console.error(`docs/account-snapshots.md: the generated policy's markers are missing`);
  process.exit(1);
}
const policy = [
  '```json',
  JSON.stringify(minimalIamPolicy(), null, 2),
  '```',
  '',
  '`collect --org`, in the account it runs in:',
  '',
  '```json',
  JSON.stringify(organizationIamPolicy(), null, 2),
  '```',
].join('\n');
const withPolicy = `${doc.slice(0, start + POLICY_START.length)}\n${policy}\n${doc.slice(end)}`;
if (withPolicy !== doc) {
  if (check) drift.push('../account-snapshots.md (the minimal IAM policy)');
  else writeFileSync(snapshotsDoc, withPolicy);
}
// The table of the calls made is written by hand: it must name every call.
const table = doc.slice(doc.indexOf('## The calls made'), doc.indexOf('### Permissions'));
const unnamed = AWS_CALLS.filter((call) => !table.includes(`\`${call.operation}\``)).map((call) => `${call.service} ${call.operation}`);
if (unnamed.length > 0) {
  console.error(`docs/account-snapshots.md: the table of the calls made (written by hand) does not name ${unnamed.join(', ')}`);
  process.exit(1);
}

// A warning, never a failure: old prices still rank findings, and a test must not fail with the calendar.
const stale = priceListWarning();
if (stale) console.warn(`warning: ${stale}`);

if (check && drift.length > 0) {
  console.error(`docs are out of date; run \`pnpm docs\`:\n  ${drift.join('\n  ')}`);
  process.exit(1);
}
console.log(
  check
    ? `docs/rules is up to date (${wanted.size} pages), and the IAM policy of docs/account-snapshots.md`
    : `wrote ${wanted.size} pages to docs/rules, and the IAM policy of docs/account-snapshots.md`,
);
