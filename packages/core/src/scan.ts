import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { configureRules } from './config/apply.js';
import type { LoadedConfig } from './config/config.js';
import { applyBaseline } from './engine/baseline.js';
import type { Finding, Notification } from './engine/finding.js';
import { loadDeclarativeRules, loadPlugin } from './engine/plugins.js';
import type { AnyRule, RuleMeta } from './engine/rule.js';
import { runRules } from './engine/run.js';
import { applyConfigSuppressions, applyTemplateSuppressions, templateSuppressions } from './engine/suppress.js';
import { readTemplateFile } from './files/read.js';
import { TEMPLATE_EXTENSIONS, walk } from './files/walk.js';
import type { Entity, ResourceEntity, SecretMatch } from './model/entities.js';
import { own } from './model/lookup.js';
import { decodeBase64Text } from './secrets/base64.js';
import { findSecrets } from './secrets/detect.js';
import { isSnapshotText, loadSnapshot } from './snapshot/load.js';
import { accessKeysOf } from './template/access-keys.js';
import { azSpansOf } from './template/az-spans.js';
import { cacheReplicationGroupsOf } from './template/cache.js';
import { elasticIpsOf, natGatewaysOf } from './template/cost-resources.js';
import { dbInstancesOf } from './template/databases.js';
import { TemplateGraph } from './template/graph.js';
import { instancesOf } from './template/instances.js';
import { LineIndex } from './template/line-index.js';
import { loadTemplate } from './template/load.js';
import { networkAclsOf } from './template/network-acls.js';
import { toPlain, walk as walkNodes } from './template/node.js';
import { loadParameters } from './template/parameters.js';
import { parametersOf, passwordsOf } from './template/passwords.js';
import { policiesOf } from './template/policies.js';
import { Resolver } from './template/resolve.js';
import { securityGroupsOf } from './template/security-groups.js';
import type { Template } from './template/template.js';
import { trailsOf } from './template/trails.js';
import { iamUsersOf } from './template/users.js';

export interface ScanOptions {
  /** Files and folders to scan, relative to `cwd`. Folders are walked recursively. */
  paths: readonly string[];
  /** Root for relative paths in findings and SARIF. Defaults to `process.cwd()`. */
  cwd?: string;
  /** Rules to run. Defaults to the built-in catalog of `@mamori/rules`. */
  rules?: readonly AnyRule[];
  /** Template parameter values, as given at deploy time; they win over parameter defaults and the configuration's. */
  parameters?: Readonly<Record<string, string>>;
  /** A configuration (see `findConfig`): rule levels and options, include/exclude globs, suppressions, parameters. */
  config?: LoadedConfig;
  /** Fingerprints of a previous run (`readBaseline`): findings in it are marked `unchanged` and not counted. */
  baseline?: ReadonlySet<string>;
  /** Plugin modules to load rules from, by path (relative to `cwd`) or package name; added to the configuration's. */
  plugins?: readonly string[];
  /**
   * Also check every other text file under the paths for AWS keys (as git-secrets and gitleaks do),
   * not only templates. On by default; `.gitignore`, binaries and files over 1 MiB are skipped.
   */
  secretsInAllFiles?: boolean;
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

export { MAX_FILE_BYTES } from './files/read.js';

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
  const config = options.config;
  const all = [...(options.rules ?? (await loadBuiltinRules())), ...(await extraRules(options, root))];
  const { rules, options: ruleOptions } = configureRules(all, config?.config, config?.file);
  const parameters = options.parameters ?? (config ? await configParameters(config) : undefined);
  const wantsResources = rules.some((r) => r.entity === 'Resource');
  const display = (abs: string): string => path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
  const allFiles = options.secretsInAllFiles !== false;
  const isTemplateCandidate = templateFilter(config);
  const walked = await walk(options.paths, root, allFiles ? notExcluded(config) : isTemplateCandidate);
  const notifications: Notification[] = walked.notifications.map((n) => (n.file ? { ...n, file: display(path.resolve(root, n.file)) } : n));
  const entities: Entity[] = [];
  const files: string[] = [];
  const suppressionsByFile = new Map<string, ReturnType<typeof templateSuppressions>['byResource']>();
  const snapshots: string[] = [];

