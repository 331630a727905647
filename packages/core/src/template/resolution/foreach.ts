import type { Notification } from '../../model/finding.js';
import { append } from '../../util/append.js';
import { type CfnEntry, type CfnMap, type CfnNode, get, intrinsicName, scalarString } from '../parsing/node.js';
import type { Resolver } from './resolve.js';

/** Sections where CloudFormation accepts `Fn::ForEach` (the `AWS::LanguageExtensions` transform). */
const SECTIONS = new Set(['Resources', 'Outputs', 'Conditions']);
const LOOP_PREFIX = 'Fn::ForEach::';
/** CloudFormation allows five levels of nested loops. */
const MAX_DEPTH = 5;
/** Far above CloudFormation's 500 resources per template: a bound on work, not a limit a real template meets. */
const MAX_GENERATED = 5_000;
/**
 * CloudFormation's quotas apply to the expanded template (1 MB, 500 resources), so no deployable
 * loop copies more than a few hundred thousand values or rewrites more than a megabyte of text.
 * Past these bounds (values copied, as many as the parser reads from one file; characters of keys
 * and `Fn::Sub` strings rewritten, 16 times what the expanded template may hold) a loop is left
 * unexpanded with a warning: a few lines of nested loops or a small list over a large body would
 * otherwise take the scan's memory and time.
 */
export const MAX_COPIED_NODES = 500_000;
export const MAX_COPIED_CHARS = 16_000_000;

interface Size {
  nodes: number;
  /** Characters of the keys and `Fn::Sub` strings a copy rewrites... */
  chars: number;
  /** ...and the places in them where an item is put. */
  uses: number;
}

interface Context {
  file: string;
  resolver: Resolver;
  notifications: Notification[];
  generated: number;
  copied: { nodes: number; chars: number };
  /** Loops already reported, by position: a loop inside a loop body is met once per copy. */
  reported: Set<string>;
}

function occurrences(text: string, identifier: string): number {
  let n = 0;
  for (const mark of [`\${${identifier}}`, `&{${identifier}}`]) {
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + mark.length)) n++;
  }
  return n;
}

