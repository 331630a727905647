import { readFileSync } from 'node:fs';
import type { Entity, EntityKind, EntityMap } from '../packages/core/src/model/entities.js';
import { loadSnapshot } from '../packages/core/src/snapshot/read.js';
import { extractEntities, templateEntities } from '../packages/core/src/template/entities.js';
import { loadTemplate } from '../packages/core/src/template/load.js';
import type { Template } from '../packages/core/src/template/types.js';
import { positionOf } from './json-position.js';

/** What the entity slices' tests share: entities of one kind, templates from text, the recorded account. */

export function of<K extends EntityKind>(kind: K, entities: readonly Entity[]): EntityMap[K][] {
  return entities.filter((e): e is EntityMap[K] => e.kind === kind);
}

/** A template from its text, read as `t.yaml` (or the file named). */
export function templateFrom(text: string, file = 't.yaml'): Template {
  const out = loadTemplate(file, text, true);
  if (!out.template) throw new Error(`not a template: ${JSON.stringify(out.notifications)}`);
  return out.template;
}

/** A template's entities; an extractor that fails throws. */
export function templateEntitiesOf(text: string, parameters?: Record<string, string>): Entity[] {
  return templateEntities(templateFrom(text), parameters);
}

/** A template's entities and the notifications the extractors give. */
export function extractedFrom(text: string): ReturnType<typeof extractEntities> {
  return extractEntities(templateFrom(text));
}

/** The snapshot the collector wrote from recorded AWS responses (see the collector's tests). */
export const RECORDED_FILE = 'recorded-account.json';
export const recordedText = readFileSync(new URL('../packages/core/src/snapshot/fixtures/recorded-account.json', import.meta.url), 'utf8');
export const recorded = loadSnapshot(RECORDED_FILE, recordedText);
/** The recorded account's one region, as a path into the snapshot. */
export const R = ['regional', 'eu-west-1'];

/** The position of a value, counted on the file's text (the recorded snapshot's unless another is given). */
export function at(path: (string | number)[], source = recordedText): { line: number; column: number } {
  return positionOf(source, path);
}
