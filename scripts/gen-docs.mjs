// Writes docs/rules/<name>.md and docs/rules/README.md from rule metadata, and the collector's
// minimal IAM policy in docs/account-snapshots.md from its call descriptors. `--check` fails when
// they drift.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AWS_CALLS, areaTitle, minimalIamPolicy, organizationIamPolicy, priceListWarning, ruleHelpMarkdown } from '../packages/core/dist/internal.js';
import { rules } from '../packages/rules/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'docs', 'rules');
const check = process.argv.includes('--check');
const BANNER = '<!-- Generated from the rule metadata by `pnpm docs`. Do not edit. -->';

const severityLabel = (s) => (s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low');

function page(rule) {
  const facts = [
    `| | |`,
    `|---|---|`,
    `| Id | \`${rule.id}\` |`,
    `| Level | ${rule.severity} |`,
    rule.securitySeverity === undefined
      ? '| GitHub security severity | none (not a security rule) |'
      : `| GitHub security severity | ${rule.securitySeverity.toFixed(1)} (${severityLabel(rule.securitySeverity)}) |`,
    `| Area | ${areaTitle(rule.area)} |`,
    `| Reads | ${(typeof rule.entity === 'string' ? [rule.entity] : rule.entity).map((k) => `\`${k}\``).join(', ')} entities |`,
    `| Tags | ${rule.tags.map((t) => `\`${t}\``).join(', ')} |`,
  ];
  const messages = Object.entries(rule.messages).map(([id, text]) => `- \`${id}\`: ${text}`);
  const options = rule.optionsSchema
    ? [
        '## Options',
        '',
        `Set in the configuration as \`rules: { ${rule.name}: { options: { ... } } }\`.`,
        '',
        '| Option | Type | Default | Meaning |',
        '|---|---|---|---|',
        ...Object.entries(rule.optionsSchema.properties).map(
          ([key, p]) =>
            `| \`${key}\` | ${p.type === 'array' ? `${p.items?.type ?? 'value'}[]` : p.type} | \`${JSON.stringify(rule.defaultOptions?.[key])}\` | ${p.description} |`,
        ),
        '',
      ]
    : [];
  return [
    BANNER,
    '',
    `# ${rule.name}: ${rule.title}`,
    '',
    ...facts,
    '',
    ruleHelpMarkdown(rule).trim(),
    '',
    ...options,
    '## Messages',
    '',
    ...messages,
    '',
  ].join('\n');
}

function index() {
  const rows = rules.map((r) => `| \`${r.id}\` | [${r.name}](${r.name}.md) | ${areaTitle(r.area)} | ${r.severity} | ${r.title} |`);
  return [BANNER, '', '# Rules', '', '| Id | Name | Area | Level | Title |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

const wanted = new Map(rules.map((r) => [`${r.name}.md`, page(r)]));
wanted.set('README.md', index());

mkdirSync(outDir, { recursive: true });
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
for (const file of readdirSync(outDir)) {
  if (!wanted.has(file)) drift.push(`${file} (no such rule)`);
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
