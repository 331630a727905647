import { describe, expect, it } from 'vitest';
import { monthly, usd } from './pricing.js';

describe('pricing', () => {
  it('formats dollars, keeping sub-cent prices exact', () => {
    expect(usd(3.65)).toBe('$3.65');
    expect(usd(0.005)).toBe('$0.005');
    expect(usd(0.045)).toBe('$0.045');
    expect(usd(20)).toBe('$20.00');
  });

  it('monthly figures follow from hourly prices over 730 hours', () => {
    expect(monthly.publicIpv4()).toBe(3.65); // 0.005 * 730
    expect(monthly.natGateway()).toBe(32.85); // 0.045 * 730
    expect(monthly.extraManagementCopy()).toBe(20); // 1M events / 100k * $2
    expect(monthly.dataEvents('AWS::S3::Object')).toBe(50); // 50M / 100k * $0.10
    expect(monthly.dataEvents('AWS::Lambda::Function')).toBe(10); // 10M / 100k * $0.10
    expect(monthly.retainedLogs()).toBe(1.38); // 5 GB * 12 months * $0.023
  });
});
