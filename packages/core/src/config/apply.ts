import type { AnyRule, Severity } from '../engine/rule.js';
import { ConfigError, type MamoriConfig } from './config.js';
import { didYouMean } from './suggest.js';

/** Rules with a configuration applied: those left on, at their configured level, with their options. */
export interface ConfiguredRules {
  /** The rules that stay on, with their configured level. */
  rules: AnyRule[];
  /** Options per rule id: the rule's defaults merged with the configuration's. */
  options: Map<string, Record<string, unknown>>;
}

/** What checking a rule's options needs of a JSON Schema validator: ajv's `compile`, in `options.ts`. */
export type OptionsCompiler = (schema: object) => OptionsValidator;
export interface OptionsValidator {
  (value: unknown): boolean;
  errors?: readonly { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }[] | null;
}

/** True when the configuration sets options of some rule, which then need a validator. */
export function setsRuleOptions(config: MamoriConfig | undefined): boolean {
  return Object.values(config?.rules ?? {}).some((s) => typeof s === 'object' && s.options !== undefined);
}

/**
 * Applies `rules: { ... }` of the configuration: off, level overrides and validated options. Every
 * problem (an unknown rule, with the one it may have meant; options a rule does not take) is in the one error.
 */
export function configureRulesWith(
  compile: OptionsCompiler | undefined,
  all: readonly AnyRule[],
  config: MamoriConfig | undefined,
  file = 'configuration',
): ConfiguredRules {
  const settings = config?.rules ?? {};
  const byKey = new Map<string, AnyRule>();
  const problems: string[] = [];
  for (const r of all) {
    // Plugins and declarative rules must not take a built-in rule's id or name.
    if (byKey.has(r.id) || byKey.has(r.name)) problems.push(`two rules share the id or name ${byKey.has(r.id) ? r.id : r.name}`);
    byKey.set(r.id, r);
    byKey.set(r.name, r);
  }
  const severity = new Map<string, Severity | 'off'>();
  const options = new Map<string, Record<string, unknown>>();
  for (const [key, setting] of Object.entries(settings)) {
    const rule = byKey.get(key);
    if (!rule) {
      const hint = didYouMean(key, byKey.keys());
      problems.push(`rules.${key}: no such rule (${hint ? `${hint} ` : ''}see \`mamori rules\`)`);
      continue;
    }
    const level = typeof setting === 'string' ? setting : setting.severity;
    if (level) severity.set(rule.id, level);
    if (typeof setting === 'object' && setting.options) {
      if (!rule.optionsSchema) {
        problems.push(`rules.${key}.options: ${rule.name} takes no options`);
        continue;
      }
      if (!compile) throw new Error('rule options need a validator');
      const validate = compile(rule.optionsSchema);
      if (!validate(setting.options)) {
        for (const e of validate.errors ?? []) {
          const option = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
          const where = `rules.${key}.options${e.instancePath.replace(/\//g, '.')}${option ? `.${option}` : ''}`;
          const hint = option ? didYouMean(option, Object.keys(rule.optionsSchema.properties)) : '';
          problems.push(option ? `${where}: unknown option${hint ? ` (${hint})` : ''}` : `${where}: ${e.message ?? 'is not valid'}`);
        }
        continue;
      }
      options.set(rule.id, { ...(rule.defaultOptions ?? {}), ...setting.options });
    }
  }
  if (problems.length > 0) throw new ConfigError(file, problems.join('; '));
  const rules: AnyRule[] = [];
  for (const rule of all) {
    const level = severity.get(rule.id);
    if (level === 'off') continue;
    rules.push(level ? ({ ...rule, severity: level } as AnyRule) : rule);
  }
  return { rules, options };
}
