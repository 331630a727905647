import { own } from '../../model/lookup.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../parsing/node.js';
import type { Template } from '../types.js';

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

/**
 * Beyond this many alternatives a value is not worked out: it is unknown, and the node asked about is
 * recorded in `unevaluated` so that the scan says so. Real templates stay far below.
 */
const MAX_CANDIDATES = 64;
/** `Fn::If` branches of one value followed at most (a chain of 40 conditions has 41). */
const MAX_BRANCHES = 256;
/** Nested intrinsics followed at most: the parser allows 500 levels, a template needs a handful. */
const MAX_DEPTH = 64;
/** Conditions naming conditions: a chain longer than this is hostile, and left undecided. */
const MAX_CONDITION_HOPS = 100;
/**
 * Steps one question to the resolver may take. Nested intrinsics can multiply (a `Fn::Select` over
 * an `Fn::If` over a `Fn::Select`...); past this a value is unknown rather than slow, and recorded.
 */
const MAX_STEPS = 20_000;

const UNKNOWN: Candidate = { value: undefined, via: [] };
const CONDITION_VIA = /^when condition (.*) is (true|false)$/;

/**
 * The `via` of two candidates taken together, repeats left out; `undefined` when one assumes a
 * condition true and the other false: no deployment has both.
 */
export function mergeVia(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const seen = new Set(a);
  const out = [...a];
  for (const v of b) {
    if (seen.has(v)) continue;
    const m = CONDITION_VIA.exec(v);
    if (m && seen.has(`when condition ${m[1]} is ${m[2] === 'true' ? 'false' : 'true'}`)) return undefined;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/** What `via` already assumes of a condition. */
function assumed(via: readonly string[], cond: string): boolean | undefined {
  for (const v of via) {
    if (v === `when condition ${cond} is true`) return true;
    if (v === `when condition ${cond} is false`) return false;
  }
  return undefined;
}

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
  /** Bounds met so far, and the first reason of the current question. */
  private cuts = 0;
  private reason: string | undefined;
  /** Values of nodes worked out in full: a node asked about again (a shared `Ref` target, a rule's ports) costs nothing. */
  private readonly memo = new WeakMap<CfnNode, Candidate[]>();
  /**
   * Nodes asked about whose value was not worked out in full (too many `Fn::If` combinations, too
   * deep, too many steps), with the reason: what is known of them may be missing alternatives.
   */
  readonly unevaluated = new Map<CfnNode, string>();

  constructor(
    readonly template: Template,
    readonly options: ResolveOptions = {},
  ) {}

  /** Records that `node`'s value was not worked out in full, for a consumer that gives up on its own bound. */
  notEvaluated(node: CfnNode, reason: string): void {
    if (!this.unevaluated.has(node)) this.unevaluated.set(node, reason);
  }

  private cut(reason: string): void {
    this.cuts++;
    this.reason ??= reason;
  }

  /** Runs one question; the outermost one resets the budget and records its node when a bound was met. */
  private ask<T>(node: CfnNode | undefined, work: () => T): T {
    const outer = this.active === 0;
    if (outer) {
      this.steps = 0;
      this.reason = undefined;
    }
    const cuts = this.cuts;
    this.active++;
    try {
      return work();
    } finally {
      this.active--;
      if (outer && node && this.cuts !== cuts && this.reason) this.notEvaluated(node, this.reason);
    }
  }

  /**
   * Structural alternatives of a node: `Fn::If` branches and `Ref: AWS::NoValue` (absent). A branch
   * that contradicts what `via` already assumes (`Fn::If [C, Fn::If [C, a, b], c]`: never `b`) is not followed.
   */
  branches(node: CfnNode | undefined, via: string[] = [], depth = 0): Branch[] {
    // Most nodes asked about (every map and list an extractor walks) are neither: their one branch
    // is themselves, which takes no step and meets no bound, so no question need be opened.
    const fn = intrinsicName(node);
    if (fn !== 'Fn::If' && fn !== 'Ref') return [{ node, via }];
    return this.ask(node, () => {
      const out: Branch[] = [];
      this.collectBranches(node, via, depth, out);
      return out;
    });
  }

  private collectBranches(node: CfnNode | undefined, via: string[], depth: number, out: Branch[]): void {
    if (out.length >= MAX_BRANCHES) {
      this.cut(`it has more than ${MAX_BRANCHES} Fn::If branches`);
      return;
    }
    const fn = intrinsicName(node);
    if (fn === 'Ref' && scalarString(get(node, 'Ref')) === 'AWS::NoValue') {
      out.push({ node: undefined, via });
      return;
    }
    if (fn !== 'Fn::If') {
      out.push({ node, via });
      return;
    }
    const args = get(node, 'Fn::If');
    if (args?.kind !== 'seq' || args.items.length !== 3) {
      out.push({ node, via });
      return;
    }
    if (depth >= MAX_DEPTH) {
      this.cut(`its Fn::If nests more than ${MAX_DEPTH} deep`);
      return;
    }
    const cond = scalarString(args.items[0]) ?? '?';
    const given = assumed(via, cond);
    const decided = this.condition(cond) ?? given;
    const step = (value: boolean): string[] => (given === undefined ? [...via, `when condition ${cond} is ${value}`] : via);
    if (decided !== false) this.collectBranches(args.items[1], step(true), depth + 1, out);
    if (decided !== true) this.collectBranches(args.items[2], step(false), depth + 1, out);
  }

  /** Every value a node can take, each with the node it comes from. */
  values(node: CfnNode | undefined, depth = 0): Candidate[] {
    if (!node) return [UNKNOWN];
    const known = this.memo.get(node);
    if (known) return known.slice();
    return this.ask(node, () => {
      const cuts = this.cuts;
      const out = distinct(this.compute(node, depth).map((c) => (c.at ? c : { ...c, at: node })));
      // A value cut short depends on the budget left when it was asked: only whole values are kept.
      if (this.cuts === cuts) this.memo.set(node, out);
      return out.slice();
    });
  }

  private compute(node: CfnNode, depth: number): Candidate[] {
    if (depth > MAX_DEPTH) {
      this.cut(`its intrinsic functions nest more than ${MAX_DEPTH} deep`);
      return [UNKNOWN];
    }
    if (++this.steps > MAX_STEPS) {
      this.cut(`working it out takes more than ${MAX_STEPS.toLocaleString('en-US')} steps`);
      return [UNKNOWN];
    }
    if (node.kind === 'scalar') {
      // Filled in by another tool before deployment (a Serverless Framework variable): not this text.
      if (typeof node.value === 'string' && this.template.variables?.test(node.value)) return [UNKNOWN];
      return [{ value: node.value, via: [] }];
    }
    if (node.kind === 'seq') return this.product(node.items, depth).map((c) => ({ value: c.value, via: c.via }));
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : undefined;
    switch (fn) {
      case 'Ref':
        return this.ref(scalarString(arg));
      case 'Fn::If': {
        const out: Candidate[] = [];
        for (const b of this.branches(node)) {
          if (b.node === undefined) {
            out.push({ value: undefined, via: b.via });
            continue;
          }
          for (const c of this.values(b.node, depth + 1)) {
            const via = mergeVia(b.via, c.via);
            if (via) out.push({ ...c, via });
          }
          if (out.length > MAX_BRANCHES) {
            // Each branch keeps its own value: the first ones are judged, and the value is recorded as cut short.
            this.cut(`it has more than ${MAX_BRANCHES} Fn::If branches`);
            return out.slice(0, MAX_BRANCHES);
          }
        }
        return out;
      }
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
        return [UNKNOWN];
    }
  }

  /** `list` itself, or the unknown value (recorded) when it has more alternatives than are worked out. */
  private bounded<T>(list: Candidate<T>[]): Candidate<T>[] {
    if (list.length <= MAX_CANDIDATES) return list;
    this.cut(`it has more than ${MAX_CANDIDATES} combinations of Fn::If branches and other alternatives`);
    return [{ value: undefined, via: [] }];
  }

  /** The single value of a node when it has exactly one known candidate. */
  value(node: CfnNode | undefined): ResolvedValue | undefined {
    const all = this.values(node);
    const first = all[0]?.value;
    if (all.length === 1 || first === undefined) return first;
    // The same value on every branch is that value.
    const text = JSON.stringify(first);
    return all.every((c) => c.value !== undefined && JSON.stringify(c.value) === text) ? first : undefined;
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
      const rights = this.values(n, depth + 1);
      for (const left of acc) {
        for (const right of rights) {
          const via = mergeVia(left.via, right.via);
          if (via) next.push({ value: left.value && right.value !== undefined ? [...left.value, right.value] : undefined, via });
        }
        if (next.length > MAX_CANDIDATES) return this.bounded(next);
      }
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
        for (const c of item ? this.values(item, depth + 1) : [UNKNOWN]) {
          const via = mergeVia(idx.via, c.via);
          if (via) out.push({ ...c, via });
        }
      } else {
        for (const c of this.values(list, depth + 1)) {
          const via = mergeVia(idx.via, c.via);
          if (via) out.push({ value: Array.isArray(c.value) && Number.isInteger(n) ? c.value[n] : undefined, via });
        }
      }
      if (out.length > MAX_CANDIDATES) break;
    }
    return this.bounded(out);
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
    if (arg?.kind !== 'seq' || arg.items.length < 3) return [UNKNOWN];
    const [m, k1, k2] = arg.items;
    const out: Candidate[] = [];
    for (const a of this.values(m, depth + 1)) {
      for (const b of this.values(k1, depth + 1)) {
        const names = b.value === undefined ? undefined : [String(b.value)];
        // An unknown top-level key (often `!Ref AWS::Region`) means any entry of the map may be used.
        const map = get(this.template.mappings, String(a.value));
        // Entries, not their keys listed first: a mapping of thousands is left at the bound, not copied whole.
        const entries = names ? names.map((key) => ({ key, value: get(map, key) })) : map?.kind === 'map' ? map.entries : [];
        for (const { key: first, value: second } of entries) {
          for (const c of this.values(k2, depth + 1)) {
            const leaf = get(second, String(c.value));
            const via = [...a.via, ...b.via, ...c.via, ...(names ? [] : [`mapping ${String(a.value)}.${first}`])];
            for (const v of leaf ? this.values(leaf, depth + 1) : [UNKNOWN]) {
              const all = mergeVia(via, v.via);
              if (all) out.push({ value: v.value, via: all });
            }
          }
          // A mapping of thousands of entries asked with an unknown key: stop at the bound, not at the end.
          if (out.length > MAX_CANDIDATES) return this.bounded(out);
        }
      }
    }
    return out.length === 0 ? [UNKNOWN] : out;
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
          const via = mergeVia(left.via, o.via);
          if (via)
            next.push({ value: left.value !== undefined && isScalarValue(o.value) && o.value !== undefined ? left.value + String(o.value) : undefined, via });
        }
        if (next.length > MAX_CANDIDATES) return this.bounded(next);
      }
      acc = next;
    }
    return acc;
  }
}

/** Candidates without exact repeats (the same value, at the same node, reached the same way). */
function distinct(list: Candidate[]): Candidate[] {
  if (list.length < 2) return list;
  const seen = new Map<CfnNode | undefined, Set<string>>();
  return list.filter((c) => {
    const key = JSON.stringify([c.value ?? null, c.value === undefined, c.via]);
    const keys = seen.get(c.at) ?? new Set<string>();
    seen.set(c.at, keys);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

function listParameter(type: string | undefined): boolean {
  return type === 'CommaDelimitedList' || (type?.startsWith('List<') ?? false);
}

function isScalarValue(v: ResolvedValue | undefined): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
