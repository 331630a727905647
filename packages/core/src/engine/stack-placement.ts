import path from 'node:path';
import type { ConfigSuppression } from '../config/config.js';
import type { StackMapping } from '../config/resolve.js';
import { MAX_FILE_BYTES, readInputText } from '../files/bounded.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/lang.js';
import type { Entity } from '../model/entities.js';
import type { SettingSource } from '../model/entity.js';
import type { Finding, Notification } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';
import { extractEntities } from '../template/entities.js';
import { loadTemplate } from '../template/load.js';
import { templateSuppressions } from '../template/suppressions.js';
import type { Template } from '../template/types.js';
import { applyConfigSuppressions } from './config-suppressions.js';
import type { AnyRule, RuleMeta } from './rule.js';
import { runRules } from './run.js';
import { applyTemplateSuppressions, resourceOf } from './suppress.js';

/** What placing account findings on their templates needs from the scan. */
export interface PlacementContext {
  root: string;
  stacks: readonly StackMapping[];
  rules: readonly AnyRule[];
  ruleOptions: ReadonlyMap<string, Record<string, unknown>>;
  metas: ReadonlyMap<string, RuleMeta>;
  suppressions: readonly ConfigSuppression[];
  parameters?: Readonly<Record<string, string>>;
  wantsResources: boolean;
  region: string;
  lang: Lang;
  /** Templates the scan read, as shown: their findings are in the list given, and one absorbed into a live finding leaves it. */
  scanned: ReadonlySet<string>;
}

/** A mapped template as read once: its resources, entities, and the findings the rules give on it. */
interface MappedTemplate {
  shown: string;
  template: Template;
  entities: Entity[];
  findings: Finding[];
}

/**
 * Places each account finding on a resource CloudFormation made (its `entity.stack`), whose stack the
 * configuration maps to a template, on that template: at the template's own finding of the same rule
 * on the same logical id when there is one (then the two are one issue, and the template's finding is
 * not reported again), else at the resource (at the setting the rule reads, where the template writes
 * it), as drift. Its snapshot location stays as `placement.live`. A template that cannot be read, and
 * a logical id it does not have, are said in a warning; those findings stay on the snapshot.
 */
