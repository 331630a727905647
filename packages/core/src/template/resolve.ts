import { own } from '../model/lookup.js';
import { type CfnNode, get, intrinsicName, scalarString } from './node.js';
import type { Template } from './template.js';

/** A value a template property can take, with how it was reached. `undefined` value: not knowable before deployment. */
export interface Candidate<T = ResolvedValue> {
  value: T | undefined;
  via: string[];
  /** The innermost node the value is written at: the chosen `Fn::If` branch, a list item, or the `Ref` itself. */
  at?: CfnNode;
}

export type ResolvedValue = string | number | boolean | null | ResolvedValue[];

/** A branch of the template's structure, after `Fn::If` and `AWS::NoValue` are taken into account. */
export interface Branch {
  node: CfnNode | undefined;
  via: string[];
}

export interface ResolveOptions {
  /** Values given at deploy time (`--parameters`); they win over `Default`. */
  parameters?: Readonly<Record<string, string>>;
  region?: string;
  accountId?: string;
}

/** Beyond this many alternatives a value is treated as unknown: templates with many nested `Fn::If` stay fast. */
const MAX_CANDIDATES = 16;
const MAX_DEPTH = 32;
/** Conditions naming conditions: a chain longer than this is hostile, and left undecided. */
const MAX_CONDITION_HOPS = 100;
/**
 * Steps one question to the resolver may take. Nested intrinsics can multiply (a `Fn::Select` over
 * an `Fn::If` over a `Fn::Select`...); past this a value is unknown rather than slow.
 */
const MAX_STEPS = 20_000;

const PSEUDO: Readonly<Record<string, string | undefined>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

/**
 * Evaluates CloudFormation intrinsic functions statically. A value that depends on a condition yields
 * one candidate per branch, each naming the condition, so a rule can say "unsafe when IsProd is true".
 * Conditions are decided only from values given explicitly; a parameter's `Default` is one possible
 * deployment, not the only one.
 */
export class Resolver {
  /** Conditions decided so far; `undefined` for undecidable ones, circular ones included. */
  private readonly decided = new Map<string, boolean | undefined>();
  private readonly deciding = new Set<string>();
  private steps = 0;
  private active = 0;

  constructor(
    readonly template: Template,
    readonly options: ResolveOptions = {},
  ) {}

  /** Structural alternatives of a node: `Fn::If` branches and `Ref: AWS::NoValue` (absent). */
  branches(node: CfnNode | undefined, via: string[] = [], depth = 0): Branch[] {
    if (!node || depth > MAX_DEPTH) return [{ node, via }];
    const fn = intrinsicName(node);
    if (fn === 'Ref' && scalarString(get(node, 'Ref')) === 'AWS::NoValue') return [{ node: undefined, via }];
    if (fn === 'Fn::If') {
      const args = get(node, 'Fn::If');
      if (args?.kind !== 'seq' || args.items.length !== 3) return [{ node, via }];
      const cond = scalarString(args.items[0]) ?? '?';
      const decided = this.condition(cond);
      const out: Branch[] = [];
      if (decided !== false) out.push(...this.branches(args.items[1], [...via, `when condition ${cond} is true`], depth + 1));
      if (decided !== true) out.push(...this.branches(args.items[2], [...via, `when condition ${cond} is false`], depth + 1));
      return out.slice(0, MAX_CANDIDATES);
    }
    return [{ node, via }];
  }

  /** Every value a node can take, each with the node it comes from. */
  values(node: CfnNode | undefined, depth = 0): Candidate[] {
    // The step budget is per question from outside, however the resolver re-enters itself.
    if (this.active === 0) this.steps = 0;
    this.active++;
    try {
      const out = this.compute(node, depth);
      return node ? out.map((c) => (c.at ? c : { ...c, at: node })) : out;
    } finally {
      this.active--;
    }
  }

