import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix, Location, Log, PhysicalLocation, ReportingDescriptor, Result, Notification as SarifNotification } from 'sarif';
import { FINGERPRINT_KEY } from '../engine/fingerprint.js';
import { pascalCase, ruleHelpMarkdown, ruleHelpText } from '../engine/help.js';
import { ruleDescription, ruleTitle } from '../engine/localize.js';
import type { FindingFix } from '../fix/types.js';
import type { Finding, Notification, TemplatePlacement } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';
import type { ScanResult } from '../model/result.js';
import { severityRank } from '../model/severity.js';
import { PRICE_LIST } from '../pricing/prices.js';
import { INFORMATION_URI, ruleHelpUri, VERSION } from '../version.js';
import { jsonText } from './text.js';

export { FINGERPRINT_KEY };
export const SRCROOT = '%SRCROOT%';

/**
 * What GitHub code scanning accepts in one upload: more results, rules or tags in a run, or a larger
 * file, and the whole file is rejected.
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
export const GITHUB_SARIF_LIMITS = {
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  tagsPerRule: 20,
  /** The file's size once gzip-compressed, as the upload sends it. */
  gzipBytes: 10 * 1024 * 1024,
} as const;

/** Options of `toSarif`. */
export interface SarifOptions {
  /** `runAutomationDetails.id`: GitHub keeps one set of alerts per category. Defaults to `mamori/`. */
  category?: string;
  /**
   * At most this many results, the most severe: new and unsuppressed findings before the rest, then
   * errors, warnings and notes. A run notification says how many were left out. Unset, every
   * finding is written (a baseline needs them all).
   */
  maxResults?: number;
  /** At most this many tool notifications, errors first; with `maxResults` it defaults to 1,000. */
  maxNotifications?: number;
}

