import { applyEdits, format, type Node as JsonNode, modify, parseTree } from 'jsonc-parser';
import {
  type Document,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Pair,
  parseDocument,
  Scalar,
  stringify,
  visit,
  type YAMLMap,
  type YAMLSeq,
  type Node as YamlNode,
} from 'yaml';
import type { Lang } from '../i18n/lang.js';
import { fixText, type Unfixable } from './texts.js';
import type { TemplateEdit, TemplatePath, TemplateValue, TextReplacement } from './types.js';

/** Replacements that make the edits in `text`, or why they cannot be made without guessing. */
export type EditOutcome = { replacements: TextReplacement[]; edits?: TemplateEdit[] } | { unfixable: string };

/** An edit's replacements (and, when it was moved to the value's source, the edit made instead), or why not. */
type Made = { replacements: TextReplacement[]; as?: TemplateEdit } | { unfixable: Unfixable };

/**
 * Past this size a template is not edited: CloudFormation takes template bodies of 1 MB at most, and
 * the yaml document an edit needs costs far more memory and time than the scanner's own reading.
 */
const FIX_MAX_CHARS = 4 * 1024 * 1024;

/**
 * The text replacements that make `edits` in a template, keeping the rest of the file as written:
 * for JSON from jsonc-parser's tree (its `modify` and `format` where members do not start their
 * lines), in the file's indentation and line endings; for YAML from the `yaml` document's node ranges (comments, quoting, short-form tags, indentation and line endings
 * outside the edited value stay). A value given by an intrinsic function is not edited, except a
 * `Ref` to a parameter nothing else uses, whose `Default` is set instead; the reason says which.
 */
export function templateEdits(file: string, text: string, edits: readonly TemplateEdit[], lang: Lang = 'en'): EditOutcome {
  if (text.length > FIX_MAX_CHARS) return { unfixable: fixText(lang, 'unfixable.tooLarge', { mib: FIX_MAX_CHARS / (1024 * 1024) }) };
  const json = isJsonText(file, text);
  const one = (at: string, edit: TemplateEdit): Made => {
    // The findings of a file often offer the same edit (one new parameter for every open port): made once.
    if (memo?.text !== at) memo = { text: at, made: new Map() };
    const key = JSON.stringify(edit);
    let made = memo.made.get(key);
    if (!made) {
      made = json ? jsonEdit(at, edit) : yamlEdit(at, edit);
      memo.made.set(key, made);
    }
    return made;
  };
  // Edits that touch separate parts of the file are all made on it as it is, parsed once (a large
  // template with many findings would otherwise be parsed again for every edit).
  if (edits.length === 1) {
    const made = one(text, edits[0] as TemplateEdit);
    if ('unfixable' in made) return { unfixable: fixText(lang, made.unfixable.key, made.unfixable.data) };
    return made.as && made.replacements.length > 0 ? { replacements: made.replacements, edits: [made.as] } : { replacements: made.replacements };
  }
  if (edits.length > 1) {
    const apart: Made[] = edits.map((edit) => one(text, edit));
    const all = apart.flatMap((m) => ('replacements' in m ? m.replacements : []));
    const sorted = [...all].sort((a, b) => a.offset - b.offset);
    const separate = sorted.every((r, i) => i === 0 || r.offset > (sorted[i - 1] as TextReplacement).offset + (sorted[i - 1] as TextReplacement).length);
    if (separate && apart.every((m) => 'replacements' in m)) {
      const done = apart.map((m, i) => ('replacements' in m && m.as) || (edits[i] as TemplateEdit));
      return done.some((e, i) => e !== edits[i]) ? { replacements: sorted, edits: done } : { replacements: sorted };
    }
  }
  // Else each edit is made on the text the ones before it left (a JSON insertion rewrites its
  // neighbour's comma), and the whole is given as one replacement of what changed.
  let current = text;
  let last: TextReplacement[] = [];
  const done: TemplateEdit[] = [];
  for (const edit of edits) {
    const made = one(current, edit);
    if ('unfixable' in made) return { unfixable: fixText(lang, made.unfixable.key, made.unfixable.data) };
    done.push(made.as ?? edit);
    if (made.replacements.length === 0) continue;
    last = made.replacements;
    current = applyReplacements(current, last);
  }
  if (current === text) return { replacements: [] };
  // The last edit's own replacements when they alone turn the text into the result, else one of what changed.
  const replacements = last.length > 0 && applyReplacements(text, last) === current ? last : [changed(text, current)];
  return done.some((e, i) => e !== edits[i]) ? { replacements, edits: done } : { replacements };
}