  private compute(node: CfnNode | undefined, depth: number): Candidate[] {
    if (!node) return [{ value: undefined, via: [] }];
    if (depth > MAX_DEPTH || ++this.steps > MAX_STEPS) return [{ value: undefined, via: [] }];
    if (node.kind === 'scalar') return [{ value: node.value, via: [] }];
    if (node.kind === 'seq') return this.product(node.items, depth).map((c) => ({ value: c.value, via: c.via }));
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : undefined;
    switch (fn) {
      case 'Ref':
        return this.ref(scalarString(arg));
      case 'Fn::If':
        return this.branches(node).flatMap((b) =>
          b.node === undefined ? [{ value: undefined, via: b.via }] : this.values(b.node, depth + 1).map((c) => ({ ...c, via: [...b.via, ...c.via] })),
        );
      case 'Fn::Join':
        return this.join(arg, depth);
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::Select':
        return this.select(arg, depth);
      case 'Fn::Split':
        return this.split(arg, depth);
      case 'Fn::FindInMap':
        return this.findInMap(arg, depth);
      case 'Fn::GetAtt':
        return this.getAtt(arg, depth);
      case 'Fn::Base64':
        // The decoded text is what the instance sees; keep it readable for rules.
        return this.values(arg, depth + 1);
      default:
        return [{ value: undefined, via: [] }];
    }
  }

  /** The single value of a node when it has exactly one known candidate. */
  value(node: CfnNode | undefined): ResolvedValue | undefined {
    const all = this.values(node);
    return all.length === 1 ? all[0]?.value : undefined;
  }

  /** `true`/`false` when a named condition is decidable from explicit values, else `undefined`. */
  condition(name: string, hops = 0): boolean | undefined {
    if (this.decided.has(name)) return this.decided.get(name);
    // A condition that refers back to itself, directly or not, cannot be decided (CloudFormation rejects it).
    if (hops > MAX_CONDITION_HOPS || this.deciding.has(name)) return undefined;
    this.deciding.add(name);
    const value = this.evalCondition(get(this.template.conditions, name), hops, 0);
    this.deciding.delete(name);
    this.decided.set(name, value);
    return value;
  }

