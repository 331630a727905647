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
// `--only collect` (not in the default set: minutes, not seconds) runs the real collector, through
// the real SDK clients, against the fake AWS endpoint of the tests (test/fake-aws.ts, compiled with
// esbuild) answering 100 ms late, for 1, 4 and 17 regions, on an account of 1,000 IAM users with
// an access key each (MAMORI_BENCH_USERS sets how many), paginated as IAM paginates. Each row gives
// the calls made, the wall time, the critical path (the longest chain of calls that must follow
// one another, from the call descriptors and the pages served, times the latency, plus the
// credential report's first poll delay) and the rate floor (the time the documented request rates
// of packages/collector/src/rates.ts allow the busiest bucket's calls at best). MAMORI_COLLECT_CONCURRENCY
// sets the collector's concurrency (`--each MAMORI_COLLECT_CONCURRENCY=4,16` compares, interleaved).
//
// `--only cache` times `scan --cache` on a copy of the 10,000 generated templates (made afresh in a
// scratch folder, so the shared corpus is never changed): a scan without the cache, the scan that
// writes it, a rescan of the same files, and rescans after changing one template (each run another),
// with the scan() call and with the whole `mamori scan --cache` process, for each strategy; the
// JSON and SARIF reports of every cached scan are compared byte for byte with an uncached scan's.
//
// BENCH_RUNS sets the default number of runs (median reported); MAMORI_BENCH_DIR where the generated
// corpora are kept; MAMORI_WORKERS is passed through to the scan.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
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

/** Milliseconds the fake endpoint adds to every answer in the collect bench. */
const COLLECT_LATENCY = 100;
/** The regions read, in this order, by the collect bench's rows. */
const COLLECT_REGIONS = [
  'us-east-1',
  'eu-west-1',
  'ap-northeast-1',
  'us-west-2',
  'us-east-2',
  'us-west-1',
  'eu-central-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'ca-central-1',
  'sa-east-1',
];

