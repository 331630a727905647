import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { GlobError, globSource } from '../files/glob-source.js';
import type { MamoriConfig } from '../generated/config.js';
import configSchema from '../schema/config.schema.json' with { type: 'json' };
import { ConfigError } from './error.js';
import { didYouMean } from './suggest.js';

// Compiled on first use: most runs read no configuration file.
let validator: ValidateFunction<MamoriConfig> | undefined;

/** A key path as the user wrote it (`rules.MAM101`, `suppressions.0.reason`), not a JSON pointer. */
const keyPath = (pointer: string): string => pointer.slice(1).split('/').join('.');

/**
 * One line for each problem, each naming its key: `rules.MAM101: must be equal to one of the allowed
 * values: off, error, warning, note`; an unknown option is named, with the option it may have meant.
 */
function describe(errors: readonly ErrorObject[]): string[] {
  const lines = new Set<string>();
  const summaries = new Set(['oneOf', 'anyOf']);
  // Something more precise said about the same value or within it.
  const saidBetter = (e: ErrorObject): boolean =>
    errors.some(
      (o) =>
        o !== e && !summaries.has(o.keyword) && o.keyword !== 'type' && (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)),
    );
  for (const e of errors) {
    // oneOf/anyOf summaries repeat what their branches said.
    if (summaries.has(e.keyword)) continue;
    // Of a `oneOf` of a level or `{ severity, options }`: the branch the value is not shaped like says nothing useful.
    if (e.keyword === 'type' && saidBetter(e)) continue;
    if (e.keyword === 'enum' && typeof e.data === 'object' && e.data !== null && saidBetter(e)) continue;
    if (e.keyword === 'additionalProperties') {
      const option = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = didYouMean(option, known);
      lines.add(`${keyPath(`${e.instancePath}/${option}`)}: unknown option${hint ? ` (${hint})` : ''}`);
      continue;
    }
    const extra = e.keyword === 'enum' ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : '';
    lines.add(`${keyPath(e.instancePath) || '(top level)'}: ${e.message ?? 'is not valid'}${extra}`);
  }
  return [...lines];
}

/** Checks a configuration against `schema/config.schema.json`, and its globs; every problem found is in the one error. */
export function validateConfig(file: string, value: unknown): MamoriConfig {
  // verbose: an unknown option's error carries the schema, whose options a suggestion is picked from.
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile<MamoriConfig>(configSchema);
  const validate = validator;
  const valid = validate(value);
  const problems = [...(valid ? [] : describe(validate.errors ?? [])), ...globProblems(value)];
  if (problems.length > 0) throw new ConfigError(file, problems.join('; '));
  return value as MamoriConfig;
}

/** A glob that cannot be read is an error naming its key now, not a failure halfway through the scan. */
function globProblems(config: unknown): string[] {
  const c = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const globs: [string, unknown][] = [
    ...list(c.include).map((g, i): [string, unknown] => [`include.${i}`, g]),
    ...list(c.exclude).map((g, i): [string, unknown] => [`exclude.${i}`, g]),
    ...list(c.suppressions).map((s, i): [string, unknown] => [`suppressions.${i}.file`, (s as { file?: unknown } | null)?.file || undefined]),
    ...Object.keys(typeof c.stacks === 'object' && c.stacks !== null ? c.stacks : {}).map((g): [string, unknown] => [`stacks.${g}`, g]),
  ];
  const problems: string[] = [];
  for (const [key, glob] of globs) {
    if (typeof glob !== 'string') continue;
    try {
      globSource(glob.startsWith('!') ? glob.slice(1) : glob);
    } catch (err) {
      if (err instanceof GlobError) problems.push(`${key}: ${err.message}`);
      else throw err;
    }
  }
  return problems;
}
