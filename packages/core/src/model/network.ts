import ipaddr from 'ipaddr.js';

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

/**
 * True for a CIDR that admits the whole internet, or so much of it that the difference does not
 * matter: at least half of all IPv4 or IPv6 addresses (a prefix of /1 or shorter: `0.0.0.0/0`,
 * `0.0.0.0/1`, `128.0.0.0/1`, `::/0`, `::/1`, `8000::/1`), or at least half of the IPv6 global
 * unicast space `2000::/3` from which every public IPv6 address is assigned (`::/2`, `2000::/3`,
 * `2000::/4`, `3000::/4`). An IPv4-mapped IPv6 range (`::ffff:0.0.0.0/96`) is judged as the IPv4
 * range it maps. Private and unique local ranges (`10.0.0.0/8`, `fc00::/7`) and any narrower range
 * are not world-open; nor is text that is not a CIDR (an unresolved value, a typo). Spellings are
 * parsed, not matched: `::0/0`, `0:0:0:0:0:0:0:0/0` and spaces around the parts are all `::/0`.
 */
export function isWorldCidr(cidr: string | undefined): boolean {
  return new DeniedRanges().admitsWorld(cidr);
}

/**
 * Whether what `cidr` admits, less what the `denied` ranges take out of it, still admits the world
 * as `isWorldCidr` means it: a network ACL's `0.0.0.0/0` allow after a `0.0.0.0/1` deny still
 * admits `128.0.0.0/1`. Ranges of the other address family, and text that is not a CIDR, take nothing out.
 */
export function admitsWorld(cidr: string | undefined, denied: readonly (string | undefined)[]): boolean {
  const ranges = new DeniedRanges();
  for (const d of denied) ranges.add(d);
  return ranges.admitsWorld(cidr);
}

/**
 * Address ranges taken out one by one (a network ACL's denies, in rule order), kept merged so that
 * asking about an allow after each of thousands of denies costs a pass over them, not a recount.
 */
export class DeniedRanges {
  private readonly v4: Interval[] = [];
  private readonly v6: Interval[] = [];

  /** Takes a range out; text that is not a CIDR takes nothing out. */
  add(cidr: string | undefined): void {
    const r = rangeOf(cidr);
    if (r) insert(r.v6 ? this.v6 : this.v4, [r.start, r.end]);
  }

  /** Whether `cidr`, less the ranges taken out so far, still admits the world (see `isWorldCidr`). */
  admitsWorld(cidr: string | undefined): boolean {
    if (!mayBeWorld(cidr)) return false;
    const r = rangeOf(cidr);
    if (!r) return false;
    const range: Interval = [r.start, r.end];
    const denied = r.v6 ? this.v6 : this.v4;
    const left = (window: Interval): bigint => {
      const within = intersect(range, window);
      return within ? within[1] - within[0] - covered(denied, within) : 0n;
    };
    if (!r.v6) return left(ALL_V4) >= V4_HALF;
    return left(ALL_V6) >= V6_HALF || left(GLOBAL_UNICAST) * 2n >= GLOBAL_UNICAST_SIZE || left(MAPPED) >= V4_HALF;
  }
}

/** Half-open interval of addresses, as integers. */
type Interval = [bigint, bigint];

const ALL_V4: Interval = [0n, 1n << 32n];
const ALL_V6: Interval = [0n, 1n << 128n];
const V4_HALF = 1n << 31n;
const V6_HALF = 1n << 127n;
/** `2000::/3`: every public IPv6 address is assigned from it. */
const GLOBAL_UNICAST: Interval = [0x2n << 124n, 0x4n << 124n];
const GLOBAL_UNICAST_SIZE = 1n << 125n;
/** `::ffff:0:0/96`: IPv4 addresses written as IPv6, judged as the IPv4 range they map. */
const MAPPED: Interval = [0xffffn << 32n, 0x10000n << 32n];

function rangeOf(cidr: string | undefined): { v6: boolean; start: bigint; end: bigint } | undefined {
  const parsed = parseCidr(cidr);
  if (!parsed) return undefined;
  const [addr, prefix] = parsed;
  const bytes = addr.toByteArray();
  const bits = BigInt(bytes.length * 8);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  const span = 1n << (bits - BigInt(prefix));
  // Host bits set (`1.2.3.4/0`) are ignored, as EC2 keeps only the network.
  const start = value - (value % span);
  return { v6: addr.kind() === 'ipv6', start, end: start + span };
}

function intersect([a, b]: Interval, [lo, hi]: Interval): Interval | undefined {
  const x = a > lo ? a : lo;
  const y = b < hi ? b : hi;
  return x < y ? [x, y] : undefined;
}

/** Adds an interval to a sorted list of disjoint intervals, merging those it touches. */
function insert(list: Interval[], [lo, hi]: Interval): void {
  // The first interval that ends at or after `lo`, by bisection: thousands of denies stay cheap.
  let i = 0;
  let k = list.length;
  while (i < k) {
    const mid = (i + k) >> 1;
    if ((list[mid] as Interval)[1] < lo) i = mid + 1;
    else k = mid;
  }
  let j = i;
  let start = lo;
  let end = hi;
  while (j < list.length && (list[j] as Interval)[0] <= end) {
    const [a, b] = list[j] as Interval;
    if (a < start) start = a;
    if (b > end) end = b;
    j++;
  }
  list.splice(i, j - i, [start, end]);
}

/** How many addresses of `window` the sorted, disjoint `list` holds. */
function covered(list: readonly Interval[], window: Interval): bigint {
  let n = 0n;
  for (const interval of list) {
    if (interval[0] >= window[1]) break;
    const part = intersect(interval, window);
    if (part) n += part[1] - part[0];
  }
  return n;
}

/** A CIDR's address and prefix length, whitespace ignored; `undefined` for anything that is not a CIDR. */
function parseCidr(cidr: string | undefined): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  if (typeof cidr !== 'string' || cidr.length > 200) return undefined;
  const text = cidr.replace(/\s+/g, '');
  try {
    // Each family's own parser: the generic one tries both, several times slower on the many rules of an account.
    return text.includes(':') ? ipaddr.IPv6.parseCIDR(text) : ipaddr.IPv4.parseCIDR(text);
  } catch {
    return undefined;
  }
}

/**
 * False for a CIDR whose prefix alone rules out the world (`/24`, `/64`, no prefix), without
 * parsing it: most ranges of an account are narrow, and parsing them all is what would cost.
 */
function mayBeWorld(cidr: string | undefined): boolean {
  if (typeof cidr !== 'string') return false;
  const m = /\/\s*(\d{1,3})\s*$/.exec(cidr);
  if (!m) return false;
  const prefix = Number(m[1]);
  return cidr.includes(':') ? prefix <= 4 || prefix === 96 || prefix === 97 : prefix <= 1;
}

export function toPort(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
