import type { CollectOptions } from './options.js';

// The collector's time bounds, apart from the SDK so that importing them loads nothing.

/** Milliseconds to open a connection. */
export const DEFAULT_CONNECT_TIMEOUT = 5_000;
/** Milliseconds one attempt may take, from sending the request to the last byte of the answer. */
export const DEFAULT_REQUEST_TIMEOUT = 20_000;
/** Attempts of one call that may end in a timeout: with the default request timeout, a minute. */
export const TIMEOUT_ATTEMPTS = 3;
/** Bytes one answer may have. A page of a thousand instances is a few MiB; past this an endpoint is flooding, not answering. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** Attempts per call, throttling and server errors included. */
export const DEFAULT_MAX_ATTEMPTS = 8;
/** Region/service units read at once: enough that the slowest unit, not the queue, sets the time; the rate limits (`rates.ts`) hold whatever it is. */
export const DEFAULT_CONCURRENCY = 16;

export interface CollectorSettings {
  /** Attempts per call (throttling, server errors, timeouts). */
  maxAttempts: number;
  /** Of those, how many may end in a timeout. */
  timeoutAttempts: number;
  /** Milliseconds per attempt, the whole answer included. */
  requestTimeout: number;
  /** Milliseconds to connect. */
  connectTimeout: number;
}

/**
 * What a collection runs with: each option, else its environment variable (`AWS_MAX_ATTEMPTS`;
 * `MAMORI_REQUEST_TIMEOUT` and `MAMORI_CONNECT_TIMEOUT` in seconds), else the default: 8 attempts,
 * 3 of them timeouts at most, 20 s per attempt, 5 s to connect.
 */
export function collectorSettings(options: CollectOptions = {}, env: NodeJS.ProcessEnv = process.env): CollectorSettings {
  const positive = (text: string | undefined, scale = 1): number | undefined => {
    const n = Number(text);
    return text !== undefined && text.trim() !== '' && Number.isFinite(n) && n > 0 ? n * scale : undefined;
  };
  const envAttempts = positive(env.AWS_MAX_ATTEMPTS);
  const maxAttempts = options.maxAttempts ?? (envAttempts !== undefined && Number.isInteger(envAttempts) ? envAttempts : DEFAULT_MAX_ATTEMPTS);
  const requestTimeout = options.requestTimeout ?? positive(env.MAMORI_REQUEST_TIMEOUT, 1000) ?? DEFAULT_REQUEST_TIMEOUT;
  const connectTimeout = Math.min(options.connectTimeout ?? positive(env.MAMORI_CONNECT_TIMEOUT, 1000) ?? DEFAULT_CONNECT_TIMEOUT, requestTimeout);
  return { maxAttempts, timeoutAttempts: Math.min(maxAttempts, TIMEOUT_ATTEMPTS), requestTimeout, connectTimeout };
}
