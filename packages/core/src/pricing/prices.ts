import data from './prices.json' with { type: 'json' };

/** The list prices cost findings are estimated with, one number per region. */
export type PriceItem =
  | 'publicIpv4PerHour'
  | 'natGatewayPerHour'
  | 'natGatewayPerGb'
  | 'cloudTrailManagementPer100k'
  | 'cloudTrailDataPer100k'
  | 's3StandardPerGbMonth';

// Typed here, so that the data file must hold every item (and the declarations do not name the file).
const prices: { date: string; sources: Record<string, string>; items: Record<PriceItem, Readonly<Record<string, number>>> } = data;

/** The region a price is taken from when a finding's region is not known, and for regions the list does not hold. */
export const DEFAULT_PRICE_REGION = 'us-east-1';

/** When the price list was written (`YYYY-MM-DD`), and where its prices come from. */
export const PRICE_LIST: { readonly date: string; readonly currency: 'USD'; readonly sources: Readonly<Record<string, string>> } = {
  date: prices.date,
  currency: 'USD',
  sources: prices.sources,
};

/** The prices of one region: each item in that region, or at us-east-1 where the list does not hold it (named in `fallback`). */
export interface RegionPrices {
  /** The region asked for. */
  region: string;
  prices: Readonly<Record<PriceItem, number>>;
  /** Items the list holds no price for in `region`: they are priced at us-east-1's. */
  fallback: readonly PriceItem[];
}

const ITEMS = Object.keys(prices.items) as PriceItem[];
const cache = new Map<string, RegionPrices>();

/** The list prices of `region`, with the items it does not know priced at us-east-1 and named. */
export function pricesIn(region: string): RegionPrices {
  const hit = cache.get(region);
  if (hit) return hit;
  const out: Partial<Record<PriceItem, number>> = {};
  const fallback: PriceItem[] = [];
  for (const item of ITEMS) {
    const byRegion: Readonly<Record<string, number>> = prices.items[item];
    const own = Object.hasOwn(byRegion, region) ? byRegion[region] : undefined;
    if (own === undefined) fallback.push(item);
    out[item] = own ?? (byRegion[DEFAULT_PRICE_REGION] as number);
  }
  const result: RegionPrices = { region, prices: out as Record<PriceItem, number>, fallback };
  // Regions come from the scanned content: only the list's own are kept.
  if (fallback.length < ITEMS.length) cache.set(region, result);
  return result;
}

/** Days from the price list's date to `now`: `mamori rules` warns when the list is over a year old. */
export function priceListAge(now: Date = new Date()): number {
  return Math.floor((now.getTime() - Date.parse(`${prices.date}T00:00:00Z`)) / 86_400_000);
}

// Made on first use: creating a currency format loads the locale data, which would take a third of
// the start of a scan that prices nothing.
const formats = new Map<string, { cents: Intl.NumberFormat; fine: Intl.NumberFormat }>();
function usd(locale: string): { cents: Intl.NumberFormat; fine: Intl.NumberFormat } {
  let made = formats.get(locale);
  if (!made) {
    made = {
      cents: new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      fine: new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }),
    };
    formats.set(locale, made);
  }
  return made;
}

/** An amount in US dollars: `$3.65`, `$1,234.50`; a price below a cent keeps its digits (`$0.005`, `$0.0245`), never rounded away.
 * Always dollars; `locale` (BCP 47) only chooses how they are written (`ja-JP` gives what Intl gives there). */
export function formatUsd(n: number, locale = 'en-US'): string {
  const c = n * 100;
  const { cents, fine } = usd(locale);
  return Math.abs(c - Math.round(c)) < 1e-9 ? cents.format(n) : fine.format(n);
}

/** Said by `mamori rules` and the docs check when the price list is over a year old on `now`; undefined while it is not. */
export function priceListWarning(now: Date = new Date()): string | undefined {
  const days = priceListAge(now);
  if (days <= 365) return undefined;
  return `the list prices of cost findings are from ${prices.date}, ${days} days ago: run scripts/update-prices.mjs to bring them up to date`;
}