let memo: { text: string; made: Map<string, Made> } | undefined;

/**
 * jsonc-parser's `modify` and `format` read the whole file for each edit: past this many characters
 * read for one text, edits that need them are not computed, so that a file with thousands of
 * findings cannot stall a scan. `mamori fix` makes what it could and computes the rest on the text it wrote.
 */
const JSON_WORK_LIMIT = 64 * 1024 * 1024;
let jsonWork: { text: string; read: number } | undefined;

function jsonWorkAllowed(text: string): boolean {
  if (jsonWork?.text !== text) jsonWork = { text, read: 0 };
  jsonWork.read += text.length;
  return jsonWork.read <= JSON_WORK_LIMIT;
}

/**
 * The one replacement that turns `before` into `after`: only the characters between their common
 * start and end, so that it never carries text of the file that did not change (a literal secret on
 * the next line would otherwise be copied into every report that shows the fix).
 */
function changed(before: string, after: string): TextReplacement {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return located(before, start, before.length - end - start, after.slice(start, after.length - end));
}

/** `text` with the replacements made; overlapping ones after the first are left out. */
export function applyReplacements(text: string, replacements: readonly TextReplacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.offset < at) continue;
    out += text.slice(at, r.offset) + r.insertedContent;
    at = r.offset + r.length;
  }
  return out + text.slice(at);
}

function isJsonText(file: string, text: string): boolean {
  if (file.toLowerCase().endsWith('.json')) return true;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\uFEFF') continue;
    return ch === '{';
  }
  return false;
}

function eolOf(text: string): string {
  const n = text.indexOf('\n');
  return n > 0 && text[n - 1] === '\r' ? '\r\n' : '\n';
}

function located(text: string, offset: number, length: number, insertedContent: string): TextReplacement {
  const start = position(text, offset);
  const end = position(text, offset + length);
  return { offset, length, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, insertedContent };
}

// Line starts of the last text positions were asked in: a file's fixes all locate in the same text.
let lineStarts: { text: string; starts: number[] } | undefined;

