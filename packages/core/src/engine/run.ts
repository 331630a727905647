import { describeFix } from '../fix/describe.js';
import type { Lang } from '../i18n/lang.js';
import type { Entity, EntityKind } from '../model/entities.js';
import type { Finding, Notification } from '../model/finding.js';
import { severityRank } from '../model/severity.js';
import { DEFAULT_PRICE_REGION } from '../pricing/prices.js';
import { ruleMessage } from './localize.js';
import { type AnyRule, type ReportDescriptor, type Rule, ruleKinds } from './rule.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
/** Rule messages split once at their placeholders: text, then key, placeholder as written and text, for each. */
const templates = new Map<string, readonly string[]>();

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  let parts = templates.get(template);
  if (!parts) {
    const split: string[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      split.push(template.slice(last, m.index), m[1] as string, m[0]);
      last = m.index + m[0].length;
    }
    split.push(template.slice(last));
    parts = split;
    // Rules have a few hundred messages; anything beyond is not kept.
    if (templates.size < 4096) templates.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 3) {
    const key = parts[i] as string;
    out += (key in data ? String(data[key]) : (parts[i + 1] as string)) + (parts[i + 2] as string);
  }
  return out;
}

/** What a run of the rules is given besides rules and their options. */
export interface RunSettings {
  /** `RuleContext.region`: the region of entities that do not know theirs. Defaults to us-east-1. */
  region?: string;
  /** The language of the messages: a rule's translation where it has one, else its English text. English by default. */
  lang?: Lang;
}

/** Runs every rule over the entities it selects. A rule that throws becomes an error notification, never a lost scan. */
export function runRules(
  rules: readonly AnyRule[],
  entities: readonly Entity[],
  /** Options per rule id, from the configuration; rules without an entry get their `defaultOptions`. */
  options: ReadonlyMap<string, Record<string, unknown>> = new Map(),
  settings: RunSettings = {},
): { findings: Finding[]; notifications: Notification[] } {
  const runner = ruleRunner(rules, options, settings);
  runner.run(entities);
  return { findings: runner.findings, notifications: runner.notifications };
}

/**
 * `runRules` in installments: entities given over several calls, in order, give the findings one
 * call with all of them gives. A scan checks each file's entities as it is read and keeps only the
 * findings.
 */
export function ruleRunner(
  rules: readonly AnyRule[],
  options: ReadonlyMap<string, Record<string, unknown>> = new Map(),
  settings: RunSettings = {},
): { run: (entities: readonly Entity[]) => void; findings: Finding[]; notifications: Notification[] } {
  const byKind = new Map<EntityKind, AnyRule[]>();
  for (const rule of rules) for (const kind of ruleKinds(rule)) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
  const findings: Finding[] = [];
  const notifications: Notification[] = [];
  const seen = new Map<string, number>();
  const region = settings.region ?? DEFAULT_PRICE_REGION;
  const lang = settings.lang ?? 'en';
  const undeclared = new Set<string>();
  const unfixableRule = (rule: AnyRule): void => {
    if (undeclared.has(rule.id)) return;
    undeclared.add(rule.id);
    notifications.push({
      level: 'warning',
      code: 'rule-error',
      ruleId: rule.id,
      message: `Rule ${rule.id} (${rule.name}) offers fixes without declaring fixable: true; its fixes are left out`,
    });
  };
  const run = (entities: readonly Entity[]): void => {
    for (const entity of entities) {
      for (const rule of byKind.get(entity.kind) ?? []) {
        const report = (reported: ReportDescriptor<string>): void => {
          const template = ruleMessage(rule, reported.messageId, lang);
          if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${reported.messageId}"`);
          const { plain: given, shown } = inLanguage(reported, lang);
          const mask = masker(entity.noEchoValues);
          const d = mask ? maskDescriptor(given, mask) : given;
          const at = d.location ?? entity.location;
          const location = mask && at.logicalPath ? { ...at, logicalPath: mask(at.logicalPath) } : at;
          const entityId = mask ? mask(entity.id) : entity.id;
          // From the masked values: a fingerprint of a NoEcho value could be searched back.
          const base = fingerprintOf(rule.id, location.file, entityId, d.messageId, d.data, d.volatile);
          // Two identical findings in one file (the same key pasted twice) still need distinct fingerprints.
          const n = seen.get(base) ?? 0;
          seen.set(base, n + 1);
          // Assigned in the order reports write them, without a spread object for each optional one: a large account has tens of thousands.
          const finding = {
            ruleId: rule.id,
            ruleName: rule.name,
            severity: d.level && severityRank(d.level) > severityRank(rule.severity) ? d.level : rule.severity,
            messageId: d.messageId,
            message: mask ? mask(formatMessage(template, shown ?? d.data)) : formatMessage(template, shown ?? d.data),
          } as Finding;
          if (d.data) finding.data = d.data;
          finding.location = location;
          const about: Finding['entity'] = { kind: entity.kind, id: entityId, displayName: mask ? mask(entity.displayName) : entity.displayName };
          const where = d.region ?? entity.region;
          if (entity.source === 'snapshot' && where !== undefined) about.region = where;
          if (entity.source === 'snapshot' && entity.stack) about.stack = entity.stack;
          finding.entity = about;
          finding.fingerprint = n === 0 ? base : `${base}:${n}`;
          if (d.properties) finding.properties = d.properties;
          if (d.fix && entity.source === 'template') {
            if (rule.fixable) finding.fix = { description: describeFix(d.fix, lang), edits: d.fix.edits, file: location.file };
            else unfixableRule(rule);
          }
          findings.push(finding);
        };
        try {
          const opts = options.get(rule.id) ?? rule.defaultOptions ?? {};
          (rule as Rule<typeof entity.kind, string>).check(entity as never, { report, options: opts, region, lang });
        } catch (err) {
          notifications.push({
            level: 'error',
            code: 'rule-error',
            ruleId: rule.id,
            file: entity.location.file,
            line: entity.location.line,
            column: entity.location.column,
            message: `Rule ${rule.id} (${rule.name}) failed on ${entity.displayName}: ${err instanceof Error ? err.message : String(err)}`,
          });
        }
      }
    }
  };
  return { run, findings, notifications };
}

