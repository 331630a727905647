// Entry of the worker threads a scan of many files starts (see scan-pool.ts): reads, parses and
// extracts the files of each batch it is given, and sends their outcomes back in order.
import { parentPort, workerData } from 'node:worker_threads';
import { type FileContext, type FileOutcome, type FileTask, processFile } from './scan-files.js';

const context = (workerData as { context: FileContext }).context;

parentPort?.on('message', ({ batch, tasks }: { batch: number; tasks: FileTask[] }) => {
  try {
    const outcomes = tasks.map((task) => withoutMatchers(processFile(task, context)));
    parentPort?.postMessage({ batch, outcomes });
  } catch (err) {
    parentPort?.postMessage({
      batch,
      error: { message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) },
    });
  }
});

function withoutMatchers(outcome: FileOutcome): FileOutcome {
  if (!outcome.suppressions) return outcome;
  const data = [...outcome.suppressions].map(([resource, list]) => [resource, list.map(({ match, suppression }) => ({ match, suppression }))] as const);
  return { ...outcome, suppressions: new Map(data) as unknown as FileOutcome['suppressions'] };
}