function position(text: string, offset: number): { line: number; column: number } {
  if (lineStarts?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts = { text, starts };
  }
  const { starts } = lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

function pathText(path: TemplatePath): string {
  return path.length === 0 ? '/' : path.join('/');
}

function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `value` under the keys of `path`, innermost last: `['A', 'B']` and 1 give `{ A: { B: 1 } }`. */
function nest(path: readonly string[], value: TemplateValue): TemplateValue {
  return path.reduceRight<TemplateValue>((inner, key) => ({ [key]: inner }), value);
}

const IS_LITERAL = (value: TemplateValue): value is boolean | number | string => typeof value !== 'object';

/** An intrinsic function and its argument, as both formats give it. */
interface Intrinsic {
  fn: string;
  /** The argument as plain data (short-form scalars as their text). */
  arg: unknown;
}

/**
 * What to do about an intrinsic where a literal should be set: a `Ref` to a parameter that nothing
 * else uses moves the edit to its `Default`; anything else is refused with the function named.
 */
function atSource(path: TemplatePath, found: Intrinsic, value: TemplateValue, parameters: ParameterInfo): { edit: TemplateEdit } | { unfixable: Unfixable } {
  const where = pathText(path);
  const arg = Array.isArray(found.arg) ? found.arg : [found.arg];
  if (found.fn === 'Fn::If') return { unfixable: { key: 'unfixable.if', data: { path: where, condition: String(arg[0]) } } };
  if (found.fn === 'Fn::FindInMap') return { unfixable: { key: 'unfixable.mapping', data: { path: where, mapping: String(arg[0]) } } };
  if (found.fn !== 'Ref' || typeof found.arg !== 'string' || !IS_LITERAL(value) || !parameters.has(found.arg)) {
    return { unfixable: { key: 'unfixable.intrinsic', data: { path: where, fn: found.fn === 'Ref' ? `Ref ${String(found.arg)}` : found.fn } } };
  }
  const name = found.arg;
  const uses = parameters.uses(name);
  if (uses > 1) return { unfixable: { key: 'unfixable.sharedParameter', data: { path: where, parameter: name, count: uses - 1 } } };
  const param = parameters.get(name);
  if (param?.default === undefined) return { unfixable: { key: 'unfixable.parameterNoDefault', data: { path: where, parameter: name } } };
  if (param.allowed && !param.allowed.includes(String(value))) {
    return { unfixable: { key: 'unfixable.allowedValues', data: { path: where, parameter: name, value: String(value) } } };
  }
  // A parameter's value is text to CloudFormation: a quoted default stays quoted text.
  const written = typeof param.default === 'string' ? String(value) : value;
  return { edit: { op: 'set', path: ['Parameters', name, 'Default'], value: written } };
}

function movedTo(edit: TemplateEdit, made: Made): Made {
  return 'replacements' in made ? { replacements: made.replacements, as: made.as ?? edit } : made;
}

/** The template's parameters: their literal defaults and allowed values, and how often each is used. */
interface ParameterInfo {
  has(name: string): boolean;
  get(name: string): { default?: boolean | number | string; allowed?: string[] } | undefined;
  /** References by `Ref` and by `${name}` in `Fn::Sub`, anywhere in the template. */
  uses(name: string): number;
}

function parameterInfo(plain: unknown, refs: Map<string, number>): ParameterInfo {
  const params = (plain as { Parameters?: unknown } | null)?.Parameters;
  const table = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  return {
    has: (name) => Object.hasOwn(table, name),
    get(name) {
      const p = table[name];
      if (typeof p !== 'object' || p === null) return undefined;
      const { Default: d, AllowedValues: a } = p as Record<string, unknown>;
      return {
        ...(typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean' ? { default: d } : {}),
        ...(Array.isArray(a) ? { allowed: a.map(String) } : {}),
      };
    },
    uses: (name) => refs.get(name) ?? 0,
  };
}

const SUB_NAMES = /\$\{([A-Za-z0-9:_]+)(?:\.[^}]*)?\}/g;

function countSub(refs: Map<string, number>, text: string): void {
  for (const m of text.matchAll(SUB_NAMES)) refs.set(m[1] as string, (refs.get(m[1] as string) ?? 0) + 1);
}

// JSON

/** The indentation the file's first indented line uses (a tab, or its spaces), two spaces if none. */
function jsonIndent(text: string): { insertSpaces: boolean; tabSize: number } {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    if (text[j] === '\t') return { insertSpaces: false, tabSize: 1 };
    while (text[j] === ' ') j++;
    if (j > i + 1 && text[j] !== '\n' && text[j] !== '\r') return { insertSpaces: true, tabSize: j - i - 1 };
  }
  return { insertSpaces: true, tabSize: 2 };
}

// The findings of one file are fixed against the same text: it is parsed once for all of them.
let parsedJson: { text: string; root: JsonNode | undefined; params?: ParameterInfo } | undefined;

function jsonPlain(node: JsonNode): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of node.children ?? []) if (p.children?.[0] && p.children[1]) out[String(p.children[0].value)] = jsonPlain(p.children[1]);
    return out;
  }
  if (node.type === 'array') return (node.children ?? []).map(jsonPlain);
  return node.value;
}

function jsonIntrinsic(node: JsonNode): Intrinsic | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const [k, v] = node.children[0]?.children ?? [];
  return typeof k?.value === 'string' && isIntrinsicKey(k.value) && v ? { fn: k.value, arg: jsonPlain(v) } : undefined;
}

