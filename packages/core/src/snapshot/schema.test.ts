import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import compiledAhead from '../generated/snapshot.validate.js';
import { snapshotSchema, validateSnapshot } from './schema.js';

const generated = compiledAhead as unknown as ValidateFunction;

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** Every account snapshot the repository holds: the examples and the rules' fixtures. */
function snapshots(): [string, unknown][] {
  const files = [
    ...readdirSync(path.join(repo, 'examples/snapshot')).map((f) => path.join(repo, 'examples/snapshot', f)),
    ...readdirSync(path.join(repo, 'packages/rules/src/rules')).flatMap((rule) => {
      const dir = path.join(repo, 'packages/rules/src/rules', rule, 'fixtures');
      try {
        return readdirSync(dir)
          .filter((f) => f.startsWith('snapshot.'))
          .map((f) => path.join(dir, f));
      } catch {
        return [];
      }
    }),
  ];
  return files.map((f) => [path.relative(repo, f), JSON.parse(readFileSync(f, 'utf8'))]);
}

describe('the snapshot validator compiled ahead of time', () => {
  // The same schema compiled now, with the options the generator uses: what the generated code must agree with.
  const fresh = new Ajv2020({ allErrors: true, strict: false }).compile(snapshotSchema());
  const docs = snapshots();

  it('is checked against every snapshot in the repository', () => {
    expect(docs.length).toBeGreaterThanOrEqual(20);
  });

  it.each(docs)('accepts %s, as the schema does', (_file, doc) => {
    expect(fresh(doc)).toBe(true);
    expect(validateSnapshot(doc)).toEqual([]);
  });

  it.each(docs)('gives the errors the schema gives once %s is broken', (_file, doc) => {
    const broken = structuredClone(doc) as Record<string, unknown>;
    delete broken.collectedAt;
    const regional = broken.regional as Record<string, Record<string, unknown>>;
    const region = Object.keys(regional)[0];
    if (region) regional[region] = { ...regional[region], ec2: { DescribeAddresses: { Addresses: [{ PublicIp: 7 }] } } };
    expect(fresh(broken)).toBe(false);
    expect(generated(broken)).toBe(false);
    expect(generated.errors).toEqual(fresh.errors);
    expect(validateSnapshot(broken).map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('missing required property "collectedAt"'),
        expect.stringContaining('.ec2.DescribeAddresses.Addresses[0].PublicIp'),
      ]),
    );
  });
});
