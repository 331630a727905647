// Writes docs/rules/<name>.md and docs/rules/README.md from rule metadata. `--check` fails when they drift.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaTitle, ruleHelpMarkdown } from '../packages/core/dist/index.js';
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
    `| Reads | \`${rule.entity}\` entities |`,
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
if (check && drift.length > 0) {
  console.error(`docs/rules is out of date; run \`pnpm docs\`:\n  ${drift.join('\n  ')}`);
  process.exit(1);
}
console.log(check ? `docs/rules is up to date (${wanted.size} pages)` : `wrote ${wanted.size} pages to docs/rules`);