function jsonParameters(root: JsonNode): ParameterInfo {
  const refs = new Map<string, number>();
  const walk = (node: JsonNode): void => {
    const fn = jsonIntrinsic(node);
    if (fn?.fn === 'Ref' && typeof fn.arg === 'string') refs.set(fn.arg, (refs.get(fn.arg) ?? 0) + 1);
    if (fn?.fn === 'Fn::Sub') {
      const arg = fn.arg;
      const body = Array.isArray(arg) ? arg[0] : arg;
      if (typeof body === 'string') countSub(refs, body);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return parameterInfo(jsonPlain(root), refs);
}

function jsonChild(node: JsonNode, key: string | number): JsonNode | undefined {
  if (typeof key === 'number') return node.type === 'array' ? node.children?.[key] : undefined;
  // The last of duplicate keys is the one a JSON reader keeps.
  let found: JsonNode | undefined;
  for (const prop of node.children ?? []) if (prop.children?.[0]?.value === key) found = prop.children[1];
  return found;
}

function jsonEdit(text: string, edit: TemplateEdit): Made {
  if (parsedJson?.text !== text) parsedJson = { text, root: parseTree(text) };
  const parsed = parsedJson;
  const root = parsed.root;
  if (!root) return { unfixable: { key: 'unfixable.parse' } };
  const parentPath = edit.path.slice(0, -1);
  let parent: JsonNode = root;
  for (const [i, key] of parentPath.entries()) {
    const plain = typeof key === 'number' ? parent.type === 'array' : parent.type === 'object' && !jsonIntrinsic(parent);
    if (!plain) return { unfixable: { key: 'unfixable.notPlain', data: { path: pathText(parentPath.slice(0, i)) } } };
    const child = jsonChild(parent, key);
    if (!child) return missingParent(edit, i, (e) => jsonEdit(text, e));
    parent = child;
  }
  const key = edit.path[edit.path.length - 1] as string | number;
  const plainParent = typeof key === 'number' ? parent.type === 'array' : parent.type === 'object' && !jsonIntrinsic(parent);
  if (!plainParent) return { unfixable: { key: 'unfixable.notPlain', data: { path: pathText(parentPath) } } };
  const current = jsonChild(parent, key);
  if (edit.op === 'delete') {
    if (!current) return { replacements: [] };
    return { replacements: [jsonRemoval(text, parent, current)] };
  }
  if (current) {
    const fn = jsonIntrinsic(current);
    if (fn && edit.op === 'set') {
      parsed.params ??= jsonParameters(root);
      const source = atSource(edit.path, fn, edit.value, parsed.params);
      return 'edit' in source ? movedTo(source.edit, jsonEdit(text, source.edit)) : source;
    }
    if (same(jsonPlain(current), edit.value)) return { replacements: [] };
    if (edit.op === 'add' || current.type === 'object' || current.type === 'array') {
      return { unfixable: { key: 'unfixable.exists', data: { path: pathText(edit.path) } } };
    }
  }
  const before = edit.op === 'add' ? edit.before : undefined;
  // A value replaced keeps its line; an object or array written on one line gets a new member on that line too.
  if (current) return { replacements: [located(text, current.offset, current.length, inlineJson(edit.value))] };
  if (!text.slice(parent.offset, parent.offset + parent.length).includes('\n') && !before) {
    if (typeof key === 'string' && parent.type === 'object') {
      const lastMember = parent.children?.[parent.children.length - 1];
      const member = `${JSON.stringify(key)}: ${inlineJson(edit.value)}`;
      return {
        replacements: [
          lastMember
            ? located(text, lastMember.offset + lastMember.length, 0, `, ${member}`)
            : located(text, parent.offset + 1, parent.length - 2, ` ${member} `),
        ],
      };
    }
  }
  if (typeof key === 'string' && parent.type === 'object') {
    const member = jsonMember(text, parent, key, edit.value, before);
    if (member) return { replacements: [member] };
  }
  // Else modify() inserts the member with its comma, unformatted; only the inserted text is then
  // formatted, so that neighbouring members keep their layout.
  if (!jsonWorkAllowed(text)) return { unfixable: { key: 'unfixable.tooMany' } };
  const edits = modify(text, edit.path as (string | number)[], edit.value, {
    ...(before ? { getInsertionIndex: (keys: string[]) => insertionIndex(keys, before) } : {}),
  });
  const inserted = applyEdits(text, edits);
  const range = { offset: Math.min(...edits.map((e) => e.offset)), length: edits.reduce((n, e) => n + e.content.length - e.length, 0) };
  const formatted = applyEdits(inserted, format(inserted, range, { ...jsonIndent(text), eol: eolOf(text) }));
  return { replacements: [changed(text, formatted)] };
}

/**
 * A new member after the object's last one (or before the first of `before`), on a line of its own
 * at the members' indentation, its value laid out with the file's indentation: made from the parsed
 * tree, so that a file's many findings do not each read it again. Undefined when the members do not
 * start their lines (then `modify` and `format` place it).
 */
function jsonMember(text: string, parent: JsonNode, key: string, value: TemplateValue, before: readonly string[] | undefined): TextReplacement | undefined {
  const members = parent.children ?? [];
  const last = members[members.length - 1];
  if (!last) return undefined;
  const next = before ? members.find((m) => before.includes(String(m.children?.[0]?.value))) : undefined;
  const anchor = next ?? last;
  const indent = text.slice(text.lastIndexOf('\n', anchor.offset - 1) + 1, anchor.offset);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const eol = eolOf(text);
  const unit = jsonIndent(text);
  const body = JSON.stringify(value, null, unit.insertSpaces ? ' '.repeat(unit.tabSize) : '\t')
    .split('\n')
    .join(`${eol}${indent}`);
  const member = `${JSON.stringify(key)}: ${body}`;
  return next ? located(text, next.offset, 0, `${member},${eol}${indent}`) : located(text, last.offset + last.length, 0, `,${eol}${indent}${member}`);
}

/** A member taken out with the comma that parts it from a neighbour; the last one leaves `{}`. */
function jsonRemoval(text: string, parent: JsonNode, value: JsonNode): TextReplacement {
  const members = parent.children ?? [];
  const at = members.findIndex((m) => m.children?.[1] === value);
  const member = members[at] as JsonNode;
  const prev = members[at - 1];
  const next = members[at + 1];
  if (prev) return located(text, prev.offset + prev.length, member.offset + member.length - prev.offset - prev.length, '');
  if (next) return located(text, member.offset, next.offset - member.offset, '');
  return located(text, parent.offset + 1, parent.length - 2, '');
}

/** A value as JSON on one line, spaced as people write it: `{ "Ref": "AdminCidr" }`. */
function inlineJson(value: TemplateValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v as TemplateValue)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function insertionIndex(keys: readonly string[], before: readonly string[]): number {
  const at = keys.findIndex((k) => before.includes(k));
  return at === -1 ? keys.length : at;
}

/**
 * An edit whose path goes through a key the template does not have: the first missing key is added
 * with the rest of the path nested in its value (a `Parameters` section that does not exist yet).
 */
function missingParent(edit: TemplateEdit, missing: number, redo: (edit: TemplateEdit) => Made): Made {
  const rest = edit.path.slice(missing + 1);
  if (edit.op === 'delete') return { replacements: [] };
  if (rest.some((k) => typeof k === 'number') || typeof edit.path[missing] === 'number') {
    return { unfixable: { key: 'unfixable.missing', data: { path: pathText(edit.path.slice(0, missing + 1)) } } };
  }
  const value = nest(rest as string[], edit.value);
  const before = edit.op === 'add' && missing === edit.path.length - 1 ? edit.before : undefined;
  // A new section goes where CloudFormation's documentation puts it: before the sections that follow it.
  const order = missing === 0 ? sectionsAfter(String(edit.path[0])) : undefined;
  return redo({ op: 'add', path: edit.path.slice(0, missing + 1), value, ...((before ?? order) ? { before: before ?? order } : {}) });
}

const SECTIONS = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'];

function sectionsAfter(section: string): string[] | undefined {
  const at = SECTIONS.indexOf(section);
  return at === -1 ? undefined : SECTIONS.slice(at + 1);
}

// YAML

let parsedYaml: { text: string; doc: Document; params?: ParameterInfo; style?: YamlStyle } | undefined;

/** How the file lays out YAML: the indentation step, whether list items are indented under their key, short-form tags. */
interface YamlStyle {
  indent: number;
  indentSeq: boolean;
  shortTags: boolean;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function yamlStyle(text: string, doc: Document): YamlStyle {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  let shortTags = false;
  visit(doc, {
    Node(_key, node) {
      if (node.tag?.startsWith('!') && !node.tag.startsWith('!!')) shortTags = true;
    },
    Pair(_key, pair) {
      const k = pair.key as YamlNode | null;
      const v = pair.value as YamlNode | null;
      if (!k?.range || !isCollection(v) || v.flow || !v.range || v.items.length === 0) return;
      const keyCol = columnOf(text, k.range[0]);
      if (isMap(v) && indent === undefined) {
        const first = v.items[0]?.key as YamlNode | null | undefined;
        if (first?.range && columnOf(text, first.range[0]) > keyCol) indent = columnOf(text, first.range[0]) - keyCol;
      }
      if (isSeq(v) && indentSeq === undefined) indentSeq = columnOf(text, v.range[0]) > keyCol;
    },
  });
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, shortTags };
}

function yamlIntrinsic(node: YamlNode | null | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  const tag = node.tag;
  if (tag?.startsWith('!') && !tag.startsWith('!!')) {
    const name = tag.slice(1);
    const fn = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    return { fn, arg: node.toJSON() };
  }
  if (isMap(node) && node.items.length === 1) {
    const only = node.items[0];
    if (isScalar(only?.key) && typeof only.key.value === 'string' && isIntrinsicKey(only.key.value)) {
      return { fn: only.key.value, arg: (only.value as YamlNode | null)?.toJSON() };
    }
  }
  return undefined;
}

function yamlParameters(doc: Document): ParameterInfo {
  const refs = new Map<string, number>();
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (node.tag === '!Ref') refs.set(node.value, (refs.get(node.value) ?? 0) + 1);
      else countSub(refs, node.value);
    },
    Pair(_key, pair) {
      const v = pair.value;
      if (isScalar(pair.key) && pair.key.value === 'Ref' && isScalar(v) && typeof v.value === 'string') refs.set(v.value, (refs.get(v.value) ?? 0) + 1);
    },
  });
  return parameterInfo(doc.toJSON(), refs);
}

function lastPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && item.key.value === key) found = item;
  return found;
}

function yamlChild(node: YamlNode | null | undefined, key: string | number): { node: YamlNode | null; pair?: Pair } | undefined {
  if (typeof key === 'number') {
    if (!isSeq(node)) return undefined;
    const item = (node as YAMLSeq).items[key] as YamlNode | undefined;
    return item === undefined ? undefined : { node: item };
  }
  if (!isMap(node)) return undefined;
  const pair = lastPair(node, key);
  return pair ? { node: (pair.value as YamlNode | null) ?? null, pair } : undefined;
}

function isPlainYaml(node: YamlNode | null | undefined, key: string | number): boolean {
  if (!node || node.tag !== undefined || yamlIntrinsic(node)) return false;
  return typeof key === 'number' ? isSeq(node) : isMap(node);
}

/** `value` as YAML data, with `{ Ref: name }` as a `!Ref` scalar where the file writes short forms. */
function yamlData(value: TemplateValue, style: YamlStyle): unknown {
  if (Array.isArray(value)) return value.map((v) => yamlData(v, style));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (style.shortTags && entries.length === 1 && entries[0]?.[0] === 'Ref' && typeof entries[0][1] === 'string') {
      const ref = new Scalar(entries[0][1]);
      ref.tag = '!Ref';
      return ref;
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, yamlData(v as TemplateValue, style)]));
  }
  return value;
}

