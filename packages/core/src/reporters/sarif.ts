import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, PhysicalLocation, ReportingDescriptor, Result, Notification as SarifNotification } from 'sarif';
import type { Notification } from '../engine/finding.js';
import { pascalCase, ruleHelpMarkdown, ruleHelpText } from '../engine/help.js';
import type { SourceLocation } from '../model/location.js';
import type { ScanResult } from '../scan.js';
import { INFORMATION_URI, ruleHelpUri, VERSION } from '../version.js';

export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'mamoriFinding/v1';

export interface SarifOptions {
  /** `runAutomationDetails.id`: GitHub keeps one set of alerts per category. Defaults to `mamori/`. */
  category?: string;
}

/** SARIF 2.1.0 as GitHub code scanning ingests it: relative URIs against `%SRCROOT%`, rule help, security-severity. */
export function toSarif(result: ScanResult, options: SarifOptions = {}): Log {
  const ruleIndex = new Map(result.rules.map((r, i) => [r.id, i]));
  const rules: ReportingDescriptor[] = result.rules.map((meta) => ({
    id: meta.id,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: ruleHelpText(meta), markdown: ruleHelpMarkdown(meta) },
    helpUri: ruleHelpUri(meta.name),
    defaultConfiguration: { level: meta.severity },
    properties: {
      tags: [...new Set([...(meta.securitySeverity !== undefined ? ['security'] : []), meta.area, ...meta.tags])],
      precision: 'high',
      'problem.severity': meta.severity === 'note' ? 'recommendation' : meta.severity,
      ...(meta.securitySeverity !== undefined ? { 'security-severity': meta.securitySeverity.toFixed(1) } : {}),
    },
  }));

  const physical = physicalLocation(result.root);
  const results: Result[] = result.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: physical(f.location),
        ...(f.location.logicalPath || f.location.arn
          ? { logicalLocations: [{ fullyQualifiedName: f.location.arn ?? f.location.logicalPath, kind: 'resource' }] }
          : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind, status: 'accepted' as const, justification: f.suppression.justification }] } : {}),
    ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    ...(f.properties ? { properties: { ...f.properties } } : {}),
  }));

  const notifications: SarifNotification[] = result.notifications.map((n) => notification(n, physical));
  const failed = result.notifications.some((n) => n.level === 'error');

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
        automationDetails: { id: options.category ?? 'mamori/' },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.root.endsWith('/') ? result.root : `${result.root}/`).href } },
        invocations: [{ executionSuccessful: !failed, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

type Physical = (loc: Pick<SourceLocation, 'file'> & Partial<SourceLocation>) => PhysicalLocation;

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
