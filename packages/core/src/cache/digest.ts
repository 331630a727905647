import type { Buffer } from 'node:buffer';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/**
 * SHA-256 of a file's content, hex: the key of its entry in the scan cache. Text is hashed as its
 * UTF-8 bytes. `node:crypto` is loaded on first use (only scans with a cache digest anything), and
 * synchronously, as files are read, on worker threads too.
 */
export function contentDigest(content: Buffer | string): string {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto.hash('sha256', content, 'hex');
}