/** SARIF 2.1.0 as GitHub code scanning ingests it: relative URIs against `%SRCROOT%`, rule help, security-severity. */
export function toSarif(result: ScanResult, options: SarifOptions = {}): Log {
  const findings = options.maxResults === undefined ? result.findings : mostSevere(result.findings, options.maxResults);
  const maxNotifications = options.maxNotifications ?? (options.maxResults === undefined ? undefined : 1_000);
  const kept = maxNotifications === undefined ? result.notifications : mostSevereNotifications(result.notifications, maxNotifications);
  // Rules past GitHub's limit can only come from plugins or declarative rules: keep those findings use.
  const used = new Set(findings.map((f) => f.ruleId));
  const ruleMetas =
    options.maxResults !== undefined && result.rules.length > GITHUB_SARIF_LIMITS.rulesPerRun ? result.rules.filter((r) => used.has(r.id)) : result.rules;
  const ruleIndex = new Map(ruleMetas.map((r, i) => [r.id, i]));
  const lang = result.lang ?? 'en';
  const rules: ReportingDescriptor[] = ruleMetas.map((meta) => ({
    id: meta.id,
    name: pascalCase(meta.name),
    shortDescription: { text: ruleTitle(meta, lang) },
    fullDescription: { text: ruleDescription(meta, lang) },
    help: { text: ruleHelpText(meta, lang), markdown: ruleHelpMarkdown(meta, lang) },
    helpUri: ruleHelpUri(meta.name, lang),
    defaultConfiguration: { level: meta.severity },
    properties: {
      tags: [...new Set([...(meta.securitySeverity !== undefined ? ['security'] : []), meta.area, ...meta.tags])].slice(0, GITHUB_SARIF_LIMITS.tagsPerRule),
      precision: 'high',
      'problem.severity': meta.severity === 'note' ? 'recommendation' : meta.severity,
      ...(meta.securitySeverity !== undefined ? { 'security-severity': meta.securitySeverity.toFixed(1) } : {}),
    },
  }));

  const physical = physicalLocation(result.root);
  // An account's finding names its account in its properties and as a logical location, so that
  // results of many accounts merged in one run (`mamori merge`) stay apart.
  const accountOf = new Map((result.accounts ?? []).map((a) => [a.file, a]));
  const results: Result[] = findings.map((f) => {
    // A finding placed on its template is still its account's.
    const account = accountOf.get(f.placement?.live.file ?? f.location.file);
    const logical = [
      ...(f.location.logicalPath || f.location.arn ? [{ fullyQualifiedName: f.location.arn ?? f.location.logicalPath, kind: 'resource' }] : []),
      ...(account ? [{ name: account.accountId, fullyQualifiedName: `aws-account:${account.accountId}`, kind: 'namespace' }] : []),
    ];
    const properties = {
      ...f.properties,
      ...(account ? { accountId: account.accountId, ...(account.accountName !== undefined ? { accountName: account.accountName } : {}) } : {}),
    };
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: f.severity,
      message: { text: f.message },
      locations: [{ physicalLocation: physical(f.location), ...(logical.length > 0 ? { logicalLocations: logical } : {}) }],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind, status: 'accepted' as const, justification: f.suppression.justification }] } : {}),
      ...(f.baselineState ? { baselineState: f.baselineState } : {}),
      ...(f.fix?.replacements?.length ? { fixes: [sarifFix(result.root, f.fix)] } : {}),
      ...(f.placement ? { relatedLocations: [liveLocation(f, f.placement, physical)] } : {}),
      ...(f.properties || account || f.entity.stack ? { properties: { ...properties, ...stackProperties(f) } } : {}),
    };
  });

  const notifications: SarifNotification[] = kept.map((n) => notification(n, physical));
  const failed = result.notifications.some((n) => n.level === 'error');
  const leftOut = result.findings.length - findings.length;
  if (leftOut > 0) {
    notifications.push({
      level: 'warning',
      descriptor: { id: 'results-capped' },
      message: {
        text: `This file holds the ${n(findings.length)} most severe of ${n(result.findings.length)} results; ${n(leftOut)} were left out (GitHub code scanning takes at most ${n(GITHUB_SARIF_LIMITS.resultsPerRun)} results and 10 MB compressed in a run). The JSON and HTML reports (--format json, --format html) list every finding.`,
      },
    });
  }
  if (kept.length < result.notifications.length) {
    notifications.push({
      level: 'warning',
      descriptor: { id: 'notifications-capped' },
      message: {
        text: `${n(result.notifications.length - kept.length)} of ${n(result.notifications.length)} notifications about the scan were left out of this file (errors were kept first). The JSON report lists them all.`,
      },
    });
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mamori',
            fullName: 'mamori AWS security and cost linter',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // The language of the run's texts (SARIF's default, left implicit, is en-US).
        ...(lang !== 'en' ? { language: lang } : {}),
        automationDetails: { id: options.category ?? 'mamori/' },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.root.endsWith('/') ? result.root : `${result.root}/`).href } },
        invocations: [{ executionSuccessful: !failed, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results,
        // The list prices cost findings' `estimatedMonthlyCostUsd` is reckoned at (each finding's `costBasis` names the region's).
        properties: { priceListDate: PRICE_LIST.date, priceCurrency: PRICE_LIST.currency },
      },
    ],
  };
}

type Physical = (loc: Pick<SourceLocation, 'file'> & Partial<SourceLocation>) => PhysicalLocation;

/** An account finding's stack, and where it is placed: in the result's properties, for filters and dashboards. */
function stackProperties(f: Finding): Record<string, string> {
  const stack = f.entity.stack;
  if (!stack) return {};
  const p = f.placement;
  return {
    cloudformationStack: stack.name,
    cloudformationLogicalId: stack.logicalId,
    ...(stack.id ? { cloudformationStackId: stack.id } : {}),
    ...(p ? { templateState: p.state, liveArn: p.live.arn ?? f.entity.id, ...(p.region ? { liveRegion: p.region } : {}) } : {}),
    ...(p?.templateFingerprint ? { templateFingerprint: p.templateFingerprint } : {}),
  };
}

/** Where a placed account finding was seen: the snapshot value, named by the live resource's ARN. */
function liveLocation(f: Finding, p: TemplatePlacement, physical: Physical): Location {
  const arn = p.live.arn ?? f.entity.id;
  return {
    id: 1,
    physicalLocation: physical(p.live),
    logicalLocations: [{ fullyQualifiedName: arn, kind: 'resource' }],
    message: { text: `The live resource ${arn}${p.region ? ` in ${p.region}` : ''} (stack ${p.stack}, ${p.logicalId})` },
  };
}

/** A fix as SARIF writes it: one change to the finding's file, each replacement an exact region (empty for an insertion) and its new text. */
function sarifFix(root: string, fix: FindingFix): Fix {
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: artifact(root, fix.file),
        replacements: (fix.replacements ?? []).map((r) => ({
          deletedRegion: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn },
          insertedContent: { text: r.insertedContent },
        })),
      },
    ],
  };
}