/** test/fake-aws.ts as a module this script can load: the one fake, compiled, its core import pointed at the built core. */
async function fakeAwsModule() {
  const out = path.join(benchDir, 'fake-aws.mjs');
  const internal = pathToFileURL(path.join(root, 'packages/core/dist/internal.js')).href;
  await build({
    entryPoints: [path.join(root, 'test/fake-aws.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    plugins: [{ name: 'core', setup: (b) => b.onResolve({ filter: /^@mamori\/core\/internal$/ }, () => ({ path: internal, external: true })) }],
  });
  return import(pathToFileURL(out).href);
}

/**
 * The longest chain of requests that must follow one another: the account first (STS), then for
 * each call asked once per unit, its pages, then the longest chain of what it lists (the calls
 * about each resource, pages and all) and of the calls asked after it. Pages are counted as the
 * fake served them. The credential report's polls are separated by the waiter's first delay at least.
 */
function criticalPath(requests, AWS_CALLS, callName, reportPoll) {
  const tokens = new Set(AWS_CALLS.flatMap((c) => (c.pages ? [c.pages.inputToken] : [])));
  /** Pages of a call in a region (or global): the most requests that differ only in their page token. */
  const pages = (c, region) => {
    const counts = new Map();
    for (const r of requests) {
      if (r.service !== c.service || r.operation !== c.operation || (c.scope === 'regional' && r.region !== region)) continue;
      const key = JSON.stringify(Object.entries(r.params).filter(([k]) => !tokens.has(k)));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Math.max(0, ...counts.values());
  };
  const chain = (c, region) => {
    const n = pages(c, region);
    if (n === 0) return { calls: 0, waits: 0 };
    const name = callName(c);
    const next = AWS_CALLS.filter((d) => d.per?.listedBy === name || d.after === name).map((d) => chain(d, region));
    // The calls about one resource go one after the other (ListAccessKeys, then GetAccessKeyLastUsed).
    const perResource = AWS_CALLS.filter((d) => d.per?.listedBy === name);
    const inOrder = perResource.length > 1 && perResource.every((d) => d.per.resource === perResource[0].per.resource);
    const after = inOrder ? [perResource.map((d) => chain(d, region)).reduce((a, b) => ({ calls: a.calls + b.calls, waits: a.waits + b.waits }))] : [];
    const longest = [...next, ...after].reduce((a, b) => (a.calls * COLLECT_LATENCY + a.waits >= b.calls * COLLECT_LATENCY + b.waits ? a : b), {
      calls: 0,
      waits: 0,
    });
    const waits = c.operation === 'GenerateCredentialReport' ? (n - 1) * reportPoll * 1000 : 0;
    return { calls: n + longest.calls, waits: waits + longest.waits };
  };
  const regions = [...new Set(requests.filter((r) => r.service === 'ec2').map((r) => r.region))];
  const roots = AWS_CALLS.filter((c) => !c.stage && !c.per && !c.after);
  let worst = { calls: 0, waits: 0 };
  for (const c of roots) {
    for (const region of c.scope === 'global' ? ['global'] : regions) {
      const got = chain(c, region);
      if (got.calls * COLLECT_LATENCY + got.waits > worst.calls * COLLECT_LATENCY + worst.waits) worst = got;
    }
  }
  // GetCallerIdentity comes first.
  return { calls: worst.calls + 1, ms: (worst.calls + 1) * COLLECT_LATENCY + worst.waits };
}

async function collectChild(regionCount) {
  const fake = await fakeAwsModule();
  const { collectSnapshot } = await import('../packages/collector/dist/index.js');
  const { rateLimitOf } = await import('../packages/collector/dist/rates.js');
  const { AWS_CALLS, callName } = await import('../packages/core/dist/internal.js');
  const users = Number(process.env.MAMORI_BENCH_USERS ?? 1000);
  const regions = COLLECT_REGIONS.slice(0, Number(regionCount));
  const aws = await fake.startFakeAws(fake.largeAccountRoutes({ users }), { latency: COLLECT_LATENCY });
  fake.useFakeAwsEnv(aws.url, regions[0]);
  const concurrency = process.env.MAMORI_COLLECT_CONCURRENCY ? Number(process.env.MAMORI_COLLECT_CONCURRENCY) : undefined;
  const reportPoll = 2;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const snapshot = await collectSnapshot({ regions, credentialReportPoll: reportPoll, ...(concurrency ? { concurrency } : {}) });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  await aws.close();
  const critical = criticalPath(aws.requests, AWS_CALLS, callName, reportPoll);
  // The busiest bucket at its documented rate: its burst at once, the rest at the refill.
  const buckets = new Map();
  for (const r of aws.requests) {
    const { key, limit } = rateLimitOf(r.service, r.operation, r.region);
    const b = buckets.get(key) ?? { limit, n: 0 };
    b.n++;
    buckets.set(key, b);
  }
  const floor = Math.max(0, ...[...buckets.values()].map(({ limit, n }) => (Math.max(0, n - limit.burst) / limit.perSecond) * 1000));
  const note = snapshot.errors.length > 0 ? `${snapshot.errors.length} failed calls: ${snapshot.errors[0].operation} ${snapshot.errors[0].code}` : '';
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      calls: aws.requests.length,
      users,
      criticalMs: critical.ms,
      floorMs: floor,
      note,
      load: os.loadavg()[0],
      rssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** One scan of `target` with the cache (`cache:metadata`, `cache:content`) or without (`cache:off`); its reports written to MAMORI_BENCH_REPORT.{json,sarif}. */
async function cacheChild(strategy, target) {
  const core = await import('../packages/core/dist/index.js');
  const { rules } = await import('../packages/rules/dist/index.js');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const cache = strategy === 'off' ? {} : { cache: true, cacheLocation: process.env.MAMORI_BENCH_CACHE, cacheStrategy: strategy };
  const result = await core.scan({ paths: ['.'], cwd: target, rules, ...cache });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  writeFileSync(`${process.env.MAMORI_BENCH_REPORT}.json`, core.toJson(result));
  writeFileSync(`${process.env.MAMORI_BENCH_REPORT}.sarif`, JSON.stringify(core.toSarif(result), null, 2));
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      files: result.files.length,
      findings: result.findings.length,
      reused: result.cache?.reused ?? 0,
      checked: result.cache?.checked ?? 0,
      problem: result.cache?.problem ?? '',
      rssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

async function child(mode, target) {
  if (mode === 'collect') return collectChild(target);
  if (mode.startsWith('render:')) return renderChild(mode.slice('render:'.length), Number(target));
  if (mode.startsWith('cache:')) return cacheChild(mode.slice('cache:'.length), target);
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

const loadNow = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * `--only cache`: see the top of this file. Runs are interleaved by strategy (metadata, content,
 * metadata, ...) so that other load falls on both alike; each changed run edits another template.
 */
function benchCache(runs) {
  const scratch = path.join(benchDir, 'cache-scratch');
  const corpus = path.join(scratch, 'corpus');
  rmSync(scratch, { recursive: true, force: true });
  cpSync(generateTemplates(path.join(benchDir, 'corpus-10000'), 10000), corpus, { recursive: true });
  const reportOf = (name) => path.join(scratch, name);
  const same = (a, b) => ['json', 'sarif'].every((ext) => readFileSync(`${reportOf(a)}.${ext}`).equals(readFileSync(`${reportOf(b)}.${ext}`)));
  const scanOnce = (strategy, report) =>
    runOnce(`cache:${strategy}`, corpus, { MAMORI_BENCH_CACHE: path.join(scratch, `${strategy}.mamoricache`), MAMORI_BENCH_REPORT: reportOf(report) });
  const templates = execFileSync('find', [corpus, '-name', '*.yaml'], { encoding: 'utf8' }).trim().split('\n').sort();
  let edits = 0;
  /** Changes one more template: a description appended, so its findings stay and its content differs. */
  const changeOne = () => {
    const file = templates[(edits++ * 997) % templates.length];
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited ${edits}\n`);
  };
  const rows = [];
  const row = (step, strategy, results, identical) => {
    const r = summarize(results);
    rows.push({
      step,
      strategy,
      'scan s': (r.ms / 1000).toFixed(2),
      'scan CPU s': (r.cpuMs / 1000).toFixed(2),
      'from cache': r.reused,
      read: r.checked,
      findings: r.findings,
      'peak RSS MiB': r.rssMiB.toFixed(0),
      'same reports': identical,
      load: loadNow(),
      ...(r.problem ? { note: r.problem } : {}),
    });
  };
  const strategies = ['metadata', 'content'];
  // A scan without the cache and, in turn, the scans that write one where there was none.
  const uncached = [];
  const written = Object.fromEntries(strategies.map((s) => [s, []]));
  for (let i = 0; i < runs; i++) {
    uncached.push(scanOnce('off', 'uncached'));
    for (const s of strategies) {
      rmSync(path.join(scratch, `${s}.mamoricache`), { force: true });
      written[s].push(scanOnce(s, `${s}-write`));
    }
  }
  row('no cache', '–', uncached, 'reference');
  for (const s of strategies) row('cache written (none before)', s, written[s], same('uncached', `${s}-write`));
  const warm = Object.fromEntries(strategies.map((s) => [s, []]));
  for (let i = 0; i < runs; i++) for (const s of strategies) warm[s].push(scanOnce(s, `${s}-warm`));
  for (const s of strategies) row('rescan, nothing changed', s, warm[s], same('uncached', `${s}-warm`));
  const changed = Object.fromEntries(strategies.map((s) => [s, []]));
  const cliTimes = Object.fromEntries(strategies.map((s) => [s, []]));
  const bin = bundle;
  for (let i = 0; i < runs; i++) {
    changeOne();
    for (const s of strategies) changed[s].push(scanOnce(s, `${s}-changed`));
    changeOne();
    for (const s of strategies) {
      const out = `${reportOf(`${s}-cli`)}.json`;
      const args = [bin, 'scan', '.', '--cache', '--cache-location', path.join(scratch, `${s}.mamoricache`), '--cache-strategy', s];
      const t = performance.now();
      spawnSync(process.execPath, [...args, '--format', 'json', '--output', out, '--fail-on', 'none'], { cwd: corpus, stdio: 'ignore' });
      cliTimes[s].push(performance.now() - t);
    }
  }
  // The reports of the last changed scans against an uncached scan of the same files.
  scanOnce('off', 'uncached-changed');
  for (const s of strategies) row('rescan, 1 template changed', s, changed[s], 'see below');
  const cliRows = strategies.map((s) => {
    const sorted = [...cliTimes[s]].sort((a, b) => a - b);
    return `whole process, \`mamori scan . --cache --cache-strategy ${s}\` after changing 1 template: ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s (median of ${sorted.length}; load ${loadNow()})`;
  });
  const lastChanged = strategies.map((s) => `${s}: ${same('uncached-changed', `${s}-changed`) ? 'same' : 'DIFFERENT'}`).join(', ');
  rmSync(scratch, { recursive: true, force: true });
  return { rows, notes: [...cliRows, `reports after the last change, against an uncached scan of the same files: ${lastChanged}`] };
}

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
function measureEach(target, runs, name, values, mode = 'scan') {
  const results = values.map(() => []);
  for (let i = 0; i < runs; i++) for (const [j, value] of values.entries()) results[j].push(runOnce(mode, target, { [name]: value }));
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
  // Not in the default set: it changes files and runs the 10,000-template corpus a dozen times.
  const cacheBench = only?.includes('cache') ? benchCache(defaultRuns) : undefined;
  const want = (name) => !only || (only.includes(name) && name !== 'cache');
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
  // The collector against a fake AWS 100 ms away: 1, 4 and 17 regions.
  const collects = [];
  if (only?.includes('collect')) {
    const each = arg('--each');
    const name = each ? each.slice(0, each.indexOf('=')) : undefined;
    const values = each ? each.slice(each.indexOf('=') + 1).split(',') : [undefined];
    for (const n of [1, 4, 17]) {
      const measured = name ? measureEach(String(n), defaultRuns, name, values, 'collect') : [measure('collect', String(n), defaultRuns)];
      for (const [j, r] of measured.entries()) {
        collects.push({
          regions: n,
          ...(name ? { [name]: values[j] } : {}),
          'IAM users': r.users,
          calls: r.calls,
          'wall s': (r.ms / 1000).toFixed(1),
          'critical path s': (r.criticalMs / 1000).toFixed(1),
          'rate floor s': (r.floorMs / 1000).toFixed(1),
          'wall/critical path': (r.ms / r.criticalMs).toFixed(1),
          'wall/max(critical path, rate floor)': (r.ms / Math.max(r.criticalMs, r.floorMs)).toFixed(2),
          'CPU s': (r.cpuMs / 1000).toFixed(1),
          'load (1 min)': r.load.toFixed(1),
          ...(r.note ? { note: r.note } : {}),
        });
      }
    }
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
  if (collects.length > 0) {
    console.log(`\ncollection from a fake AWS answering ${COLLECT_LATENCY} ms late`);
    const keys = [...new Set(collects.flatMap((r) => Object.keys(r)))];
    console.log(`| ${keys.join(' | ')} |`);
    console.log(`| ${keys.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const r of collects) console.log(`| ${keys.map((k) => r[k] ?? '').join(' | ')} |`);
  }
  if (cacheBench) {
    console.log('\nscan --cache, generated 10,000 templates (a copy)');
    const keys = [...new Set(cacheBench.rows.flatMap((r) => Object.keys(r)))];
    console.log(`| ${keys.join(' | ')} |`);
    console.log(`| ${keys.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`);
    for (const r of cacheBench.rows) console.log(`| ${keys.map((k) => r[k] ?? '').join(' | ')} |`);
    for (const line of cacheBench.notes) console.log(line);
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
