// `pnpm bench`: scan speed against the parse floor (reading and parsing the same files with the
// parse step the scan uses, nothing else; and, for comparison, with the parsers' standard calls), on
// the shared corpus of public templates when it is there, the examples, generated corpora of 1,000 and 10,000 templates and a generated 100,000-entity account snapshot
// (written once into the system's temporary folder, outside any repository whose .gitignore would
// hide them from the scan), hostile templates one by one (`hostile`: 20 MiB of random tokens, deep
// Fn::If nests, Fn::ForEach bombs, sections of thousands of lookups), and the cold start of `mamori --version`.
// Each measurement runs in its own process so peak RSS is its own.
//
//   node scripts/bench.mjs [--only <corpus>[,<corpus>]] [--runs N] [--no-startup] [--each NAME=a,b]
//
// `--each NAME=a,b` times only the scan, under each value of the environment variable NAME in turn,
// run after run (`--each MAMORI_WORKERS=0,1`). README.md (Speed) has the figures.
// `--only snapshot-large` adds a generated snapshot of 305,000 entities (517 MB, just under the 500 MiB a snapshot may have).
//
// `--only render` times the reports of 150,000 generated findings in every format instead.
//
// BENCH_RUNS sets the default number of runs (median reported); MAMORI_BENCH_DIR where the generated
// corpora are kept; MAMORI_WORKERS is passed through to the scan.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateHostile, generateSnapshot, generateTemplates, HOSTILE_FILES } from './bench-corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = process.env.MAMORI_BENCH_DIR ?? path.join(os.tmpdir(), 'mamori-bench');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A scan result of `count` findings, half in one file and half in a file each, as test/many-findings.ts makes. */
async function manyFindings(count) {
  const { rules } = await import('../packages/rules/dist/index.js');
  const { ruleMeta } = await import('../packages/core/dist/scan.js');
  const metas = rules.map(ruleMeta);
  const findings = [];
  for (let i = 0; i < count; i++) {
    const meta = metas[i % metas.length];
    const file = i < count / 2 ? 'big.yaml' : `many/t${i}.yaml`;
    findings.push({
      ruleId: meta.id,
      ruleName: meta.name,
      severity: ['note', 'warning', 'error'][i % 3],
      messageId: 'm',
      message: `Security group Sg${i} allows SSH (22/tcp) from 0.0.0.0/0.`,
      location: { file, line: i + 1, column: 3, endLine: i + 1, endColumn: 10, logicalPath: `Resources/Sg${i}` },
      entity: { kind: 'SecurityGroup', id: `${file}#Sg${i}`, displayName: `Sg${i}` },
      fingerprint: i.toString(16).padStart(32, '0'),
      ...(i % 7 === 0 ? { properties: { estimatedMonthlyCostUsd: 3.6 } } : {}),
      ...(i % 10 === 9 ? { suppression: { kind: 'inSource', justification: 'accepted', via: 'mamori' } } : {}),
    });
  }
  return { root: '/repo', files: [...new Set(findings.map((f) => f.location.file))], findings, notifications: [], rules: metas };
}

/** Renders a result of `count` findings in one format, as `mamori scan --format` and the Action do. */
async function renderChild(format, count) {
  const core = await import('../packages/core/dist/index.js');
  const internal = await import('../packages/core/dist/internal.js');
  const { annotations, jobSummary } = await import('../packages/cli/dist/action.js');
  const result = await manyFindings(count);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const render = {
    stylish: () => core.toStylish(result, { color: false }),
    json: () => core.toJson(result),
    sarif: () => internal.fitSarif(result).text,
    html: () => core.toHtml(result),
    action: () => annotations(result).join('') + jobSummary(result, { sarifFile: 'mamori.sarif', failOn: 'error', exitCode: 1 }),
  }[format];
  const text = render();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: Buffer.byteLength(text), rssMiB: process.resourceUsage().maxRSS / 1024 }),
  );
}

