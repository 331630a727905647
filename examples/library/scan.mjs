// Library use: scan folders, keep what matters to this team, and write SARIF for code scanning.
//   node scan.mjs <paths...>
import { writeFile } from 'node:fs/promises';
import { activeFindings, findConfig, toSarif } from '@mamori/core';
// `scan` of @mamori/rules runs the built-in catalog unless given `rules`; @mamori/core's takes them always.
import { rules, scan } from '@mamori/rules';

const paths = process.argv.slice(2);
const config = await findConfig(process.cwd());

// All built-in rules except the cost ones, e.g. for a security-only gate.
const security = rules.filter((r) => r.area !== 'cost');
const result = await scan({ paths: paths.length > 0 ? paths : ['.'], rules: security, ...(config ? { config } : {}) });

const active = activeFindings(result.findings);
for (const f of active) {
  console.log(`${f.location.file}:${f.location.line}:${f.location.column} ${f.severity} ${f.ruleId} ${f.message}`);
}
const errors = result.notifications.filter((n) => n.level === 'error');
for (const n of errors) console.error(`${n.file ?? ''}${n.line ? `:${n.line}` : ''} ${n.message}`);

await writeFile('mamori.sarif', `${JSON.stringify(toSarif(result, { category: 'mamori/security' }), null, 2)}\n`);
console.log(`${active.length} findings (${result.rules.length} rules, ${result.files.length} files); SARIF in mamori.sarif`);
process.exitCode = errors.length > 0 ? 2 : active.some((f) => f.severity === 'error') ? 1 : 0;
