import { Ajv } from 'ajv';
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

// Created on first use: only a configuration that sets rule options needs it.
let shared: Ajv | undefined;
function ajv(): Ajv {
  shared ??= new Ajv({ allErrors: true, strict: false, useDefaults: false });
  return shared;
}

/**
 * Applies `rules: { ... }` of the configuration: off, level overrides and validated options. Every
 * problem (an unknown rule, with the one it may have meant; options a rule does not take) is in the one error.
 */
export function configureRules(all: readonly AnyRule[], config: MamoriConfig | undefined, file = 'configuration'): ConfiguredRules {
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
      const validate = ajv().compile(rule.optionsSchema);
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
