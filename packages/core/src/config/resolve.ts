import path from 'node:path';
import { ruleMeta } from '../engine/meta.js';
import { type AnyRule, type RuleMeta, ruleKinds } from '../engine/rule.js';
import { TEMPLATE_EXTENSIONS } from '../files/walk.js';
import type { Lang } from '../i18n/lang.js';
import { DEFAULT_PRICE_REGION } from '../pricing/prices.js';
import { loadParameters } from '../template/parameters.js';
import { configureRulesWith, setsRuleOptions } from './apply.js';
import type { ConfigSuppression, LoadedConfig } from './config.js';

/** Options of `scan`. */
export interface ScanOptions {
  /** Files and folders to scan, relative to `cwd`. Folders are walked recursively. */
  paths: readonly string[];
  /** Root for relative paths in findings and SARIF. Defaults to `process.cwd()`. */
  cwd?: string;
  /** Rules to run: the built-in catalog (the `rules` of @mamori/rules, whose `scan` passes them), a subset of it, or your own. */
  rules: readonly AnyRule[];
  /** Template parameter values, as given at deploy time; they win over parameter defaults and the configuration's. */
  parameters?: Readonly<Record<string, string>>;
  /** A configuration (see `findConfig`): rule levels and options, include/exclude globs, suppressions, parameters. */
  config?: LoadedConfig;
  /**
   * The region templates are deployed to (`RuleContext.region`): their cost findings use its list
   * prices. Wins over the configuration's `region`; without either, us-east-1. An account snapshot's
   * findings use the region each resource is in.
   */
  region?: string;
  /**
   * The language of the findings' messages and the reports: wins over the configuration's `lang`;
   * without either, English (`resolveLang` adds the locale of the environment, as the command does).
   */
  lang?: Lang;
  /**
   * Whether each fix gets the exact replacements that make it in its file (read again for them), as
   * SARIF, JSON and HTML show them; `false` leaves a fix's edits and description only, for reports
   * that show neither. Default: true.
   */
  fixReplacements?: boolean;
  /** Fingerprints of a previous run (`readBaseline`): findings in it are marked `unchanged` and not counted. */
  baseline?: ReadonlySet<string>;
  /** Plugin modules to load rules from, by path (relative to `cwd`) or package name; added to the configuration's. */
  plugins?: readonly string[];
  /**
   * Also check every other text file under the paths for AWS keys (as git-secrets and gitleaks do),
   * not only templates. On by default. Text is read as UTF-8, UTF-16 (with a byte-order mark) or
   * Windows-1252; a text file over 1 MiB (`MAX_TEXT_FILE_BYTES`) is named in a note, and binary files
   * in one note that lists them all (`files`).
   */
  secretsInAllFiles?: boolean;
  /**
   * Worker threads that read, parse and extract files alongside the calling thread: `0` reads them
   * all on the calling thread. By default (and with the `MAMORI_WORKERS` environment variable unset)
   * a scan of thousands of templates starts one per idle core. Results and their order are the same
   * either way.
   */
  workers?: number;
  /**
   * Keep each file's results in a cache file and reuse them while the file and the scan's settings
   * are unchanged, as ESLint's `cache`: results are the same as without it. The cache holds for one
   * version of mamori, one set of rules and options, configuration, parameters and region; any
   * change of them starts it afresh, as does a cache file that cannot be read or was not written by
   * mamori (`ScanResult.cache` says why).
   */
  cache?: boolean;
  /** The cache file (relative to `cwd`), or a folder to keep `.mamoricache` in; `.mamoricache` in `cwd` by default. */
  cacheLocation?: string;
  /**
   * How a file is known to be unchanged: `metadata` (default), by its size, modification and change
   * times and inode, and when they differ by its content's SHA-256; `content`, always by its
   * content's SHA-256 (for checkouts, where every file's times are new).
   */
  cacheStrategy?: 'metadata' | 'content';
}

/** Everything a scan needs from its options and configuration, settled before any file is read. */
export interface ResolvedScan {
  root: string;
  /** The rules that stay on (given, from plugins and declarative rule files), at their configured level. */
  rules: AnyRule[];
  /** Options per rule id: the rule's defaults merged with the configuration's. */
  ruleOptions: Map<string, Record<string, unknown>>;
  /** Metadata of those rules, by id. */
  metas: Map<string, RuleMeta>;
  parameters?: Readonly<Record<string, string>>;
  /** Every text file is checked for AWS keys, not only templates. */
  allFiles: boolean;
  /** Some rule reads every template resource as data. */
  wantsResources: boolean;
  /** Files the walk keeps: all but the excluded ones, or only templates when only templates are read. */
  walked: (absPath: string) => boolean;
  /** Files read as templates: the `include` globs, else the template extensions; never an excluded one. */
  isTemplate: (absPath: string) => boolean;
  suppressions: readonly ConfigSuppression[];
  baseline?: ReadonlySet<string>;
  /** The region of entities that do not know theirs: the option's, the configuration's, else us-east-1. */
  region: string;
  /** The language of messages and reports: the option's, the configuration's, else English. */
  lang: Lang;
  /** The configuration's `stacks`: the template each stack was made from, in the order written (the first match wins). */
  stacks?: readonly StackMapping[];
}

