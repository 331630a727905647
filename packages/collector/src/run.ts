import type { CallError } from '@mamori/core';
import { CREDENTIALS_EXPIRED } from '@mamori/core/internal';
import { errorOf, UNREACHABLE } from './errors.js';
import type { CollectOptions, CollectProgress } from './options.js';

/** Where a call goes and what it is about, as a failure records it. */
export type CallSite = Pick<CallError, 'service' | 'region' | 'operation' | 'resource'>;

/**
 * Makes the calls of one collection: counts them for the progress line, records each failure, and
 * once the credentials have expired, or an endpoint has not answered, makes no further call that
 * would only fail the same way.
 */
export class CallLog {
  readonly errors: CallError[] = [];
  private readonly progress: CollectProgress = { done: 0, total: 0, failed: 0, active: [] };
  private expired: CallError | undefined;
  private readonly unreachable = new Map<string, CallError>();

  constructor(
    private readonly options: Pick<CollectOptions, 'deadline' | 'onNotice' | 'onProgress'>,
    private readonly stop: AbortSignal,
  ) {}

  /** Why the collection stopped early, in words. */
  stoppedWhy(): string {
    return this.stop.reason === 'timeout' ? `the collection's deadline (${this.options.deadline} s) passed` : 'the collection was interrupted';
  }

  /** Runs one call and returns its answer, or records its failure. */
  async call<T>(where: CallSite, run: () => Promise<T>): Promise<T | undefined> {
    const { progress, stop, options } = this;
    progress.total++;
    this.report();
    const endpoint = `${where.service} ${where.region}`;
    try {
      if (stop.aborted) {
        this.errors.push({ ...where, code: this.stopped(), message: `not called: ${this.stoppedWhy()}` });
        progress.failed++;
        return undefined;
      }
      const earlier = this.expired ?? this.unreachable.get(endpoint);
      if (earlier) {
        const why =
          earlier === this.expired
            ? 'the credentials had expired'
            : `the ${where.service} endpoint${where.region === 'global' ? '' : ` in ${where.region}`} did not answer`;
        this.errors.push({ ...where, code: earlier.code, message: `not called: ${why} (${earlier.operation} failed with ${earlier.code})` });
        progress.failed++;
        return undefined;
      }
      return await run();
    } catch (err) {
      const error: CallError = stop.aborted ? { ...where, code: this.stopped(), message: `not answered: ${this.stoppedWhy()}` } : { ...where, ...errorOf(err) };
      this.errors.push(error);
      progress.failed++;
      if (CREDENTIALS_EXPIRED.has(error.code)) {
        if (!this.expired)
          options.onNotice?.(`the credentials expired (${error.service} ${error.operation} failed with ${error.code}); no further call is made`);
        this.expired ??= error;
      } else if (UNREACHABLE.has(error.code) && !this.unreachable.has(endpoint)) {
        this.unreachable.set(endpoint, error);
        const where = error.region === 'global' ? '' : ` in ${error.region}`;
        options.onNotice?.(
          `the ${error.service} endpoint${where} did not answer (${error.operation}: ${error.message ?? error.code}); its other calls are not made`,
        );
      }
      return undefined;
    } finally {
      progress.done++;
      this.report();
    }
  }

  /** Runs a unit of calls (`ec2 eu-west-1`, `iam`), named on the progress line while it runs. */
  async unit(label: string, body: () => Promise<void>): Promise<void> {
    this.progress.active.push(label);
    this.report();
    try {
      await body();
    } finally {
      this.progress.active.splice(this.progress.active.indexOf(label), 1);
      this.report();
    }
  }

  private stopped(): CallError['code'] {
    return this.stop.reason === 'timeout' ? 'CollectionTimeout' : 'Interrupted';
  }

  private report(): void {
    this.options.onProgress?.({ ...this.progress, active: [...this.progress.active] });
  }
}