export function placeOnTemplates(findings: Finding[], notifications: Notification[], ctx: PlacementContext): Finding[] {
  const byTemplate = new Map<string, { mapping: StackMapping; findings: Finding[] }>();
  for (const f of findings) {
    const stack = f.entity.stack;
    if (!stack || f.placement) continue;
    const mapping = ctx.stacks.find((m) => m.matches(stack.name));
    if (!mapping) continue;
    const group = byTemplate.get(mapping.template) ?? { mapping, findings: [] };
    group.findings.push(f);
    byTemplate.set(mapping.template, group);
  }
  if (byTemplate.size === 0) return findings;
  const absorbed = new Set<Finding>();
  const fixed = new Set<Finding>();
  for (const [abs, { mapping, findings: live }] of [...byTemplate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const shown = display(ctx.root, abs);
    const mapped = readMapped(abs, shown, ctx, findings);
    if ('problem' in mapped) {
      notifications.push({
        level: 'warning',
        code: 'stack-mapping',
        file: shown,
        message: `Cannot place ${count(live.length, 'account finding')} of ${stackNames(live)} on the template the configuration maps ${quote(mapping.pattern)} to (${mapping.written}): ${mapped.problem}; ${live.length === 1 ? 'it stays' : 'they stay'} on the account snapshot`,
      });
      continue;
    }
    const missing = new Map<string, Finding[]>();
    for (const f of live) {
      const stack = f.entity.stack as NonNullable<Finding['entity']['stack']>;
      const resource = mapped.template.resources.get(stack.logicalId);
      if (!resource) {
        const key = `${stack.name}\u0000${stack.logicalId}`;
        missing.set(key, [...(missing.get(key) ?? []), f]);
        continue;
      }
      const same = mapped.findings.find((t) => t.ruleId === f.ruleId && resourceOf(t) === stack.logicalId);
      const seen = f.location;
      const region = f.entity.region;
      const where = region ? `${seen.arn ?? f.entity.id} (${region})` : (seen.arn ?? f.entity.id);
      const data = { stack: stack.name, logicalId: stack.logicalId, live: where };
      if (same) {
        if (ctx.scanned.has(shown)) absorbed.add(same);
        f.location = same.location;
        f.placement = {
          state: 'in-template',
          template: shown,
          stack: stack.name,
          logicalId: stack.logicalId,
          live: seen,
          templateFingerprint: same.fingerprint,
        };
        // Accepted in the template, accepted live: it is the same issue.
        if (!f.suppression && same.suppression) f.suppression = same.suppression;
        // The template's repair, once (two deployments of one template must not apply it twice), and
        // only to a template the scan was asked to read: `mamori fix` edits only those.
        if (!f.fix && same.fix && ctx.scanned.has(shown) && !fixed.has(same)) {
          f.fix = same.fix;
          fixed.add(same);
        }
        f.message += t(ctx.lang, 'placement.inTemplate', data);
      } else {
        f.location = settingLocation(mapped, f, stack.logicalId, ctx.rules) ?? resource.loc;
        f.placement = { state: 'drift', template: shown, stack: stack.name, logicalId: stack.logicalId, live: seen };
        f.message += t(ctx.lang, 'placement.drift', data);
      }
      if (region) f.placement.region = region;
    }
    for (const group of missing.values()) {
      const stack = (group[0] as Finding).entity.stack as NonNullable<Finding['entity']['stack']>;
      notifications.push({
        level: 'warning',
        code: 'stack-mapping',
        file: shown,
        message: `Stack ${quote(stack.name)} has a resource ${quote(stack.logicalId)} that this template (mapped to ${quote(mapping.pattern)} in the configuration) does not declare: ${count(group.length, 'account finding')} on it (${[...new Set(group.map((f) => f.location.arn ?? f.entity.id))].join(', ')}) ${group.length === 1 ? 'stays' : 'stay'} on the account snapshot; the stack may have been made from another version of the template`,
      });
    }
  }
  return absorbed.size === 0 ? findings : findings.filter((f) => !absorbed.has(f));
}

/** The mapped template read and checked: with the scan's findings on it when the scan read it, else its own. */
function readMapped(abs: string, shown: string, ctx: PlacementContext, findings: readonly Finding[]): MappedTemplate | { problem: string } {
  let text: string;
  try {
    text = readInputText(abs, MAX_FILE_BYTES);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { problem: code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err) };
  }
  const loaded = loadTemplate(shown, text, true, ctx.parameters ? { parameters: ctx.parameters } : {});
  if (!loaded.template) {
    const why = loaded.notifications.find((n) => n.level === 'error') ?? loaded.notifications[0];
    return { problem: `it cannot be read as a template${why ? ` (${why.line ? `line ${why.line}: ` : ''}${why.message})` : ''}` };
  }
  const template = loaded.template;
  const { entities } = extractEntities(template, ctx.parameters, ctx.wantsResources);
  if (ctx.scanned.has(shown)) return { shown, template, entities, findings: findings.filter((f) => f.location.file === shown && !f.placement) };
  // Not among the scanned files: checked here only to know what it shows, its own findings not reported.
  const own = runRules(ctx.rules, entities, ctx.ruleOptions, { region: ctx.region, lang: ctx.lang }).findings;
  const suppressions = templateSuppressions(template);
  if (suppressions.byResource.size > 0) applyTemplateSuppressions(own, ctx.metas, suppressions.byResource);
  if (ctx.suppressions.length > 0) applyConfigSuppressions(own, ctx.metas, ctx.suppressions);
  return { shown, template, entities, findings: own };
}

/** Where the template writes the first setting the rule reads on that resource, when it does. */
function settingLocation(mapped: MappedTemplate, f: Finding, logicalId: string, rules: readonly AnyRule[]): SourceLocation | undefined {
  const entity = mapped.entities.find((e) => e.kind === f.entity.kind && e.id === `${mapped.template.file}#${logicalId}`);
  if (!entity) return undefined;
  // Kinds say where a setting is written either way: `fieldLocations`, or `settingSources` (not where AWS's default applies).
  const sources = (entity as { settingSources?: Partial<Record<string, SettingSource>> }).settingSources;
  for (const field of rules.find((r) => r.id === f.ruleId)?.reads ?? []) {
    const name = String(field).split('.')[0] as string;
    const source = sources?.[name];
    const at = entity.fieldLocations?.[name] ?? (source && !source.defaulted ? source.location : undefined);
    if (at) return at;
  }
  return undefined;
}

function display(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
}

const quote = (s: string): string => `"${s}"`;
const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
const stackNames = (findings: readonly Finding[]): string =>
  `stack ${[...new Set(findings.map((f) => f.entity.stack?.name ?? ''))].sort().map(quote).join(', ')}`;