  for (const { absPath, explicit } of walked.files) {
    const file = display(absPath);
    if (!isTemplateCandidate(absPath)) {
      entities.push(...(await textFileSecrets(absPath, file)));
      continue;
    }
    const read = await readTemplateFile(absPath, file, explicit);
    notifications.push(...read.notifications);
    if (read.text === undefined) continue;
    const text = read.text;
    if (isSnapshotText(text)) {
      const loaded = loadSnapshot(file, text, rules);
      notifications.push(...loaded.notifications);
      if (!loaded.snapshot) continue;
      files.push(file);
      snapshots.push(file);
      entities.push(...loaded.entities);
      continue;
    }
    const outcome = loadTemplate(file, text, explicit, parameters ? { parameters } : {});
    notifications.push(...outcome.notifications);
    if (!outcome.template) {
      // Other YAML and JSON (a Kubernetes manifest, a .env.json) can still hold keys.
      if (allFiles && outcome.notifications.length === 0) entities.push(...secretEntities(file, text));
      continue;
    }
    files.push(file);
    const extracted = extractEntities(outcome.template, parameters, wantsResources);
    entities.push(...extracted.entities);
    notifications.push(...extracted.notifications);
    const suppressions = templateSuppressions(outcome.template);
    notifications.push(...suppressions.notifications);
    if (suppressions.byResource.size > 0) suppressionsByFile.set(file, suppressions.byResource);
  }

  const run = runRules(rules, entities, ruleOptions);
  notifications.push(...run.notifications);
  const metas = new Map(rules.map((r) => [r.id, ruleMeta(r)]));
  for (const [file, byResource] of suppressionsByFile) {
    applyTemplateSuppressions(
      run.findings.filter((f) => f.location.file === file),
      metas,
      byResource,
    );
  }
  if (config?.config.suppressions) applyConfigSuppressions(run.findings, metas, config.config.suppressions);
  if (options.baseline) applyBaseline(run.findings, options.baseline);
  // The same inputs give the same report, whatever order the paths were given or listed in.
  return {
    root,
    files: files.sort(cmp),
    ...(snapshots.length > 0 ? { snapshots: snapshots.sort(cmp) } : {}),
    findings: sortFindings(run.findings),
    notifications: sortNotifications(notifications),
    rules: [...metas.values()],
  };
}

/** Rules from plugins and declarative rule files, checked for ids that collide with others. */
async function extraRules(options: ScanOptions, root: string): Promise<AnyRule[]> {
  const config = options.config;
  const out: AnyRule[] = [];
  for (const spec of config?.config.plugins ?? []) out.push(...(await loadPlugin(spec, config?.dir ?? root)));
  for (const spec of options.plugins ?? []) out.push(...(await loadPlugin(spec, root)));
  for (const file of config?.config.declarativeRules ?? []) out.push(...(await loadDeclarativeRules(path.resolve(config?.dir ?? root, file))));
  return out;
}

async function configParameters(config: LoadedConfig): Promise<Record<string, string> | undefined> {
  const p = config.config.parameters;
  if (p === undefined) return undefined;
  if (typeof p === 'string') return loadParameters(path.resolve(config.dir, p));
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));
}

function relativeTo(config: LoadedConfig, absPath: string): string {
  return path.relative(config.dir, absPath).split(path.sep).join('/');
}

/** Files the configuration's `exclude` globs (relative to its folder) leave in. */
function notExcluded(config: LoadedConfig | undefined): (absPath: string) => boolean {
  const exclude = config?.config.exclude;
  if (!config || !exclude?.length) return () => true;
  const exc = picomatch(exclude, { dot: true });
  return (absPath) => !exc(relativeTo(config, absPath));
}

/** Files read as templates: the configuration's `include` globs, else the template extensions; never an excluded one. */
function templateFilter(config: LoadedConfig | undefined): (absPath: string) => boolean {
  const include = config?.config.include;
  const inc = config && include?.length ? picomatch(include, { dot: true }) : undefined;
  const kept = notExcluded(config);
  return (absPath) => kept(absPath) && (inc && config ? inc(relativeTo(config, absPath)) : TEMPLATE_EXTENSIONS.has(path.extname(absPath).toLowerCase()));
}

