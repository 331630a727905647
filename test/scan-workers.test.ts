import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTemplates } from '../scripts/bench-corpus.mjs';

// Worker threads run from the built packages (and the Action's bundle), not from the sources the
// other tests import: these tests load packages/*/dist, which `pnpm run check` builds first.
const repo = fileURLToPath(new URL('..', import.meta.url));
type Core = typeof import('../packages/core/src/index.js');
type Internal = typeof import('../packages/core/src/internal.js');
type Pool = typeof import('../packages/core/src/scan-pool.js');
type Files = typeof import('../packages/core/src/scan-files.js');
const core = (await import(path.join(repo, 'packages/core/dist/index.js'))) as Core;
const internal = (await import(path.join(repo, 'packages/core/dist/internal.js'))) as Internal;
const pool = (await import(path.join(repo, 'packages/core/dist/scan-pool.js'))) as Pool;
const files = (await import(path.join(repo, 'packages/core/dist/scan-files.js'))) as Files;
const { rules } = (await import(path.join(repo, 'packages/rules/dist/index.js'))) as typeof import('../packages/rules/src/index.js');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-workers-'));
  // Many templates of every kind the bench generates, the examples (an account snapshot, in-template
  // suppressions, parse errors) and a text file with a key in it.
  for (const [i, t] of sampleTemplates(150).entries()) {
    const sub = path.join(dir, 'stacks', `team-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `stack-${i}.${t.format}`), t.text);
  }
  cpSync(path.join(repo, 'examples'), path.join(dir, 'examples'), { recursive: true });
  writeFileSync(path.join(dir, 'broken.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: [\n');
  // Suppressions in each syntax: their matchers are rebuilt after crossing from a worker.
  const open = (name: string, metadata: string) =>
    `  ${name}:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n${metadata}    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n`;
  for (let i = 0; i < 60; i++) {
    writeFileSync(
      path.join(dir, 'stacks', `suppressed-${i}.yaml`),
      `Resources:\n${open('Mamori', '      mamori:\n        suppress: [{rule: MAM101, reason: bastion}]\n')}${open('CfnNag', '      cfn_nag:\n        rules_to_suppress: [{id: W2, reason: public}]\n')}${open('Checkov', '      checkov:\n        skip: [{id: CKV_AWS_24, comment: honeypot}]\n')}${open('Bare', '      other: {}\n')}`,
    );
  }
  writeFileSync(path.join(dir, 'notes.txt'), `deploy key ${['AKIA', 'Z7QXW4LM2RTB6NHE'].join('')}\n`);
  // Broken and hostile files (outside `stacks`, which the Action test scans): each reported the same way on any thread.
  const hostile = path.join(dir, 'hostile');
  mkdirSync(hostile, { recursive: true });
  const header = 'AWSTemplateFormatVersion: "2010-09-09"\n';
  writeFileSync(path.join(hostile, 'binary.yaml'), Buffer.concat([Buffer.from(header), Buffer.from([0, 1, 2, 0])]));
  writeFileSync(path.join(hostile, 'latin1.yaml'), Buffer.concat([Buffer.from(`${header}Description: caf`), Buffer.from([0xe9, 0x0a])]));
  writeFileSync(
    path.join(hostile, 'repeated.json'),
    JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }).replace('}}', '}, "Resources": {}}'),
  );
  const levels = Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
  writeFileSync(path.join(hostile, 'bomb.yaml'), `${header}l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n${levels.join('\n')}\n`);
  writeFileSync(path.join(hostile, 'empty.yaml'), '');
  spawnSync('mkfifo', [path.join(hostile, 'pipe.yaml')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanning on worker threads', () => {
  it('gives the same findings, notifications and reports as one thread', async () => {
    const one = await core.scan({ paths: ['.'], cwd: dir, rules, workers: 0 });
    const many = await core.scan({ paths: ['.'], cwd: dir, rules, workers: 2 });
    expect(one.files.length).toBeGreaterThan(150);
    expect(one.findings.length).toBeGreaterThan(100);
    expect(one.notifications.some((n) => n.code === 'parse-error')).toBe(true);
    expect(new Set(one.findings.map((f) => f.suppression?.via))).toEqual(new Set(['mamori', 'cfn_nag', 'checkov', undefined]));
    expect(one.snapshots?.length).toBeGreaterThan(0);
    const about = (name: string) => one.notifications.filter((n) => n.file === `hostile/${name}`).map((n) => `${n.level} ${n.code}`);
    expect(about('binary.yaml')).toEqual(['error read-error']);
    expect(about('latin1.yaml')).toEqual(['error read-error']);
    expect(about('repeated.json')).toEqual(['error parse-error']);
    expect(about('bomb.yaml')).toEqual(['error parse-error']);
    // A pipe found by walking a folder is passed over with a note, as other special files are; named, it is an error.
    expect(about('pipe.yaml')).toEqual(['note skipped']);
    expect(JSON.stringify(core.toSarif(many))).toBe(JSON.stringify(core.toSarif(one)));
    expect(core.toJson(many)).toBe(core.toJson(one));
    expect(many.notifications).toEqual(one.notifications);
  });

  it('with a cache, cold, warm or after a change, gives the reports of an uncached scan on any number of threads', async () => {
    const reports = (r: Awaited<ReturnType<typeof core.scan>>) => [core.toJson(r), JSON.stringify(core.toSarif(r))];
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mamori-workers-cache-'));
    const stack = path.join(dir, 'stacks', 'team-0', 'stack-0.yaml');
    const text = readFileSync(stack, 'utf8');
    try {
      const counts: Record<string, { reused: number; checked: number }> = {};
      for (const step of ['cold', 'warm', 'changed'] as const) {
        if (step === 'changed') writeFileSync(stack, `${text}\nOutputs:\n  Added:\n    Value: x\n`);
        const reference = reports(await core.scan({ paths: ['.'], cwd: dir, rules, workers: 0 }));
        for (const workers of [0, 2]) {
          const cacheLocation = path.join(cacheDir, `w${workers}`);
          const r = await core.scan({ paths: ['.'], cwd: dir, rules, workers, cache: true, cacheLocation });
          expect(r.cache?.problem, `${step} ${workers}`).toBeUndefined();
          counts[`${step} ${workers}`] = { reused: r.cache?.reused ?? -1, checked: r.cache?.checked ?? -1 };
          expect(reports(r), `${step} ${workers}`).toEqual(reference);
        }
      }
      // Files that cannot be read (a pipe, refused encodings) are read again each time; the others once, and again once changed.
      const { cold, warm, changed } = { cold: counts['cold 0'], warm: counts['warm 0'], changed: counts['changed 0'] };
      expect(warm?.checked).toBeLessThan(5);
      expect((warm?.reused ?? 0) + (warm?.checked ?? 0)).toBe(cold?.checked);
      expect(changed).toEqual({ reused: (warm?.reused ?? 0) - 1, checked: (warm?.checked ?? 0) + 1 });
      for (const step of ['cold', 'warm', 'changed']) expect(counts[`${step} 2`]).toEqual(counts[`${step} 0`]);
    } finally {
      writeFileSync(stack, text);
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('really reads the files on the workers, in order', async () => {
    const walked = await internal.walk(['.'], dir, () => true);
    const tasks = walked.files.map(({ absPath, explicit }) => ({
      absPath,
      file: path.relative(dir, absPath),
      explicit,
      template: internal.TEMPLATE_EXTENSIONS.has(path.extname(absPath)),
    }));
    const context = { wantsResources: false, allFiles: true };
    const here = (task: (typeof tasks)[number]) => files.processFile(task, context);
    // This thread takes batches too; slowed down, it leaves most to the workers.
    let readHere = 0;
    const slowHere = (task: (typeof tasks)[number]) => {
      readHere++;
      const until = Date.now() + 20;
      while (Date.now() < until);
      return here(task);
    };
    const viaWorkers: unknown[] = [];
    const threaded = await pool.processInWorkers(tasks, context, 2, slowHere, (outcome, i) => {
      // Handed over in order, each once.
      expect(i).toBe(viaWorkers.length);
      viaWorkers.push(outcome);
    });
    expect(threaded).toBe(true);
    expect(readHere).toBeLessThan(tasks.length / 2);
    // Suppression matchers are functions: compare the data.
    expect(JSON.parse(JSON.stringify(viaWorkers))).toEqual(JSON.parse(JSON.stringify(tasks.map(here))));
  });

  it('the committed Action bundle reads on workers and reports the same', () => {
    const run = (workers: string) => {
      const out = mkdtempSync(path.join(tmpdir(), 'mamori-action-out-'));
      const env = {
        PATH: process.env.PATH ?? '',
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: path.join(out, 'output'),
        GITHUB_STEP_SUMMARY: path.join(out, 'summary'),
        INPUT_PATHS: 'stacks',
        'INPUT_FAIL-ON': 'none',
        'INPUT_SARIF-FILE': `mamori-${workers}.sarif`,
        MAMORI_WORKERS: workers,
      };
      const r = spawnSync(process.execPath, [path.join(repo, 'dist', 'action', 'index.mjs')], { cwd: out, env, encoding: 'utf8' });
      rmSync(out, { recursive: true, force: true });
      // The stop-commands token is random on every run.
      const token = /^::stop-commands::(.+)$/m.exec(r.stdout)?.[1] ?? 'none';
      const stdout = r.stdout.replaceAll(token, 'TOKEN');
      return { status: r.status, stderr: r.stderr, stdout, sarif: readFileSync(path.join(dir, `mamori-${workers}.sarif`), 'utf8') };
    };
    const one = run('0');
    const many = run('2');
    expect(many.stderr).toBe('');
    expect(many.status).toBe(0);
    expect(many.sarif).toBe(one.sarif);
    expect(many.stdout).toBe(one.stdout);
  });
});

describe('a worker thread that stops', () => {
  // Tasks: generated templates, with `extra` files put at the front (the first units go to the first worker).
  const context = { wantsResources: false, allFiles: true };
  const here = (task: { absPath: string; file: string; explicit: boolean; template: boolean }) => files.processFile(task, context);
  let work: string;
  const tasksOf = (extra: string[]) => {
    const sample = sampleTemplates(40).map((t, i) => `gen-${i}.${t.format}`);
    const names = [...sample.slice(0, 3), ...extra, ...sample.slice(3)];
    return names.map((file) => ({ absPath: path.join(work, file), file, explicit: false, template: true }));
  };
  let readHere = 0;
  const run = async (tasks: ReturnType<typeof tasksOf>, options: Parameters<typeof pool.processInWorkers>[5]) => {
    const got: unknown[] = [];
    readHere = 0;
    const counted = (task: (typeof tasks)[number]) => {
      readHere++;
      return here(task);
    };
    const threaded = await pool.processInWorkers(
      tasks,
      context,
      2,
      counted,
      (outcome, i) => {
        expect(i).toBe(got.length);
        got.push(outcome);
      },
      options,
    );
    expect(threaded).toBe(true);
    return JSON.parse(JSON.stringify(got)) as { notifications: { level: string; code: string; file?: string; message: string }[] }[];
  };
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'mamori-worker-stops-'));
    for (const [i, t] of sampleTemplates(40).entries()) writeFileSync(path.join(work, `gen-${i}.${t.format}`), t.text);
    // Well inside the template limits, but hundreds of thousands of values: more than a 32 MiB heap holds.
    const groups = Array.from(
      { length: 25_000 },
      (_, i) =>
        `  Sg${i}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8}\n`,
    );
    writeFileSync(path.join(work, 'huge.yaml'), `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${groups.join('')}`);
    writeFileSync(path.join(work, 'exit.yaml'), sampleTemplates(1)[0]?.text ?? '');
    // A wrapper around the real entry that ends the thread (process.exit) when it opens exit.yaml.
    const real = pathToFileURL(path.join(repo, 'packages/core/dist/scan-worker.js')).href;
    const inputFs = pathToFileURL(path.join(repo, 'packages/core/dist/files/input-fs.js')).href;
    writeFileSync(
      path.join(work, 'exit-worker.mjs'),
      `import { inputFs } from ${JSON.stringify(inputFs)};\nconst open = inputFs.open;\ninputFs.open = (p, o) => (p.endsWith('exit.yaml') ? process.exit(7) : open(p, o));\nawait import(${JSON.stringify(real)});\n`,
    );
    writeFileSync(path.join(work, 'dead-on-arrival.mjs'), 'process.exit(3);\n');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('out of memory: the file it was reading is an error naming it; every other file is read as on one thread, in order', async () => {
    const tasks = tasksOf(['huge.yaml']);
    const got = await run(tasks, { resourceLimits: { maxOldGenerationSizeMb: 32 } });
    expect(got[3]).toEqual({
      notifications: [
        {
          level: 'error',
          code: 'internal-error',
          file: 'huge.yaml',
          message: 'Not scanned: the worker thread reading this file ran out of memory while reading it',
        },
      ],
      entities: [],
    });
    const others = tasks.filter((_, i) => i !== 3);
    expect(got.filter((_, i) => i !== 3)).toEqual(JSON.parse(JSON.stringify(others.map(here))));
  });

  it('a thread that exits while reading a file: that file is an error, the files it held besides are read elsewhere', async () => {
    const tasks = tasksOf(['exit.yaml']);
    const got = await run(tasks, { entry: pathToFileURL(path.join(work, 'exit-worker.mjs')) });
    expect(got[3]?.notifications).toEqual([
      {
        level: 'error',
        code: 'internal-error',
        file: 'exit.yaml',
        message: 'Not scanned: the worker thread reading this file stopped (exit code 7) while reading it',
      },
    ]);
    expect(got.filter((_, i) => i !== 3)).toEqual(JSON.parse(JSON.stringify(tasks.filter((_, i) => i !== 3).map(here))));
  });

  it('threads that stop before reading anything cost no file: the calling thread reads them all', async () => {
    const tasks = tasksOf([]);
    const got = await run(tasks, { entry: pathToFileURL(path.join(work, 'dead-on-arrival.mjs')) });
    expect(readHere).toBe(tasks.length);
    expect(got).toEqual(JSON.parse(JSON.stringify(tasks.map(here))));
  });
});
