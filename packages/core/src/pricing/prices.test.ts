import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcSettings } from '../../../../test/property.js';
import { DEFAULT_PRICE_REGION, dollars, formatUsd, PRICE_LIST, priceListWarning, pricesIn } from './prices.js';
import prices from './prices.json' with { type: 'json' };

describe('the price list', () => {
  it('holds, for every item, a us-east-1 price to fall back on, a source, and only positive prices of named regions', () => {
    for (const [item, byRegion] of Object.entries(prices.items)) {
      expect(byRegion, item).toHaveProperty(DEFAULT_PRICE_REGION);
      expect(PRICE_LIST.sources[item], item).toMatch(/^https:\/\//);
      for (const [region, price] of Object.entries(byRegion)) {
        expect(region).toMatch(/^[a-z]{2}(-[a-z]+)+-\d+$/);
        expect(price, `${item} ${region}`).toBeGreaterThan(0);
      }
    }
    expect(Number.isNaN(Date.parse(PRICE_LIST.date))).toBe(false);
  });

  it('names the items a region does not hold, priced at us-east-1', () => {
    expect(pricesIn('ap-northeast-1').fallback).toEqual([]);
    const unknown = pricesIn('xx-nowhere-1');
    expect(unknown.fallback).toEqual(Object.keys(prices.items));
    expect(unknown.prices).toEqual(pricesIn(DEFAULT_PRICE_REGION).prices);
  });

  it('warns once the list is over a year old, and not before', () => {
    const date = new Date(`${PRICE_LIST.date}T00:00:00Z`);
    const days = (n: number) => new Date(date.getTime() + n * 86_400_000);
    expect(priceListWarning(days(365))).toBeUndefined();
    expect(priceListWarning(days(400))).toBe(
      `the list prices of cost findings are from ${PRICE_LIST.date}, 400 days ago: run scripts/update-prices.mjs to bring them up to date`,
    );
  });
});

describe('amounts in US dollars', () => {
  const intl = (digits: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: digits });
  const cents = intl(2);
  const fine = intl(4);

  it.each([
    [3.65, '$3.65'],
    [1234.5, '$1,234.50'],
    [0.005, '$0.005'],
    [0.0245, '$0.0245'],
    [0.00005, '$0.0001'],
    [-0.001, '-$0.001'],
    [1e-7, '$0.00'],
    [1e21, '$1,000,000,000,000,000,000,000.00'],
  ])('%s is written %s', (n, text) => {
    expect(formatUsd(n)).toBe(text);
  });

  it('writes what the en-US currency format writes, rounding included (1.005 is $1.01 there, not 1.00 as toFixed has it)', () => {
    for (const n of [0, -0, 1.005, 2.675, 9.995, 99.995, 999999.995, 0.125, -1.005, 0.00015, 123456789.125, 1e20]) {
      expect(dollars(n, 2), String(n)).toBe(cents.format(n));
      expect(dollars(n, 4), String(n)).toBe(fine.format(n));
    }
    const amount = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 1000),
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 10_000 + 0.00005),
    );
    fc.assert(
      fc.property(amount, (n) => {
        const two = dollars(n, 2);
        const four = dollars(n, 4);
        if (two !== undefined) expect(two).toBe(cents.format(n));
        if (four !== undefined) expect(four).toBe(fine.format(n));
      }),
      fcSettings(2000),
    );
  });
});
