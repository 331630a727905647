import { Ajv } from 'ajv';
import type { AnyRule, Severity } from '../engine/rule.js';
import { ConfigError, type MamoriConfig } from './config.js';

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

/** Applies `rules: { ... }` of the configuration: off, level overrides and validated options. */
export function configureRules(all: readonly AnyRule[], config: MamoriConfig | undefined, file = 'configuration'): ConfiguredRules {
  const settings = config?.rules ?? {};
  const byKey = new Map<string, AnyRule>();
  for (const r of all) {
    // Plugins and declarative rules must not take a built-in rule's id or name.
    if (byKey.has(r.id) || byKey.has(r.name)) throw new ConfigError(file, `two rules share the id or name ${byKey.has(r.id) ? r.id : r.name}`);
    byKey.set(r.id, r);
    byKey.set(r.name, r);
  }
  const severity = new Map<string, Severity | 'off'>();
  const options = new Map<string, Record<string, unknown>>();
  for (const [key, setting] of Object.entries(settings)) {
    const rule = byKey.get(key);
    if (!rule) throw new ConfigError(file, `rules.${key}: no such rule (see \`mamori rules\`)`);
    const level = typeof setting === 'string' ? setting : setting.severity;
    if (level) severity.set(rule.id, level);
    if (typeof setting === 'object' && setting.options) {
      if (!rule.optionsSchema) throw new ConfigError(file, `rules.${key}.options: ${rule.name} takes no options`);
      const validate = ajv().compile(rule.optionsSchema);
      if (!validate(setting.options)) {
        const detail = (validate.errors ?? [])
          .map((e) => `${e.instancePath.slice(1).replace(/\//g, '.') || 'options'} ${e.message ?? 'is not valid'}`)
          .join('; ');
        throw new ConfigError(file, `rules.${key}.options: ${detail}`);
      }
      options.set(rule.id, { ...(rule.defaultOptions ?? {}), ...setting.options });
    }
  }
  const rules: AnyRule[] = [];
  for (const rule of all) {
    const level = severity.get(rule.id);
    if (level === 'off') continue;
    rules.push(level ? ({ ...rule, severity: level } as AnyRule) : rule);
  }
  return { rules, options };
}
