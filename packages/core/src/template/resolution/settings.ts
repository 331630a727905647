import type { SettingSource } from '../../model/entities.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../parsing/node.js';
import type { TemplateResource } from '../types.js';
import type { ResolvedValue, Resolver } from './resolve.js';

/** A setting's value with where it comes from. */
export interface Setting<T> {
  value: T;
  source: SettingSource;
}

/** One alternative of a property: absent (not written, or `AWS::NoValue` on a branch) or a value that may be unknown. */
interface Alternative {
  absent: boolean;
  value: ResolvedValue | undefined;
  via: string[];
  node: CfnNode | undefined;
}

function alternatives(resolver: Resolver, res: TemplateResource, key: string): Alternative[] {
  const node = get(res.properties, key);
  if (node === undefined) return [{ absent: true, value: undefined, via: [], node: undefined }];
  return resolver
    .branches(node)
    .flatMap((b): Alternative[] =>
      b.node === undefined
        ? [{ absent: true, value: undefined, via: b.via, node }]
        : resolver.values(b.node).map((c) => ({ absent: false, value: c.value, via: [...b.via, ...c.via], node: c.at ?? b.node })),
    );
}

/** True when the property is written on at least one branch (not only `AWS::NoValue`). */
export function isWritten(resolver: Resolver, res: TemplateResource, key: string): boolean {
  const node = get(res.properties, key);
  return node !== undefined && resolver.branches(node).some((b) => b.node !== undefined);
}

/** The branches on which a property is not written, as `via` lists; empty when it is always written. */
export function absentBranches(resolver: Resolver, res: TemplateResource, key: string): string[][] {
  const node = get(res.properties, key);
  if (node === undefined) return [[]];
  return resolver.branches(node).flatMap((b) => (b.node === undefined ? [b.via] : []));
}

/**
 * The least safe value a property can take, and where: a value that depends on parameters or
 * conditions is judged on its worst candidate, a property that is not written takes `fallback`
 * (the AWS default, located at the resource). Unknown candidates are left out.
 */
export function leastSafe<T>(
  resolver: Resolver,
  res: TemplateResource,
  key: string,
  parse: (v: ResolvedValue | undefined) => T | undefined,
  fallback: T | undefined,
  worse: (a: T, b: T) => boolean,
): Setting<T> | undefined {
  let best: Setting<T> | undefined;
  for (const alt of alternatives(resolver, res, key)) {
    const value = alt.absent ? fallback : parse(alt.value);
    if (value === undefined) continue;
    const location = alt.absent && alt.node === undefined ? res.loc : { ...(alt.node ?? res.node).loc, logicalPath: `${res.logicalId}/Properties/${key}` };
    const source: SettingSource = { location, ...(alt.absent ? { defaulted: true } : {}), ...(alt.via.length > 0 ? { via: [...new Set(alt.via)] } : {}) };
    if (!best || worse(value, best.value)) best = { value, source };
  }
  return best;
}

export function parseBoolean(v: ResolvedValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

export function parseInteger(v: ResolvedValue | undefined): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

/** The single known value of a node as text. */
export function text(resolver: Resolver, node: CfnNode | undefined): string | undefined {
  const v = resolver.value(node);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** The template resource a `Ref` or `Fn::GetAtt` points at. */
export function refTarget(template: { resources: Map<string, TemplateResource> }, node: CfnNode | undefined): TemplateResource | undefined {
  const fn = intrinsicName(node);
  let id: string | undefined;
  if (fn === 'Ref') id = scalarString(get(node, 'Ref'));
  else if (fn === 'Fn::GetAtt') {
    const arg = get(node, 'Fn::GetAtt');
    id = arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg)?.split('.')[0];
  }
  return id === undefined ? undefined : template.resources.get(id);
}

/** False when the resource's `Condition` is decided false by the values given: it is not created. */
export function isCreated(resolver: Resolver, res: TemplateResource): boolean {
  return res.condition === undefined || resolver.condition(res.condition) !== false;
}

/** A short readable form of an unresolved value, e.g. `!ImportValue PrivateSubnet` or `!Select [0, !Ref Subnets]`. */
export function describeNode(node: CfnNode | undefined, depth = 0): string {
  if (!node) return 'a value';
  if (depth > 3) return '…';
  if (node.kind === 'scalar') return scalarString(node) ?? "''";
  if (node.kind === 'seq') return `[${node.items.map((i) => describeNode(i, depth + 1)).join(', ')}]`;
  const fn = intrinsicName(node);
  if (!fn) return '{…}';
  const arg = get(node, fn);
  const name = fn === 'Ref' ? 'Ref' : fn.replace(/^Fn::/, '');
  if (fn === 'Fn::GetAtt' && arg?.kind === 'seq') return `!GetAtt ${arg.items.map((i) => scalarString(i) ?? '…').join('.')}`;
  return `!${name} ${describeNode(arg, depth + 1)}`;
}
