import { Ajv } from 'ajv';
import type { AnyRule } from '../engine/rule.js';
import { type ConfiguredRules, configureRulesWith, type OptionsCompiler } from './apply.js';
import type { MamoriConfig } from './config.js';

// Created on first use; this module is loaded only when a configuration sets rule options.
let shared: Ajv | undefined;

/** Compiles a rule's options schema with ajv. */
export const compileOptions: OptionsCompiler = (schema) => {
  shared ??= new Ajv({ allErrors: true, strict: false, useDefaults: false });
  return shared.compile(schema);
};

/**
 * Applies `rules: { ... }` of the configuration: off, level overrides and validated options. Every
 * problem (an unknown rule, with the one it may have meant; options a rule does not take) is in the one error.
 */
export function configureRules(all: readonly AnyRule[], config: MamoriConfig | undefined, file = 'configuration'): ConfiguredRules {
  return configureRulesWith(compileOptions, all, config, file);
}
