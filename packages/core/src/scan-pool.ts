import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { suppressionRule } from './engine/suppress.js';
import type { FileContext, FileOutcome, FileTask } from './scan-files.js';

/**
 * Below this many templates, threads cost more than they save: a worker loads and compiles the
 * scanner afresh, and competes with the calling thread's own collector and compiler threads. On
 * two cores, 1,000 templates were 20% slower with a worker, 3,000 and 4,000 no faster, 5,000 and
 * 6,000 about 5% faster and 10,000 about 17%.
 */
const MIN_FILES_FOR_WORKERS = 4000;
/** Files per worker beyond which another worker is worth starting. */
const FILES_PER_WORKER = 1000;
const MAX_WORKERS = 8;
/** Files sent to a worker at a time: enough to keep messages few, few enough to share the work out evenly. */
const BATCH = 8;
const IN_FLIGHT = 3;

/** Processor time of all the machine's cores so far (ms), and when it was taken. */
export interface CpuSample {
  at: number;
  idle: number;
  total: number;
}

export function cpuSample(): CpuSample {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { at: performance.now(), idle, total };
}

/** Shorter than this, the kernel's 10 ms ticks make a sample of idle time too coarse to go by. */
const MIN_SAMPLE_MS = 50;

/**
 * How many of the machine's cores were idle between two samples taken while the calling thread
 * was busy (listing the folders), so the thread itself does not count as idle; `undefined` when
 * the two are too close together to tell.
 */
export function idleCoresBetween(from: CpuSample, to: CpuSample, cores = cpus().length): number | undefined {
  const total = to.total - from.total;
  if (to.at - from.at < MIN_SAMPLE_MS || total <= 0) return undefined;
  return ((to.idle - from.idle) / total) * cores;
}

/**
 * How many worker threads a scan of `templates` template files starts, besides the calling thread
 * which reads files too: the `workers` option, else `MAMORI_WORKERS`, else one per idle core (up to
 * 8) when there are enough files to repay starting them. Idle cores are those `idle` measured while
 * the scan listed its folders, else those the load average leaves: the load average trails by a
 * minute, so work that has just ended (an install, an earlier scan) would still count against the
 * scan. On a machine whose cores are all busy, threads only add their start-up to the same share of
 * processor time.
 */
export function workerCount(requested: number | undefined, templates: number, idle?: number): number {
  const fromEnv = process.env.MAMORI_WORKERS;
  const explicit = requested ?? (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()) ? Number(fromEnv) : undefined);
  if (explicit !== undefined) return Math.min(explicit, MAX_WORKERS, Math.max(templates, 1));
  if (templates < MIN_FILES_FOR_WORKERS) return 0;
  const cores = availableParallelism();
  // The load average counts this scan's own thread: what is left beyond it is idle.
  const free = idle ?? cores - 1 - Math.max(0, (loadavg()[0] ?? 0) - 1);
  return Math.max(0, Math.min(cores - 1, Math.round(free), MAX_WORKERS, Math.floor(templates / FILES_PER_WORKER)));
}

/**
 * The worker's entry next to this module: `scan-worker.js` in the built package, `scan-worker.mjs`
 * beside the GitHub Action's bundle. Absent (running from sources), scans read files on the calling thread.
 */
function workerEntry(): URL | undefined {
  for (const name of ['./scan-worker.js', './scan-worker.mjs']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

interface Reply {
  batch: number;
  outcomes?: FileOutcome[];
  error?: { message: string; stack?: string };
}

/**
 * Reads the files on `count` worker threads and on the calling thread (with `readHere`), in batches
 * handed out as each frees up, and gives each file's outcome to `take` in task order as soon as it
 * and those before it are there (so a scan need not hold every file's entities at once). The
 * outcomes are those `readHere` would give. Resolves `false`, having taken nothing, when no worker
 * could be started: the caller then reads the files itself.
 */
export async function processInWorkers(
  tasks: readonly FileTask[],
  context: FileContext,
  count: number,
  readHere: (task: FileTask) => FileOutcome,
  take: (outcome: FileOutcome, index: number) => void,
): Promise<boolean> {
  const entry = workerEntry();
  if (!entry || tasks.length === 0) return false;
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += BATCH) batches.push(tasks.slice(i, i + BATCH));
  const results: (FileOutcome[] | undefined)[] = new Array(batches.length);
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(new Worker(entry, { workerData: { context } }));
  } catch {
    await Promise.all(workers.map((w) => w.terminate()));
    return false;
  }
  let next = 0;
  let delivered = 0;
  let failed: unknown;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown): void => {
        failed ??= err;
        reject(err);
      };
      // Hands over the batches that are complete from the first not yet handed over.
      const deliver = (): void => {
        try {
          for (let batch = results[delivered]; batch !== undefined; batch = results[delivered]) {
            results[delivered] = undefined;
            batch.forEach((outcome, j) => {
              take(outcome, delivered * BATCH + j);
            });
            delivered++;
          }
        } catch (err) {
          fail(err);
          return;
        }
        if (delivered === batches.length) resolve();
      };
      const give = (worker: Worker): void => {
        if (next >= batches.length || failed) return;
        const batch = next++;
        worker.postMessage({ batch, tasks: batches[batch] });
      };
      for (const worker of workers) {
        worker.on('message', (reply: Reply) => {
          if (reply.error) {
            const err = new Error(reply.error.message);
            if (reply.error.stack) err.stack = reply.error.stack;
            fail(err);
            return;
          }
          results[reply.batch] = (reply.outcomes ?? []).map(restoreMatchers);
          give(worker);
          deliver();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (delivered < batches.length) fail(new Error(`scan worker stopped (exit code ${code})`));
        });
        // Batches in flight per worker, so it does not wait while this thread reads one.
        for (let i = 0; i < IN_FLIGHT; i++) give(worker);
      }
      // This thread takes a batch whenever it is free, between handling the workers' replies.
      const readOne = (): void => {
        if (failed || next >= batches.length) return;
        const batch = next++;
        try {
          results[batch] = (batches[batch] ?? []).map(readHere);
        } catch (err) {
          fail(err);
          return;
        }
        deliver();
        setImmediate(readOne);
      };
      setImmediate(readOne);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return true;
}

/** Suppression matchers are functions, which do not cross threads: rebuilt from their data. */
function restoreMatchers(outcome: FileOutcome): FileOutcome {
  if (!outcome.suppressions) return outcome;
  const suppressions = new Map([...outcome.suppressions].map(([resource, list]) => [resource, list.map((s) => suppressionRule(s.match, s.suppression))]));
  return { ...outcome, suppressions };
}
