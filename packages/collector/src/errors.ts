import type { CallError } from '@mamori/core';

/** Codes with which a region answers when it is not enabled for the account (an opt-in region), or unreachable. */
const REGION_UNAVAILABLE = new Set(['OptInRequired', 'AuthFailure', 'UnrecognizedClientException', 'InvalidClientTokenId', 'ENOTFOUND', 'EAI_AGAIN']);

/** Codes with which an endpoint fails to answer at all: after one call failed so, the rest of its calls are not sent. */
export const UNREACHABLE = new Set(['TimeoutError', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function errorOf(err: unknown): Pick<CallError, 'code' | 'message' | 'httpStatus'> {
  const e = err as { name?: string; code?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  const code = e.Code ?? (e.name && e.name !== 'Error' ? e.name : undefined) ?? e.code ?? 'UnknownError';
  // The HTTP handler names itself in its timeout messages; say what happened, and how often it was tried.
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? `, ${e.$metadata.attempts} attempts` : '';
  // The SDK adds lines of its own (a deserialization error's); the first says what happened.
  const first = e.message?.split('\n')[0];
  const page = pageNote(e.message);
  const message =
    code === 'TimeoutError'
      ? /^no answer within/.test(first ?? '')
        ? `${(first ?? '').replace(page, '')}${attempts}${page}`
        : /did not establish a connection/.test(first ?? '')
          ? `no connection within the connect timeout${attempts}${page}`
          : `no answer within the request timeout${attempts}${page}`
      : e.message;
  return {
    code,
    ...(message ? { message: message.split('\n')[0] ?? message } : {}),
    ...(e.$metadata?.httpStatusCode ? { httpStatus: e.$metadata.httpStatusCode } : {}),
  };
}

function pageNote(message: string | undefined): string {
  return /( \(on page \d+;.*\))$/.exec(message ?? '')?.[1] ?? '';
}

/**
 * A region where every call failed with the same "not enabled" code is one error, not one per
 * call: `services` is how many services a region is read for.
 */
export function collapseUnavailableRegions(errors: CallError[], regions: readonly string[], services: number): CallError[] {
  const out = [...errors];
  for (const region of regions) {
    const mine = out.filter((e) => e.region === region);
    // Only when nothing in the region answered: its first calls (one per service) need no resource, so all of them failed.
    if (new Set(mine.map((e) => e.service)).size < services || !mine.every((e) => REGION_UNAVAILABLE.has(e.code))) continue;
    const first = mine[0] as CallError;
    for (const e of mine) out.splice(out.indexOf(e), 1);
    out.push({ service: '*', region, operation: '*', code: first.code, ...(first.message ? { message: first.message } : {}) });
  }
  return sortErrors(out);
}

function sortErrors(errors: CallError[]): CallError[] {
  const key = (e: CallError) => [e.region === 'global' ? '' : e.region, e.service, e.operation, e.resource ?? ''].join('\u0000');
  return errors.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
