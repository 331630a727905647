import { availableParallelism } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CpuSample, cpuSample, idleCoresBetween, workerCount } from './scan-pool.js';

const sample = (at: number, idle: number, total: number): CpuSample => ({ at, idle, total });

describe('idleCoresBetween', () => {
  it('counts the share of processor time left idle, in cores', () => {
    // Two cores over 100 ms: 200 ms of processor time, of which 100 idle: one core.
    expect(idleCoresBetween(sample(0, 1000, 5000), sample(100, 1100, 5200), 2)).toBeCloseTo(1);
    expect(idleCoresBetween(sample(0, 1000, 5000), sample(100, 1020, 5200), 2)).toBeCloseTo(0.2);
    expect(idleCoresBetween(sample(0, 0, 0), sample(200, 700, 800), 4)).toBeCloseTo(3.5);
  });

  it('will not tell from a window shorter than the kernel counts in', () => {
    expect(idleCoresBetween(sample(0, 1000, 5000), sample(30, 1030, 5060), 2)).toBeUndefined();
    expect(idleCoresBetween(sample(0, 1000, 5000), sample(100, 1000, 5000), 2)).toBeUndefined();
  });

  it('samples this machine', () => {
    const s = cpuSample();
    expect(s.total).toBeGreaterThan(0);
    expect(s.idle).toBeGreaterThanOrEqual(0);
    expect(s.idle).toBeLessThanOrEqual(s.total);
  });
});

describe('workerCount', () => {
  const saved = process.env.MAMORI_WORKERS;
  beforeEach(() => {
    delete process.env.MAMORI_WORKERS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.MAMORI_WORKERS;
    else process.env.MAMORI_WORKERS = saved;
  });

  it('starts one per idle core for thousands of templates, within the cores beside the calling thread', () => {
    const beside = Math.min(availableParallelism() - 1, 8);
    expect(workerCount(undefined, 10_000, 64)).toBe(Math.min(beside, 10));
    expect(workerCount(undefined, 10_000, 0.9)).toBe(Math.min(beside, 1));
    expect(workerCount(undefined, 5_000, 64)).toBe(Math.min(beside, 5));
  });

  it('starts none when the cores are busy or the templates few', () => {
    expect(workerCount(undefined, 10_000, 0.3)).toBe(0);
    expect(workerCount(undefined, 3_999, 64, false)).toBe(0);
  });

  it('starts one from fewer templates when its entry is a bundle, which starts sooner', () => {
    const beside = Math.min(availableParallelism() - 1, 8);
    expect(workerCount(undefined, 2_499, 64, true)).toBe(0);
    expect(workerCount(undefined, 2_500, 64, true)).toBe(Math.min(beside, 2));
    expect(workerCount(undefined, 2_500, 64, false)).toBe(0);
  });

  it('takes the number asked for, by option or environment, over the measure', () => {
    expect(workerCount(2, 10, 0)).toBe(2);
    expect(workerCount(0, 10_000, 64)).toBe(0);
    process.env.MAMORI_WORKERS = '3';
    expect(workerCount(undefined, 10, 0)).toBe(3);
    expect(workerCount(undefined, 1, 0)).toBe(1);
  });
});
