import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { suppressionRule } from './engine/suppress.js';
import type { FileContext, FileOutcome, FileTask } from './scan-files.js';

/**
 * Below this many templates, threads cost more than they save: a worker loads and compiles the
 * scanner afresh, warms up its own compiled code, and competes with the calling thread's own
 * collector and compiler threads. A bundled worker (the command's, the Action's) starts sooner
 * than one that loads the package's modules one by one, so it pays from fewer files (the README's
 * Speed section has the figures).
 */
const MIN_FILES_FOR_WORKERS = { bundled: 2500, modules: 4000 };
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
export function workerCount(
  requested: number | undefined,
  templates: number,
  idle?: number,
  bundled = workerEntry()?.pathname.endsWith('.mjs') ?? false,
): number {
  const fromEnv = process.env.MAMORI_WORKERS;
  const explicit = requested ?? (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()) ? Number(fromEnv) : undefined);
  if (explicit !== undefined) return Math.min(explicit, MAX_WORKERS, Math.max(templates, 1));
  if (templates < MIN_FILES_FOR_WORKERS[bundled ? 'bundled' : 'modules']) return 0;
  const cores = availableParallelism();
  // The load average counts this scan's own thread: what is left beyond it is idle.
  const free = idle ?? cores - 1 - Math.max(0, (loadavg()[0] ?? 0) - 1);
  return Math.max(0, Math.min(cores - 1, Math.round(free), MAX_WORKERS, Math.floor(templates / FILES_PER_WORKER)));
}

/**
 * The worker's entry next to this module: `scan-worker.js` in the built package, `scan-worker.mjs`
 * beside the command's and the GitHub Action's bundles. Absent (running from sources), scans read files on the calling thread.
 */
let entryFound: { url: URL | undefined } | undefined;
function workerEntry(): URL | undefined {
  entryFound ??= {
    url: ['./scan-worker.js', './scan-worker.mjs']
      .map((name) => new URL(name, import.meta.url))
      .find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url))),
  };
  return entryFound.url;
}

interface Reply {
  unit: number;
  outcomes?: FileOutcome[];
  error?: { message: string; stack?: string };
}

export interface PoolOptions {
  /** Heap limits of each worker thread (tests set a small one to make a worker run out of memory). */
  resourceLimits?: ResourceLimits;
  /** The workers' entry, in place of `scan-worker.js` beside this module (tests wrap it). */
  entry?: URL;
}

/** What the worker is reading, shared with it: `[unit, position in the unit]`, -1 before it starts. */
export type Progress = Int32Array;

/** What a file comes to when the thread reading it stopped, or could not send it back: an error naming it. */
function lostOutcome(task: FileTask, why: string): FileOutcome {
  return { notifications: [{ level: 'error', code: 'internal-error', file: task.file, message: `Not scanned: ${why}` }], entities: [] };
}

/** Why a worker stopped, in a few words for a notification (never a stack). */
function stopReason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'ran out of memory';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return `stopped (${message.split('\n')[0]?.slice(0, 200)})`;
}

/**
 * Reads the files on `count` worker threads and on the calling thread (with `readHere`), in batches
 * handed out as each frees up, and gives each file's outcome to `take` in task order as soon as it
 * and those before it are there (so a scan need not hold every file's entities at once). The
 * outcomes are those `readHere` would give. A worker that dies (out of memory, a crash, an exit)
 * costs only the file it was reading, which becomes an `internal-error` naming it: the other files
 * it held are read again by the other threads. Resolves `false`, having taken nothing, when no
 * worker could be started: the caller then reads the files itself.
 */
