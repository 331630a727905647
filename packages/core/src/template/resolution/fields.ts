import type { EntityBase } from '../../model/entities.js';
import type { SourceLocation } from '../../model/location.js';
import type { CfnNode } from '../parsing/node.js';
import type { Resolver } from './resolve.js';

/** A property value as a rule sees it: the value, where it is written, and how it was reached. */
export interface Field<T> {
  value: T | undefined;
  loc?: SourceLocation;
  via?: string[];
}

export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return undefined;
}

/**
 * A boolean property judged on every branch: if any candidate is `unsafe`, the field is `unsafe`
 * with that candidate's location and `via`; if all are safe it is safe; otherwise unknown. An
 * absent property takes CloudFormation's default.
 */
export function boolField(resolver: Resolver, node: CfnNode | undefined, fallback: boolean | undefined, unsafe: boolean): Field<boolean> {
  if (node === undefined) return { value: fallback };
  let known = true;
  for (const b of resolver.branches(node)) {
    if (b.node === undefined) {
      if (fallback === unsafe) return { value: unsafe, via: b.via };
      if (fallback === undefined) known = false;
      continue;
    }
    for (const c of resolver.values(b.node)) {
      const v = toBool(c.value);
      if (v === unsafe) return { value: unsafe, loc: (c.at ?? b.node).loc, via: [...b.via, ...c.via] };
      if (v === undefined) known = false;
    }
  }
  // Branches past the resolver's bound were not seen: all seen being safe does not make the value safe.
  if (resolver.unevaluated.has(node)) known = false;
  return known ? { value: !unsafe, loc: node.loc } : { value: undefined, loc: node.loc };
}

/** Copies a field onto an entity: the value under `name`, its location and `via` into the per-field maps. */
export function setField<E extends EntityBase, K extends keyof E & string>(entity: E, name: K, field: Field<E[K]>): void {
  if (field.value !== undefined) entity[name] = field.value as E[K];
  if (field.loc) entity.fieldLocations = { ...entity.fieldLocations, [name]: field.loc };
  if (field.via && field.via.length > 0) entity.fieldVia = { ...entity.fieldVia, [name]: field.via };
}
