import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSarif } from '@mamori/core';
import { FINGERPRINT_KEY } from '@mamori/core/internal';
import { scan } from '@mamori/rules';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { multitoolIssues, schemaErrors } from './sarif-validate.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the bundled examples', () => {
  it('every bad example has findings and no good example has any', async () => {
    const result = await scan({ paths: ['examples'], cwd: root });
    // The example account snapshot records one call that failed (a trail bucket owned elsewhere), as real ones do.
    expect(result.notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'not-evaluated',
        file: 'examples/snapshot/account.json',
        message: expect.stringMatching(/^s3 GetBucketLifecycleConfiguration for acme-legacy-trail-logs failed with AccessDenied/),
      }),
    ]);
    expect(result.snapshots).toEqual([
      'examples/snapshot/account.json',
      'examples/snapshot/sandbox-account.json',
      'examples/stack-mapping/shop-web-prod.snapshot.json',
    ]);
    const badFiles = result.files.filter((f) => f.includes('/bad/'));
    expect(badFiles.length).toBeGreaterThan(0);
    for (const f of badFiles)
      expect(
        result.findings.some((x) => x.location.file === f),
        f,
      ).toBe(true);
    expect(result.findings.filter((f) => f.location.file.includes('/good/'))).toEqual([]);
    // Each rule shows up in the examples at least once.
    expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(new Set(result.rules.map((r) => r.id)));
  });

  it('the example account snapshot shows each of its problems, by rule and ARN, and nothing else', async () => {
    const result = await scan({ paths: ['examples/snapshot/account.json'], cwd: root });
    const A = '480935273316';
    const ec2 = (region: string, what: string) => `arn:aws:ec2:${region}:${A}:${what}`;
    const trail = (region: string, name: string) => `arn:aws:cloudtrail:${region}:${A}:trail/${name}`;
    const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;
    const legacyMysql = `arn:aws:rds:eu-west-1:${A}:db:legacy-reporting-mysql`;
    const found = result.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.location.arn}`).sort();
    expect(found).toEqual(
      [
        // World-open SSH on ops-bastion; the legacy MySQL group admits an office range.
        `MAM101 sensitivePorts ${ec2('eu-west-1', 'security-group/sg-05d5c8b574f8a1c7f')}`,
        `MAM103 range ${ec2('eu-west-1', 'security-group/sg-0c1409fba12ba68f4')}`,
        // The shop's public ACL lets SSH (and RDP, through its high ports) in from anywhere; default ACLs, each used by subnets, allow everything.
        `MAM102 adminPorts ${ec2('eu-west-1', 'network-acl/acl-007d2a7dde236ce2f')}`,
        `MAM102 adminPorts ${ec2('eu-west-1', 'network-acl/acl-007d2a7dde236ce2f')}`,
        `MAM102 defaultAllTraffic ${ec2('eu-west-1', 'network-acl/acl-0288e17a6f1d3044b')}`,
        `MAM102 defaultAllTraffic ${ec2('us-east-1', 'network-acl/acl-02a0210b7d059c1fe')}`,
        `MAM102 defaultAllTraffic ${ec2('ap-northeast-1', 'network-acl/acl-0f6f160ccb492afea')}`,
        // A user with AdministratorAccess and billing-readonly attached directly, and an inline s3:* policy (not admin);
        // the admins group's AdministratorAccess (its member named), and an administrator policy nobody has yet (a note).
        `MAM201 awsManagedAdmin ${user('ken.tanaka')}`,
        `MAM201 awsManagedAdmin arn:aws:iam::${A}:group/admins`,
        `MAM201 adminStatement arn:aws:iam::${A}:policy/old-admin`,
        // partner-audit trusts any principal; org-deploy trusts any principal of the organization only.
        `MAM212 anyPrincipal arn:aws:iam::${A}:role/partner-audit`,
        // legacy-backup's last key use was a year ago; old-etl never signed in nor used its key.
        `MAM213 inactive ${user('legacy-backup')}`,
        `MAM213 neverActive ${user('old-etl')}`,
        `MAM202 managed ${user('ken.tanaka')}`,
        `MAM202 managed ${user('ken.tanaka')}`,
        `MAM202 inline ${user('ken.tanaka')}`,
        `MAM211 noMfa ${user('ken.tanaka')}`,
        `MAM209 unused ${user('legacy-backup')}`,
        `MAM209 neverUsed ${user('old-etl')}`,
        `MAM210 notRotated ${user('ci-deploy')}`,
        `MAM210 notRotated ${user('legacy-backup')}`,
        `MAM210 notRotated ${user('old-etl')}`,
        `MAM206 apiCall arn:aws:iam::${A}:root`,
        `MAM207 accessKey arn:aws:iam::${A}:root`,
        `MAM208 noMfa arn:aws:iam::${A}:root`,
        // shop-audit: single-region, no validation, all S3 data events, management events again, a bucket without lifecycle.
        `MAM501 singleRegion ${trail('eu-west-1', 'shop-audit')}`,
        `MAM502 off ${trail('eu-west-1', 'shop-audit')}`,
        `MAM703 allResources ${trail('eu-west-1', 'shop-audit')}`,
        `MAM704 duplicate ${trail('eu-west-1', 'shop-audit')}`,
        `MAM705 noLifecycle ${trail('eu-west-1', 'shop-audit')}`,
        // legacy-tokyo is stopped: reported as such, and it duplicates nothing while stopped.
        `MAM501 singleRegion ${trail('ap-northeast-1', 'legacy-tokyo')}`,
        `MAM503 stopped ${trail('ap-northeast-1', 'legacy-tokyo')}`,
        // The public, single-AZ, unencrypted MySQL instance; the Aurora cluster, in two zones and encrypted, and its members are clean.
        `MAM601 singleAz ${legacyMysql}`,
        `MAM602 public ${legacyMysql}`,
        `MAM603 unencrypted ${legacyMysql}`,
        // ops-bastion (running) and old-build-box (stopped) have no instance profile.
        `MAM401 instance ${ec2('eu-west-1', 'instance/i-0f9f980bc9f5e4a0b')}`,
        `MAM401 instance ${ec2('eu-west-1', 'instance/i-031b819769e1b5396')}`,
        // The carts cache is one Redis OSS node without failover; the sessions group fails over.
        `MAM606 disabled arn:aws:elasticache:eu-west-1:${A}:replicationgroup:shop-carts`,
        `MAM701 unattached ${ec2('eu-west-1', 'elastic-ip/eipalloc-048ed06827bc8ba73')}`,
        `MAM701 stoppedInstance ${ec2('eu-west-1', 'elastic-ip/eipalloc-0c39b449cd414d68a')}`,
        `MAM702 unused ${ec2('eu-west-1', 'natgateway/nat-0dcfb692d29afb0d9')}`,
        // An EC2 usage budget, which watches hours rather than money, and no billing alarm.
        `MAM706 none arn:aws:budgets::${A}:budget/*`,
        // The batch pool, scaled to zero, launches in one subnet; the shop's database subnets and load balancer span two zones.
        `MAM605 singleSubnetInZone arn:aws:autoscaling:eu-west-1:${A}:autoScalingGroup:4b7e2c91-0d3f-4a6e-9b18-5c2d7f3e8a41:autoScalingGroupName/shop-batch`,
      ].sort(),
    );
    const shopAudit = result.findings.find((f) => f.ruleId === 'MAM704');
    expect(shopAudit?.data).toMatchObject({ trail: 'shop-audit', first: 'org-management' });
    expect(result.findings.filter((f) => /:(db|cluster):orders-aurora/.test(f.location.arn ?? ''))).toEqual([]);
    // The bucket read was refused: only the lifecycle rule goes without its answer.
    expect(result.notifications.map((n) => n.message)).toEqual([
      's3 GetBucketLifecycleConfiguration for acme-legacy-trail-logs failed with AccessDenied (Access Denied); not evaluated: MAM705 cloudtrail-bucket-no-lifecycle',
    ]);
  });

  it('their SARIF is valid against the SARIF 2.1.0 schema and has what GitHub needs', async () => {
    const sarif = toSarif(await scan({ paths: ['examples'], cwd: root }));
    expect(schemaErrors(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run?.automationDetails?.id).toBe('mamori/');
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(rule.help?.markdown).toMatch(/## Fix/);
      if (rule.properties?.tags?.includes('cost')) expect(rule.properties?.['security-severity']).toBeUndefined();
      else {
        expect(rule.properties?.['security-severity']).toMatch(/^\d+\.\d$/);
        expect(rule.properties?.tags).toContain('security');
      }
    }
    for (const r of run?.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      expect(loc?.artifactLocation?.uri).toMatch(/^examples\//);
      expect(loc?.region).toEqual({
        startLine: expect.any(Number),
        startColumn: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
      });
      expect(r.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('sarif-multitool validate --rule-kind "Gh;Sarif" reports no error and no warning', async () => {
    const sarif = toSarif(await scan({ paths: ['examples'], cwd: root }));
    expect(multitoolIssues(sarif)).toEqual([]);
  });

  it('in Japanese, their SARIF says so in the run, gives the messages and titles in Japanese, and still validates', async () => {
    const en = await scan({ paths: ['examples'], cwd: root });
    const ja = await scan({ paths: ['examples'], cwd: root, lang: 'ja' });
    const sarif = toSarif(ja);
    const run = sarif.runs[0];
    expect(run?.language).toBe('ja');
    expect(toSarif(en).runs[0]?.language).toBeUndefined();
    // The same findings, each with its translated message.
    expect(ja.findings.map((f) => f.fingerprint)).toEqual(en.findings.map((f) => f.fingerprint));
    const results = run?.results ?? [];
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) expect(r.message.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(results.map((r) => r.message.text)).toContain('セキュリティグループ WebSecurityGroup は ::/0 からの RDP (3389/tcp) を許可しています。');
    // The rule help too: descriptions, risk and fix in Japanese, pointing at the Japanese docs page.
    const enRules = toSarif(en).runs[0]?.tool.driver.rules ?? [];
    for (const rule of run?.tool.driver.rules ?? []) {
      const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
      expect(rule.shortDescription?.text).toMatch(japanese);
      expect(rule.fullDescription?.text).toMatch(japanese);
      expect(rule.help?.markdown).toMatch(/## リスク\n[\s\S]*## 修正方法\n/);
      expect(rule.help?.text).toMatch(/\n\nリスク: [\s\S]*\n\n修正方法: /);
      expect(rule.helpUri).toBe(
        `https://github.com/mamori-dev/mamori/blob/main/docs/rules/ja/${rule.name?.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.md`,
      );
      const english = enRules.find((r) => r.id === rule.id);
      expect(english?.helpUri).toBe(rule.helpUri?.replace('/docs/rules/ja/', '/docs/rules/'));
      expect(english?.help?.markdown).toMatch(/## Risk\n[\s\S]*## Fix\n/);
    }
    expect(schemaErrors(sarif)).toEqual([]);
    expect(multitoolIssues(sarif)).toEqual([]);
  });

  it('a parse error becomes a toolExecutionNotification that still validates', async () => {
    const sarif = toSarif(await scan({ paths: ['examples', 'test/fixtures/broken-template.yaml'], cwd: root }));
    const invocation = sarif.runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications?.filter((n) => n.descriptor?.id !== 'not-evaluated')).toEqual([
      expect.objectContaining({
        level: 'error',
        descriptor: { id: 'parse-error' },
        locations: [
          {
            physicalLocation: expect.objectContaining({
              artifactLocation: { uri: 'test/fixtures/broken-template.yaml', uriBaseId: '%SRCROOT%' },
              region: expect.objectContaining({ startLine: 7 }),
            }),
          },
        ],
      }),
    ]);
    expect(schemaErrors(sarif)).toEqual([]);
    expect(multitoolIssues(sarif)).toEqual([]);
  });
});

describe('the stack mapping example', () => {
  const dir = path.join(root, 'examples/stack-mapping');

  it('its SARIF is what scanning it with its configuration writes, and places live findings on template lines', async () => {
    const { loadConfig } = await import('@mamori/core');
    const config = await loadConfig(path.join(dir, 'mamori.config.yaml'));
    const written = JSON.parse(readFileSync(path.join(dir, 'shop-web.sarif'), 'utf8')) as Log;
    const real = toSarif(await scan({ paths: ['shop-web.yaml', 'shop-web-prod.snapshot.json'], cwd: dir, config }));
    // The results and what the run says about itself, exactly; the rule catalog by id (its help text changes with every rule's docs).
    const [w, r] = [written.runs[0], real.runs[0]];
    expect(w?.results).toEqual(r?.results);
    expect(w?.invocations).toEqual(r?.invocations);
    expect(w?.automationDetails).toEqual(r?.automationDetails);
    expect(w?.tool.driver.rules?.map((x) => x.id)).toEqual(r?.tool.driver.rules?.map((x) => x.id));
    expect(w?.originalUriBaseIds).toBeUndefined();
    // The live SSH finding is on the template's CidrIp, the live group its related location.
    const ssh = r?.results?.find((x) => x.ruleId === 'MAM101');
    expect(ssh?.locations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'shop-web.yaml' }, region: { startLine: 24, startColumn: 19 } });
    expect(ssh?.relatedLocations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe(
      'arn:aws:ec2:eu-west-1:604839216570:security-group/sg-0a7e3c1d9b2f4e601',
    );
    expect(r?.results?.map((x) => [x.ruleId, x.properties?.templateState ?? null])).toEqual([
      ['MAM701', null],
      ['MAM101', 'in-template'],
      ['MAM602', 'drift'],
    ]);
    expect(schemaErrors(real)).toEqual([]);
    expect(multitoolIssues(real)).toEqual([]);
  });

  it("its README's sample output is what the command prints", async () => {
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const sample = /\$ mamori scan shop-web\.yaml shop-web-prod\.snapshot\.json\n([\s\S]*?)```/.exec(readme)?.[1];
    const { loadConfig, toStylish } = await import('@mamori/core');
    const config = await loadConfig(path.join(dir, 'mamori.config.yaml'));
    const printed = toStylish(await scan({ paths: ['shop-web.yaml', 'shop-web-prod.snapshot.json'], cwd: dir, config }), { color: false });
    expect(printed.startsWith(sample ?? 'missing')).toBe(true);
  });
});

describe('the library example', () => {
  it('scans with the security rules only and writes SARIF', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-library-'));
    try {
      const run = spawnSync(process.execPath, [path.join(root, 'examples/library/scan.mjs'), path.join(root, 'examples/templates/bad')], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/ error MAM101 Security group WebSecurityGroup allows SSH/);
      expect(run.stdout).not.toMatch(/ MAM7\d\d /);
      const sarif = JSON.parse(readFileSync(path.join(dir, 'mamori.sarif'), 'utf8')) as { runs: { automationDetails: { id: string } }[] };
      expect(sarif.runs[0]?.automationDetails.id).toBe('mamori/security');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