function trimEol(written: string): string {
  return written.endsWith('\n') ? written.slice(0, -1) : written;
}

/** `value` written in place of a scalar: the scalar's quoting for text, a flow collection or `!Ref` for the rest. */
function inlineText(value: TemplateValue, style: YamlStyle, like?: Scalar): string {
  if (IS_LITERAL(value)) {
    const quoted = like && (like.type === Scalar.QUOTE_SINGLE || like.type === Scalar.QUOTE_DOUBLE);
    const type = quoted ? (like.type as 'QUOTE_SINGLE' | 'QUOTE_DOUBLE') : undefined;
    return trimEol(stringify(quoted ? String(value) : value, type ? { defaultStringType: type } : {}));
  }
  return trimEol(stringify(yamlData(value, style), { collectionStyle: 'flow' }));
}

/** `key: value` as block YAML lines at `indent`, in the file's style, each ending with `eol`. */
function blockText(key: string | number, value: TemplateValue, indent: string, style: YamlStyle, eol: string): string {
  const data = typeof key === 'number' ? [yamlData(value, style)] : { [key]: yamlData(value, style) };
  const written = stringify(data, { indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0 });
  return trimEol(written)
    .split('\n')
    .map((line) => `${indent}${line}${eol}`)
    .join('');
}