/** One entry of the configuration's `stacks`. */
export interface StackMapping {
  /** The stack name or glob, as written. */
  pattern: string;
  matches: (stackName: string) => boolean;
  /** The template's absolute path. */
  template: string;
  /** The template as written in the configuration (relative to it), for messages. */
  written: string;
}

/**
 * Settles the scan's configuration once: rules from plugins and declarative rule files, rule levels
 * and options, parameters, include/exclude and suppressions. Every error in it (a plugin that cannot
 * be loaded, an unknown rule, a parameter file that cannot be read) is thrown here, before any file is read.
 */
export async function resolveScan(options: ScanOptions): Promise<ResolvedScan> {
  const root = path.resolve(options.cwd ?? process.cwd());
  const config = options.config;
  const all = [...options.rules, ...(await extraRules(options, root))];
  // ajv, re2js and the plugin loader are loaded only when the configuration needs them.
  const compile = setsRuleOptions(config?.config) ? (await import('./options.js')).compileOptions : undefined;
  const { rules, options: ruleOptions } = configureRulesWith(compile, all, config?.config, config?.file);
  const parameters = options.parameters ?? (config ? await configParameters(config) : undefined);
  const allFiles = options.secretsInAllFiles !== false;
  const globs = config?.config.include?.length || config?.config.exclude?.length ? (await import('../files/glob.js')).globMatcher : undefined;
  const isTemplate = templateFilter(config, globs);
  const stacks = config?.config.stacks ? await stackMappings(config) : undefined;
  return {
    root,
    rules,
    ruleOptions,
    metas: new Map(rules.map((r) => [r.id, ruleMeta(r)])),
    ...(parameters ? { parameters } : {}),
    allFiles,
    wantsResources: rules.some((r) => ruleKinds(r).includes('Resource')),
    walked: allFiles ? notExcluded(config, globs) : isTemplate,
    isTemplate,
    suppressions: config?.config.suppressions ?? [],
    ...(options.baseline ? { baseline: options.baseline } : {}),
    region: options.region ?? config?.config.region ?? DEFAULT_PRICE_REGION,
    lang: options.lang ?? config?.config.lang ?? 'en',
    ...(stacks && stacks.length > 0 ? { stacks } : {}),
  };
}

/** The configuration's `stacks`, each glob compiled (a stack name has no `/`, so `*` matches any part of one). */
async function stackMappings(config: LoadedConfig): Promise<StackMapping[]> {
  const { globMatcher } = await import('../files/glob.js');
  return Object.entries(config.config.stacks ?? {}).map(([pattern, template]) => ({
    pattern,
    matches: /[*?[{]/.test(pattern) ? globMatcher(pattern) : (name: string) => name === pattern,
    template: path.resolve(config.dir, template),
    written: template,
  }));
}

/** Rules from plugins and declarative rule files (`configureRules` checks their ids against the others). */
async function extraRules(options: ScanOptions, root: string): Promise<AnyRule[]> {
  const config = options.config;
  const out: AnyRule[] = [];
  if (!config?.config.plugins?.length && !options.plugins?.length && !config?.config.declarativeRules?.length) return out;
  const { loadDeclarativeRules, loadPlugin } = await import('../engine/plugins.js');
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
type GlobMatcher = (globs: readonly string[]) => (path: string) => boolean;

function notExcluded(config: LoadedConfig | undefined, globMatcher: GlobMatcher | undefined): (absPath: string) => boolean {
  const exclude = config?.config.exclude;
  if (!config || !exclude?.length || !globMatcher) return () => true;
  const exc = globMatcher(exclude);
  return (absPath) => !exc(relativeTo(config, absPath));
}

/** Files read as templates: the configuration's `include` globs, else the template extensions; never an excluded one. */
function templateFilter(config: LoadedConfig | undefined, globMatcher: GlobMatcher | undefined): (absPath: string) => boolean {
  const include = config?.config.include;
  const inc = config && include?.length && globMatcher ? globMatcher(include) : undefined;
  const kept = notExcluded(config, globMatcher);
  return (absPath) => kept(absPath) && (inc && config ? inc(relativeTo(config, absPath)) : TEMPLATE_EXTENSIONS.has(path.extname(absPath).toLowerCase()));
}