/** Larger files are data, builds or media, not where keys get pasted. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** AWS keys in any other text file; binaries, undecodable and large files are passed over quietly. */
async function textFileSecrets(absPath: string, file: string): Promise<SecretMatch[]> {
  try {
    const info = await stat(absPath);
    if (info.size > MAX_TEXT_FILE_BYTES || info.size === 0) return [];
    const bytes = await readFile(absPath);
    if (bytes.subarray(0, 8192).includes(0)) return [];
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return secretEntities(file, text);
  } catch {
    return [];
  }
}

function secretEntities(file: string, text: string): SecretMatch[] {
  const matches = findSecrets(text);
  if (matches.length === 0) return [];
  const index = new LineIndex(file, text);
  return matches.map((s) => ({
    kind: 'Secret',
    id: `${file}#${s.hash}`,
    source: 'template',
    location: index.location(s.start, s.end),
    displayName: file,
    secretType: s.type,
    redacted: s.redacted,
    hash: s.hash,
    evidence: s.evidence,
    where: file,
  }));
}

export interface ScanTextOptions {
  /** Path shown in findings. */
  file: string;
  text: string;
  rules?: readonly AnyRule[];
  parameters?: Readonly<Record<string, string>>;
  /** Options by rule id, merged over each rule's defaults (unvalidated: see `configureRules` for user input). */
  ruleOptions?: Readonly<Record<string, Record<string, unknown>>>;
}

/** Scans one template or account snapshot given as text: for editors, tests and callers that hold content in memory. */
export async function scanText(options: ScanTextOptions): Promise<Pick<ScanResult, 'findings' | 'notifications'>> {
  const rules = options.rules ?? (await loadBuiltinRules());
  const ruleOptions = new Map(
    Object.entries(options.ruleOptions ?? {}).map(([id, o]) => [id, { ...(rules.find((r) => r.id === id)?.defaultOptions ?? {}), ...o }]),
  );
  if (isSnapshotText(options.text)) {
    const loaded = loadSnapshot(options.file, options.text, rules);
    const run = runRules(rules, loaded.entities, ruleOptions);
    return { findings: sortFindings(run.findings), notifications: [...loaded.notifications, ...run.notifications] };
  }
  const outcome = loadTemplate(options.file, options.text, true, options.parameters ? { parameters: options.parameters } : {});
  if (!outcome.template) return { findings: [], notifications: outcome.notifications };
  const extracted = extractEntities(
    outcome.template,
    options.parameters,
    rules.some((r) => r.entity === 'Resource'),
  );
  const run = runRules(rules, extracted.entities, ruleOptions);
  return {
    findings: sortFindings(run.findings),
    notifications: sortNotifications([...outcome.notifications, ...extracted.notifications, ...run.notifications]),
  };
}

/** Everything rules can read from one template. Generic `Resource` entities only when a rule selects them. */
export function templateEntities(template: Template, parameters?: Readonly<Record<string, string>>, withResources = false): Entity[] {
  const { entities, notifications } = extractEntities(template, parameters, withResources);
  const failed = notifications[0];
  if (failed) throw new Error(failed.message);
  return entities;
}

/**
 * The template's entities, each extractor guarded: one that fails on a strange template costs its
 * own entities in that file, reported as an error, never the other extractors or the other files.
 */
export function extractEntities(
  template: Template,
  parameters?: Readonly<Record<string, string>>,
  withResources = false,
): { entities: Entity[]; notifications: Notification[] } {
  const notifications: Notification[] = [];
  const guard = <T>(what: string, fallback: T, extract: () => T): T => {
    try {
      return extract();
    } catch (err) {
      notifications.push({
        level: 'error',
        code: 'internal-error',
        file: template.file,
        message: `Cannot read ${what} from this template (internal error: ${err instanceof Error ? err.message : String(err)}); rules on them were not evaluated here`,
      });
      return fallback;
    }
  };
  const resolver = new Resolver(template, parameters ? { parameters } : {});
  const graph = guard('resource references', undefined, () => new TemplateGraph(template));
  const { passwords, secretParameters } = guard('passwords', { passwords: [], secretParameters: new Map<string, string[]>() }, () =>
    passwordsOf(template, resolver),
  );
  const securityGroups = guard('security groups', [], () => securityGroupsOf(template, resolver));
  const withGraph = <T>(what: string, extract: (g: TemplateGraph) => T[]): T[] => (graph ? guard(what, [], () => extract(graph)) : []);
  const entities: Entity[] = [
    ...(withResources ? guard('resources', [], () => resourceEntities(template)) : []),
    ...securityGroups,
    ...withGraph('network ACLs', (g) => networkAclsOf(template, resolver, g)),
    ...withGraph('Elastic IPs', (g) => elasticIpsOf(template, resolver, g)),
    ...withGraph('NAT gateways', (g) => natGatewaysOf(template, resolver, g)),
    ...withGraph('trails', (g) => trailsOf(template, resolver, g)),
    ...withGraph('instances', (g) => instancesOf(template, resolver, g)),
    ...guard('hard-coded secrets', [], () => templateSecrets(template)),
    ...guard('IAM policies', [], () => policiesOf(template, resolver)),
    ...guard('IAM users', [], () => iamUsersOf(template, resolver)),
    ...guard('access keys', [], () => accessKeysOf(template, resolver)),
    ...passwords,
    ...guard('parameters', [], () => parametersOf(template, secretParameters)),
    ...guard('databases', [], () => dbInstancesOf(template, resolver, securityGroups)),
    ...guard('availability-zone spans', [], () => azSpansOf(template, resolver)),
    ...guard('ElastiCache replication groups', [], () => cacheReplicationGroupsOf(template, resolver)),
  ];
  return { entities, notifications };
}

