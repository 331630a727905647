import type { SourceLocation } from '../../model/location.js';
import { own } from '../../model/lookup.js';
import { append } from '../../util/append.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../parsing/node.js';
import type { Template } from '../types.js';
import type { Resolver } from './resolve.js';

/** Beyond this many combinations a list is read as the union of its known values. */
const MAX_LIST_CANDIDATES = 16;

export type PrincipalType = 'user' | 'group' | 'role';

export const PRINCIPAL_TYPES: Readonly<Record<string, { type: PrincipalType; nameKey: string }>> = {
  'AWS::IAM::User': { type: 'user', nameKey: 'UserName' },
  'AWS::IAM::Group': { type: 'group', nameKey: 'GroupName' },
  'AWS::IAM::Role': { type: 'role', nameKey: 'RoleName' },
};

const TYPE_OF_PRINCIPAL: Readonly<Record<PrincipalType, string>> = {
  user: 'AWS::IAM::User',
  group: 'AWS::IAM::Group',
  role: 'AWS::IAM::Role',
};

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
export function refTarget(node: CfnNode | undefined): string | undefined {
  const fn = intrinsicName(node);
  if (fn === 'Ref') return scalarString(get(node, 'Ref'));
  if (fn === 'Fn::GetAtt') {
    const arg = get(node, 'Fn::GetAtt');
    return arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg)?.split('.')[0];
  }
  return undefined;
}

export function stringValue(resolver: Resolver, node: CfnNode | undefined): string | undefined {
  const v = resolver.value(node);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** A principal named in a `Users`, `Groups` or `Roles` list, or in a `UserName`/`RoleName`/`GroupName` property. */
export interface PrincipalRef {
  /** Logical id of the principal when the same template defines it. */
  logicalId?: string;
  /** Name to show: the logical id of a template principal, else the resolved name, else the written reference. */
  name: string;
  location: SourceLocation;
  via: string[];
}

/** Every principal of `type` that a list (or a single value) names, through `Fn::If` branches. */
export function principalRefs(template: Template, resolver: Resolver, node: CfnNode | undefined, type: PrincipalType, via: string[] = []): PrincipalRef[] {
  const out: PrincipalRef[] = [];
  for (const b of resolver.branches(node, via)) {
    const items = b.node?.kind === 'seq' ? b.node.items : b.node ? [b.node] : [];
    for (const item of items) {
      for (const ib of resolver.branches(item, b.via)) {
        if (!ib.node) continue;
        const ref = principalRef(template, resolver, ib.node, type);
        out.push({ ...ref, via: ib.via });
      }
    }
  }
  return out;
}

function principalRef(template: Template, resolver: Resolver, node: CfnNode, type: PrincipalType): Omit<PrincipalRef, 'via'> {
  const target = refTarget(node);
  const res = target ? template.resources.get(target) : undefined;
  if (target && res?.type === TYPE_OF_PRINCIPAL[type]) return { logicalId: target, name: target, location: node.loc };
  // A name written out may still be a principal of this template, given by its name property.
  const name = stringValue(resolver, node);
  if (name !== undefined) {
    for (const r of template.resources.values()) {
      if (r.type !== TYPE_OF_PRINCIPAL[type]) continue;
      const nameKey = own(PRINCIPAL_TYPES, r.type)?.nameKey ?? '';
      if (stringValue(resolver, get(r.properties, nameKey)) === name) return { logicalId: r.logicalId, name: r.logicalId, location: node.loc };
    }
    return { name, location: node.loc };
  }
  const param = intrinsicName(node) === 'Ref' ? scalarString(get(node, 'Ref')) : undefined;
  return { name: param ? `(parameter ${param})` : '(unresolved name)', location: node.loc };
}

/** A synthetic `{ Ref: name }` written where `at` is, to resolve a name through the resolver. */
export function refNode(name: string, at: CfnNode): CfnNode {
  return {
    kind: 'map',
    loc: at.loc,
    span: at.span,
    entries: [{ key: 'Ref', keyLoc: at.loc, value: { kind: 'scalar', value: name, loc: at.loc, span: at.span } }],
  };
}

export interface ListCandidate {
  values: string[];
  locations: SourceLocation[];
  via: string[];
}

/** The string lists a `string | string[]` property can be, with where each value is written. Unknown values are left out. */
export function stringListCandidates(resolver: Resolver, node: CfnNode | undefined): ListCandidate[] {
  if (!node) return [{ values: [], locations: [], via: [] }];
  const out: ListCandidate[] = [];
  for (const b of resolver.branches(node)) {
    if (!b.node) {
      out.push({ values: [], locations: [], via: b.via });
      continue;
    }
    const items = b.node.kind === 'seq' ? b.node.items : [b.node];
    let acc: ListCandidate[] = [{ values: [], locations: [], via: b.via }];
    let overflow = false;
    for (const item of items) {
      const options = itemOptions(resolver, item);
      if (overflow) {
        acc = [merge(acc.concat(options))];
        continue;
      }
      const next: ListCandidate[] = [];
      for (const left of acc) {
        for (const o of options)
          next.push({ values: [...left.values, ...o.values], locations: [...left.locations, ...o.locations], via: [...left.via, ...o.via] });
      }
      if (next.length > MAX_LIST_CANDIDATES) {
        overflow = true;
        acc = [merge(next)];
      } else acc = next;
    }
    append(out, acc);
  }
  return out;
}

function itemOptions(resolver: Resolver, item: CfnNode): ListCandidate[] {
  return resolver.values(item).map((c) => {
    const loc = (c.at ?? item).loc;
    if (typeof c.value === 'string' || typeof c.value === 'number') return { values: [String(c.value)], locations: [loc], via: c.via };
    if (Array.isArray(c.value)) {
      const values = c.value.filter((v): v is string => typeof v === 'string');
      return { values, locations: values.map(() => loc), via: c.via };
    }
    return { values: [], locations: [], via: c.via };
  });
}

function merge(list: ListCandidate[]): ListCandidate {
  return {
    values: list.flatMap((c) => c.values),
    locations: list.flatMap((c) => c.locations),
    via: [...new Set(list.flatMap((c) => c.via))],
  };
}

/**
 * Text of a value that may embed intrinsics (a policy document written as a JSON string in `Fn::Sub`
 * or `Fn::Join`): known parts resolved, unknown ones left as `${...}` placeholders so the text stays parseable.
 */
export function looseText(resolver: Resolver, node: CfnNode | undefined, depth = 0): string | undefined {
  if (!node || depth > 16) return undefined;
  if (node.kind === 'scalar') return node.value === null ? '' : String(node.value);
  const fn = intrinsicName(node);
  const arg = fn ? get(node, fn) : undefined;
  if (fn === 'Fn::Sub') {
    const text = arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg);
    if (text === undefined) return undefined;
    const vars = arg?.kind === 'seq' ? arg.items[1] : undefined;
    return text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const local = get(vars, name.trim());
      const v = local ? looseText(resolver, local, depth + 1) : name.includes('.') ? undefined : stringValue(resolver, refNode(name.trim(), node));
      return v ?? whole;
    });
  }
  if (fn === 'Fn::Join' && arg?.kind === 'seq' && arg.items[1]?.kind === 'seq') {
    const sep = scalarString(arg.items[0]) ?? '';
    return arg.items[1].items.map((i) => looseText(resolver, i, depth + 1) ?? '${?}').join(sep);
  }
  const v = stringValue(resolver, node);
  if (v !== undefined) return v;
  return fn === 'Ref' ? `\${${scalarString(arg) ?? '?'}}` : undefined;
}