function yamlEdit(text: string, edit: TemplateEdit): Made {
  if (parsedYaml?.text !== text) parsedYaml = { text, doc: parseDocument(text, { uniqueKeys: false, strict: false }) };
  const parsed = parsedYaml;
  const doc = parsed.doc;
  if (doc.errors.length > 0) return { unfixable: { key: 'unfixable.parse' } };
  parsed.style ??= yamlStyle(text, doc);
  const style = parsed.style;
  const parentPath = edit.path.slice(0, -1);
  let parent: YamlNode | null | undefined = doc.contents;
  for (const [i, key] of parentPath.entries()) {
    if (!isPlainYaml(parent, key)) return { unfixable: { key: 'unfixable.notPlain', data: { path: pathText(parentPath.slice(0, i)) } } };
    const child = yamlChild(parent, key);
    if (!child) return missingParent(edit, i, (e) => yamlEdit(text, e));
    parent = child.node;
  }
  const key = edit.path[edit.path.length - 1] as string | number;
  if (!isPlainYaml(parent, key) || !parent || !isCollection(parent)) {
    return { unfixable: { key: 'unfixable.notPlain', data: { path: pathText(parentPath) } } };
  }
  const found = yamlChild(parent, key);
  if (edit.op === 'delete') {
    if (!found?.pair) return found ? { unfixable: { key: 'unfixable.layout', data: { path: pathText(parentPath) } } } : { replacements: [] };
    if (parent.flow) return removeFlowPair(text, parent as YAMLMap, found.pair, pathText(parentPath));
    return removePair(text, parent as YAMLMap, found.pair, pathText(parentPath));
  }
  if (found) {
    const value = found.node;
    const fn = yamlIntrinsic(value);
    if (fn && edit.op === 'set') {
      parsed.params ??= yamlParameters(doc);
      const source = atSource(edit.path, fn, edit.value, parsed.params);
      return 'edit' in source ? movedTo(source.edit, yamlEdit(text, source.edit)) : source;
    }
    if (same(value?.toJSON() ?? null, edit.value)) return { replacements: [] };
    if (edit.op === 'add' || fn || !isScalar(value) || !value.range) return { unfixable: { key: 'unfixable.exists', data: { path: pathText(edit.path) } } };
    return { replacements: [located(text, value.range[0], value.range[1] - value.range[0], inlineText(edit.value, style, value))] };
  }
  if (typeof key === 'number') return { unfixable: { key: 'unfixable.missing', data: { path: pathText(edit.path) } } };
  if (parent.flow) return insertFlowPair(text, parent as YAMLMap, key, edit.value, style, pathText(parentPath));
  return insertPair(text, parent as YAMLMap, key, edit.value, style, edit.op === 'add' ? edit.before : undefined, pathText(parentPath));
}

/** The indentation before a mapping's first key, when the key starts its line. */
function mapIndent(text: string, map: YAMLMap): string | undefined {
  const firstKey = map.items[0]?.key as YamlNode | undefined;
  if (!firstKey?.range) return undefined;
  const keyAt = firstKey.range[0];
  const lineStart = text.lastIndexOf('\n', keyAt - 1) + 1;
  for (let i = lineStart; i < keyAt; i++) if (text[i] !== ' ') return undefined;
  return text.slice(lineStart, keyAt);
}

