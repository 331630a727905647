import { ENTITY_SLICES } from '../entities/index.js';
import type { EntitySlice, TemplateInput } from '../entities/slice.js';
import type { Entity, EntityKind, EntityMap } from '../model/entities.js';
import type { Notification } from '../model/finding.js';
import { own } from '../model/lookup.js';
import { append } from '../util/append.js';
import { type CfnNode, walk as walkNodes } from './parsing/node.js';
import { TemplateGraph } from './resolution/graph.js';
import { Resolver } from './resolution/resolve.js';
import type { Template } from './types.js';

/** Everything rules can read from one template. Generic `Resource` entities only when a rule selects them. */
export function templateEntities(template: Template, parameters?: Readonly<Record<string, string>>, withResources = false): Entity[] {
  const { entities, notifications } = extractEntities(template, parameters, withResources);
  // Warnings and notes about the template (a rule CloudFormation would refuse) leave the entities whole.
  const failed = notifications.find((n) => n.level === 'error');
  if (failed) throw new Error(failed.message);
  return entities;
}

/**
 * The template's entities: every kind of the registry, each extractor guarded. One that fails on a
 * strange template costs its own entities in that file, reported as an error, never the other
 * extractors or the other files.
 */
export function extractEntities(
  template: Template,
  parameters?: Readonly<Record<string, string>>,
  withResources = false,
): { entities: Entity[]; notifications: Notification[] } {
  const extraction = new TemplateExtraction(template, parameters, withResources);
  const entities: Entity[] = [];
  for (const slice of Object.values(ENTITY_SLICES)) if (slice.template) append(entities, extraction.of(slice.kind));
  const { notifications, resolver } = extraction;
  append(
    notifications,
    extraction.guard('values not evaluated', [], () => unevaluatedNotes(template, resolver)),
  );
  const hidden = noEchoValues(template, parameters);
  if (hidden.length > 0) for (const e of entities) e.noEchoValues = hidden;
  return { entities, notifications };
}

class TemplateExtraction implements TemplateInput {
  readonly notifications: Notification[] = [];
  readonly resolver: Resolver;
  /** Who refers to what, worked out when an extractor first asks (a failure there is that extractor's). */
  readonly graph: TemplateGraph;
  private readonly extracted = new Map<EntityKind, Entity[] | 'extracting'>();
  private readonly shared = new Map<(input: TemplateInput) => unknown, { value: unknown } | { error: unknown }>();

  constructor(
    readonly template: Template,
    parameters: Readonly<Record<string, string>> | undefined,
    private readonly withResources: boolean,
  ) {
    this.resolver = new Resolver(template, parameters ? { parameters } : {});
    this.graph = new TemplateGraph(template);
  }

  of<K extends EntityKind>(kind: K): EntityMap[K][] {
    const known = this.extracted.get(kind);
    if (known === 'extracting') throw new Error(`entity kind ${kind} is extracted from itself`);
    if (known) return known as EntityMap[K][];
    this.extracted.set(kind, 'extracting');
    const extracted = this.extract(ENTITY_SLICES[kind]);
    this.extracted.set(kind, extracted);
    return extracted;
  }

  once<T>(compute: (input: TemplateInput) => T): T {
    let result = this.shared.get(compute);
    if (!result) {
      try {
        result = { value: compute(this) };
      } catch (error) {
        result = { error };
      }
      this.shared.set(compute, result);
    }
    if ('error' in result) throw result.error;
    return result.value as T;
  }

  guard<T>(what: string, fallback: T, extract: () => T): T {
    try {
      return extract();
    } catch (err) {
      this.notifications.push({
        level: 'error',
        code: 'internal-error',
        file: this.template.file,
        message: `Cannot read ${what} from this template (internal error: ${err instanceof Error ? err.message : String(err)}); rules on them were not evaluated here`,
      });
      return fallback;
    }
  }

  private extract<K extends EntityKind>(slice: EntitySlice<K>): EntityMap[K][] {
    const extractor = slice.template;
    if (!extractor || (extractor.onDemand && !this.withResources)) return [];
    return this.guard(extractor.what, [], () => extractor.extract(this));
  }
}

/** What is given at deploy time to `NoEcho` parameters (and each item of a list): never to be shown. */
function noEchoValues(template: Template, parameters: Readonly<Record<string, string>> | undefined): string[] {
  const out: string[] = [];
  for (const p of template.parameters.values()) {
    const given = p.noEcho ? own(parameters, p.name) : undefined;
    if (given === undefined) continue;
    out.push(given, ...given.split(',').map((v) => v.trim()));
  }
  return [...new Set(out.filter((v) => v !== ''))];
}

/** Notes on one template's values that were not evaluated in full, beyond which only a count is given. */
const MAX_UNEVALUATED_NOTES = 20;

/**
 * A note for each value the resolver did not work out in full (more `Fn::If` combinations than it
 * follows, nesting too deep), naming the resource and the property path: what rules said of it may
 * miss an alternative, and the scan says so rather than passing it as safe.
 */
function unevaluatedNotes(template: Template, resolver: Resolver): Notification[] {
  if (resolver.unevaluated.size === 0) return [];
  const pending = new Map(resolver.unevaluated);
  const found: { node: CfnNode; where: string; reason: string }[] = [];
  for (const res of template.resources.values()) {
    walkNodes(res.node, (node, path) => {
      const reason = pending.get(node);
      if (reason === undefined) return;
      pending.delete(node);
      found.push({ node, where: `${res.logicalId}/${path.join('/')}`.replace(/\/$/, ''), reason });
    });
    if (pending.size === 0) break;
  }
  for (const [node, reason] of pending) found.push({ node, where: `the value at line ${node.loc.line}`, reason });
  found.sort((a, b) => a.node.loc.line - b.node.loc.line || a.node.loc.column - b.node.loc.column);
  const out: Notification[] = found.slice(0, MAX_UNEVALUATED_NOTES).map(({ node, where, reason }) => ({
    level: 'note',
    code: 'not-evaluated',
    file: template.file,
    line: node.loc.line,
    column: node.loc.column,
    message: `${where} was not evaluated in full: ${reason}; rules that read it may miss an alternative`,
  }));
  const more = found.length - MAX_UNEVALUATED_NOTES;
  if (more > 0) {
    out.push({
      level: 'note',
      code: 'not-evaluated',
      file: template.file,
      message: `${more} more values were not evaluated in full (as the ${MAX_UNEVALUATED_NOTES} noted)`,
    });
  }
  return out;
}
