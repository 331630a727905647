import type { SourceLocation } from '../../model/location.js';

/**
 * A parsed YAML or JSON value that remembers where it was written. YAML short-form intrinsics
 * (`!Ref X`, `!GetAtt a.b`, ...) are already normalised to their long form (`{ Ref: X }`), so code
 * reading a template never needs to know which syntax the author used.
 */
export type CfnNode = CfnScalar | CfnMap | CfnSeq;

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  loc: SourceLocation;
  /** Character offsets in the source text: [start, end). */
  span: readonly [number, number];
}

export interface CfnScalar extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
}

export interface CfnEntry {
  key: string;
  keyLoc: SourceLocation;
  value: CfnNode;
}

export interface CfnMap extends NodeBase {
  kind: 'map';
  entries: CfnEntry[];
}

export interface CfnSeq extends NodeBase {
  kind: 'seq';
  items: CfnNode[];
}

/** Maps this large are looked up through an index built on the first lookup (they are not changed once built). */
const INDEXED = 12;
const indexes = new WeakMap<CfnMap, Map<string, CfnEntry>>();

export function getEntry(node: CfnNode | undefined, key: string): CfnEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  const entries = node.entries;
  if (entries.length < INDEXED) {
    // A loop, not `find`: this runs for nearly every value an extractor reads.
    for (let i = 0; i < entries.length; i++) if ((entries[i] as CfnEntry).key === key) return entries[i];
    return undefined;
  }
  // A section of thousands of conditions or mappings, each looked up by name, would otherwise be quadratic.
  let index = indexes.get(node);
  if (!index) {
    index = new Map();
    for (const e of entries) if (!index.has(e.key)) index.set(e.key, e);
    indexes.set(node, index);
  }
  return index.get(key);
}

export function get(node: CfnNode | undefined, key: string): CfnNode | undefined {
  return getEntry(node, key)?.value;
}

export function scalarString(node: CfnNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** The intrinsic function a single-key map stands for, e.g. `Fn::If` or `Ref`. */
export function intrinsicName(node: CfnNode | undefined): string | undefined {
  if (node?.kind !== 'map' || node.entries.length !== 1) return undefined;
  const key = node.entries[0]?.key;
  return key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) ? key : undefined;
}

/** A parser's scalar as a template value: big integers as numbers, YAML 1.1 dates as their day. */
export function toScalarValue(value: unknown): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === undefined ? null : String(value);
}

/** Plain JavaScript value of a node, intrinsics left as their long-form objects. */
export function toPlain(node: CfnNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        // Assigned (defining every key would leave the object in slow dictionary mode), but a key
        // named `__proto__` is defined: it is data here, not the object's prototype.
        if (e.key === '__proto__') Object.defineProperty(out, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
        else out[e.key] = toPlain(e.value);
      }
      return out;
    }
  }
}

/**
 * Visits every node depth-first with the path of keys and indexes leading to it. The path is one
 * array for the whole walk (most nodes' paths are never read): copy it to keep it past the call.
 */
export function walk(node: CfnNode, visit: (node: CfnNode, path: readonly (string | number)[]) => void): void {
  const path: (string | number)[] = [];
  const rec = (n: CfnNode): void => {
    visit(n, path);
    if (n.kind === 'map') {
      for (const e of n.entries) {
        path.push(e.key);
        rec(e.value);
        path.pop();
      }
    } else if (n.kind === 'seq') {
      for (let i = 0; i < n.items.length; i++) {
        path.push(i);
        rec(n.items[i] as CfnNode);
        path.pop();
      }
    }
  };
  rec(node);
}
