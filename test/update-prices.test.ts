import { describe, expect, it } from 'vitest';
import { csvFields, ITEMS, isCommercialRegion, pricesInCsv } from '../scripts/update-prices.mjs';

// The opening of a regional offer file in the price list's CSV form: five lines of metadata, then
// the header (columns as AWS names them; most left out here), then one line per SKU, term and rate.
const HEADER =
  '"SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","LeaseContractLength","PurchaseOption","Product Family","serviceCode","Location","Location Type","usageType","operation"';
const row = (f: Record<string, string>) =>
  HEADER.split(',')
    .map((c) => JSON.parse(c) as string)
    .map((c) => `"${(f[c] ?? '').replace(/"/g, '""')}"`)
    .join(',');
const ec2Tokyo = [
  '"FormatVersion","v1.0"',
  '"Disclaimer","This pricing list is for informational purposes only."',
  '"Publication Date","2026-11-20T18:21:43Z"',
  '"Version","20261120182143"',
  '"OfferCode","AmazonEC2"',
  HEADER,
  row({
    SKU: 'A1',
    TermType: 'OnDemand',
    PriceDescription: '$0.062 per NAT Gateway Hour',
    StartingRange: '0',
    EndingRange: 'Inf',
    Unit: 'Hrs',
    PricePerUnit: '0.0620000000',
    Currency: 'USD',
    'Product Family': 'NAT Gateway',
    usageType: 'APN1-NatGateway-Hours',
    operation: 'NatGateway',
  }),
  row({
    SKU: 'A2',
    TermType: 'OnDemand',
    PriceDescription: '$0.062 per GB Data Processed by NAT Gateways',
    StartingRange: '0',
    EndingRange: 'Inf',
    Unit: 'GB',
    PricePerUnit: '0.0620000000',
    Currency: 'USD',
    usageType: 'APN1-NatGateway-Bytes',
  }),
  // Another product whose usage type ends alike is not a NAT gateway.
  row({ SKU: 'A3', TermType: 'OnDemand', Unit: 'Hrs', PricePerUnit: '0.0930000000', Currency: 'USD', usageType: 'APN1-RegionalNatGateway-Hours' }),
  row({
    SKU: 'A4',
    TermType: 'Reserved',
    Unit: 'Hrs',
    PricePerUnit: '0.0100000000',
    Currency: 'USD',
    usageType: 'APN1-NatGateway-Hours',
    LeaseContractLength: '1yr',
  }),
  row({
    SKU: 'B1',
    TermType: 'OnDemand',
    PriceDescription: '$0.1088 per On Demand Linux m5.large Instance Hour, "shared"',
    Unit: 'Hrs',
    PricePerUnit: '0.1088000000',
    Currency: 'USD',
    usageType: 'APN1-BoxUsage:m5.large',
  }),
];

describe('scripts/update-prices.mjs', () => {
  it('reads a quoted CSV line, with commas and doubled quotes inside fields', () => {
    expect(csvFields('"a","b, c","say ""hi""",""')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });

  it('takes the on-demand USD price of each usage type, and nothing else', async () => {
    const wanted = { natGatewayPerHour: ITEMS.natGatewayPerHour, natGatewayPerGb: ITEMS.natGatewayPerGb };
    expect(await pricesInCsv(ec2Tokyo, wanted)).toEqual({ natGatewayPerHour: 0.062, natGatewayPerGb: 0.062 });
  });

  it('prices per 100,000 events from a price per event, and the first S3 tier', async () => {
    const trail = [
      HEADER,
      row({ TermType: 'OnDemand', Unit: 'Events', PricePerUnit: '0.0000200000', Currency: 'USD', usageType: 'PaidEventsRecorded' }),
      row({ TermType: 'OnDemand', Unit: 'Events', PricePerUnit: '0.0000000000', Currency: 'USD', usageType: 'FreeEventsRecorded' }),
      row({ TermType: 'OnDemand', Unit: 'Events', PricePerUnit: '0.0000010000', Currency: 'USD', usageType: 'USE1-DataEventsRecorded' }),
    ];
    expect(await pricesInCsv(trail, { m: ITEMS.cloudTrailManagementPer100k, d: ITEMS.cloudTrailDataPer100k })).toEqual({ m: 2, d: 0.1 });
    const s3 = [
      HEADER,
      row({
        TermType: 'OnDemand',
        StartingRange: '0',
        EndingRange: '51200',
        Unit: 'GB-Mo',
        PricePerUnit: '0.0250000000',
        Currency: 'USD',
        usageType: 'APN1-TimedStorage-ByteHrs',
      }),
      row({
        TermType: 'OnDemand',
        StartingRange: '51200',
        EndingRange: '512000',
        Unit: 'GB-Mo',
        PricePerUnit: '0.0240000000',
        Currency: 'USD',
        usageType: 'APN1-TimedStorage-ByteHrs',
      }),
      row({
        TermType: 'OnDemand',
        StartingRange: '0',
        Unit: 'GB-Mo',
        PricePerUnit: '0.0138000000',
        Currency: 'USD',
        usageType: 'APN1-TimedStorage-SIA-ByteHrs',
      }),
    ];
    expect(await pricesInCsv(s3, { s: ITEMS.s3StandardPerGbMonth })).toEqual({ s: 0.025 });
  });

  it('refuses a file without the header row rather than finding nothing', async () => {
    await expect(pricesInCsv(['"FormatVersion","v1.0"'], { n: ITEMS.natGatewayPerHour })).rejects.toThrow(/no header row/);
  });

  it('reads commercial regions only', () => {
    expect(['us-east-1', 'ap-northeast-3', 'il-central-1'].every(isCommercialRegion)).toBe(true);
    expect(['us-gov-west-1', 'cn-north-1', 'us-east-1-atl-1', 'us-iso-east-1'].some(isCommercialRegion)).toBe(false);
  });
});