function resourceEntities(template: Template): ResourceEntity[] {
  return [...template.resources.values()].map((res) => ({
    kind: 'Resource',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    logicalId: res.logicalId,
    resourceType: res.type,
    properties: (res.properties ? toPlain(res.properties) : {}) as Record<string, unknown>,
    ...(res.metadata ? { metadata: toPlain(res.metadata) as Record<string, unknown> } : {}),
  }));
}

const SECTION_NOUNS: Readonly<Record<string, string>> = {
  Parameters: 'parameter',
  Outputs: 'output',
  Mappings: 'mapping',
  Conditions: 'condition',
  Globals: 'globals',
};

function templateSecrets(template: Template): SecretMatch[] {
  return [...textSecrets(template), ...base64UserDataSecrets(template)];
}

function textSecrets(template: Template): SecretMatch[] {
  return findSecrets(template.text).map((s) => {
    // The top-level section and entry holding the match, for messages and suppressions.
    const section = template.root.entries.find((e) => e.value.span[0] <= s.start && s.end <= e.value.span[1]);
    const entry = section?.value.kind === 'map' ? section.value.entries.find((e) => e.value.span[0] <= s.start && s.end <= e.value.span[1]) : undefined;
    const isResource = section?.key === 'Resources' && entry !== undefined;
    const noun = section ? own(SECTION_NOUNS, section.key) : undefined;
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

/**
 * Keys in `UserData` written as a base64 literal, which the text search cannot see. The match has no
 * position of its own inside the encoding, so it is located at the whole value.
 */
function base64UserDataSecrets(template: Template): SecretMatch[] {
  const out: SecretMatch[] = [];
  const seen = new Set<number>();
  for (const res of template.resources.values()) {
    walkNodes(res.node, (node, path) => {
      if (path.at(-1) !== 'UserData' || node.kind !== 'scalar' || typeof node.value !== 'string' || seen.has(node.span[0])) return;
      // A loop body expanded several times is still one value in the file.
      seen.add(node.span[0]);
      const decoded = decodeBase64Text(node.value);
      if (decoded === undefined) return;
      const where = `base64-encoded user data of resource ${res.logicalId}`;
      for (const s of findSecrets(decoded)) {
        out.push({
          kind: 'Secret',
          id: `${template.file}#${s.hash}@${node.span[0]}`,
          source: 'template',
          location: { ...node.loc, logicalPath: `${res.logicalId}/${path.join('/')}` },
          displayName: where,
          secretType: s.type,
          redacted: s.redacted,
          hash: s.hash,
          evidence: s.evidence,
          where,
          encoding: 'base64',
        });
      }
    });
  }
  return out;
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

/** By file (general ones last), line, column, then code and text: an order that does not depend on the order of work. */
export function sortNotifications(notifications: Notification[]): Notification[] {
  const fileKey = (n: Notification): string => (n.file === undefined ? '\uffff' : n.file);
  return [...notifications].sort(
    (a, b) =>
      cmp(fileKey(a), fileKey(b)) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.ruleId ?? '', b.ruleId ?? '') ||
      cmp(a.message, b.message),
  );
}