export async function processInWorkers(
  tasks: readonly FileTask[],
  context: FileContext,
  count: number,
  readHere: (task: FileTask) => FileOutcome,
  take: (outcome: FileOutcome, index: number) => void,
  options: PoolOptions = {},
): Promise<boolean> {
  const { Worker } = await import('node:worker_threads');
  const entry = options.entry ?? workerEntry();
  if (!entry || tasks.length === 0) return false;
  // Units of work: runs of task indexes, a batch at first; what a stopped worker held is queued again.
  const units: number[][] = [];
  const queue: number[] = [];
  for (let i = 0; i < tasks.length; i += BATCH) {
    queue.push(units.length);
    units.push(Array.from({ length: Math.min(BATCH, tasks.length - i) }, (_, j) => i + j));
  }
  const results: (FileOutcome | undefined)[] = new Array(tasks.length);
  const workers: { worker: Worker; progress: Progress; inFlight: number[] }[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const shared = new SharedArrayBuffer(8);
      const progress = new Int32Array(shared).fill(-1);
      const worker = new Worker(entry, {
        workerData: { context, progress: shared },
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      });
      workers.push({ worker, progress, inFlight: [] });
    }
  } catch {
    await Promise.all(workers.map((w) => w.worker.terminate()));
    return false;
  }
  let delivered = 0;
  let failed: unknown;
  let done = false;
  const live = new Set(workers);
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown): void => {
        failed ??= err;
        reject(err);
      };
      // Hands over the outcomes that are there from the first not yet handed over.
      const deliver = (): void => {
        try {
          for (let outcome = results[delivered]; outcome !== undefined; outcome = results[delivered]) {
            results[delivered] = undefined;
            take(outcome, delivered);
            delivered++;
          }
        } catch (err) {
          fail(err);
          return;
        }
        if (delivered === tasks.length) {
          done = true;
          resolve();
        }
      };
      const give = (w: (typeof workers)[number]): void => {
        if (failed || !live.has(w)) return;
        const unit = queue.shift();
        if (unit === undefined) return;
        w.inFlight.push(unit);
        w.worker.postMessage({ unit, tasks: (units[unit] ?? []).map((i) => tasks[i]) });
      };
      // A worker that stopped: the file it was reading is reported; the others it held are queued again.
      const lost = (w: (typeof workers)[number], why: string): void => {
        if (done || !live.delete(w)) return;
        void w.worker.terminate();
        const [current, ...waiting] = w.inFlight;
        w.inFlight = [];
        const again: number[] = [];
        if (current !== undefined) {
          const indexes = units[current] ?? [];
          const started = Atomics.load(w.progress, 0) === current;
          const culprit = started ? indexes[Atomics.load(w.progress, 1)] : undefined;
          // Not started (it stopped on its way up, or on an earlier unit's reply): nothing of it was read.
          if (!started) again.push(current);
          else if (culprit === undefined) {
            // It stopped after reading them all (sending them back): which one did it cannot be told.
            for (const i of indexes)
              results[i] = lostOutcome(tasks[i] as FileTask, `the worker thread reading it and ${indexes.length - 1} other files ${why}`);
          } else {
            results[culprit] = lostOutcome(tasks[culprit] as FileTask, `the worker thread reading this file ${why} while reading it`);
            const rest = indexes.filter((i) => i !== culprit);
            if (rest.length > 0) again.push(units.push(rest) - 1);
          }
        }
        // Read again before anything else: the scan hands outcomes over in order.
        queue.unshift(...again, ...waiting);
        for (const other of live) while (queue.length > 0 && other.inFlight.length < IN_FLIGHT) give(other);
        deliver();
        setImmediate(readOne);
      };
      for (const w of workers) {
        w.worker.on('message', (reply: Reply) => {
          const at = w.inFlight.indexOf(reply.unit);
          if (at < 0) return;
          w.inFlight.splice(at, 1);
          const indexes = units[reply.unit] ?? [];
          indexes.forEach((i, j) => {
            // Outcomes it could not send back cost that unit only.
            results[i] = reply.error
              ? lostOutcome(
                  tasks[i] as FileTask,
                  `the worker thread reading it could not send back what it read (${reply.error.message.split('\n')[0]?.slice(0, 200)})`,
                )
              : restoreMatchers(reply.outcomes?.[j] ?? lostOutcome(tasks[i] as FileTask, 'the worker thread reading it sent nothing back for it'));
          });
          give(w);
          deliver();
        });
        w.worker.on('error', (err) => lost(w, stopReason(err)));
        w.worker.on('messageerror', (err) => lost(w, stopReason(err)));
        w.worker.on('exit', (code) => lost(w, `stopped (exit code ${code})`));
        // Batches in flight per worker, so it does not wait while this thread reads one.
        for (let i = 0; i < IN_FLIGHT; i++) give(w);
      }
      // This thread takes a unit whenever it is free, between handling the workers' replies.
      const readOne = (): void => {
        if (failed) return;
        const unit = queue.shift();
        if (unit === undefined) return;
        try {
          for (const i of units[unit] ?? []) results[i] = readHere(tasks[i] as FileTask);
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
    done = true;
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  return true;
}

/** Suppression matchers are functions, which do not cross threads: rebuilt from their data. */
function restoreMatchers(outcome: FileOutcome): FileOutcome {
  if (!outcome.suppressions) return outcome;
  const suppressions = new Map([...outcome.suppressions].map(([resource, list]) => [resource, list.map((s) => suppressionRule(s.match, s.suppression))]));
  return { ...outcome, suppressions };
}
