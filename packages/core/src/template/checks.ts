import type { Notification } from '../model/finding.js';
import { type CfnNode, get, getEntry, intrinsicName, scalarString, walk } from './parsing/node.js';
import type { ParseNotice } from './parsing/parse.js';
import type { Template } from './types.js';

/** CloudFormation's limits on a template body: inline in the request (`--template-body`), and from S3 (`--template-url`). */
export const INLINE_TEMPLATE_BYTES = 51_200;
export const S3_TEMPLATE_BYTES = 1_000_000;

/** Per-template quotas of CloudFormation (Service Quotas, "AWS CloudFormation"). */
const SECTION_LIMITS: readonly [section: string, limit: number, noun: string][] = [
  ['Resources', 500, 'resources'],
  ['Parameters', 200, 'parameters'],
  ['Outputs', 200, 'outputs'],
  ['Mappings', 200, 'mappings'],
];

/** `51,974`: grouped as `toLocaleString('en-US')` groups, without loading the locale data on a scan's first large template. */
export const bytes = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * What CloudFormation would refuse about a template that mamori still scans: its size, its
 * quotas, JSON comments and trailing commas, circular dependencies between resources or conditions.
 * Each is a notification, never a reason to skip the template's findings.
 */
export function templateNotices(template: Template, rawBytes: number, parseNotices: readonly ParseNotice[] = []): Notification[] {
  const file = template.file;
  const out: Notification[] = [];
  if (rawBytes > S3_TEMPLATE_BYTES) {
    out.push({
      level: 'warning',
      code: 'not-deployable',
      file,
      message: `Template is ${bytes(rawBytes)} bytes, over the 1 MB (${bytes(S3_TEMPLATE_BYTES)} bytes) CloudFormation accepts even from S3; scanned anyway`,
    });
  } else if (rawBytes > INLINE_TEMPLATE_BYTES) {
    out.push({
      level: 'note',
      code: 'template-limit',
      file,
      message: `Template is ${bytes(rawBytes)} bytes, over the ${bytes(INLINE_TEMPLATE_BYTES)} bytes CloudFormation accepts inline (--template-body); deploy it from S3 (--template-url, up to 1 MB)`,
    });
  }
  for (const [section, limit, noun] of SECTION_LIMITS) {
    const entry = getEntry(template.root, section);
    const count = entry?.value.kind === 'map' ? entry.value.entries.length : 0;
    if (entry && count > limit) {
      out.push({
        level: 'warning',
        code: 'not-deployable',
        file,
        line: entry.keyLoc.line,
        column: entry.keyLoc.column,
        message: `${count} ${noun}, over the ${limit} CloudFormation allows in one template; scanned anyway`,
      });
    }
  }
  for (const n of parseNotices) {
    const what = n.kind === 'json-comment' ? 'Comment in JSON' : 'Trailing comma in JSON';
    out.push({
      level: 'note',
      code: 'not-deployable',
      file,
      line: n.line,
      column: n.column,
      message: `${what}: read here, but CloudFormation rejects it in a JSON template; remove it before deploying`,
    });
  }
  // A transform (SAM, a macro) rewrites references before CloudFormation orders resources; only plain templates are checked.
  if (template.transforms.length === 0) {
    const next = (id: string): readonly string[] => resourceDependencies(template, id);
    for (const cycle of cycles(template.resources.keys(), next)) {
      const first = template.resources.get(cycle[0] ?? '');
      out.push({
        level: 'warning',
        code: 'not-deployable',
        file,
        ...(first ? { line: first.loc.line, column: first.loc.column } : {}),
        message: `Circular dependency between resources: ${cycleText(cycle, next)}; CloudFormation rejects this template (scanned anyway)`,
      });
    }
  }
  const conditions = template.conditions;
  if (conditions) {
    const names = conditions.entries.map((e) => e.key);
    const known = new Set(names);
    const next = (name: string): readonly string[] => conditionReferences(get(conditions, name), known);
    for (const cycle of cycles(names, next)) {
      const first = getEntry(conditions, cycle[0] ?? '');
      out.push({
        level: 'warning',
        code: 'not-deployable',
        file,
        ...(first ? { line: first.keyLoc.line, column: first.keyLoc.column } : {}),
        message: `Circular reference between conditions: ${cycleText(cycle, next)}; CloudFormation rejects this template (scanned anyway), and these conditions are treated as unknown`,
      });
    }
  }
  return out;
}

