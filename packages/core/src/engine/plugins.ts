import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';
import { parse } from 'yaml';
import { MAX_FILE_BYTES, readInputText } from '../files/bounded.js';
import { wildcardMatcher } from '../files/glob.js';
import type { DeclarativeRule, DeclarativeRuleFile } from '../generated/declarative-rules.js';
import type { EntityKind } from '../model/entities.js';
import declarativeSchema from '../schema/declarative-rules.schema.json' with { type: 'json' };
import { placeholdersOf } from './localize.js';
import { PluginError } from './plugin-error.js';
import { type AnyRule, defineRule, type RuleContext, type RuleTranslation } from './rule.js';

export { PluginError } from './plugin-error.js';

function checkShape(source: string, rule: unknown, i: number): AnyRule {
  const r = rule as Partial<AnyRule> | undefined;
  const missing = (['id', 'name', 'title', 'description', 'severity', 'entity', 'messages'] as const).filter((k) => r?.[k] === undefined);
  if (!r || typeof r.check !== 'function' || missing.length > 0) {
    throw new PluginError(
      source,
      `rule ${r?.id ?? `#${i}`} is not a rule: ${missing.length > 0 ? `missing ${missing.join(', ')}` : 'check is not a function'}`,
    );
  }
  return { tags: [], compliance: {}, covers: {}, area: 'network', docs: { risk: r.description ?? '', fix: '' }, ...r } as AnyRule;
}

/**
 * Loads a plugin: an ES module exporting `rules` (an array of rules made with `defineRule`) or a
 * default export of such an array. `specifier` is a path (relative to `fromDir`) or a package name
 * resolved from `fromDir`, as ESLint resolves plugins.
 */