  private evalCondition(node: CfnNode | undefined, hops: number, depth: number): boolean | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : undefined;
    const items = arg?.kind === 'seq' ? arg.items : [];
    switch (fn) {
      case 'Condition':
        return this.condition(scalarString(arg) ?? '', hops + 1);
      case 'Fn::Not': {
        const v = this.evalCondition(items[0], hops, depth + 1);
        return v === undefined ? undefined : !v;
      }
      case 'Fn::And': {
        const vs = items.map((i) => this.evalCondition(i, hops, depth + 1));
        if (vs.includes(false)) return false;
        return vs.every((v) => v === true) ? true : undefined;
      }
      case 'Fn::Or': {
        const vs = items.map((i) => this.evalCondition(i, hops, depth + 1));
        if (vs.includes(true)) return true;
        return vs.every((v) => v === false) ? false : undefined;
      }
      case 'Fn::Equals': {
        const [a, b] = items.map((i) => this.decidedValue(i));
        if (a === undefined || b === undefined) return undefined;
        return JSON.stringify(a) === JSON.stringify(b);
      }
      default:
        return undefined;
    }
  }

  /** A value usable to decide a condition: literals and explicitly given parameters only. */
  private decidedValue(node: CfnNode | undefined): ResolvedValue | undefined {
    if (!node) return undefined;
    if (node.kind === 'scalar') return node.value === null ? null : String(node.value);
    if (intrinsicName(node) === 'Ref') {
      const name = scalarString(get(node, 'Ref')) ?? '';
      const given = own(this.options.parameters, name);
      if (given !== undefined) return given;
      if (name === 'AWS::Region') return this.options.region;
      if (name === 'AWS::AccountId') return this.options.accountId;
      return own(PSEUDO, name);
    }
    return undefined;
  }

  private ref(name: string | undefined): Candidate[] {
    if (name === undefined) return [{ value: undefined, via: [] }];
    const given = own(this.options.parameters, name);
    const param = this.template.parameters.get(name);
    if (given !== undefined) {
      // A NoEcho value is not shown, as CloudFormation shows it as ****.
      const shown = param?.noEcho ? `parameter ${name} (NoEcho)` : `parameter ${name} = "${given}"`;
      return [{ value: listParameter(param?.type) ? given.split(',') : given, via: [shown] }];
    }
    if (param) {
      const def = param.default;
      if (!def) return [{ value: undefined, via: [`parameter ${name}`] }];
      const v = def.kind === 'scalar' ? def.value : undefined;
      if (v === undefined || v === null) return [{ value: undefined, via: [`parameter ${name}`] }];
      const text = String(v);
      return [{ value: listParameter(param.type) ? text.split(',').map((s) => s.trim()) : text, via: [`default of parameter ${name}`] }];
    }
    if (name === 'AWS::Region' && this.options.region) return [{ value: this.options.region, via: [] }];
    if (name === 'AWS::AccountId' && this.options.accountId) return [{ value: this.options.accountId, via: [] }];
    return [{ value: own(PSEUDO, name), via: [] }];
  }

  private product(nodes: CfnNode[], depth: number): Candidate<ResolvedValue[]>[] {
    let acc: Candidate<ResolvedValue[]>[] = [{ value: [], via: [] }];
    for (const n of nodes) {
      const next: Candidate<ResolvedValue[]>[] = [];
      for (const left of acc) {
        for (const right of this.values(n, depth + 1)) {
          next.push({
            value: left.value && right.value !== undefined ? [...left.value, right.value] : undefined,
            via: [...left.via, ...right.via],
          });
        }
      }
      if (next.length > MAX_CANDIDATES) return [{ value: undefined, via: [] }];
      acc = next;
    }
    return acc;
  }

  private join(arg: CfnNode | undefined, depth: number): Candidate[] {
    if (arg?.kind !== 'seq' || arg.items.length !== 2) return [{ value: undefined, via: [] }];
    const sep = scalarString(arg.items[0]) ?? '';
    const list = arg.items[1];
    const lists = list?.kind === 'seq' ? this.product(list.items, depth) : this.values(list, depth + 1);
    return lists.map((c) => ({
      value: Array.isArray(c.value) && c.value.every(isScalarValue) ? c.value.map((v) => (v === null ? '' : String(v))).join(sep) : undefined,
      via: c.via,
    }));
  }

  private split(arg: CfnNode | undefined, depth: number): Candidate[] {
    if (arg?.kind !== 'seq' || arg.items.length !== 2) return [{ value: undefined, via: [] }];
    const sep = scalarString(arg.items[0]) ?? '';
    return this.values(arg.items[1], depth + 1).map((c) => ({
      value: typeof c.value === 'string' && sep ? c.value.split(sep) : undefined,
      via: c.via,
    }));
  }

  private select(arg: CfnNode | undefined, depth: number): Candidate[] {
    if (arg?.kind !== 'seq' || arg.items.length !== 2) return [{ value: undefined, via: [] }];
    const out: Candidate[] = [];
    for (const idx of this.values(arg.items[0], depth + 1)) {
      const list = arg.items[1];
      const n = Number(idx.value);
      if (intrinsicName(list) === 'Fn::GetAZs') {
        out.push({ value: Number.isInteger(n) && n >= 0 ? this.zone(get(list, 'Fn::GetAZs'), n, depth) : undefined, via: idx.via });
      } else if (list?.kind === 'seq') {
        const item = Number.isInteger(n) ? list.items[n] : undefined;
        for (const c of item ? this.values(item, depth + 1) : [{ value: undefined, via: [] }]) out.push({ ...c, via: [...idx.via, ...c.via] });
      } else {
        for (const c of this.values(list, depth + 1)) {
          out.push({ value: Array.isArray(c.value) && Number.isInteger(n) ? c.value[n] : undefined, via: [...idx.via, ...c.via] });
        }
      }
    }
    return out.slice(0, MAX_CANDIDATES);
  }

  /** Attributes that repeat a property the template writes: a VPC's or subnet's `CidrBlock`. Others are known only after deployment. */
  private getAtt(arg: CfnNode | undefined, depth: number): Candidate[] {
    const [logicalId, attribute] = arg?.kind === 'seq' ? arg.items.map(scalarString) : (scalarString(arg)?.split('.') ?? []);
    const res = logicalId ? this.template.resources.get(logicalId) : undefined;
    if (!res || attribute !== 'CidrBlock' || (res.type !== 'AWS::EC2::VPC' && res.type !== 'AWS::EC2::Subnet')) return [{ value: undefined, via: [] }];
    const via = `CidrBlock of ${logicalId}`;
    // No `at`: a finding points at the GetAtt in the referring resource, not at the VPC.
    return this.values(get(res.properties, 'CidrBlock'), depth + 1).map((c) => ({ value: c.value, via: [via, ...c.via] }));
  }

  /**
   * Zone names are only known at deploy time (and differ between accounts), so the `n`th zone of
   * `Fn::GetAZs` is a symbolic name: the same index is the same zone, different indexes differ.
   */
  private zone(regionNode: CfnNode | undefined, n: number, depth: number): string {
    const current = !regionNode || scalarString(get(regionNode, 'Ref')) === 'AWS::Region';
    const all = current ? [] : this.values(regionNode, depth + 1);
    const named = current ? '' : all.length === 1 ? all[0]?.value : undefined;
    const region = named === this.options.region ? '' : typeof named === 'string' ? named : '?';
    return region ? `Fn::GetAZs(${region})[${n}]` : `Fn::GetAZs[${n}]`;
  }

  private findInMap(arg: CfnNode | undefined, depth: number): Candidate[] {
    if (arg?.kind !== 'seq' || arg.items.length < 3) return [{ value: undefined, via: [] }];
    const [m, k1, k2] = arg.items;
    const out: Candidate[] = [];
    for (const a of this.values(m, depth + 1)) {
      for (const b of this.values(k1, depth + 1)) {
        const names = b.value === undefined ? undefined : [String(b.value)];
        // An unknown top-level key (often `!Ref AWS::Region`) means any entry of the map may be used.
        const map = get(this.template.mappings, String(a.value));
        const firstKeys = names ?? (map?.kind === 'map' ? map.entries.map((e) => e.key) : []);
        for (const first of firstKeys) {
          for (const c of this.values(k2, depth + 1)) {
            const leaf = get(get(map, first), String(c.value));
            const via = [...a.via, ...b.via, ...c.via, ...(names ? [] : [`mapping ${String(a.value)}.${first}`])];
            for (const v of leaf ? this.values(leaf, depth + 1) : [{ value: undefined, via: [] }]) out.push({ value: v.value, via: [...via, ...v.via] });
          }
        }
      }
    }
    return out.length > MAX_CANDIDATES || out.length === 0 ? [{ value: undefined, via: [] }] : out;
  }

  private sub(arg: CfnNode | undefined, depth: number): Candidate[] {
    const text = arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg);
    if (text === undefined) return [{ value: undefined, via: [] }];
    const vars = arg?.kind === 'seq' ? arg.items[1] : undefined;
    let acc: Candidate<string>[] = [{ value: '', via: [] }];
    const parts = text.split(/(\$\{[^}]*\})/);
    for (const part of parts) {
      let options: Candidate[];
      if (part.startsWith('${!')) options = [{ value: `\${${part.slice(3)}`, via: [] }];
      else if (part.startsWith('${') && part.endsWith('}')) {
        const name = part.slice(2, -1).trim();
        const local = get(vars, name);
        options = local ? this.values(local, depth + 1) : name.includes('.') ? [{ value: undefined, via: [] }] : this.ref(name);
      } else options = [{ value: part, via: [] }];
      const next: Candidate<string>[] = [];
      for (const left of acc) {
        for (const o of options) {
          next.push({
            value: left.value !== undefined && isScalarValue(o.value) && o.value !== undefined ? left.value + String(o.value) : undefined,
            via: [...left.via, ...o.via],
          });
        }
      }
      if (next.length > MAX_CANDIDATES) return [{ value: undefined, via: [] }];
      acc = next;
    }
    return acc;
  }
}

function listParameter(type: string | undefined): boolean {
  return type === 'CommaDelimitedList' || (type?.startsWith('List<') ?? false);
}

function isScalarValue(v: ResolvedValue | undefined): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
