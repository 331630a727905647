import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { MAX_FILE_BYTES, readInputText } from '../files/bounded.js';
import type { MamoriConfig } from '../generated/config.js';
import { ConfigError } from './error.js';

// The user's configuration, as validated against `schema/config.schema.json`: its types are generated from it.
export type { ConfigSuppression, MamoriConfig, RuleSetting } from '../generated/config.js';
export { ConfigError } from './error.js';

/** A configuration read from a file, with the file it came from (relative paths in it are relative to that file). */
export interface LoadedConfig {
  config: MamoriConfig;
  /** The file it came from; relative paths in it are relative to its folder. */
  file: string;
  dir: string;
}

/** The configuration file names `findConfig` looks for, in the order it tries them. */
export const CONFIG_FILES = ['mamori.config.json', 'mamori.config.yaml', 'mamori.config.yml', 'mamori.config.mjs'] as const;

/** How a configuration may be read when the repository it comes from is not trusted (a pull request in CI). */
export interface ConfigLoadOptions {
  /**
   * Load configurations that are code (`mamori.config.mjs`, or a `.js`, `.cjs` or `.ts` file given)
   * and the configuration's `plugins`. On by default; when off, either is an error naming the file,
   * and data configurations (JSON, YAML, a package.json key) and declarative rules still load.
   */
  allowCode?: boolean;
  /** Said after the refusal of code: what to set to allow it (the Action's `trust-config: true`). */
  codeHint?: string;
  /**
   * Folders the configuration and the files it names (`parameters`, `declarativeRules`) must be in,
   * symbolic links resolved; the search for a configuration stops at the one it starts in.
   */
  within?: readonly string[];
}

const CODE_EXTENSIONS = new Set(['.mjs', '.js', '.cjs', '.ts', '.mts', '.cts']);

function refuseCode(file: string, what: string, options: ConfigLoadOptions): void {
  if (options.allowCode !== false) return;
  throw new ConfigError(file, `${what}, and running code from the scanned files is turned off${options.codeHint ? `; ${options.codeHint}` : ''}`);
}

/** The real path of `file` (links resolved), or its own when it does not exist (a read will say so). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function checkWithin(file: string, shown: string, configFile: string, options: ConfigLoadOptions): void {
  const roots = options.within;
  if (!roots || roots.length === 0) return;
  const real = realPath(file);
  if (roots.some((root) => isInside(real, realPath(root)))) return;
  throw new ConfigError(
    configFile,
    `${shown} is outside ${roots.join(' and ')}${real !== path.resolve(file) ? ` (a link to ${real})` : ''}; only files there are read`,
  );
}

/** The checks a configuration's content gets before anything it names is loaded. */
function checkConfig(loaded: LoadedConfig, options: ConfigLoadOptions): LoadedConfig {
  const { config, file, dir } = loaded;
  if (config.plugins?.length) refuseCode(file, `plugins: ${config.plugins.join(', ')} would be loaded as code`, options);
  if (typeof config.parameters === 'string') checkWithin(path.resolve(dir, config.parameters), `parameters: ${config.parameters}`, file, options);
  for (const rules of config.declarativeRules ?? []) checkWithin(path.resolve(dir, rules), `declarativeRules: ${rules}`, file, options);
  for (const [stack, template] of Object.entries(config.stacks ?? {})) checkWithin(path.resolve(dir, template), `stacks.${stack}: ${template}`, file, options);
  return loaded;
}

async function readConfigFile(file: string, options: ConfigLoadOptions): Promise<MamoriConfig | undefined> {
  // The validator (and ajv) is loaded only when there is a configuration to check.
  const validateConfig = async (at: string, value: unknown): Promise<MamoriConfig> => (await import('./validate.js')).validateConfig(at, value);
  const base = path.basename(file);
  if (CODE_EXTENSIONS.has(path.extname(file).toLowerCase())) refuseCode(file, 'is JavaScript', options);
  checkWithin(file, 'the configuration', file, options);
  try {
    if (base === 'package.json') {
      const pkg = JSON.parse(readInputText(file, MAX_FILE_BYTES)) as { mamori?: unknown };
      return pkg.mamori === undefined ? undefined : await validateConfig(file, pkg.mamori);
    }
    if (file.endsWith('.mjs')) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return await validateConfig(file, mod.default);
    }
    // logLevel: yaml would print its warnings (an unknown tag, with its text) on the console.
    return await validateConfig(file, parse(readInputText(file, MAX_FILE_BYTES), { logLevel: 'error' }));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'cannot be read');
  }
}

/**
 * The configuration that applies to `cwd`: the first `mamori.config.*` (or package.json with a
 * `mamori` key) found from `cwd` upward, as ESLint and Prettier look for theirs.
 */
export async function findConfig(cwd: string, options: ConfigLoadOptions = {}): Promise<LoadedConfig | undefined> {
  let dir = path.resolve(cwd);
  const top = options.within?.map((root) => path.resolve(root)).find((root) => isInside(dir, root));
  for (;;) {
    for (const name of [...CONFIG_FILES, 'package.json']) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      const config = await readConfigFile(file, options);
      if (config) return checkConfig({ config, file, dir }, options);
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === top) return undefined;
    dir = parent;
  }
}

/** Reads and validates one configuration file (JSON, YAML or an ES module). Throws `ConfigError`. */
export async function loadConfig(file: string, options: ConfigLoadOptions = {}): Promise<LoadedConfig> {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new ConfigError(file, 'no such file');
  const config = await readConfigFile(abs, options);
  if (!config) throw new ConfigError(file, 'has no "mamori" key');
  return checkConfig({ config, file: abs, dir: path.dirname(abs) }, options);
}
