import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, Notification } from './engine/finding.js';
import type { AnyRule, RuleMeta } from './engine/rule.js';
import { runRules } from './engine/run.js';
import { errorText, walk } from './files/walk.js';
import type { Entity, SecretMatch } from './model/entities.js';
import { findSecrets } from './secrets/detect.js';
import { isSnapshotText, loadSnapshot } from './snapshot/load.js';
import { loadTemplate } from './template/load.js';
import { Resolver } from './template/resolve.js';
import { securityGroupsOf } from './template/security-groups.js';
import type { Template } from './template/template.js';

export interface ScanOptions {
  /** Files and folders to scan, relative to `cwd`. Folders are walked recursively. */
  paths: readonly string[];
  /** Root for relative paths in findings and SARIF. Defaults to `process.cwd()`. */
  cwd?: string;
  /** Rules to run. Defaults to the built-in catalog of `@mamori/rules`. */
  rules?: readonly AnyRule[];
  /** Template parameter values, as given at deploy time; they win over parameter defaults. */
  parameters?: Readonly<Record<string, string>>;
}

export interface ScanResult {
  /** Absolute path every `file` in the result is relative to. */
  root: string;
  /** Templates and account snapshots that were read, relative to `root`. */
  files: string[];
  /** The account snapshots among `files`. */
  snapshots?: string[];
  findings: Finding[];
  /** Problems with the run itself: unreadable or unparsable files, rules that failed. */
  notifications: Notification[];
  /** Metadata of the rules that ran. */
  rules: RuleMeta[];
}

/** Files larger than this are not templates CloudFormation would accept (1 MB) by a wide margin; skip rather than stall. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function loadBuiltinRules(): Promise<readonly AnyRule[]> {
  // A variable specifier keeps the catalog out of core's compile-time graph: the rules package
  // depends on core's types, and core only needs the catalog at run time.
  const specifier = '@mamori/rules';
  const mod = (await import(specifier)) as { rules: readonly AnyRule[] };
  return mod.rules;
}

/** Scans templates under `paths` and returns findings with their locations. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const root = path.resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? (await loadBuiltinRules());
  const display = (abs: string): string => path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
  const walked = await walk(options.paths, root);
  const notifications: Notification[] = walked.notifications.map((n) => (n.file ? { ...n, file: display(path.resolve(root, n.file)) } : n));
  const entities: Entity[] = [];
  const files: string[] = [];
  const snapshots: string[] = [];

  for (const { absPath, explicit } of walked.files) {
    const file = display(absPath);
    let text: string;
    try {
      const info = await stat(absPath);
      if (info.size > MAX_FILE_BYTES) {
        notifications.push({ level: 'warning', code: 'skipped', file, message: `Skipped: ${info.size} bytes is over the ${MAX_FILE_BYTES}-byte limit` });
        continue;
      }
      const bytes = await readFile(absPath);
      if (bytes.includes(0)) {
        if (explicit) notifications.push({ level: 'warning', code: 'skipped', file, message: 'Skipped: binary file' });
        continue;
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (err) {
      const message = err instanceof TypeError ? 'not valid UTF-8 text' : errorText(err);
      notifications.push({ level: 'error', code: 'read-error', file, message: `Cannot read file: ${message}` });
      continue;
    }
    if (isSnapshotText(text)) {
      const loaded = loadSnapshot(file, text, rules);
      notifications.push(...loaded.notifications);
      if (!loaded.snapshot) continue;
      files.push(file);
      snapshots.push(file);
      entities.push(...loaded.entities);
      continue;
    }
    const outcome = loadTemplate(file, text, explicit);
    notifications.push(...outcome.notifications);
    if (!outcome.template) continue;
    files.push(file);
    entities.push(...templateEntities(outcome.template, options.parameters));
  }

  const run = runRules(rules, entities);
  notifications.push(...run.notifications);
  return {
    root,
    files,
    ...(snapshots.length > 0 ? { snapshots } : {}),
    findings: sortFindings(run.findings),
    notifications,
    rules: rules.map(ruleMeta),
  };
}

export interface ScanTextOptions {
  /** Path shown in findings. */
  file: string;
  text: string;
  rules?: readonly AnyRule[];
  parameters?: Readonly<Record<string, string>>;
}

/** Scans one template or account snapshot given as text: for editors, tests and callers that hold content in memory. */
export async function scanText(options: ScanTextOptions): Promise<Pick<ScanResult, 'findings' | 'notifications'>> {
  const rules = options.rules ?? (await loadBuiltinRules());
  if (isSnapshotText(options.text)) {
    const loaded = loadSnapshot(options.file, options.text, rules);
    const run = runRules(rules, loaded.entities);
    return { findings: sortFindings(run.findings), notifications: [...loaded.notifications, ...run.notifications] };
  }
  const outcome = loadTemplate(options.file, options.text, true);
  if (!outcome.template) return { findings: [], notifications: outcome.notifications };
  const run = runRules(rules, templateEntities(outcome.template, options.parameters));
  return { findings: sortFindings(run.findings), notifications: [...outcome.notifications, ...run.notifications] };
}

/** Everything rules can read from one template. */
export function templateEntities(template: Template, parameters?: Readonly<Record<string, string>>): Entity[] {
  const resolver = new Resolver(template, parameters ? { parameters } : {});
  return [...securityGroupsOf(template, resolver), ...templateSecrets(template)];
}

const SECTION_NOUNS: Readonly<Record<string, string>> = {
  Parameters: 'parameter',
  Outputs: 'output',
  Mappings: 'mapping',
  Conditions: 'condition',
  Globals: 'globals',
};

function templateSecrets(template: Template): SecretMatch[] {
  return findSecrets(template.text).map((s) => {
    // The top-level section and entry holding the match, for messages and suppressions.
    const section = template.root.entries.find((e) => e.value.span[0] <= s.start && s.end <= e.value.span[1]);
    const entry = section?.value.kind === 'map' ? section.value.entries.find((e) => e.value.span[0] <= s.start && s.end <= e.value.span[1]) : undefined;
    const isResource = section?.key === 'Resources' && entry !== undefined;
    const noun = section ? SECTION_NOUNS[section.key] : undefined;
    const where = isResource ? `resource ${entry.key}` : noun && entry ? `${noun} ${entry.key}` : template.file;
    const logicalPath = isResource ? entry.key : section && entry ? `${section.key}/${entry.key}` : undefined;
    return {
      kind: 'Secret',
      id: `${template.file}#${s.hash}`,
      source: 'template',
      location: { ...template.index.location(s.start, s.end), ...(logicalPath ? { logicalPath } : {}) },
      displayName: where,
      secretType: s.type,
      redacted: s.redacted,
      hash: s.hash,
      evidence: s.evidence,
      where,
    };
  });
}

export function ruleMeta(rule: AnyRule): RuleMeta {
  const { entity: _entity, check: _check, ...meta } = rule;
  return meta;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
