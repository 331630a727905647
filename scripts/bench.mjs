// `pnpm bench`: scan speed against the parse floor (reading and parsing the same files with the same
// parsers, nothing else). Each measurement runs in its own process so peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function child(mode, dir) {
  const { scan, walk } = await import('../packages/core/dist/index.js');
  const start = performance.now();
  let files = 0;
  let bytes = 0;
  let findings = 0;
  if (mode === 'floor') {
    // The parsers core uses, resolved from core's own dependencies.
    const fromCore = createRequire(path.join(root, 'packages/core/package.json'));
    const { parseDocument } = await import(pathToFileURL(fromCore.resolve('yaml')).href);
    const { parseTree } = await import(pathToFileURL(fromCore.resolve('jsonc-parser')).href);
    const walked = await walk([dir], process.cwd());
    for (const f of walked.files) {
      const text = readFileSync(f.absPath, 'utf8');
      bytes += Buffer.byteLength(text);
      files++;
      if (/^\s*\{/.test(text)) parseTree(text, []);
      else parseDocument(text, { uniqueKeys: true });
    }
  } else {
    const result = await scan({ paths: [dir] });
    files = result.files.length;
    bytes = result.files.reduce((n, f) => n + statSync(path.resolve(f)).size, 0);
    findings = result.findings.length;
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, files, bytes, findings, rssMiB: process.resourceUsage().maxRSS / 1024 }));
}

function measure(mode, dir) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir], { cwd: root, encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  const corpora = [
    ['shared corpus', path.join(root, '..', 'shared', 'corpus')],
    ['examples', path.join(root, 'examples')],
  ].filter(([, d]) => existsSync(d));
  const rows = [];
  for (const [name, dir] of corpora) {
    const floor = measure('floor', dir);
    const full = measure('scan', dir);
    rows.push({
      corpus: name,
      files: full.files,
      MB: (full.bytes / 1e6).toFixed(2),
      'scan ms': full.ms.toFixed(0),
      'files/s': ((full.files / full.ms) * 1000).toFixed(0),
      'MB/s': (full.bytes / 1e6 / (full.ms / 1000)).toFixed(2),
      findings: full.findings,
      'peak RSS MiB': full.rssMiB.toFixed(0),
      'floor ms': floor.ms.toFixed(0),
      'scan/floor': (full.ms / floor.ms).toFixed(2),
    });
  }
  console.log(`median of ${RUNS} runs, ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  console.table(rows);
}