const maskers = new WeakMap<readonly string[], ((text: string) => string) | undefined>();

/** Replaces each value with `****`: anywhere when it is 4 characters or more, else only as a whole word (a short value is often part of other words). */
function masker(values: readonly string[] | undefined): ((text: string) => string) | undefined {
  if (!values) return undefined;
  // The entities of one template share the list: one expression for all of their findings.
  if (!maskers.has(values)) maskers.set(values, buildMasker(values));
  return maskers.get(values);
}

function buildMasker(values: readonly string[]): ((text: string) => string) | undefined {
  const list = [...new Set(values.filter((v) => v !== ''))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return undefined;
  const pattern = new RegExp(list.map((v) => (v.length >= 4 ? escapeRegExp(v) : `(?<![A-Za-z0-9])${escapeRegExp(v)}(?![A-Za-z0-9])`)).join('|'), 'g');
  return (text) => text.replace(pattern, '****');
}

type PlainDescriptor = Omit<ReportDescriptor<string>, 'data'> & { data?: Record<string, string | number> };

/**
 * The descriptor with its `LocalizedText` values in English (for the fingerprint and `data`) and,
 * when there are any, the data of the message in `lang`.
 */
function inLanguage(d: ReportDescriptor<string>, lang: Lang): { plain: PlainDescriptor; shown?: Record<string, string | number> } {
  const data = d.data;
  if (!data || !Object.values(data).some((v) => typeof v === 'function')) return { plain: d as PlainDescriptor };
  const english: Record<string, string | number> = {};
  const local: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    english[k] = typeof v === 'function' ? v('en') : v;
    local[k] = typeof v === 'function' && lang !== 'en' ? v(lang) : (english[k] as string | number);
  }
  return { plain: { ...d, data: english }, shown: local };
}

function maskDescriptor(d: PlainDescriptor, mask: (text: string) => string): PlainDescriptor {
  const each = <V>(record: Record<string, V> | undefined, keep: (v: V) => boolean): Record<string, V | string> | undefined =>
    record &&
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => {
        const masked = keep(v) ? String(v) : mask(String(v));
        return [k, masked === String(v) ? v : masked];
      }),
    );
  const data = each(d.data, () => false) as Record<string, string | number> | undefined;
  const properties = each(d.properties, (v) => typeof v === 'boolean') as Record<string, string | number | boolean> | undefined;
  return { ...d, ...(data ? { data } : {}), ...(properties ? { properties } : {}) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fingerprintOf(
  ruleId: string,
  file: string,
  entityId: string,
  messageId: string,
  data: Record<string, string | number> = {},
  volatile: readonly string[] = [],
): string {
  const keys = Object.keys(data)
    .filter((k) => !volatile.includes(k))
    .sort();
  const payload = JSON.stringify([ruleId, file, entityId, messageId, keys.map((k) => [k, data[k]])]);
  // One call rather than a hash object per finding: tens of thousands of findings in a large account.
  // node:crypto is loaded with the first finding: a clean scan never needs it.
  return process.getBuiltinModule('node:crypto').hash('sha256', payload, 'hex').slice(0, 32);
}
