import { describe, expect, it } from 'vitest';
import { portRange } from './network.js';

describe('portRange', () => {
  it.each([
    { name: 'a single port', protocol: 'tcp', from: 22, to: 22, range: [22, 22] },
    { name: 'absent ports on TCP are every port', protocol: 'tcp', from: undefined, to: undefined, range: [0, 65535] },
    { name: '-1 on UDP is every port', protocol: 'udp', from: -1, to: -1, range: [0, 65535] },
    { name: 'an inverted range is empty', protocol: 'tcp', from: 23, to: 21, range: undefined },
    { name: 'ICMP has no ports', protocol: 'icmp', from: -1, to: -1, range: undefined },
  ])('$name', ({ protocol, from, to, range }) => {
    expect(portRange(protocol, from, to)).toEqual(range);
  });

  it('unknown ports are no range, unlike absent ones', () => {
    expect(portRange('tcp', undefined, 22, false)).toBeUndefined();
    expect(portRange('tcp', undefined, undefined, false)).toBeUndefined();
  });

  it('all traffic is every port even when its ports are unknown', () => {
    expect(portRange('-1', undefined, undefined, false)).toEqual([0, 65535]);
  });
});
