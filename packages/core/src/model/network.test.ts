import { describe, expect, it } from 'vitest';
import { portRange } from './network.js';

describe('portRange', () => {
  it.each([
    { name: 'a single port', args: ['tcp', 22, 22] as const, range: [22, 22] },
    { name: 'absent ports on TCP are every port', args: ['tcp', undefined, undefined] as const, range: [0, 65535] },
    { name: '-1 on UDP is every port', args: ['udp', -1, -1] as const, range: [0, 65535] },
    { name: 'an inverted range is empty', args: ['tcp', 23, 21] as const, range: undefined },
    { name: 'ICMP has no ports', args: ['icmp', -1, -1] as const, range: undefined },
  ])('$name', ({ args, range }) => {
    expect(portRange(...args)).toEqual(range);
  });

  it('unknown ports are no range, unlike absent ones', () => {
    expect(portRange('tcp', undefined, 22, false)).toBeUndefined();
    expect(portRange('tcp', undefined, undefined, false)).toBeUndefined();
  });

  it('all traffic is every port even when its ports are unknown', () => {
    expect(portRange('-1', undefined, undefined, false)).toEqual([0, 65535]);
  });
});
