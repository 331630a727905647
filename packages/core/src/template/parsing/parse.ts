import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from './line-index.js';
import { type CfnEntry, type CfnNode, toScalarValue } from './node.js';
import { isSpace, shortTagToIntrinsic, wrapIntrinsic } from './short-form.js';
import { readYamlFast } from './yaml-fast.js';

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
}

/** Something the text is read despite, but CloudFormation would not accept: a JSON comment, a trailing comma. */
export interface ParseNotice extends ParseProblem {
  kind: 'json-comment' | 'json-trailing-comma';
}

export type ParseOutcome = { ok: true; root: CfnNode | undefined; index: LineIndex; notices?: ParseNotice[] } | { ok: false; problem: ParseProblem };

/** Bound on nodes built from one file. */
export const MAX_NODES = 500_000;
/** Bound on nodes reached through YAML aliases, so alias bombs ("billion laughs") stop early and fast. */
export const MAX_ALIAS_NODES = 100_000;
/** Bound on nesting depth: deeper input is hostile, not a template. */
export const MAX_DEPTH = 500;

class ParseLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** What a text is read as: the words of its messages depend on it. */
export type DocumentKind = 'template' | 'snapshot';

/**
 * Parses a YAML or JSON text into position-carrying nodes. JSON is read by `jsonc-parser`; YAML by
 * the reader over `yaml`'s lexer (`yaml-fast.ts`) when it takes the text, else by `yaml`'s full parser.
 */
export function parseText(file: string, text: string, format: 'yaml' | 'json', document: DocumentKind = 'template'): ParseOutcome {
  return parse(file, text, format, document, true);
}

/** `parseText` through `yaml`'s full parser only: what the common-case YAML reader is held to. */
export function parseTextComposed(file: string, text: string, format: 'yaml' | 'json', document: DocumentKind = 'template'): ParseOutcome {
  return parse(file, text, format, document, false);
}

function parse(file: string, text: string, format: 'yaml' | 'json', document: DocumentKind, fast: boolean): ParseOutcome {
  const body = stripBom(text);
  const index = new LineIndex(file, body);
  try {
    if (format === 'json') return parseJson(body, index, document);
    const read = fast ? readYamlFast(body, index, { maxNodes: MAX_NODES, maxDepth: MAX_DEPTH }) : undefined;
    return read ? { ok: true, root: read.root, index } : parseYaml(body, index, document);
  } catch (err) {
    if (err instanceof ParseLimitError) {
      const pos = index.position(err.offset);
      return { ok: false, problem: { message: err.message, ...pos } };
    }
    // The parsers recurse; input nested past the stack's depth is refused, never a crash.
    if (err instanceof RangeError) return { ok: false, problem: { message: TOO_DEEP(format), line: 1, column: 1 } };
    return { ok: false, problem: { message: `Cannot parse: ${err instanceof Error ? err.message : String(err)}`, line: 1, column: 1 } };
  }
}

const TOO_DEEP = (format: 'yaml' | 'json'): string => `${format === 'json' ? 'JSON' : 'YAML'} nests too deeply to read (over ${MAX_DEPTH} levels)`;

function duplicateKey(key: string, first: { line: number; column: number }, document: DocumentKind): string {
  const why = document === 'template' ? 'CloudFormation rejects a template that repeats a key' : 'a snapshot names each key once';
  return `Duplicate key "${key}" (first at line ${first.line}, column ${first.column}); ${why}`;
}

/** A byte-order mark is not content: CloudFormation accepts it, and editors do not count it in columns. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The YAML and JSON parser options templates are read with. */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;
export const JSON_OPTIONS = { allowTrailingComma: true, disallowComments: false } as const;

/**
 * Parses YAML as templates are parsed (the benchmark's parse floor calls this too). Short-form
 * intrinsics (`!Ref`, `!Sub`, ...) are tags the parser does not know: it reads them as the plain
 * string, map or list they tag, and records a warning, an `Error`, for each use. Capturing a stack
 * trace for each would cost more than the parse; declaring the tags instead would make every plain
 * scalar be tested against each of them. So no stack is captured while parsing.
 */
