/**
 * On-demand list prices used for cost estimates: US East (N. Virginia), USD, as published by AWS in
 * November 2026. Other regions differ by up to about 30%; the estimates are for ranking findings,
 * not for billing. Each cost rule's docs restate the prices it uses.
 */
export const PRICE_REGION = 'us-east-1';
export const PRICE_DATE = '2026-11';
export const HOURS_PER_MONTH = 730;

export const PRICES = {
  /** Every public IPv4 address, attached or not, since February 2024. */
  publicIpv4PerHour: 0.005,
  natGatewayPerHour: 0.045,
  natGatewayPerGb: 0.045,
  /** The first copy of management events in a region is free; each further copy costs this. */
  cloudTrailManagementPer100k: 2.0,
  cloudTrailDataPer100k: 0.1,
  s3StandardPerGbMonth: 0.023,
} as const;

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

export const monthly = {
  publicIpv4: (): number => round2(PRICES.publicIpv4PerHour * HOURS_PER_MONTH),
  natGateway: (): number => round2(PRICES.natGatewayPerHour * HOURS_PER_MONTH),
  extraManagementCopy: (): number => round2((ASSUMED.managementEventsPerMonth / 100_000) * PRICES.cloudTrailManagementPer100k),
  dataEvents: (resourceType: string): number =>
    round2(
      ((resourceType === 'AWS::Lambda::Function' ? ASSUMED.lambdaDataEventsPerMonth : ASSUMED.s3DataEventsPerMonth) / 100_000) * PRICES.cloudTrailDataPer100k,
    ),
  retainedLogs: (): number => round2(ASSUMED.trailLogGbPerMonth * ASSUMED.monthsRetained * PRICES.s3StandardPerGbMonth),
};

/** Properties every cost finding carries, in SARIF and JSON. */
export function costProperties(usd: number, basis: string): Record<string, string | number> {
  return { estimatedMonthlyCostUsd: usd, costBasis: `${basis}; ${PRICE_REGION} list prices of ${PRICE_DATE}` };
}

/** `$3.65`, or `$0.005` for prices below a cent. */
export function usd(n: number): string {
  const cents = n * 100;
  return `$${Math.abs(cents - Math.round(cents)) < 1e-9 ? n.toFixed(2) : n.toFixed(3)}`;
}