/** A new `key: value` entry: before the first of `before` the mapping has, else after its last entry. */
function insertPair(
  text: string,
  map: YAMLMap,
  key: string,
  value: TemplateValue,
  style: YamlStyle,
  before: readonly string[] | undefined,
  where: string,
): Made {
  const indent = mapIndent(text, map);
  const last = map.items[map.items.length - 1];
  if (indent === undefined || !last) return { unfixable: { key: 'unfixable.layout', data: { path: where } } };
  const eol = eolOf(text);
  const lines = blockText(key, value, indent, style, eol);
  const next = before?.map((k) => lastPair(map, k)).find((p) => p !== undefined);
  const nextKey = next?.key as YamlNode | undefined;
  if (nextKey?.range) {
    // Before the comments that lead to the next entry, and with the blank line that parts them, if any.
    let at = text.lastIndexOf('\n', nextKey.range[0] - 1) + 1;
    for (;;) {
      const prevStart = at === 0 ? -1 : text.lastIndexOf('\n', at - 2) + 1;
      if (prevStart < 0) break;
      const prev = text.slice(prevStart, at).trim();
      if (!prev.startsWith('#')) break;
      at = prevStart;
    }
    const blankBefore = at > 0 && text.slice(text.lastIndexOf('\n', at - 2) + 1, at).trim() === '';
    return { replacements: [located(text, at, 0, blankBefore ? `${lines}${eol}` : lines)] };
  }
  const end = ((last.value ?? last.key) as YamlNode | null)?.range?.[1];
  if (end === undefined) return { unfixable: { key: 'unfixable.layout', data: { path: where } } };
  // A block collection or block scalar ends at the start of the line after it; anything else ends
  // on its line, which may go on with a comment.
  if (end > 0 && text[end - 1] === '\n') return { replacements: [located(text, end, 0, lines)] };
  const newline = text.indexOf('\n', end);
  if (newline === -1) return { replacements: [located(text, text.length, 0, `${eol}${lines.slice(0, -eol.length)}`)] };
  return { replacements: [located(text, newline + 1, 0, lines)] };
}

/** A new `key: value` at the end of a flow mapping written on one line (`{ Type: String }`). */
function insertFlowPair(text: string, map: YAMLMap, key: string, value: TemplateValue, style: YamlStyle, where: string): Made {
  const range = map.range;
  const last = map.items[map.items.length - 1];
  const end = ((last?.value ?? last?.key) as YamlNode | null | undefined)?.range?.[1];
  if (!range || end === undefined || text.slice(range[0], range[1]).includes('\n')) return { unfixable: { key: 'unfixable.flow', data: { path: where } } };
  return { replacements: [located(text, end, 0, `, ${inlineText(key, style)}: ${inlineText(value, style)}`)] };
}

/** Removes an entry of a flow mapping written on one line, with the comma that parts it from its neighbour. */
function removeFlowPair(text: string, map: YAMLMap, pair: Pair, where: string): Made {
  const at = map.items.indexOf(pair);
  const endOf = (p: Pair | undefined): number | undefined => ((p?.value ?? p?.key) as YamlNode | null | undefined)?.range?.[1];
  const startOf = (p: Pair | undefined): number | undefined => (p?.key as YamlNode | null | undefined)?.range?.[0];
  const range = map.range;
  if (!range || map.items.length < 2 || text.slice(range[0], range[1]).includes('\n')) return { unfixable: { key: 'unfixable.flow', data: { path: where } } };
  // After the entry before it (taking its comma), or, for the first, up to the entry after it.
  const from = at > 0 ? endOf(map.items[at - 1]) : startOf(pair);
  const to = at > 0 ? endOf(pair) : startOf(map.items[at + 1]);
  if (from === undefined || to === undefined) return { unfixable: { key: 'unfixable.flow', data: { path: where } } };
  return { replacements: [located(text, from, to - from, '')] };
}

/** Removes an entry's lines (its key's line to the end of its value and the comment after it). */
function removePair(text: string, map: YAMLMap, pair: Pair, where: string): Made {
  const key = pair.key as YamlNode | null;
  const value = pair.value as YamlNode | null;
  if (map.items.length < 2 || !key?.range) return { unfixable: { key: 'unfixable.layout', data: { path: where } } };
  const start = text.lastIndexOf('\n', key.range[0] - 1) + 1;
  if (text.slice(start, key.range[0]).trim() !== '') return { unfixable: { key: 'unfixable.layout', data: { path: where } } };
  let end = (value ?? key).range?.[1] ?? key.range[1];
  if (!(end > 0 && text[end - 1] === '\n')) {
    const newline = text.indexOf('\n', end);
    end = newline === -1 ? text.length : newline + 1;
  }
  return { replacements: [located(text, start, end - start, '')] };
}