async function child(mode, target) {
  if (mode.startsWith('render:')) return renderChild(mode.slice('render:'.length), Number(target));
  const core = await import('../packages/core/dist/index.js');
  const internal = await import('../packages/core/dist/internal.js');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let files = 0;
  let bytes = 0;
  let findings = 0;
  let note = '';
  if (mode === 'floor' || mode === 'library') {
    // 'floor': core's own parse step, called as the scan calls it (`parseText`: YAML through the
    // lexer-based reader or yaml's full parser, JSON in one pass of jsonc-parser's events), and
    // JSON.parse for snapshots. 'library': the parsers' standard calls (yaml's parseDocument,
    // jsonc-parser's parseTree, JSON.parse), for comparison with that floor.
    const fromCore = createRequire(path.join(root, 'packages/core/package.json'));
    const { parseTree } = await import(pathToFileURL(fromCore.resolve('jsonc-parser')).href);
    const { parseText, parseYamlDocument, JSON_OPTIONS } = await import('../packages/core/dist/template/parsing/parse.js');
    const { formatOf } = await import('../packages/core/dist/template/load.js');
    const walked = await internal.walk([target], process.cwd());
    for (const f of walked.files) {
      files++;
      // Bytes, then text, as the scan reads them: on some machines much faster than readFileSync(f, 'utf8').
      const raw = readFileSync(f.absPath);
      bytes += raw.length;
      const text = raw.toString('utf8');
      const format = formatOf(f.absPath, text);
      if (internal.looksLikeSnapshot(text)) JSON.parse(text);
      else if (mode === 'floor') parseText(f.absPath, text, format);
      else if (format === 'json') parseTree(text, [], JSON_OPTIONS);
      else parseYamlDocument(text);
    }
  } else {
    const { rules } = await import('../packages/rules/dist/index.js');
    const result = await core.scan({ paths: [target], rules });
    files = result.files.length;
    bytes = result.files.reduce((n, f) => n + statSync(path.resolve(f)).size, 0);
    findings = result.findings.length;
    // A file the scan could not read or skipped, or rules it could not evaluate, make the row meaningless: say so in it.
    const problem = result.notifications.find((n) => n.level === 'error' || n.code === 'skipped' || n.code === 'not-evaluated');
    if (problem) note = `${problem.code}: ${problem.message.slice(0, 80)}`;
  }
  const ms = performance.now() - start;
  // CPU time of the whole process, worker threads included: less at the mercy of other load than wall time.
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files, bytes, findings, note, rssMiB: process.resourceUsage().maxRSS / 1024 }),
  );
}

const bundle = path.join(root, 'packages/cli/dist/bundle/mamori.mjs');

function runOnce(mode, target, env = {}) {
  if (mode === 'cli') return runCli(target, env);
  const start = performance.now();
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, target], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, ...env },
  });
  // The whole process, Node's own start and the loading of the parsers included.
  return { ...JSON.parse(out), processMs: performance.now() - start };
}

