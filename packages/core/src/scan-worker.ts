// Entry of the worker threads a scan of many files starts (see scan-pool.ts): reads, parses and
// extracts the files of each unit of work it is given, and sends their outcomes back in order.
import { parentPort, workerData } from 'node:worker_threads';
import { type FileContext, type FileOutcome, type FileTask, processFile } from './scan-files.js';

const { context, progress: shared } = workerData as { context: FileContext; progress?: SharedArrayBuffer };
// What this thread is reading, for the calling thread to name the file if this thread dies (out of memory, a crash).
const progress = shared ? new Int32Array(shared) : undefined;

parentPort?.on('message', ({ unit, tasks }: { unit: number; tasks: FileTask[] }) => {
  try {
    if (progress) Atomics.store(progress, 0, unit);
    const outcomes = tasks.map((task, i) => {
      if (progress) Atomics.store(progress, 1, i);
      return withoutMatchers(processFile(task, context));
    });
    if (progress) Atomics.store(progress, 1, tasks.length);
    parentPort?.postMessage({ unit, outcomes });
  } catch (err) {
    parentPort?.postMessage({
      unit,
      error: { message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) },
    });
  }
});

function withoutMatchers(outcome: FileOutcome): FileOutcome {
  if (!outcome.suppressions) return outcome;
  const data = [...outcome.suppressions].map(([resource, list]) => [resource, list.map(({ match, suppression }) => ({ match, suppression }))] as const);
  return { ...outcome, suppressions: new Map(data) as unknown as FileOutcome['suppressions'] };
}