/** `A → C → B → A`: the shortest way round from the component's first member, then any other members. */
function cycleText(component: readonly string[], next: (node: string) => readonly string[]): string {
  const first = component[0] ?? '';
  if (component.length === 1) return `${first} refers to itself`;
  const members = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [first];
  for (let i = 0; i < queue.length && !cameFrom.has(first); i++) {
    const node = queue[i] as string;
    for (const target of next(node)) {
      if (!members.has(target) || cameFrom.has(target)) continue;
      cameFrom.set(target, node);
      queue.push(target);
    }
  }
  const path = [first];
  for (let node = cameFrom.get(first); node !== undefined && node !== first && path.length <= component.length; node = cameFrom.get(node)) path.unshift(node);
  path.unshift(first);
  const others = component.filter((m) => !path.includes(m));
  return `${path.join(' → ')}${others.length > 0 ? ` (also in the cycle: ${others.join(', ')})` : ''}`;
}

const SUB_VAR = /\$\{([A-Za-z0-9_:]+)(?:\.[A-Za-z0-9_.]+)?\}/g;

/** Logical ids a resource waits for: `DependsOn`, and `Ref`, `Fn::GetAtt` and `${Name}` in its properties. */
function resourceDependencies(template: Template, logicalId: string): string[] {
  const res = template.resources.get(logicalId);
  if (!res) return [];
  const out = new Set<string>();
  const add = (id: string | undefined): void => {
    if (id !== undefined && template.resources.has(id)) out.add(id);
  };
  const dependsOn = get(res.node, 'DependsOn');
  if (dependsOn?.kind === 'seq') for (const item of dependsOn.items) add(scalarString(item));
  else add(scalarString(dependsOn));
  // Every node in document order; scalars, most of them, are no intrinsic and hold nothing.
  const visit = (node: CfnNode): void => {
    if (node.kind === 'seq') {
      for (const item of node.items) if (item.kind !== 'scalar') visit(item);
      return;
    }
    if (node.kind !== 'map') return;
    const fn = intrinsicName(node);
    const arg = fn ? get(node, fn) : undefined;
    if (fn === 'Ref') add(scalarString(arg));
    else if (fn === 'Fn::GetAtt') add(arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg)?.split('.')[0]);
    else if (fn === 'Fn::Sub') {
      const text = arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg);
      const vars = arg?.kind === 'seq' ? arg.items[1] : undefined;
      for (const m of text?.matchAll(SUB_VAR) ?? []) {
        const name = m[1] ?? '';
        // A name given in the variable map is local to the Sub, not a resource.
        if (!getEntry(vars, name)) add(name);
      }
    }
    for (const e of node.entries) if (e.value.kind !== 'scalar') visit(e.value);
  };
  if (res.properties) visit(res.properties);
  return [...out];
}

function conditionReferences(node: CfnNode | undefined, names: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  if (node) {
    walk(node, (n) => {
      if (intrinsicName(n) !== 'Condition') return;
      const name = scalarString(get(n, 'Condition'));
      if (name !== undefined && names.has(name)) out.add(name);
    });
  }
  return [...out];
}

/**
 * Strongly connected components with more than one member, or a member that refers to itself
 * (Tarjan's algorithm, iterative so that long chains do not exhaust the stack). Members are listed
 * in the order the template gives them, starting with the first.
 */
export function cycles(nodes: Iterable<string>, next: (node: string) => readonly string[]): string[][] {
  const order = [...nodes];
  const position = new Map(order.map((n, i) => [n, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const start of order) {
    if (index.has(start)) continue;
    const work: { node: string; edges: readonly string[]; i: number }[] = [];
    const enter = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: next(node).filter((n) => position.has(n)), i: 0 });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.i < frame.edges.length) {
        const target = frame.edges[frame.i++] as string;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      for (;;) {
        const member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      if (component.length > 1 || frame.edges.includes(frame.node)) {
        found.push(component.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)));
      }
    }
  }
  return found.sort((a, b) => (position.get(a[0] ?? '') ?? 0) - (position.get(b[0] ?? '') ?? 0));
}
