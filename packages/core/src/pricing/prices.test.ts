import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_REGION, formatUsd, PRICE_LIST, priceListWarning, pricesIn } from './prices.js';
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

describe('formatUsd for a locale', () => {
  it('writes dollars as Intl does for the locale, never converted', () => {
    // What Intl (ICU) writes for USD in ja-JP: the $ sign, as in en-US (US$ is what other locales, en-CA or es, give).
    expect(formatUsd(1234.5, 'ja-JP')).toBe(new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(1234.5));
    expect(formatUsd(1234.5, 'ja-JP')).toBe('$1,234.50');
    expect(formatUsd(0.0245, 'ja-JP')).toBe('$0.0245');
    expect(formatUsd(3.65, 'de-DE')).toBe('3,65\u00a0$');
    expect(formatUsd(3.65)).toBe('$3.65');
  });
});