export async function loadPlugin(specifier: string, fromDir: string): Promise<AnyRule[]> {
  let url: string;
  try {
    const isPath = specifier.startsWith('.') || path.isAbsolute(specifier);
    url = pathToFileURL(isPath ? path.resolve(fromDir, specifier) : createRequire(path.join(fromDir, 'noop.js')).resolve(specifier)).href;
  } catch {
    throw new PluginError(specifier, `cannot be found from ${fromDir}`);
  }
  let mod: { rules?: unknown; default?: unknown };
  try {
    mod = (await import(url)) as typeof mod;
  } catch (err) {
    throw new PluginError(specifier, `cannot be loaded: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const list = mod.rules ?? (Array.isArray(mod.default) ? mod.default : (mod.default as { rules?: unknown } | undefined)?.rules);
  if (!Array.isArray(list)) throw new PluginError(specifier, 'exports no `rules` array (named or default)');
  return list.map((r, i) => checkShape(specifier, r, i));
}

// Created and compiled on first use: most runs load no declarative rules.
let shared: Ajv | undefined;
let compiledFile: ValidateFunction<DeclarativeRuleFile> | undefined;

/**
 * `pattern` and `patternProperties` in rule files run on RE2 (re2js): JavaScript's backtracking RegExp
 * can take minutes on a pattern such as `^(a+)+$`, and rule files come with the repository scanned.
 * RE2 has no lookaround or backreferences; a rule using them fails to load, naming the pattern.
 */
const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    let re: RE2JS;
    try {
      re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch (err) {
      throw new Error(
        `pattern ${JSON.stringify(pattern)} is not supported (${err instanceof Error ? err.message : String(err)}); patterns run in linear time, without lookaround or backreferences`,
      );
    }
    // ajv keys compiled patterns by their string form.
    return { test: (s: string) => re.test(s), toString: () => `/${pattern}/` };
  },
  { code: 'linearRegExp' },
);

function ajv(): Ajv {
  // No logger: ajv would print warnings (an unknown `format`) with text from the rule file on the console.
  shared ??= new Ajv({ allErrors: true, strict: false, logger: false, code: { regExp: linearRegExp } });
  return shared;
}

function fileValidator(): ValidateFunction<DeclarativeRuleFile> {
  compiledFile ??= ajv().compile<DeclarativeRuleFile>(declarativeSchema);
  return compiledFile;
}

function typeMatcher(types: string | string[]): (type: string) => boolean {
  return wildcardMatcher(types);
}

function problem(errors: readonly ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  if (!e) return 'does not match the rule';
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'Properties';
  const extra = e.keyword === 'required' ? '' : e.keyword === 'enum' ? `: ${(e.params.allowedValues as unknown[]).map(String).join(', ')}` : '';
  return `${where} ${e.message ?? 'is not valid'}${extra}`;
}

/** Compiles one declarative rule (its schema compiled once by ajv) into a rule the engine runs like any other. */
export function compileDeclarativeRule(source: string, d: DeclarativeRule): AnyRule {
  let validate: ValidateFunction;
  try {
    validate = ajv().compile(d.schema);
  } catch (err) {
    throw new PluginError(source, `rule ${d.id}: schema does not compile: ${err instanceof Error ? err.message : String(err)}`);
  }
  const meta = {
    id: d.id,
    name: d.name,
    title: d.title,
    description: d.description,
    severity: d.severity,
    ...(d.securitySeverity !== undefined ? { securitySeverity: d.securitySeverity } : {}),
    area: d.area ?? 'network',
    tags: d.tags ?? [],
    compliance: {},
    covers: {},
    docs: { risk: d.risk ?? d.description, fix: d.fix ?? 'See the rule description.' },
    messages: { violation: d.message },
    ...(d.ja ? { translations: { ja: declarativeJa(d.ja, d.message, source, d.id) } } : {}),
  };
  if (d.select.resourceType !== undefined) {
    const matches = typeMatcher(d.select.resourceType);
    return defineRule({
      ...meta,
      entity: 'Resource',
      check(resource, context) {
        if (!matches(resource.resourceType) || validate(resource.properties)) return;
        context.report({ messageId: 'violation', data: { name: resource.displayName, type: resource.resourceType, problem: problem(validate.errors) } });
      },
    });
  }
  const kind = d.select.entity as EntityKind;
  return {
    ...meta,
    entity: kind,
    check(entity: { displayName: string; kind: string }, context: RuleContext<'violation'>) {
      // The schema sees the entity's fields, not where it was read from.
      const { location: _l, fieldLocations: _f, ...fields } = entity as unknown as Record<string, unknown>;
      if (validate(fields)) return;
      context.report({ messageId: 'violation', data: { name: entity.displayName, type: entity.kind, problem: problem(validate.errors) } });
    },
  } as AnyRule;
}

/** Loads a YAML or JSON file of declarative rules, validated against `schema/declarative-rules.schema.json`. */
export async function loadDeclarativeRules(file: string): Promise<AnyRule[]> {
  let doc: unknown;
  try {
    doc = parse(readInputText(file, MAX_FILE_BYTES), { logLevel: 'error' });
  } catch (err) {
    throw new PluginError(file, `cannot be read: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const validateFile = fileValidator();
  if (!validateFile(doc)) {
    const e = validateFile.errors?.[0];
    throw new PluginError(file, `${e?.instancePath.slice(1).replace(/\//g, '.') || '(top level)'}: ${e?.message ?? 'is not valid'}`);
  }
  return doc.rules.map((d) => compileDeclarativeRule(file, d));
}

/** A declarative rule's Japanese texts as a translation; a message whose placeholders differ from the English one is an error, not a finding without its data. */
function declarativeJa(ja: NonNullable<DeclarativeRule['ja']>, message: string, source: string, id: string): RuleTranslation {
  if (ja.message !== undefined && placeholdersOf(ja.message).join() !== placeholdersOf(message).join()) {
    const list = (text: string): string =>
      placeholdersOf(text)
        .map((p) => `{{${p}}}`)
        .join(', ') || 'none';
    throw new PluginError(source, `rule ${id}: ja.message has the placeholders ${list(ja.message)}, the message ${list(message)}`);
  }
  const docs = { ...(ja.risk !== undefined ? { risk: ja.risk } : {}), ...(ja.fix !== undefined ? { fix: ja.fix } : {}) };
  return {
    ...(ja.title !== undefined ? { title: ja.title } : {}),
    ...(ja.description !== undefined ? { description: ja.description } : {}),
    ...(ja.message !== undefined ? { messages: { violation: ja.message } } : {}),
    ...(Object.keys(docs).length > 0 ? { docs } : {}),
  };
}