/** `mamori scan <target> --format json`, the published command, timed from outside as a user would time it. */
function runCli(target, env) {
  const output = path.join(os.tmpdir(), `mamori-bench-${process.pid}.json`);
  const start = performance.now();
  const r = spawnSync(process.execPath, [bundle, 'scan', target, '--format', 'json', '--output', output, '--fail-on', 'none'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const processMs = performance.now() - start;
  if (r.status !== 0 && r.status !== 3) throw new Error(`mamori scan ${target} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const result = JSON.parse(readFileSync(output, 'utf8'));
  return { ms: processMs, processMs, cpuMs: 0, files: result.files.length, findings: result.findings.length, rssMiB: 0 };
}

function measure(mode, target, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(runOnce(mode, target));
  return summarize(results);
}

/** Several modes on one target, run after run in turn, so that other load falls on all alike. */
function measureInTurn(modes, target, runs) {
  const results = modes.map(() => []);
  for (let i = 0; i < runs; i++) for (const [j, mode] of modes.entries()) results[j].push(runOnce(mode, target));
  return results.map(summarize);
}

/** The scan under each value of one environment variable, run after run in turn, so that other load falls on all alike. */
function measureEach(target, runs, name, values) {
  const results = values.map(() => []);
  for (let i = 0; i < runs; i++) for (const [j, value] of values.entries()) results[j].push(runOnce('scan', target, { [name]: value }));
  return results.map(summarize);
}

function summarize(results) {
  const mid = (list) => list[Math.floor(list.length / 2)];
  results.sort((a, b) => a.ms - b.ms);
  const median = mid(results);
  // Peak RSS is the largest seen, not the median run's; the whole process's time is its own median.
  return { ...median, processMs: mid(results.map((r) => r.processMs).sort((a, b) => a - b)), rssMiB: Math.max(...results.map((r) => r.rssMiB)) };
}

/**
 * Wall time of each command (`node <argv>`), 30 runs after 3 to warm the disk cache, taken in turn
 * (A, B, C, A, B, C ...) so that other load on the machine falls on all of them alike: mean,
 * standard deviation and median, in ms.
 */
function coldStarts(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < 33; i++) {
    for (const [j, argv] of commands.entries()) {
      const t = performance.now();
      execFileSync(process.execPath, argv, { stdio: 'ignore', cwd: root });
      if (i >= 3) times[j].push(performance.now() - t);
    }
  }
  return times.map((list) => {
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    const sd = Math.sqrt(list.reduce((a, b) => a + (b - mean) ** 2, 0) / list.length);
    const sorted = [...list].sort((a, b) => a - b);
    return { ms: mean, sd, median: sorted[Math.floor(sorted.length / 2)] };
  });
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const only = arg('--only')?.split(',');
  const defaultRuns = Number(arg('--runs') ?? process.env.BENCH_RUNS ?? 3);
  const want = (name) => !only || only.includes(name);
  const corpora = [];
  // Beside the checkout, or beside the folder of worktrees.
  const shared = [path.join(root, '..', 'shared', 'corpus'), path.join(root, '..', '..', 'shared', 'corpus')].find((d) => existsSync(d)) ?? '';
  if (want('shared') && existsSync(shared)) corpora.push(['shared', 'shared corpus (public templates)', shared, defaultRuns]);
  if (want('examples')) corpora.push(['examples', 'examples/', path.join(root, 'examples'), defaultRuns]);
  if (want('1k')) corpora.push(['1k', 'generated, 1,000 templates', generateTemplates(path.join(benchDir, 'corpus-1000'), 1000), defaultRuns]);
  if (want('10k')) corpora.push(['10k', 'generated, 10,000 templates', generateTemplates(path.join(benchDir, 'corpus-10000'), 10000), defaultRuns]);
  if (want('hostile')) {
    // Each hostile template on its own row: what matters is that none takes the scan's time or memory.
    const dir = generateHostile(path.join(benchDir, 'hostile'));
    for (const name of Object.keys(HOSTILE_FILES)) corpora.push(['hostile', `hostile: ${name} (${HOSTILE_FILES[name]})`, path.join(dir, name), defaultRuns]);
  }
  if (want('snapshot')) {
    const file = generateSnapshot(path.join(benchDir, 'snapshot-100000', 'account.json'), 100_000, 17);
    corpora.push(['snapshot', 'generated snapshot, 100,000 entities, 17 regions', file, defaultRuns]);
  }
  // Not in the default set: near the 500 MiB a snapshot may have, where memory matters more than time.
  if (only?.includes('snapshot-large')) {
    const file = generateSnapshot(path.join(benchDir, 'snapshot-305000', 'account.json'), 305_000, 17);
    corpora.push(['snapshot-large', 'generated snapshot, 305,000 entities, 17 regions', file, defaultRuns]);
  }
  const rows = [];
  const each = arg('--each');
  if (each) {
    const name = each.slice(0, each.indexOf('='));
    const values = each.slice(each.indexOf('=') + 1).split(',');
    for (const [, corpus, target, runs] of corpora) {
      for (const [j, full] of measureEach(target, runs, name, values).entries()) {
        rows.push({
          corpus,
          [name]: values[j],
          files: full.files,
          MB: (full.bytes / 1e6).toFixed(1),
          'scan s': (full.ms / 1000).toFixed(2),
          'scan CPU s': (full.cpuMs / 1000).toFixed(2),
          findings: full.findings,
          'peak RSS MiB': full.rssMiB.toFixed(0),
          ...(full.note ? { note: full.note } : {}),
        });
      }
    }
    corpora.length = 0;
  }
  for (const [, name, target, runs] of corpora) {
    const [floor, library, full, cli] = measureInTurn(['floor', 'library', 'scan', 'cli'], target, runs);
    rows.push({
      corpus: name,
      files: full.files,
      MB: (full.bytes / 1e6).toFixed(1),
      'scan s': (full.ms / 1000).toFixed(2),
      'scan CPU s': (full.cpuMs / 1000).toFixed(2),
      // One 170 MB snapshot a few seconds long is not a rate of files.
      'files/s': full.files > 1 ? ((full.files / full.ms) * 1000).toFixed(0) : '–',
      'MB/s': (full.bytes / 1e6 / (full.ms / 1000)).toFixed(1),
      findings: full.findings,
      'peak RSS MiB': full.rssMiB.toFixed(0),
      'floor s': (floor.ms / 1000).toFixed(2),
      'floor CPU s': (floor.cpuMs / 1000).toFixed(2),
      'scan/floor': (full.ms / floor.ms).toFixed(2),
      'library floor s': (library.ms / 1000).toFixed(2),
      'scan/library floor': (full.ms / library.ms).toFixed(2),
      // Whole processes: `mamori scan` (the bundled command) against a process that loads the parsers and parses the files.
      'mamori scan process s': (cli.processMs / 1000).toFixed(2),
      'library floor process s': (library.processMs / 1000).toFixed(2),
      'process/library process': (cli.processMs / library.processMs).toFixed(2),
      load: os.loadavg()[0].toFixed(1),
      ...(full.note ? { note: full.note } : {}),
    });
  }
  // Reports of 150,000 findings in every format: rendered whole, without a crash, in linear time.
  const renders = [];
  if (want('render')) {
    for (const format of ['stylish', 'json', 'sarif', 'html', 'action']) {
      const r = measure(`render:${format}`, '150000', defaultRuns);
      renders.push({
        format: format === 'action' ? 'Action annotations and summary' : format,
        'render s': (r.ms / 1000).toFixed(2),
        'CPU s': (r.cpuMs / 1000).toFixed(2),
        'output MB': (r.bytes / 1e6).toFixed(r.bytes < 1e6 ? 2 : 1),
        'peak RSS MiB': r.rssMiB.toFixed(0),
      });
    }
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `median of ${defaultRuns} run(s); ${process.version}; ${os.cpus().length} cores; load average before: ${loadBefore}, after: ${load}; MAMORI_WORKERS=${process.env.MAMORI_WORKERS ?? '(default)'}`,
  );
  if (rows.length > 0) {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    console.log(`| ${keys.join(' | ')} |`);
    console.log(`| ${keys.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const r of rows) console.log(`| ${keys.map((k) => r[k] ?? '').join(' | ')} |`);
  }
  if (renders.length > 0) {
    console.log('\nreports of 150,000 findings (75,001 files, 15,000 suppressed)');
    const keys = Object.keys(renders[0]);
    console.log(`| ${keys.join(' | ')} |`);
    console.log(`| ${keys.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const r of renders) console.log(`| ${keys.map((k) => r[k]).join(' | ')} |`);
  }
  if (!process.argv.includes('--no-startup')) {
    // The pre-commit hook's case: one template of median size, the whole process, beside Node's own start.
    const one = medianTemplate(shared || path.join(root, 'examples'));
    const commands = [
      [bundle, '--version'],
      [bundle, '--help'],
      [bundle, 'scan', one, '--format', 'json', '--fail-on', 'none'],
      ['-e', '0'],
    ];
    const names = [
      'mamori --version',
      'mamori --help',
      `mamori scan ${path.relative(root, one)} (${statSync(one).size.toLocaleString('en-US')} bytes)`,
      'node -e 0',
    ];
    const loadBefore = os.loadavg()[0].toFixed(1);
    const timed = coldStarts(commands);
    console.log(`\ncold starts, taken in turn, 30 runs each (load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after):`);
    for (const [i, t] of timed.entries()) console.log(`${names[i]}: ${t.ms.toFixed(0)} ms ± ${t.sd.toFixed(0)} (median ${t.median.toFixed(0)})`);
    const node = timed[3];
    console.log(`one template over node -e 0: ${(timed[2].median - node.median).toFixed(0)} ms (medians)`);
  }
}

/** The template of median size among the YAML and JSON templates under `dir`. */
function medianTemplate(dir) {
  const found = [];
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (
        /\.(ya?ml|json|template)$/i.test(e.name) &&
        /^\s*(AWSTemplateFormatVersion|Resources|Description|Transform|"AWSTemplateFormatVersion"|\{)/m.test(readFileSync(p, 'utf8').slice(0, 2000))
      )
        found.push([statSync(p).size, p]);
    }
  };
  visit(dir);
  found.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return found[Math.floor(found.length / 2)][1];
}
