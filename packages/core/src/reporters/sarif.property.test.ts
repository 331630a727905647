import { rules } from '@mamori/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcSettings } from '../../../../test/property.js';
import { multitoolIssues, schemaErrors } from '../../../../test/sarif-validate.js';
import type { Finding, Notification, NotificationCode } from '../model/finding.js';
import { ruleMeta, type ScanResult } from '../scan.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { SRCROOT, toSarif } from './sarif.js';

const metas = rules.map(ruleMeta);
const CODES: NotificationCode[] = [
  'parse-error',
  'read-error',
  'path-not-found',
  'rule-error',
  'not-a-template',
  'skipped',
  'not-evaluated',
  'empty-file',
  'template-limit',
  'not-deployable',
  'internal-error',
];

// Text a report must carry safely: markup, URI syntax, quotes, control characters, any Unicode.
const hostile = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&amp;', '${x}', '%00', '\u0000', '\u202e', '\r\n', '`', "'");
const text = fc.oneof(
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  hostile,
  fc.tuple(fc.string({ maxLength: 10 }), hostile).map(([a, b]) => a + b),
);
const segment = fc.oneof(
  fc.constantFrom('templates', 'a b', 'x#y', 'q?r', 'p%20', 'ü', 'c:d', '[id]', "o'k", '@scope', 'a+b', 'résumé', '日本'),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..'),
);
const file = fc.oneof(
  { weight: 9, arbitrary: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `${s.join('/')}.yaml`) },
  { weight: 1, arbitrary: fc.constantFrom('../outside/t.yaml', '/abs/path/t.yaml') },
);
const position = fc.integer({ min: 1, max: 100_000 });

const finding: fc.Arbitrary<Finding> = fc
  .record({
    rule: fc.constantFrom(...metas),
    message: text,
    file,
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    logicalPath: fc.option(text, { nil: undefined }),
    arn: fc.option(fc.constant('arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1'), { nil: undefined }),
    fingerprint: fc.stringMatching(/^[0-9a-f]{32}$/),
    suppressed: fc.option(fc.record({ kind: fc.constantFrom('inSource' as const, 'external' as const), justification: text }), { nil: undefined }),
    baselineState: fc.option(fc.constantFrom('new' as const, 'unchanged' as const), { nil: undefined }),
    properties: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(text, fc.double(), fc.boolean()), { maxKeys: 3 }), { nil: undefined }),
  })
  .map((f) => ({
    ruleId: f.rule.id,
    ruleName: f.rule.name,
    severity: f.rule.severity,
    messageId: 'm',
    message: f.message,
    location: {
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.logicalPath !== undefined ? { logicalPath: f.logicalPath } : {}),
      ...(f.arn ? { arn: f.arn } : {}),
    },
    entity: { kind: 'SecurityGroup' as const, id: 'x', displayName: 'x' },
    fingerprint: f.fingerprint,
    ...(f.suppressed ? { suppression: { ...f.suppressed, via: 'mamori' } } : {}),
    ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    ...(f.properties ? { properties: f.properties } : {}),
  }));

const notification: fc.Arbitrary<Notification> = fc
  .record({
    level: fc.constantFrom('error' as const, 'warning' as const, 'note' as const),
    code: fc.constantFrom(...CODES),
    message: text,
    file: fc.option(file, { nil: undefined }),
    line: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    column: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    ruleId: fc.option(fc.constantFrom(...metas.map((m) => m.id)), { nil: undefined }),
  })
  .map((n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v !== undefined)) as unknown as Notification);

// The catalog's metadata is added in each property, not generated: a counterexample stays short enough to read.
const scanResult: fc.Arbitrary<Omit<ScanResult, 'rules'>> = fc.record({
  root: fc.constantFrom('/repo', '/tmp/with space/x', '/home/ü/ñ', '/r#1'),
  files: fc.array(file, { maxLength: 4 }),
  findings: fc.array(finding, { maxLength: 8 }),
  notifications: fc.array(notification, { maxLength: 5 }),
});
const withRules = (r: Omit<ScanResult, 'rules'>): ScanResult => ({ ...r, rules: metas });

describe('reports of any scan result', () => {
  it('the SARIF validates against the SARIF 2.1.0 schema, and names every file so it reads back', () => {
    fc.assert(
      fc.property(scanResult, (generated) => {
        const result = withRules(generated);
        const log = toSarif(result);
        expect(schemaErrors(log)).toEqual([]);
        const run = log.runs[0];
        expect(run?.results).toHaveLength(result.findings.length);
        expect(run?.invocations?.[0]?.executionSuccessful).toBe(!result.notifications.some((n) => n.level === 'error'));
        run?.results?.forEach((r, i) => {
          const wanted = result.findings[i]?.location.file ?? '';
          const artifact = r.locations?.[0]?.physicalLocation?.artifactLocation;
          // Resolved against the root as a consumer would: a `#`, `?` or `c:` in a name must stay part of the path.
          if (artifact?.uriBaseId === SRCROOT) expect(decodeURIComponent(new URL(artifact.uri ?? '', 'file:///root/').pathname)).toBe(`/root/${wanted}`);
          else expect(artifact?.uri).toMatch(/^file:\/\//);
          const region = r.locations?.[0]?.physicalLocation?.region;
          expect(region?.startLine).toBeGreaterThanOrEqual(1);
          expect(region?.endLine).toBeGreaterThanOrEqual(region?.startLine ?? 1);
        });
      }),
      fcSettings(150),
    );
  });

  it('SARIF, JSON and HTML are the same bytes for the same result, and HTML never carries markup from a message', () => {
    fc.assert(
      fc.property(scanResult, (generated) => {
        const result = withRules(generated);
        const copy = structuredClone(result);
        expect(JSON.stringify(toSarif(copy))).toBe(JSON.stringify(toSarif(result)));
        expect(toJson(copy)).toBe(toJson(result));
        const html = toHtml(result);
        expect(toHtml(copy)).toBe(html);
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img src=x');
      }),
      fcSettings(100),
    );
  });

  it('sarif-multitool validate finds nothing in generated logs', () => {
    // A few logs only: the multitool is a separate process and takes seconds. Messages as rules write them.
    const logs = fc.sample(
      scanResult.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, message: `${f.message || 'x'}.` })) })),
      { seed: 20261125, numRuns: 3 },
    );
    const [first, ...others] = logs.map((r) => toSarif(withRules(r)));
    if (!first) throw new Error('no log');
    expect(multitoolIssues({ ...first, runs: [...first.runs, ...others.flatMap((l) => l.runs)] })).toEqual([]);
  });
});
