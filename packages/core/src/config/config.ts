import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { Severity } from '../engine/rule.js';
import { MAX_FILE_BYTES, readInputText } from '../files/bounded.js';
import configSchema from '../schema/config.schema.json' with { type: 'json' };

export type RuleSetting = 'off' | Severity | { severity?: 'off' | Severity; options?: Record<string, unknown> };

export interface ConfigSuppression {
  rule: string;
  arn?: string;
  file?: string;
  resource?: string;
  reason: string;
}

/** The user's configuration, as validated against `schema/config.schema.json`. */
export interface MamoriConfig {
  rules?: Record<string, RuleSetting>;
  include?: string[];
  exclude?: string[];
  parameters?: string | Record<string, string | number | boolean>;
  suppressions?: ConfigSuppression[];
  plugins?: string[];
  declarativeRules?: string[];
}

export interface LoadedConfig {
  config: MamoriConfig;
  /** The file it came from; relative paths in it are relative to its folder. */
  file: string;
  dir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export const CONFIG_FILES = ['mamori.config.json', 'mamori.config.yaml', 'mamori.config.yml', 'mamori.config.mjs'] as const;

// Compiled on first use: most runs read no configuration file.
let validator: ValidateFunction<MamoriConfig> | undefined;

/** `rules.MAM101: must be equal to one of the allowed values`: errors name the key, not a JSON pointer. */
function describe(errors: readonly ErrorObject[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of errors) {
    // oneOf/anyOf summaries repeat what their branches said.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    const key = e.instancePath.slice(1).split('/').join('.') || '(top level)';
    const extra =
      e.keyword === 'additionalProperties'
        ? ` "${String(e.params.additionalProperty)}"`
        : e.keyword === 'enum'
          ? `: ${(e.params.allowedValues as unknown[]).join(', ')}`
          : '';
    const line = `${key}: ${e.message ?? 'is not valid'}${extra}`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines.join('; ');
}

export function validateConfig(file: string, value: unknown): MamoriConfig {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile<MamoriConfig>(configSchema);
  const validate = validator;
  if (!validate(value)) throw new ConfigError(file, describe(validate.errors ?? []));
  return value;
}

async function readConfigFile(file: string): Promise<MamoriConfig | undefined> {
  const base = path.basename(file);
  try {
    if (base === 'package.json') {
      const pkg = JSON.parse(readInputText(file, MAX_FILE_BYTES)) as { mamori?: unknown };
      return pkg.mamori === undefined ? undefined : validateConfig(file, pkg.mamori);
    }
    if (file.endsWith('.mjs')) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return validateConfig(file, mod.default);
    }
    return validateConfig(file, parse(readInputText(file, MAX_FILE_BYTES)));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'cannot be read');
  }
}

/**
 * The configuration that applies to `cwd`: the first `mamori.config.*` (or package.json with a
 * `mamori` key) found from `cwd` upward, as ESLint and Prettier look for theirs.
 */
export async function findConfig(cwd: string): Promise<LoadedConfig | undefined> {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of [...CONFIG_FILES, 'package.json']) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      const config = await readConfigFile(file);
      if (config) return { config, file, dir };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadConfig(file: string): Promise<LoadedConfig> {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new ConfigError(file, 'no such file');
  const config = await readConfigFile(abs);
  if (!config) throw new ConfigError(file, 'has no "mamori" key');
  return { config, file: abs, dir: path.dirname(abs) };
}
