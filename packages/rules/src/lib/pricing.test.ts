import { PRICE_LIST, pricesIn } from '@mamori/core';
import { describe, expect, it } from 'vitest';
import { pricedIn, usd } from './pricing.js';

describe('pricing', () => {
  it('formats dollars with Intl, keeping sub-cent prices exact', () => {
    expect(usd(3.65)).toBe('$3.65');
    expect(usd(0.005)).toBe('$0.005');
    expect(usd(0.045)).toBe('$0.045');
    expect(usd(0.0245)).toBe('$0.0245');
    expect(usd(20)).toBe('$20.00');
    expect(usd(1234.5)).toBe('$1,234.50');
  });

  // Each checked against AWS's pricing pages (VPC, CloudTrail, S3) and price list usage types.
  it('holds the known list prices of us-east-1 and ap-northeast-1', () => {
    const use1 = pricesIn('us-east-1').prices;
    const apn1 = pricesIn('ap-northeast-1').prices;
    expect([use1.natGatewayPerHour, use1.natGatewayPerGb]).toEqual([0.045, 0.045]);
    expect([apn1.natGatewayPerHour, apn1.natGatewayPerGb]).toEqual([0.062, 0.062]);
    expect([use1.publicIpv4PerHour, apn1.publicIpv4PerHour]).toEqual([0.005, 0.005]);
    expect([use1.cloudTrailDataPer100k, apn1.cloudTrailDataPer100k]).toEqual([0.1, 0.1]);
    expect([use1.s3StandardPerGbMonth, apn1.s3StandardPerGbMonth]).toEqual([0.023, 0.025]);
    expect(PRICE_LIST.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('monthly figures follow from the region prices over 730 hours', () => {
    const use1 = pricedIn('us-east-1');
    expect(use1.publicIpv4()).toBe(3.65); // 0.005 * 730
    expect(use1.natGateway()).toBe(32.85); // 0.045 * 730
    expect(use1.extraManagementCopy()).toBe(20); // 1M events / 100k * $2
    expect(use1.dataEvents('AWS::S3::Object')).toBe(50); // 50M / 100k * $0.10
    expect(use1.dataEvents('AWS::Lambda::Function')).toBe(10); // 10M / 100k * $0.10
    expect(use1.retainedLogs()).toBe(1.38); // 5 GB * 12 months * $0.023
    const apn1 = pricedIn('ap-northeast-1');
    expect(apn1.natGateway()).toBe(45.26); // 0.062 * 730
    expect(apn1.retainedLogs()).toBe(1.5); // 5 GB * 12 months * $0.025
    expect(apn1.label(['natGatewayPerHour'])).toBe('ap-northeast-1 prices');
  });

  it('a region the list does not hold is priced at us-east-1, and says so', () => {
    const unknown = pricedIn('xx-nowhere-9');
    expect(unknown.natGateway()).toBe(32.85);
    expect(unknown.label(['natGatewayPerHour'])).toBe('us-east-1 prices: none listed for xx-nowhere-9');
    expect(unknown.properties(32.85, 'NAT gateway hours', ['natGatewayPerHour'])).toMatchObject({ priceRegion: 'us-east-1' });
    // A region with some items listed names the ones that are not.
    const partial = pricedIn('eu-west-1');
    expect(partial.label(['natGatewayPerHour', 'natGatewayPerGb'])).toBe("eu-west-1 prices, NAT gateway data at us-east-1's: none listed for eu-west-1");
  });
});
