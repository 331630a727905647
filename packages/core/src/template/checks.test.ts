import { describe, expect, it } from 'vitest';
import { bytes } from './checks.js';

describe('byte counts in messages', () => {
  it.each([0, 7, 999, 1000, 51_200, 51_974, 1_000_000, 104_857_600, 2 ** 31])('%d is grouped as en-US groups it', (n) => {
    expect(bytes(n)).toBe(n.toLocaleString('en-US'));
  });
});
