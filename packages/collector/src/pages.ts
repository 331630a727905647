import type { AwsCallDescriptor } from '@mamori/core/internal';

/** More pages than this of one list is not an account but a broken or hostile endpoint. */
export const MAX_PAGES = 10_000;

export type Json = Record<string, unknown>;

/** An SDK response without its `$metadata`: what a call answered. */
export type Answer<O> = Omit<O, '$metadata'>;

/** Drops the SDK's `$metadata` and `NextToken`-like fields: the snapshot keeps the response's data. */
export function data<T extends object>(response: T): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(response)) {
    if (k === '$metadata' || k === 'NextToken' || k === 'nextToken' || k === 'Marker' || k === 'IsTruncated') continue;
    out[k] = v;
  }
  return out;
}

/** A field of an SDK answer named by a descriptor. */
function field(answer: object, name: string): unknown {
  return (answer as Record<string, unknown>)[name];
}

/**
 * Sends a paginated call page after page, passing on the answer's token as the descriptor says, and
 * merges the list field (or fields) into one answer. A call whose pages do not end (a token seen before, or
 * more than MAX_PAGES) fails, and so does one that fails on a later page: the pages read before
 * are dropped with it, so a list in the snapshot is always whole, and the error says which page
 * failed.
 */
export async function allPages<I extends object, O extends object>(
  send: (input: I) => Promise<O>,
  input: I,
  pages: NonNullable<AwsCallDescriptor['pages']>,
): Promise<Answer<O>> {
  // Most calls page one list; GetAccountAuthorizationDetails pages four at once, each merged on its own.
  const lists = typeof pages.items === 'string' ? [pages.items] : pages.items;
  const items = new Map<string, unknown[]>(lists.map((name) => [name, []]));
  const tokens = new Set<string>();
  let read = 0;
  let token: unknown;
  try {
    do {
      const page = await send(read === 0 ? input : { ...input, [pages.inputToken]: token });
      read++;
      for (const [name, merged] of items) for (const item of (field(page, name) as unknown[] | undefined) ?? []) merged.push(item);
      token = field(page, pages.outputToken);
      if (typeof token === 'string' && token !== '') {
        if (tokens.has(token))
          throw Object.assign(new Error(`page ${read} repeats an earlier page's token; the list does not end`), { name: 'PaginationLoop' });
        tokens.add(token);
      }
      if (read >= MAX_PAGES && token) throw Object.assign(new Error(`more than ${MAX_PAGES} pages`), { name: 'PaginationLimit' });
    } while (token);
  } catch (err) {
    if (read > 0 && err && typeof err === 'object' && !['PaginationLoop', 'PaginationLimit'].includes((err as Error).name)) {
      const e = err as { message?: string };
      e.message = `${e.message ?? 'failed'} (on page ${read + 1}; the ${read} page${read === 1 ? '' : 's'} read before were dropped)`;
    }
    throw err;
  }
  // Every field of an SDK answer is optional: the merged list alone is an answer of the call's type.
  return Object.fromEntries(items) as Answer<O>;
}
