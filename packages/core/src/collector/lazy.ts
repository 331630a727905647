import type { AccountSnapshot } from '../snapshot/format.js';
import type { CollectOptions } from './collect.js';

/**
 * Reads an AWS account into a snapshot (see `collect.ts`). The AWS SDK is loaded on first use, so
 * scanning templates does not pay for loading it.
 */
export async function collectSnapshot(options: CollectOptions = {}): Promise<AccountSnapshot> {
  const { collectSnapshot: collect } = await import('./collect.js');
  return collect(options);
}