function physicalLocation(root: string): Physical {
  return (loc) => {
    const region = loc.line !== undefined ? { region: regionOf(loc.line, loc.column, loc.endLine, loc.endColumn) } : {};
    return { artifactLocation: artifact(root, loc.file), ...region };
  };
}

/** Lines and columns are 1-based and a region never ends before it starts, whatever a location says. */
function regionOf(line: number, column = 1, endLine = line, endColumn = column + 1) {
  const whole = (n: number, min: number): number => (Number.isFinite(n) ? Math.max(min, Math.trunc(n)) : min);
  const startLine = whole(line, 1);
  const startColumn = whole(column, 1);
  const lastLine = whole(endLine, startLine);
  return { startLine, startColumn, endLine: lastLine, endColumn: whole(endColumn, lastLine === startLine ? startColumn : 1) };
}

function artifact(root: string, file: string): ArtifactLocation {
  // Paths outside the scan root cannot be relative to it; give them as absolute file URIs.
  if (file.startsWith('../') || file === '..' || path.isAbsolute(file)) return { uri: pathToFileURL(path.resolve(root, file)).href };
  // Each segment percent-encoded: a `#`, `?` or `:` in a file name is part of the name, not of the URI's syntax.
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function notification(n: Notification, physical: Physical): SarifNotification {
  const text = n.message.endsWith('.') ? n.message : `${n.message}.`;
  return {
    level: n.level,
    message: { text: n.file ? `${n.file}${n.line ? `:${n.line}:${n.column ?? 1}` : ''}: ${text}` : text },
    descriptor: { id: n.code },
    ...(n.ruleId ? { associatedRule: { id: n.ruleId } } : {}),
    ...(n.file ? { locations: [{ physicalLocation: physical({ file: n.file, ...(n.line ? { line: n.line, column: n.column ?? 1 } : {}) }) }] } : {}),
    // A notification about many files (binary files not checked) names each as a location.
    ...(!n.file && n.files?.length ? { locations: n.files.map((file) => ({ physicalLocation: physical({ file }) })) } : {}),
  };
}

const n = (count: number): string => count.toLocaleString('en-US');

/** The `max` findings that matter most, in their original order: active before suppressed or unchanged, then by level. */
function mostSevere(findings: readonly Finding[], max: number): readonly Finding[] {
  if (findings.length <= max) return findings;
  const rank = (f: Finding): number => (f.suppression || f.baselineState === 'unchanged' ? 3 : 0) + severityRank(f.severity);
  const order = findings.map((f, i) => [rank(f), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const keep = new Set(order.slice(0, Math.max(0, max)).map(([, i]) => i));
  return findings.filter((_, i) => keep.has(i));
}

function mostSevereNotifications(notifications: readonly Notification[], max: number): readonly Notification[] {
  if (notifications.length <= max) return notifications;
  const order = notifications.map((n, i) => [severityRank(n.level), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const keep = new Set(order.slice(0, Math.max(0, max)).map(([, i]) => i));
  return notifications.filter((_, i) => keep.has(i));
}

/**
 * SARIF text within every GitHub limit: at most `maxResults` results (default 25,000), fewer while
 * the gzip-compressed file would pass 10 MB, and characters a terminal would act on escaped.
 * `results` is how many it holds.
 */
export function fitSarif(result: ScanResult, options: SarifOptions = {}): { text: string; results: number } {
  let maxResults = options.maxResults ?? GITHUB_SARIF_LIMITS.resultsPerRun;
  let maxNotifications = options.maxNotifications ?? 1_000;
  for (;;) {
    const log = toSarif(result, { ...options, maxResults, maxNotifications });
    const text = `${jsonText(JSON.stringify(log, null, 2))}\n`;
    const results = log.runs[0]?.results?.length ?? 0;
    // Text under the limit fits compressed too (gzip adds a few bytes a block to what it cannot shrink).
    if (
      Buffer.byteLength(text) <= GITHUB_SARIF_LIMITS.gzipBytes * 0.99 ||
      process.getBuiltinModule('node:zlib').gzipSync(text).length <= GITHUB_SARIF_LIMITS.gzipBytes
    )
      return { text, results };
    if (maxResults === 0 && maxNotifications === 0) return { text, results };
    maxResults = Math.min(Math.floor(maxResults / 2), Math.floor(results / 2));
    maxNotifications = Math.floor(maxNotifications / 2);
  }
}
