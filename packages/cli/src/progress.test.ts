import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from './progress.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress of a collection written to a log', () => {
  it('gets a plain line every 30 s, also while every call waits, and none after the end', () => {
    const lines: string[] = [];
    const progress = progressLine({ write: (t) => lines.push(t), isTTY: false }, 'mamori: collecting');
    progress.update({ done: 3, total: 10, failed: 1, active: ['ec2 eu-west-1', 'iam'] });
    vi.advanceTimersByTime(29_999);
    expect(lines).toEqual([]);
    // No further event: the calls under way are waiting.
    vi.advanceTimersByTime(60_001);
    expect(lines).toEqual(Array(3).fill('mamori: collecting: 3/10 calls so far, 1 failed (reading ec2 eu-west-1, iam)\n'));
    progress.end();
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(3);
  });

  it('says nothing with --quiet, nor before the first call', () => {
    const lines: string[] = [];
    const quiet = progressLine({ write: (t) => lines.push(t), isTTY: false, quiet: true }, 'mamori: collecting');
    quiet.update({ done: 1, total: 2, failed: 0, active: [] });
    const idle = progressLine({ write: (t) => lines.push(t), isTTY: false }, 'mamori: collecting');
    vi.advanceTimersByTime(90_000);
    quiet.end();
    idle.end();
    expect(lines).toEqual([]);
  });
});
