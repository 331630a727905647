import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exitQuietlyOnEpipe } from './io.js';

describe('exitQuietlyOnEpipe', () => {
  it('exits without a trace when the reader has closed the pipe', () => {
    const stream = new EventEmitter();
    const codes: number[] = [];
    exitQuietlyOnEpipe(stream, (code) => codes.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
  });

  it('still throws other write errors', () => {
    const stream = new EventEmitter();
    const codes: number[] = [];
    exitQuietlyOnEpipe(stream, (code) => codes.push(code));
    expect(() => stream.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow('no space');
    expect(codes).toEqual([]);
  });
});
