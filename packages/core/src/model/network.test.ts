import { describe, expect, it } from 'vitest';
import { admitsWorld, isWorldCidr, portRange } from './network.js';

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

describe('isWorldCidr', () => {
  it.each([
    '0.0.0.0/0',
    ' 0.0.0.0/0 ',
    '0.0.0.0 / 0',
    '0.0.0.0/1',
    '128.0.0.0/1',
    '1.2.3.4/0',
    '::/0',
    '::0/0',
    '0:0:0:0:0:0:0:0/0',
    '::/1',
    '8000::/1',
    '::/2',
    '2000::/3',
    '2000::/4',
    '3000::/4',
    '2001:db8::/3',
    '::ffff:0.0.0.0/96',
    '::ffff:0:0/96',
    '::ffff:128.0.0.0/97',
  ])('%s admits the internet', (cidr) => {
    expect(isWorldCidr(cidr)).toBe(true);
  });

  it.each([
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '0.0.0.0/2',
    '128.0.0.0/2',
    '203.0.113.7/32',
    '0.0.0.0',
    'fc00::/7',
    'fe80::/10',
    '4000::/2',
    '2000::/5',
    '2001:db8::/32',
    '::ffff:10.0.0.0/104',
    '::ffff:0:0/98',
    '::/129',
    '0.0.0.0/33',
    '0.0.0.0/-1',
    'anywhere',
    '',
    '${opt:cidr}',
    '0.0.0.0/0/0',
    undefined,
  ])('%s does not', (cidr) => {
    expect(isWorldCidr(cidr)).toBe(false);
  });
});

describe('admitsWorld', () => {
  it.each([
    { allow: '0.0.0.0/0', denied: ['0.0.0.0/1'], world: true },
    { allow: '0.0.0.0/0', denied: ['0.0.0.0/1', '128.0.0.0/1'], world: false },
    { allow: '0.0.0.0/0', denied: ['0.0.0.0/1', '128.0.0.0/2'], world: false },
    { allow: '0.0.0.0/0', denied: ['203.0.113.0/24', '10.0.0.0/8'], world: true },
    { allow: '0.0.0.0/0', denied: ['0.0.0.0/0'], world: false },
    { allow: '0.0.0.0/0', denied: ['::/0', undefined, 'not a range'], world: true },
    { allow: '::/0', denied: ['2000::/3'], world: true },
    { allow: '2000::/3', denied: ['2000::/4'], world: true },
    { allow: '2000::/3', denied: ['2000::/4', '3000::/5'], world: false },
  ])('$allow less $denied: $world', ({ allow, denied, world }) => {
    expect(admitsWorld(allow, denied)).toBe(world);
  });
});
