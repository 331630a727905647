import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '@mamori/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multitoolIssues, schemaErrors } from '../../../../test/sarif-validate.js';
import { loadConfig } from '../config/config.js';
import type { Finding } from '../model/finding.js';
import { toSarif } from '../reporters/sarif.js';
import { scan } from '../scan.js';

// The worked example (examples/stack-mapping): the stack shop-web-prod made from shop-web.yaml, whose
// web security group is open to SSH in the template and live (one issue), whose database the template
// keeps private but is public live (drift), and whose address the template no longer declares.
const EXAMPLE = fileURLToPath(new URL('../../../../examples/stack-mapping/', import.meta.url));
const SG = 'arn:aws:ec2:eu-west-1:604839216570:security-group/sg-0a7e3c1d9b2f4e601';
const DB = 'arn:aws:rds:eu-west-1:604839216570:db:shop-web-prod-database-q7m2xk4vz9ab';
const EIP = 'arn:aws:ec2:eu-west-1:604839216570:elastic-ip/eipalloc-05c9e2f7a1b3d4086';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-stacks-'));
  for (const f of ['shop-web.yaml', 'shop-web-prod.snapshot.json', 'mamori.config.yaml']) cpSync(path.join(EXAMPLE, f), path.join(dir, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SNAPSHOT = 'shop-web-prod.snapshot.json';
const TEMPLATE = 'shop-web.yaml';

/** Scans with the example's configuration, another one, or none (`''`). */
async function scanWith(paths: string[], config?: string, lang?: 'ja') {
  if (config) writeFileSync(path.join(dir, 'mamori.config.yaml'), config);
  const loaded = config === '' ? undefined : await loadConfig(path.join(dir, 'mamori.config.yaml'));
  return scan({ paths, cwd: dir, rules, ...(loaded ? { config: loaded } : {}), ...(lang ? { lang } : {}) });
}

const byArn = (findings: readonly Finding[], arn: string) => findings.filter((f) => f.placement?.live.arn === arn || f.location.arn === arn);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('account findings placed on the template their stack was made from', () => {
  it('the same problem in the template and the account is one result, on the template line, with the live resource as its related location', async () => {
    const template = readFileSync(path.join(dir, TEMPLATE), 'utf8');
    const alone = await scanWith([TEMPLATE], '');
    const own = alone.findings.find((f) => f.ruleId === 'MAM101');
    // The CidrIp of the SSH ingress, two lines below its FromPort.
    expect(own?.location.line).toBe(lineOf(template, 'FromPort: 22') + 2);

    const result = await scanWith([TEMPLATE, SNAPSHOT]);
    const ssh = result.findings.filter((f) => f.ruleId === 'MAM101');
    // One, not the template's and the account's: the account's, where the template writes the problem.
    expect(ssh).toHaveLength(1);
    const [f] = ssh as [Finding];
    expect(f.location).toEqual(own?.location);
    expect(f.placement).toEqual({
      state: 'in-template',
      template: TEMPLATE,
      stack: 'shop-web-prod',
      logicalId: 'WebSecurityGroup',
      region: 'eu-west-1',
      templateFingerprint: own?.fingerprint,
      live: expect.objectContaining({ file: SNAPSHOT, arn: SG }),
    });
    expect(f.entity).toMatchObject({ id: SG, region: 'eu-west-1', stack: { name: 'shop-web-prod', logicalId: 'WebSecurityGroup' } });
    expect(f.message).toMatch(
      /^Security group sg-0a7e3c1d9b2f4e601 .* allows SSH .*Stack shop-web-prod, resource WebSecurityGroup: the template shows the same problem here/,
    );

    const sarif = toSarif(result);
    const r = sarif.runs[0]?.results?.find((x) => x.ruleId === 'MAM101');
    expect(r?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(TEMPLATE);
    expect(r?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(own?.location.line);
    expect(r?.relatedLocations).toEqual([
      expect.objectContaining({
        id: 1,
        physicalLocation: expect.objectContaining({ artifactLocation: { uri: SNAPSHOT, uriBaseId: '%SRCROOT%' } }),
        logicalLocations: [{ fullyQualifiedName: SG, kind: 'resource' }],
      }),
    ]);
    expect(r?.properties).toMatchObject({
      cloudformationStack: 'shop-web-prod',
      cloudformationLogicalId: 'WebSecurityGroup',
      templateState: 'in-template',
      liveArn: SG,
      liveRegion: 'eu-west-1',
      templateFingerprint: own?.fingerprint,
    });
    expect(schemaErrors(sarif)).toEqual([]);
    expect(multitoolIssues(sarif)).toEqual([]);
  });

  it('a problem the template does not show is drift, placed on the setting the rule reads where the template writes it', async () => {
    const template = readFileSync(path.join(dir, TEMPLATE), 'utf8');
    const result = await scanWith([TEMPLATE, SNAPSHOT]);
    const [f] = byArn(result.findings, DB);
    expect(f?.ruleId).toBe('MAM602');
    expect(f?.location).toMatchObject({ file: TEMPLATE, line: lineOf(template, 'PubliclyAccessible: false') });
    expect(f?.placement).toMatchObject({ state: 'drift', logicalId: 'Database', live: expect.objectContaining({ arn: DB }) });
    expect(f?.placement?.templateFingerprint).toBeUndefined();
    expect(f?.message).toMatch(
      /the template does not show this problem; the live resource .*db:shop-web-prod-database-q7m2xk4vz9ab \(eu-west-1\) has drifted from it\.$/,
    );
    expect(toSarif(result).runs[0]?.results?.find((x) => x.ruleId === 'MAM602')?.properties).toMatchObject({ templateState: 'drift', liveArn: DB });
  });

  it('a logical id the template does not declare is said in a warning, and its findings stay on the snapshot', async () => {
    const result = await scanWith([TEMPLATE, SNAPSHOT]);
    const [f] = byArn(result.findings, EIP);
    expect(f?.location.file).toBe(SNAPSHOT);
    expect(f?.placement).toBeUndefined();
    expect(result.notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'stack-mapping',
        file: TEMPLATE,
        message: expect.stringContaining(
          'Stack "shop-web-prod" has a resource "BastionAddress" that this template (mapped to "shop-web-*" in the configuration) does not declare',
        ),
      }),
    ]);
  });

  it('without a mapping nothing moves: the template and the account each report theirs, the account findings naming their stack', async () => {
    const result = await scanWith([TEMPLATE, SNAPSHOT], '');
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.file}`).sort()).toEqual([
      `MAM101 ${SNAPSHOT}`,
      `MAM101 ${TEMPLATE}`,
      `MAM602 ${SNAPSHOT}`,
      `MAM701 ${SNAPSHOT}`,
    ]);
    expect(result.findings.filter((f) => f.location.file === SNAPSHOT).map((f) => f.entity.stack?.logicalId)).toEqual([
      'WebSecurityGroup',
      'BastionAddress',
      'Database',
    ]);
    expect(result.findings.some((f) => f.placement)).toBe(false);
    expect(result.notifications).toEqual([]);
  });

  it('a template the scan does not read is still checked to place the findings, without reporting its own', async () => {
    const result = await scanWith([SNAPSHOT]);
    expect(result.files).toEqual([SNAPSHOT]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.file} ${f.placement?.state ?? '-'}`).sort()).toEqual([
      `MAM101 ${TEMPLATE} in-template`,
      `MAM602 ${TEMPLATE} drift`,
      `MAM701 ${SNAPSHOT} -`,
    ]);
  });

  it('a stack the configuration does not name, or a glob that matches no stack, leaves the findings where they are', async () => {
    const result = await scanWith([TEMPLATE, SNAPSHOT], 'stacks:\n  shop-api-*: shop-web.yaml\n  shop-web: shop-web.yaml\n');
    expect(result.findings.some((f) => f.placement)).toBe(false);
    expect(result.findings).toHaveLength(4);
  });

  it('the first entry that matches is used', async () => {
    const result = await scanWith([SNAPSHOT], 'stacks:\n  shop-web-prod: missing.yaml\n  shop-web-*: shop-web.yaml\n');
    expect(result.findings.some((f) => f.placement)).toBe(false);
    expect(result.notifications.map((n) => n.code)).toEqual(['stack-mapping']);
  });

  it('a mapped template that does not exist or is not a template is said in a warning; the findings stay on the snapshot', async () => {
    const missing = await scanWith([SNAPSHOT], 'stacks:\n  shop-web-*: templates/gone.yaml\n');
    expect(missing.findings.every((f) => f.location.file === SNAPSHOT && !f.placement)).toBe(true);
    expect(missing.notifications).toEqual([
      {
        level: 'warning',
        code: 'stack-mapping',
        file: 'templates/gone.yaml',
        message:
          'Cannot place 3 account findings of stack "shop-web-prod" on the template the configuration maps "shop-web-*" to (templates/gone.yaml): no such file; they stay on the account snapshot',
      },
    ]);
    writeFileSync(path.join(dir, 'broken.yaml'), 'Resources:\n  A: [unclosed\n');
    const broken = await scanWith([SNAPSHOT], 'stacks:\n  shop-web-*: broken.yaml\n');
    expect(broken.findings.every((f) => !f.placement)).toBe(true);
    expect(broken.notifications[0]?.message).toMatch(/^Cannot place 3 account findings .*: it cannot be read as a template \(line \d+: /);
  });

  it('a template finding accepted in the template leaves the one issue accepted', async () => {
    const template = readFileSync(path.join(dir, TEMPLATE), 'utf8').replace(
      '  WebSecurityGroup:\n    Type: AWS::EC2::SecurityGroup\n',
      '  WebSecurityGroup:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n      mamori:\n        suppress:\n          - rule: MAM101\n            reason: SSH through the office VPN only\n',
    );
    writeFileSync(path.join(dir, TEMPLATE), template);
    const result = await scanWith([TEMPLATE, SNAPSHOT]);
    const ssh = result.findings.filter((f) => f.ruleId === 'MAM101');
    expect(ssh).toHaveLength(1);
    expect(ssh[0]?.suppression).toMatchObject({ kind: 'inSource', justification: 'SSH through the office VPN only' });
  });

  it("one issue keeps the template finding's repair, for SARIF fixes and mamori fix", async () => {
    const template = readFileSync(path.join(dir, TEMPLATE), 'utf8').replace('PubliclyAccessible: false', 'PubliclyAccessible: true');
    writeFileSync(path.join(dir, TEMPLATE), template);
    const result = await scanWith([TEMPLATE, SNAPSHOT]);
    const db = result.findings.filter((f) => f.ruleId === 'MAM602');
    expect(db).toHaveLength(1);
    expect(db[0]?.placement?.state).toBe('in-template');
    expect(db[0]?.fix?.file).toBe(TEMPLATE);
    expect(db[0]?.fix?.replacements?.[0]).toMatchObject({ startLine: lineOf(template, 'PubliclyAccessible: true'), insertedContent: 'false' });
    expect(toSarif(result).runs[0]?.results?.find((r) => r.ruleId === 'MAM602')?.fixes).toHaveLength(1);
    // A template the scan was not asked to read is not offered for editing.
    const unscanned = await scanWith([SNAPSHOT]);
    expect(unscanned.findings.find((f) => f.ruleId === 'MAM602')?.placement?.state).toBe('in-template');
    expect(unscanned.findings.find((f) => f.ruleId === 'MAM602')?.fix).toBeUndefined();
  });

  it('says so in Japanese too', async () => {
    const result = await scanWith([TEMPLATE, SNAPSHOT], undefined, 'ja');
    expect(byArn(result.findings, DB)[0]?.message).toMatch(
      /スタック shop-web-prod のリソース Database: テンプレートにはこの問題がなく、.*ドリフトしています。$/,
    );
    expect(result.findings.find((f) => f.ruleId === 'MAM101')?.message).toMatch(/同じ 1 件の問題です。$/);
  });
});