export function parseYamlDocument(text: string): ReturnType<typeof parseDocument> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, YAML_OPTIONS);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function parseYaml(text: string, index: LineIndex, document: DocumentKind): ParseOutcome {
  // Duplicate keys are found while converting, where the first occurrence is known for the message.
  const doc = parseYamlDocument(text);
  const error = doc.errors[0];
  if (error) {
    const pos = index.position(error.pos[0]);
    const message = /call stack/i.test(error.message) ? TOO_DEEP('yaml') : yamlMessage(error.message);
    return { ok: false, problem: { message, ...pos } };
  }
  let count = 0;
  let aliased = 0;
  /** `alias`: the offset of the outermost alias being expanded, where a bomb is reported. */
  const convert = (node: YamlNode | null | undefined, depth: number, fallback: number, alias?: number): CfnNode => {
    if (++count > MAX_NODES) throw new ParseLimitError(`YAML has more than ${MAX_NODES} values`, fallback);
    if (alias !== undefined && ++aliased > MAX_ALIAS_NODES) {
      throw new ParseLimitError(`YAML aliases expand to more than ${MAX_ALIAS_NODES} values (an alias bomb?); not read`, alias);
    }
    if (depth > MAX_DEPTH) throw new ParseLimitError(`YAML nests deeper than ${MAX_DEPTH} levels`, fallback);
    if (node == null) {
      return { kind: 'scalar', value: null, span: [fallback, fallback], loc: index.location(fallback, fallback) };
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const at = node.range?.[0] ?? fallback;
      return convert(target as YamlNode | undefined, depth + 1, at, alias ?? at);
    }
    const start = node.range?.[0] ?? fallback;
    let end = node.range?.[1] ?? start;
    // Block collections end after their last line break; a location should end at the last character.
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const span = [start, end] as const;
    const loc = index.location(start, end);
    let out: CfnNode;
    if (isMap(node)) {
      const entries: CfnEntry[] = [];
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyStart = keyNode?.range?.[0] ?? start;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyText(text, keyNode, keyStart);
        const first = seen.get(key);
        if (first !== undefined) throw new ParseLimitError(duplicateKey(key, index.position(first), document), keyStart);
        seen.set(key, keyStart);
        entries.push({
          key,
          keyLoc: index.location(keyStart, keyNode?.range?.[1] ?? keyStart),
          value: convert(pair.value as YamlNode | null, depth + 1, keyNode?.range?.[1] ?? start, alias),
        });
      }
      out = { kind: 'map', entries, span, loc };
    } else if (isSeq(node)) {
      out = {
        kind: 'seq',
        items: node.items.map((item) => convert(item as YamlNode | null, depth + 1, end, alias)),
        span,
        loc,
      };
    } else if (isScalar(node)) {
      out = { kind: 'scalar', value: toScalarValue(node.value), span, loc };
    } else {
      out = { kind: 'scalar', value: null, span, loc };
    }
    const intrinsic = node.tag ? shortTagToIntrinsic(node.tag) : undefined;
    if (!intrinsic || !node.tag) return out;
    // The yaml library's range starts after the tag; a finding on `!Ref X` should point at the `!`.
    const tagStart = text.lastIndexOf(node.tag, start);
    const from = tagStart >= 0 && text.slice(tagStart + node.tag.length, start).trim() === '' ? tagStart : start;
    return wrapIntrinsic(intrinsic, out, [from, end], index.location(from, end));
  };
  const root = doc.contents ? convert(doc.contents as YamlNode, 0, 0) : undefined;
  return { ok: true, root, index };
}

/** A complex key (`? [a, b]`) is named by its source text; CloudFormation has none, but they must not crash the reader. */
function keyText(text: string, keyNode: YamlNode | null, start: number): string {
  const end = keyNode?.range?.[1];
  return end !== undefined && end > start ? text.slice(start, end).trim() : '';
}

