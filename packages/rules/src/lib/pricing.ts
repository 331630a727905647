import { DEFAULT_PRICE_REGION, formatUsd, type Lang, type LocalizedText, PRICE_LIST, type PriceItem, pricesIn, type RegionPrices } from '@mamori/core';

/**
 * Cost estimates from the on-demand list prices of the region a resource is in (an account's
 * resource: its region; a template's: the scan's region, else us-east-1), from the price list in
 * `@mamori/core` (`PRICE_LIST`: its date and sources). The estimates rank findings; they are not a bill.
 */
export const PRICE_DATE = PRICE_LIST.date;
export const HOURS_PER_MONTH = 730;

/** The prices each rule's docs quote: us-east-1's. */
export const DOC_REGION = DEFAULT_PRICE_REGION;
export const DOC_PRICES = pricesIn(DEFAULT_PRICE_REGION).prices;

/** Assumed volumes where the bill depends on traffic the template cannot show. */
export const ASSUMED = {
  /** Management events recorded per region per month by a small-to-medium account. */
  managementEventsPerMonth: 1_000_000,
  /** S3 object-level events per month when every object of every bucket is logged. */
  s3DataEventsPerMonth: 50_000_000,
  /** Lambda invocations per month when every function is logged. */
  lambdaDataEventsPerMonth: 10_000_000,
  /** New CloudTrail log data written to S3 per month. */
  trailLogGbPerMonth: 5,
  /** Months of logs kept without a lifecycle rule, for the estimate. */
  monthsRetained: 12,
} as const;

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const ITEM_NAMES: Record<PriceItem, string> = {
  publicIpv4PerHour: 'public IPv4 address',
  natGatewayPerHour: 'NAT gateway hours',
  natGatewayPerGb: 'NAT gateway data',
  cloudTrailManagementPer100k: 'CloudTrail management events',
  cloudTrailDataPer100k: 'CloudTrail data events',
  s3StandardPerGbMonth: 'S3 Standard storage',
};

const ITEM_NAMES_JA: Record<PriceItem, string> = {
  publicIpv4PerHour: 'パブリック IPv4 アドレス',
  natGatewayPerHour: 'NAT ゲートウェイの時間料金',
  natGatewayPerGb: 'NAT ゲートウェイのデータ処理料金',
  cloudTrailManagementPer100k: 'CloudTrail の管理イベント',
  cloudTrailDataPer100k: 'CloudTrail のデータイベント',
  s3StandardPerGbMonth: 'S3 標準ストレージ',
};

/** Monthly figures at one region's prices. */
export interface Priced {
  region: string;
  prices: RegionPrices['prices'];
  publicIpv4(): number;
  natGateway(): number;
  extraManagementCopy(): number;
  dataEvents(resourceType: string): number;
  retainedLogs(): number;
  /**
   * Which prices a figure uses, for its message: `ap-northeast-1 prices`; where the list holds no
   * price in the region for an item the figure uses, that item is at us-east-1's and the text says so.
   */
  label(items: readonly PriceItem[], lang?: Lang): string;
  /** `label` in the scan's language, for a message's `{{prices}}`. */
  labelText(items: readonly PriceItem[]): LocalizedText;
  /** Properties every cost finding carries, in SARIF and JSON. */
  properties(usd: number, basis: string, items: readonly PriceItem[]): Record<string, string | number>;
}

/** The monthly figures of a resource in `region` (an account's resource) or, without one, in the scan's region. */
export function pricedIn(region: string): Priced {
  const list = pricesIn(region);
  const p = list.prices;
  const label = (items: readonly PriceItem[], lang: Lang = 'en'): string => {
    const missing = items.filter((i) => list.fallback.includes(i));
    if (lang === 'ja') {
      if (missing.length === 0) return `${region} の料金`;
      if (missing.length === items.length) return `${DEFAULT_PRICE_REGION} の料金: ${region} の料金は掲載なし`;
      return `${region} の料金。${missing.map((i) => ITEM_NAMES_JA[i]).join('と')}は ${DEFAULT_PRICE_REGION} の料金: ${region} の料金は掲載なし`;
    }
    if (missing.length === 0) return `${region} prices`;
    if (missing.length === items.length) return `${DEFAULT_PRICE_REGION} prices: none listed for ${region}`;
    return `${region} prices, ${missing.map((i) => ITEM_NAMES[i]).join(' and ')} at ${DEFAULT_PRICE_REGION}'s: none listed for ${region}`;
  };
  return {
    region,
    prices: p,
    publicIpv4: () => round2(p.publicIpv4PerHour * HOURS_PER_MONTH),
    natGateway: () => round2(p.natGatewayPerHour * HOURS_PER_MONTH),
    extraManagementCopy: () => round2((ASSUMED.managementEventsPerMonth / 100_000) * p.cloudTrailManagementPer100k),
    dataEvents: (resourceType) =>
      round2(
        ((resourceType === 'AWS::Lambda::Function' ? ASSUMED.lambdaDataEventsPerMonth : ASSUMED.s3DataEventsPerMonth) / 100_000) * p.cloudTrailDataPer100k,
      ),
    retainedLogs: () => round2(ASSUMED.trailLogGbPerMonth * ASSUMED.monthsRetained * p.s3StandardPerGbMonth),
    label,
    labelText: (items) => (lang) => label(items, lang),
    properties: (usd, basis, items) => ({
      estimatedMonthlyCostUsd: usd,
      costBasis: `${basis}; ${label(items)}; list prices of ${PRICE_DATE}`,
      priceRegion: items.every((i) => !list.fallback.includes(i)) ? region : DEFAULT_PRICE_REGION,
    }),
  };
}

/** The figures at us-east-1 prices, which the rules' docs quote. */
export const docMonthly = pricedIn(DEFAULT_PRICE_REGION);

/** `$3.65`, `$1,234.50`, or `$0.005` and `$0.0245` for prices below a cent. */
export const usd = formatUsd;

/** The message data of a cost finding that prices change: kept out of its fingerprint (`ReportDescriptor.volatile`). */
export const COST_DATA: readonly string[] = ['cost', 'prices'];

/** Money in the Japanese docs: USD, formatted for ja-JP. */
export const usdJa = (n: number): string => formatUsd(n, 'ja-JP');

/** A count in the Japanese docs, in 万 and 億 as Intl writes them for ja-JP (5000万). */
export const countJa = (n: number): string => new Intl.NumberFormat('ja-JP', { notation: 'compact' }).format(n);

/** The cost rules' paragraph on which region's list prices a finding uses, in Japanese. */
export const REGION_PRICES_JA = `検出結果はリソースのリージョンの公開料金で計算し、どのリージョンの料金かを示します。アカウントのリソースはそのリソースがあるリージョンの料金、テンプレートのリソースはスキャンの \`region\` 設定 (\`--region\`、\`AWS_REGION\`、設定ファイルの \`region\`) のリージョン、指定がなければ us-east-1 の料金です。料金表にないリージョンは us-east-1 の料金で計算し、検出結果にその旨を示します。`;
