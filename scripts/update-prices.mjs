// Regenerates packages/core/src/pricing/prices.json from AWS's public price list files (the bulk
// "offer" files, no credentials needed): for each service, its region index, then each commercial
// region's offer file, read as CSV line by line (EC2's files are hundreds of megabytes; they are
// streamed, never held whole). Needs network access.
//
//   node scripts/update-prices.mjs [--regions us-east-1,ap-northeast-1] [--dry-run]
//
// A region whose file holds no price for an item is left out of that item: findings in it are then
// priced at us-east-1's and say so. Prices are on-demand list prices in USD, first tier.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = 'https://pricing.us-east-1.amazonaws.com';
const INDEX = `${HOST}/offers/v1.0/aws/index.json`;
const OUT = fileURLToPath(new URL('../packages/core/src/pricing/prices.json', import.meta.url));

/** A usage type with or without its region prefix (`APN1-NatGateway-Hours`; us-east-1 often has none). */
const usage = (name) => new RegExp(`^(?:[A-Z0-9]+-)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * The items, each from one or more offers (the first that has a price wins), by usage type, unit
 * and the factor from the list's unit to ours. Public IPv4 addresses are billed under AmazonVPC, and
 * appear in AmazonEC2 in some regions.
 */
const item = (offers, hint, unit, scale = 1, firstTier = false) => ({ offers, hint, usageType: usage(hint), unit, scale, firstTier });
export const ITEMS = {
  publicIpv4PerHour: item(['AmazonVPC', 'AmazonEC2'], 'PublicIPv4:InUseAddress', /^Hrs$/i),
  natGatewayPerHour: item(['AmazonEC2'], 'NatGateway-Hours', /^Hrs$/i),
  natGatewayPerGb: item(['AmazonEC2'], 'NatGateway-Bytes', /^GB$/i),
  // Additional copies of management events; the first copy is FreeEventsRecorded.
  cloudTrailManagementPer100k: item(['AWSCloudTrail'], 'PaidEventsRecorded', /^Events$/i, 100_000),
  cloudTrailDataPer100k: item(['AWSCloudTrail'], 'DataEventsRecorded', /^Events$/i, 100_000),
  // S3 Standard, the first 50 TB a month.
  s3StandardPerGbMonth: item(['AmazonS3'], 'TimedStorage-ByteHrs', /^GB-Mo$/i, 1, true),
};

const PAGES = {
  publicIpv4PerHour: 'https://aws.amazon.com/vpc/pricing/',
  natGatewayPerHour: 'https://aws.amazon.com/vpc/pricing/',
  natGatewayPerGb: 'https://aws.amazon.com/vpc/pricing/',
  cloudTrailManagementPer100k: 'https://aws.amazon.com/cloudtrail/pricing/',
  cloudTrailDataPer100k: 'https://aws.amazon.com/cloudtrail/pricing/',
  s3StandardPerGbMonth: 'https://aws.amazon.com/s3/pricing/',
};

/** Commercial regions only: GovCloud, China and the isolated partitions have price lists of their own terms. */
export function isCommercialRegion(region) {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) && !/^(us-gov|cn|us-iso|us-isob|eu-isoe)-/.test(region);
}

/** One CSV line of the price list (every field quoted, quotes doubled inside) into its fields. */
export function csvFields(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quoted field in: ${line.slice(0, 80)}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/**
 * The price of each wanted item in the lines of one offer CSV file: on-demand, USD, the usage type
 * and unit the item names (and the first tier where it says so). Lines come from any iterable of
 * strings, so a file is read as it streams. The header row is the one that starts with "SKU"; the
 * lines before it are the file's metadata.
 */
export async function pricesInCsv(lines, items) {
  let columns;
  const found = {};
  for await (const line of lines) {
    if (!columns) {
      if (line.startsWith('"SKU"')) columns = new Map(csvFields(line).map((name, i) => [name, i]));
      continue;
    }
    // Cheap test before the parse: most of an EC2 file is instance prices.
    if (!Object.values(items).some((wanted) => line.includes(wanted.hint))) continue;
    const f = csvFields(line);
    const get = (name) => f[columns.get(name) ?? -1] ?? '';
    if (get('TermType') !== 'OnDemand' || get('Currency') !== 'USD') continue;
    for (const [name, wanted] of Object.entries(items)) {
      if (!wanted.usageType.test(get('usageType')) || !wanted.unit.test(get('Unit'))) continue;
      if (wanted.firstTier && get('StartingRange') !== '0') continue;
      const price = Number(get('PricePerUnit')) * wanted.scale;
      // A free tier shows as a $0 row beside the paid one: the paid one is the list price.
      if (!Number.isFinite(price) || price <= 0) continue;
      found[name] = Math.max(found[name] ?? 0, Number(price.toPrecision(6)));
    }
  }
  if (!columns) throw new Error('no header row ("SKU", ...) in the price list file');
  return found;
}

async function json(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** The lines of a remote text file, as it streams. */
async function* remoteLines(url) {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  let rest = '';
  for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
    rest += chunk;
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  if (rest) yield rest;
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--regions') ? args[args.indexOf('--regions') + 1]?.split(',') : undefined;
  const dryRun = args.includes('--dry-run');
  const offers = (await json(INDEX)).offers;
  const byOffer = new Map();
  for (const [name, wanted] of Object.entries(ITEMS)) {
    for (const offer of wanted.offers) byOffer.set(offer, { ...byOffer.get(offer), [name]: wanted });
  }
  const items = Object.fromEntries(Object.keys(ITEMS).map((name) => [name, {}]));
  const sources = { priceList: INDEX };
  for (const [offer, wanted] of byOffer) {
    const regionIndexUrl = new URL(offers[offer]?.currentRegionIndexUrl ?? '', HOST).href;
    if (!offers[offer]?.currentRegionIndexUrl) throw new Error(`${INDEX} lists no offer ${offer}`);
    const regions = Object.values((await json(regionIndexUrl)).regions)
      .map((r) => ({ code: r.regionCode, url: new URL(r.currentVersionUrl.replace(/\.json$/, '.csv'), HOST).href }))
      .filter((r) => isCommercialRegion(r.code) && (!only || only.includes(r.code)))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const { code, url } of regions) {
      process.stderr.write(`${offer} ${code}\n`);
      const found = await pricesInCsv(remoteLines(url), wanted);
      for (const [name, price] of Object.entries(found)) {
        // The first offer an item names wins (AmazonVPC before AmazonEC2 for public IPv4).
        if (items[name][code] === undefined) items[name][code] = price;
      }
    }
    for (const name of Object.keys(wanted)) sources[name] ??= `${PAGES[name]} (${offer} offer, ${regionIndexUrl})`;
  }
  for (const [name, byRegion] of Object.entries(items)) {
    if (byRegion['us-east-1'] === undefined && !only) throw new Error(`no us-east-1 price found for ${name}: the price list format may have changed`);
    items[name] = Object.fromEntries(Object.entries(byRegion).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  const previous = JSON.parse(readFileSync(OUT, 'utf8'));
  const doc = { $comment: previous.$comment, date: new Date().toISOString().slice(0, 10), currency: 'USD', sources, items };
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (dryRun) process.stdout.write(text);
  else {
    writeFileSync(OUT, text);
    process.stderr.write(`wrote ${OUT}; review the change, then run the tests (a few prices are pinned)\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`update-prices: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
