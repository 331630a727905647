import { applyEdits, format, type Node as JsonNode, modify, parseTree } from 'jsonc-parser';
import { type Document, isMap, isPair, isScalar, type Pair, parseDocument, Scalar, stringify, type YAMLMap, type Node as YamlNode } from 'yaml';
import type { TemplateEdit, TextReplacement } from './types.js';

/** Replacements that make the edits in `text`, or why they cannot be made without guessing. */
export type EditOutcome = { replacements: TextReplacement[] } | { unfixable: string };

/**
 * The text replacements that make `edits` in a template, keeping the rest of the file as written:
 * for JSON with jsonc-parser's `modify` (the file's indentation and line endings), for YAML from the
 * `yaml` document's node ranges (comments, quoting, short-form tags, indentation and line endings
 * outside the edited value stay). A value that is not a literal (an intrinsic function, a parameter
 * reference) or a path through something other than plain mappings is not edited.
 */
export function templateEdits(file: string, text: string, edits: readonly TemplateEdit[]): EditOutcome {
  const json = isJsonText(file, text);
  // Each edit is made on the text the ones before it left (a JSON insertion rewrites its neighbour's
  // comma), and the whole is given as one replacement of what changed.
  let current = text;
  let last: TextReplacement[] = [];
  for (const edit of edits) {
    const made = json ? jsonEdit(current, edit) : yamlEdit(current, edit);
    if ('unfixable' in made) return made;
    if (made.replacements.length === 0) continue;
    last = made.replacements;
    current = applyReplacements(current, last);
  }
  if (current === text) return { replacements: [] };
  // One edit: its own replacement, as the library made it; more: the whole lines they changed.
  return { replacements: last.length > 0 && applyReplacements(text, last) === current ? last : [changed(text, current)] };
}