function yamlMessage(message: string): string {
  // The yaml library appends "at line X, column Y" and a code frame; we print our own position.
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** A JSON object or array being read: its start, and what it holds so far. */
type OpenJson =
  | { kind: 'map'; start: number; entries: CfnEntry[]; seen: Map<string, number>; key?: { name: string; offset: number; length: number } }
  | { kind: 'seq'; start: number; items: CfnNode[] };

/**
 * JSON in one pass of the parser's events, straight into nodes. Nesting past MAX_DEPTH is refused
 * before the recursive parser goes deeper (it would overflow the stack); a syntax error wins over a
 * limit (a repeated key, too many values), as a reader would fix the syntax first; comments and
 * trailing commas are read, with a notice.
 */
function parseJson(text: string, index: LineIndex, document: DocumentKind): ParseOutcome {
  const notices: ParseNotice[] = [];
  let syntax: { error: ParseErrorCode; offset: number } | undefined;
  let limit: ParseLimitError | undefined;
  let root: CfnNode | undefined;
  let hasRoot = false;
  let count = 0;
  let depth = 0;
  let comma = -1;
  let afterComma = false;
  let commented = false;
  let trailing = false;
  const stack: OpenJson[] = [];
  // Once the text is known to be refused, nodes are no longer built; the events are still read for a syntax error.
  const building = (): boolean => syntax === undefined && limit === undefined;
  const counted = (offset: number): boolean => {
    if (++count <= MAX_NODES) return true;
    limit ??= new ParseLimitError(`JSON has more than ${MAX_NODES} values`, offset);
    return false;
  };
  const place = (node: CfnNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (!hasRoot) root = node;
      hasRoot = true;
    } else if (top.kind === 'seq') top.items.push(node);
    else if (top.key) {
      const k = top.key;
      top.entries.push({ key: k.name, keyLoc: index.location(k.offset, k.offset + k.length), value: node });
      top.key = undefined;
    }
  };
  const open = (kind: 'map' | 'seq', offset: number): void => {
    afterComma = false;
    if (++depth > MAX_DEPTH) throw new ParseLimitError(`JSON nests deeper than ${MAX_DEPTH} levels`, offset);
    if (!building() || !counted(offset)) return;
    stack.push(kind === 'map' ? { kind, start: offset, entries: [], seen: new Map() } : { kind, start: offset, items: [] });
  };
  const close = (offset: number, length: number): void => {
    depth--;
    if (afterComma && !trailing) {
      trailing = true;
      notices.push({ kind: 'json-trailing-comma', message: 'Trailing comma in JSON', ...index.position(comma) });
    }
    afterComma = false;
    if (!building()) return;
    const top = stack.pop();
    if (!top) return;
    const span = [top.start, offset + length] as const;
    const loc = index.location(span[0], span[1]);
    place(top.kind === 'map' ? { kind: 'map', entries: top.entries, span, loc } : { kind: 'seq', items: top.items, span, loc });
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open('map', offset),
      onArrayBegin: (offset) => open('seq', offset),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (name, offset, length) => {
        afterComma = false;
        if (!building()) return;
        const top = stack[stack.length - 1];
        if (top?.kind !== 'map') return;
        const first = top.seen.get(name);
        if (first !== undefined) {
          limit ??= new ParseLimitError(duplicateKey(name, index.position(first), document), offset);
          return;
        }
        top.seen.set(name, offset);
        top.key = { name, offset, length };
      },
      onLiteralValue: (value: unknown, offset, length) => {
        afterComma = false;
        if (!building() || !counted(offset)) return;
        place({ kind: 'scalar', value: toScalarValue(value), span: [offset, offset + length], loc: index.location(offset, offset + length) });
      },
      onSeparator: (character, offset) => {
        afterComma = character === ',';
        if (afterComma) comma = offset;
      },
      onComment: (offset) => {
        if (commented) return;
        commented = true;
        notices.push({ kind: 'json-comment', message: 'Comment in JSON', ...index.position(offset) });
      },
      onError: (error, offset) => {
        syntax ??= { error, offset };
      },
    },
    JSON_OPTIONS,
  );
  if (syntax) return { ok: false, problem: { message: jsonMessage(printParseErrorCode(syntax.error)), ...index.position(syntax.offset) } };
  if (limit) throw limit;
  return { ok: true, root, index, ...(notices.length > 0 ? { notices } : {}) };
}

function jsonMessage(code: string): string {
  // `InvalidSymbol` -> `invalid symbol`
  return `JSON syntax error: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}
