import { Readable, Transform } from 'node:stream';
import { ConfiguredRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { MAX_RESPONSE_BYTES } from './limits.js';

/**
 * Time bounds for every AWS call (see `limits.ts`): an endpoint that accepts connections and never
 * answers, or answers a byte at a time, costs one call about a minute, never the run.
 */

type Handle = NodeHttpHandler['handle'];
type HandlerOptions = NonNullable<Parameters<Handle>[1]>;

function timeoutError(ms: number): Error {
  // The name the SDK's retry classes know as transient: a timed-out attempt is retried like one that failed to connect.
  return Object.assign(new Error(`no answer within ${formatSeconds(ms)}`), { name: 'TimeoutError' });
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * The SDK's Node.js handler, with a bound on each attempt that covers the answer's body too (its
 * own `requestTimeout` stops at the headers, so a server that sends them and then trickles the body
 * would hold the call for ever), and a signal that drops every request at once when the collection
 * stops.
 */
export class BoundedHttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly inner: NodeHttpHandler;

  constructor(
    private readonly requestTimeout: number,
    connectTimeout: number,
    private readonly stop: AbortSignal,
  ) {
    this.inner = new NodeHttpHandler({ connectionTimeout: connectTimeout, socketTimeout: requestTimeout });
  }

  async handle(request: Parameters<Handle>[0], options: HandlerOptions = {}): ReturnType<Handle> {
    // One signal per attempt, fed by its timer, the collection's stop and the caller's signal;
    // listeners are removed when the attempt ends, so a long collection does not pile them up.
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(timeoutError(this.requestTimeout)), this.requestTimeout);
    const outer = options.abortSignal instanceof AbortSignal ? options.abortSignal : undefined;
    const onStop = (): void => attempt.abort(stopError(this.stop));
    const onOuter = (): void => attempt.abort(outer?.reason);
    this.stop.addEventListener('abort', onStop, { once: true });
    outer?.addEventListener('abort', onOuter, { once: true });
    if (this.stop.aborted) onStop();
    if (outer?.aborted) onOuter();
    const release = (): void => {
      clearTimeout(timer);
      this.stop.removeEventListener('abort', onStop);
      outer?.removeEventListener('abort', onOuter);
    };
    let answer: Awaited<ReturnType<Handle>>;
    try {
      answer = await this.inner.handle(request, { ...options, abortSignal: attempt.signal });
    } catch (err) {
      release();
      // Ours (a timeout, retried; a stop, not) rather than the handler's "Request aborted".
      throw attempt.signal.reason instanceof Error ? attempt.signal.reason : err;
    }
    const body: unknown = answer.response.body;
    if (!(body instanceof Readable)) {
      release();
      return answer;
    }
    // The body is read after this returns: the same bound and the same stop hold until it ends,
    // and it may not grow past MAX_RESPONSE_BYTES.
    let bytes = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes <= MAX_RESPONSE_BYTES) done(null, chunk);
        else done(Object.assign(new Error(`answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`), { name: 'ResponseTooLarge' }));
      },
    });
    const cut = (): void => {
      const reason = attempt.signal.reason instanceof Error ? attempt.signal.reason : stopError(this.stop);
      body.destroy();
      counted.destroy(reason);
    };
    attempt.signal.addEventListener('abort', cut, { once: true });
    const done = (): void => {
      release();
      attempt.signal.removeEventListener('abort', cut);
      body.destroy();
    };
    body.once('error', (err) => counted.destroy(err));
    counted.once('end', done);
    counted.once('close', done);
    counted.once('error', done);
    body.pipe(counted);
    answer.response.body = counted;
    return answer;
  }

  updateHttpClientConfig(key: Parameters<NodeHttpHandler['updateHttpClientConfig']>[0], value: Parameters<NodeHttpHandler['updateHttpClientConfig']>[1]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): ReturnType<NodeHttpHandler['httpHandlerConfigs']> {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}

function stopError(stop: AbortSignal): Error {
  return Object.assign(new Error(String(stop.reason ?? 'stopped')), { name: 'AbortError' });
}

type Strategy = Pick<StandardRetryStrategy, 'acquireInitialRetryToken' | 'refreshRetryTokenForRetry' | 'recordSuccess'>;
type Token = Awaited<ReturnType<Strategy['acquireInitialRetryToken']>>;
type ErrorInfo = Parameters<Strategy['refreshRetryTokenForRetry']>[1];

/**
 * The SDK's standard retries (backoff with jitter, a retry quota per client), except that a call
 * whose attempts time out `timeoutAttempts` times is given up, and that no retry waits once the
 * collection stops.
 */
export class BoundedRetryStrategy implements Strategy {
  readonly mode = 'standard';
  private readonly inner: Strategy;
  private readonly timeouts = new WeakMap<Token, number>();

  constructor(
    maxAttempts: number,
    private readonly timeoutAttempts: number,
    private readonly stop: AbortSignal,
    backoff?: (attempt: number) => number,
  ) {
    this.inner = backoff ? new ConfiguredRetryStrategy(maxAttempts, backoff) : new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<Token> {
    return this.inner.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(token: Token, info: ErrorInfo): Promise<Token> {
    const timedOut = (this.timeouts.get(token) ?? 0) + (info.error?.name === 'TimeoutError' ? 1 : 0);
    if (this.stop.aborted || timedOut >= this.timeoutAttempts) throw new Error('No retry token available');
    // The strategy sleeps for the backoff inside this call; a stop ends the sleep.
    let onStop: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      onStop = () => reject(new Error('No retry token available'));
      this.stop.addEventListener('abort', onStop, { once: true });
    });
    try {
      const next = await Promise.race([this.inner.refreshRetryTokenForRetry(token, info), stopped]);
      this.timeouts.set(next, timedOut);
      return next;
    } finally {
      if (onStop) this.stop.removeEventListener('abort', onStop);
    }
  }

  recordSuccess(token: Token): void {
    this.inner.recordSuccess(token);
  }
}