/** The one replacement that turns `before` into `after`: the whole lines between their common start and end. */
function changed(before: string, after: string): TextReplacement {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Widened to whole lines of `before`, which the common start and end share with `after`.
  start = start === 0 ? 0 : before.lastIndexOf('\n', start - 1) + 1;
  let next = before.indexOf('\n', before.length - end);
  if (next > 0 && before[next - 1] === '\r' && next - 1 >= before.length - end) next--;
  end = next === -1 ? 0 : before.length - next;
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

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
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

function jsonEdit(text: string, edit: TemplateEdit): EditOutcome {
  if (parsedJson?.text !== text) parsedJson = { text, root: parseTree(text) };
  const root = parsedJson.root;
  if (!root) return { unfixable: 'the template could not be parsed' };
  const parentPath = edit.path.slice(0, -1);
  const where = parentPath.join('/');
  let parent: JsonNode | undefined = root;
  for (const key of parentPath) {
    if (parent.type !== 'object' || isJsonIntrinsic(parent)) break;
    parent = propertyNode(parent, key);
    if (!parent) return { unfixable: `${where} is not in the template as written` };
  }
  if (parent.type !== 'object' || isJsonIntrinsic(parent)) return { unfixable: `${where} is not a plain object (an intrinsic function or a list)` };
  const key = edit.path[edit.path.length - 1] as string;
  const current = propertyNode(parent, key);
  if (current && (current.type === 'object' || current.type === 'array')) {
    return { unfixable: `${edit.path.join('/')} is given by an intrinsic function, not a literal value` };
  }
  if (current && current.value === edit.value) return { replacements: [] };
  // Unformatted, modify() replaces a value in place or inserts the member with its comma; only the
  // inserted text is then formatted, so that neighbouring members keep their layout.
  const edits = modify(text, edit.path as string[], edit.value, {});
  if (current) return { replacements: edits.map((e) => located(text, e.offset, e.length, e.content)) };
  const inserted = applyEdits(text, edits);
  const range = { offset: Math.min(...edits.map((e) => e.offset)), length: edits.reduce((n, e) => n + e.content.length - e.length, 0) };
  const formatted = applyEdits(inserted, format(inserted, range, { ...jsonIndent(text), eol: eolOf(text) }));
  return { replacements: [changed(text, formatted)] };
}

function isJsonIntrinsic(node: JsonNode): boolean {
  const keys = (node.children ?? []).map((p) => p.children?.[0]?.value);
  return keys.length === 1 && typeof keys[0] === 'string' && isIntrinsicKey(keys[0]);
}

function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

function propertyNode(object: JsonNode, key: string): JsonNode | undefined {
  // The last of duplicate keys is the one a JSON reader keeps.
  let found: JsonNode | undefined;
  for (const prop of object.children ?? []) if (prop.children?.[0]?.value === key) found = prop.children[1];
  return found;
}

// YAML

// The findings of one file are fixed against the same text: it is parsed once for all of them.
let parsedYaml: { text: string; doc: Document } | undefined;
let parsedJson: { text: string; root: JsonNode | undefined } | undefined;

function yamlEdit(text: string, edit: TemplateEdit): EditOutcome {
  if (parsedYaml?.text !== text) parsedYaml = { text, doc: parseDocument(text, { uniqueKeys: false, strict: false }) };
  const doc = parsedYaml.doc;
  if (doc.errors.length > 0) return { unfixable: 'the template could not be parsed' };
  const parentPath = edit.path.slice(0, -1);
  const where = parentPath.join('/');
  const parent = walk(doc, parentPath);
  if (!parent) return { unfixable: `${where} is not in the template as written` };
  if (!isMap(parent) || parent.tag !== undefined || isYamlIntrinsic(parent))
    return { unfixable: `${where} is not a plain mapping (an intrinsic function or a list)` };
  const key = edit.path[edit.path.length - 1] as string;
  const pair = lastPair(parent, key);
  if (pair) {
    const value = pair.value as YamlNode | null;
    if (!isScalar(value) || value.tag !== undefined || !value.range) {
      return { unfixable: `${edit.path.join('/')} is given by an intrinsic function, not a literal value` };
    }
    if (value.value === edit.value) return { replacements: [] };
    const quoted = value.type === Scalar.QUOTE_SINGLE || value.type === Scalar.QUOTE_DOUBLE;
    const written = scalarText(quoted ? String(edit.value) : edit.value, quoted ? value.type : undefined);
    return { replacements: [located(text, value.range[0], value.range[1] - value.range[0], written)] };
  }
  if (parent.flow) return { unfixable: `${where} is a flow mapping ({ ... }), which is not edited` };
  return appendPair(text, parent, key, edit.value);
}

function walk(doc: Document, path: readonly string[]): YamlNode | undefined {
  let node: YamlNode | null | undefined = doc.contents;
  for (const key of path) {
    if (!isMap(node) || node.tag !== undefined || isYamlIntrinsic(node)) return node ?? undefined;
    const pair = lastPair(node, key);
    node = pair?.value as YamlNode | null | undefined;
  }
  return node ?? undefined;
}

function isYamlIntrinsic(map: YAMLMap): boolean {
  const [only, ...more] = map.items;
  return more.length === 0 && isScalar(only?.key) && typeof only.key.value === 'string' && isIntrinsicKey(only.key.value);
}

function lastPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && item.key.value === key) found = item;
  return found;
}

function scalarText(value: boolean | number | string, type?: Scalar.Type): string {
  const written = stringify(value, type ? { defaultStringType: type as 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' } : {});
  return written.endsWith('\n') ? written.slice(0, -1) : written;
}

/** A new `key: value` line after the mapping's last entry, at the indentation of its first key. */
function appendPair(text: string, map: YAMLMap, key: string, value: boolean | number | string): EditOutcome {
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstKey = first?.key as YamlNode | undefined;
  if (!first || !last || !firstKey?.range) return { unfixable: 'the mapping is empty, so its indentation is unknown' };
  const keyAt = firstKey.range[0];
  const lineStart = text.lastIndexOf('\n', keyAt - 1) + 1;
  for (let i = lineStart; i < keyAt; i++) if (text[i] !== ' ') return { unfixable: 'the mapping does not start on a line of its own' };
  const indent = text.slice(lineStart, keyAt);
  const eol = eolOf(text);
  const line = `${indent}${scalarText(key)}: ${scalarText(value)}`;
  const end = ((last.value ?? last.key) as YamlNode | null)?.range?.[1];
  if (end === undefined) return { unfixable: 'the mapping has an entry without a position' };
  // A block collection or block scalar ends at the start of the line after it; anything else ends
  // on its line, which may go on with a comment.
  if (end > 0 && text[end - 1] === '\n') return { replacements: [located(text, end, 0, `${line}${eol}`)] };
  const newline = text.indexOf('\n', end);
  if (newline === -1) return { replacements: [located(text, text.length, 0, `${eol}${line}`)] };
  const at = newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
  return { replacements: [located(text, at, 0, `${eol}${line}`)] };
}