/** The size of a loop body's copy, before the item is put in. */
function sizeOf(node: CfnNode, identifier: string): Size {
  const size = { nodes: 0, chars: 0, uses: 0 };
  const text = (t: string): void => {
    size.chars += t.length;
    size.uses += occurrences(t, identifier);
  };
  const stack: CfnNode[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    size.nodes++;
    if (n.kind === 'seq') for (const i of n.items) stack.push(i);
    else if (n.kind === 'map') {
      for (const e of n.entries) {
        text(e.key);
        if (e.key === 'Fn::Sub') {
          const sub = e.value.kind === 'seq' ? e.value.items[0] : e.value;
          if (sub?.kind === 'scalar' && typeof sub.value === 'string') text(sub.value);
        }
        stack.push(e.value);
      }
    }
  }
  return size;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Expands `Fn::ForEach` loops in the Resources, Outputs and Conditions sections, as the
 * `AWS::LanguageExtensions` transform does: for each item of the collection, the loop's fragment is
 * copied with `${Identifier}` and `&{Identifier}` replaced in keys and in `Fn::Sub` strings, and
 * `Ref: Identifier` replaced by the item. Copies keep the positions of the loop body they come from.
 * A loop whose collection cannot be worked out statically (a literal list, or a list parameter with a
 * value or default) is left out with a note naming it, so nothing is skipped silently.
 */
export function expandForEach(root: CfnMap, text: string, file: string, resolver: Resolver): { root: CfnMap; notifications: Notification[] } {
  if (!text.includes(LOOP_PREFIX)) return { root, notifications: [] };
  const ctx: Context = { file, resolver, notifications: [], generated: 0, copied: { nodes: 0, chars: 0 }, reported: new Set() };
  const entries = root.entries.map((e) => (SECTIONS.has(e.key) && e.value.kind === 'map' ? { ...e, value: expandMap(e.value, ctx, 0) } : e));
  return { root: { ...root, entries }, notifications: ctx.notifications };
}

function expandNode(node: CfnNode, ctx: Context, depth: number): CfnNode {
  if (node.kind === 'map') return expandMap(node, ctx, depth);
  if (node.kind === 'seq') return { ...node, items: node.items.map((i) => expandNode(i, ctx, depth)) };
  return node;
}

function expandMap(map: CfnMap, ctx: Context, depth: number): CfnMap {
  if (!map.entries.some((e) => e.key.startsWith(LOOP_PREFIX) || e.value.kind !== 'scalar')) return map;
  const entries: CfnEntry[] = [];
  for (const e of map.entries) {
    if (e.key.startsWith(LOOP_PREFIX)) append(entries, expandLoop(e, ctx, depth));
    else entries.push({ ...e, value: expandNode(e.value, ctx, depth) });
  }
  return { ...map, entries };
}

function expandLoop(loop: CfnEntry, ctx: Context, depth: number): CfnEntry[] {
  const args = loop.value.kind === 'seq' ? loop.value.items : [];
  const identifier = scalarString(args[0]);
  const body = args[2];
  const items = args[1] ? collection(args[1], ctx.resolver) : undefined;
  let reason: string | undefined;
  // Too large to expand: the template may hide what it creates in the part left out, so this is a warning.
  let tooLarge = false;
  if (args.length !== 3 || !identifier || body?.kind !== 'map') reason = 'it is not of the form [Identifier, Collection, {OutputKey: OutputValue}]';
  else if (!items) reason = 'its collection cannot be worked out before deployment (a literal list or a list parameter with a value or default can)';
  else if (depth >= MAX_DEPTH) reason = `it is nested more than ${MAX_DEPTH} loops deep`;
  else {
    const size = sizeOf(body, identifier);
    const chars = items.reduce((n, item) => n + size.chars + size.uses * item.length, 0);
    tooLarge = true;
    if (ctx.generated + items.length * body.entries.length > MAX_GENERATED) reason = `it would create more than ${count(MAX_GENERATED)} entries`;
    else if (ctx.copied.nodes + items.length * size.nodes > MAX_COPIED_NODES) {
      reason = `with the loops expanded before it, it would copy more than ${count(MAX_COPIED_NODES)} values (${count(items.length)} items of ${count(size.nodes)} values each)`;
    } else if (ctx.copied.chars + chars > MAX_COPIED_CHARS) {
      reason = `with the loops expanded before it, it would write more than ${count(MAX_COPIED_CHARS)} characters of names and Fn::Sub strings`;
    } else {
      tooLarge = false;
      ctx.copied.nodes += items.length * size.nodes;
      ctx.copied.chars += chars;
    }
  }
  if (reason || !identifier || !items || body?.kind !== 'map') {
    const key = `${loop.keyLoc.line}:${loop.keyLoc.column}`;
    if (!ctx.reported.has(key)) {
      ctx.reported.add(key);
      ctx.notifications.push({
        level: tooLarge ? 'warning' : 'note',
        code: 'not-expanded',
        file: ctx.file,
        line: loop.keyLoc.line,
        column: loop.keyLoc.column,
        message: `${loop.key} was not expanded, so what it creates is not checked: ${reason ?? 'it is malformed'}${tooLarge ? '; CloudFormation applies its quotas (1 MB, 500 resources) to the expanded template' : ''}`,
      });
    }
    return [];
  }
  const out: CfnEntry[] = [];
  for (const item of items) {
    ctx.generated += body.entries.length;
    const copy = substitute(body, identifier, item);
    // Loops inside the fragment see this loop's identifier already replaced.
    append(out, copy.kind === 'map' ? expandMap(copy, ctx, depth + 1).entries : []);
  }
  return out;
}

/** The collection's items as text: a literal list, or anything that resolves to exactly one list of scalars. */
function collection(node: CfnNode, resolver: Resolver): string[] | undefined {
  const all = resolver.values(node);
  const value = all.length === 1 ? all[0]?.value : undefined;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items = value.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined));
  return items.every((v): v is string => v !== undefined) ? items : undefined;
}

function replaceText(text: string, identifier: string, item: string): string {
  return text
    .split(`\${${identifier}}`)
    .join(item)
    .split(`&{${identifier}}`)
    .join(item.replace(/[^0-9A-Za-z]/g, ''));
}

/** A copy of `node` for one item: keys and `Fn::Sub` strings rewritten, `Ref` to the identifier replaced. Positions are kept. */
function substitute(node: CfnNode, identifier: string, item: string): CfnNode {
  if (node.kind === 'scalar') return node;
  if (node.kind === 'seq') return { ...node, items: node.items.map((i) => substitute(i, identifier, item)) };
  const fn = intrinsicName(node);
  if (fn === 'Ref' && scalarString(get(node, 'Ref')) === identifier) return { kind: 'scalar', value: item, loc: node.loc, span: node.span };
  if (fn === 'Fn::Sub') {
    const arg = get(node, 'Fn::Sub');
    const entry = node.entries[0];
    if (arg && entry) {
      const vars = arg.kind === 'seq' ? arg.items[1] : undefined;
      // A variable of the same name given to Fn::Sub hides the loop's identifier.
      const shadowed = get(vars, identifier) !== undefined;
      const text = (s: CfnNode | undefined): CfnNode | undefined =>
        s?.kind === 'scalar' && typeof s.value === 'string' && !shadowed ? { ...s, value: replaceText(s.value, identifier, item) } : s;
      const value: CfnNode =
        arg.kind === 'seq' ? { ...arg, items: arg.items.map((a, i) => (i === 0 ? (text(a) ?? a) : substitute(a, identifier, item))) } : (text(arg) ?? arg);
      return { ...node, entries: [{ ...entry, value }] };
    }
  }
  return { ...node, entries: node.entries.map((e) => ({ ...e, key: replaceText(e.key, identifier, item), value: substitute(e.value, identifier, item) })) };
}
