/** Protocol names EC2 uses, from the names and IANA numbers templates and the API accept. */
export function normaliseProtocol(raw: string | number | boolean | undefined | null): string | undefined {
  if (raw === undefined || raw === null || typeof raw === 'boolean') return undefined;
  const p = String(raw).trim().toLowerCase();
  switch (p) {
    case '-1':
    case 'all':
      return '-1';
    case '6':
      return 'tcp';
    case '17':
      return 'udp';
    case '1':
      return 'icmp';
    case '58':
      return 'icmpv6';
    default:
      return p;
  }
}

export function hasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

/**
 * Inclusive port range a rule opens for a protocol. Absent ports, or -1, on TCP/UDP mean every port,
 * as EC2 treats them; `-1` (all traffic) is every port whatever the ports say. `undefined` when the
 * protocol has no ports, when the ports are written but cannot be known (`portsKnown` false: an
 * unresolved parameter, an empty string), or when the range is empty (`from` above `to`, which EC2
 * rejects).
 */
export function portRange(protocol: string, from: number | undefined, to: number | undefined, portsKnown = true): [number, number] | undefined {
  if (protocol === '-1') return [0, 65535];
  if (!hasPorts(protocol) || !portsKnown) return undefined;
  const lo = from === undefined || from < 0 ? 0 : from;
  const hi = to === undefined || to < 0 ? 65535 : to;
  return lo <= hi ? [lo, hi] : undefined;
}

/** True for a CIDR that admits every address: `0.0.0.0/0`, `::/0` and their spellings. */
export function isWorldCidr(cidr: string | undefined): boolean {
  if (!cidr) return false;
  const [addr, len] = cidr.trim().split('/');
  if (len === undefined || Number(len) !== 0 || !addr) return false;
  return /^[0-9.]+$/.test(addr) || /^[0-9a-f:]+$/i.test(addr);
}

export function toPort(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
