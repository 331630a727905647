import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type CollectionTag, isAlias, isMap, isScalar, isSeq, parseDocument, type ScalarTag, type Node as YamlNode } from 'yaml';
import type { SourceLocation } from '../model/location.js';
import { LineIndex } from './line-index.js';
import type { CfnEntry, CfnMap, CfnNode, ScalarValue } from './node.js';

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
}

export type ParseOutcome = { ok: true; root: CfnNode | undefined; index: LineIndex } | { ok: false; problem: ParseProblem };

/** Bound on nodes built from one file, so YAML alias bombs ("billion laughs") stop early. */
const MAX_NODES = 500_000;
/** Bound on nesting depth: deeper input is hostile, not a template. */
const MAX_DEPTH = 500;

class ParseLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses a YAML or JSON text into position-carrying nodes. JSON is read by `jsonc-parser`, YAML by `yaml`. */
export function parseText(file: string, text: string, format: 'yaml' | 'json'): ParseOutcome {
  const body = stripBom(text);
  const index = new LineIndex(file, body);
  try {
    return format === 'json' ? parseJson(body, index) : parseYaml(body, index);
  } catch (err) {
    if (err instanceof ParseLimitError) {
      const pos = index.position(err.offset);
      return { ok: false, problem: { message: err.message, ...pos } };
    }
    throw err;
  }
}

/** A byte-order mark is not content: CloudFormation accepts it, and editors do not count it in columns. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function shortTagToIntrinsic(tag: string): string | undefined {
  if (!tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  const name = tag.slice(1);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * The short forms CloudFormation defines, declared to the YAML parser so that it resolves them as it
 * resolves an unknown tag (the plain string, map or list) without building a warning, with its stack
 * trace, for every use. Other `!Tags` still go through the unknown-tag path.
 */
const INTRINSIC_TAGS: (ScalarTag | CollectionTag)[] = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
].flatMap((name): (ScalarTag | CollectionTag)[] => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'map' },
  { tag: `!${name}`, collection: 'seq' },
]);

function parseYaml(text: string, index: LineIndex): ParseOutcome {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: false, customTags: INTRINSIC_TAGS });
  const error = doc.errors[0];
  if (error) {
    const pos = index.position(error.pos[0]);
    return { ok: false, problem: { message: yamlMessage(error.message), ...pos } };
  }
  let count = 0;
  const convert = (node: YamlNode | null | undefined, depth: number, fallback: number): CfnNode => {
    if (++count > MAX_NODES) throw new ParseLimitError(`YAML expands to more than ${MAX_NODES} nodes (alias bomb?)`, fallback);
    if (depth > MAX_DEPTH) throw new ParseLimitError(`YAML nests deeper than ${MAX_DEPTH} levels`, fallback);
    if (node == null) {
      return { kind: 'scalar', value: null, span: [fallback, fallback], loc: index.location(fallback, fallback) };
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return convert(target as YamlNode | undefined, depth + 1, node.range?.[0] ?? fallback);
    }
    const start = node.range?.[0] ?? fallback;
    let end = node.range?.[1] ?? start;
    // Block collections end after their last line break; a location should end at the last character.
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    const span = [start, end] as const;
    const loc = index.location(start, end);
    let out: CfnNode;
    if (isMap(node)) {
      const entries: CfnEntry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyStart = keyNode?.range?.[0] ?? start;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        entries.push({
          key,
          keyLoc: index.location(keyStart, keyNode?.range?.[1] ?? keyStart),
          value: convert(pair.value as YamlNode | null, depth + 1, keyNode?.range?.[1] ?? start),
        });
      }
      out = { kind: 'map', entries, span, loc };
    } else if (isSeq(node)) {
      out = {
        kind: 'seq',
        items: node.items.map((item) => convert(item as YamlNode | null, depth + 1, end)),
        span,
        loc,
      };
    } else if (isScalar(node)) {
      out = { kind: 'scalar', value: scalarValue(node.value), span, loc };
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

function scalarValue(value: unknown): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === undefined ? null : String(value);
}

/** `!GetAtt A.B` becomes `{ Fn::GetAtt: [A, B] }`; every other short form `!X v` becomes `{ Fn::X: v }`. */
function wrapIntrinsic(name: string, value: CfnNode, span: readonly [number, number], loc: SourceLocation): CfnMap {
  let inner = value;
  if (name === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
    const dot = value.value.indexOf('.');
    if (dot > 0) {
      inner = {
        kind: 'seq',
        span: value.span,
        loc: value.loc,
        items: [
          { ...value, value: value.value.slice(0, dot) },
          { ...value, value: value.value.slice(dot + 1) },
        ],
      };
    }
  }
  return { kind: 'map', span, loc, entries: [{ key: name, keyLoc: loc, value: inner }] };
}

function yamlMessage(message: string): string {
  // The yaml library appends "at line X, column Y" and a code frame; we print our own position.
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function parseJson(text: string, index: LineIndex): ParseOutcome {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const pos = index.position(first.offset);
    return { ok: false, problem: { message: jsonMessage(printParseErrorCode(first.error)), ...pos } };
  }
  let count = 0;
  const convert = (node: JsonNode, depth: number): CfnNode => {
    if (++count > MAX_NODES) throw new ParseLimitError(`JSON has more than ${MAX_NODES} values`, node.offset);
    if (depth > MAX_DEPTH) throw new ParseLimitError(`JSON nests deeper than ${MAX_DEPTH} levels`, node.offset);
    const span = [node.offset, node.offset + node.length] as const;
    const loc = index.location(span[0], span[1]);
    switch (node.type) {
      case 'object': {
        const entries: CfnEntry[] = [];
        const seen = new Set<string>();
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k) continue;
          const key = String(k.value);
          if (seen.has(key)) throw new ParseLimitError(`Map keys must be unique; "${key}" is repeated`, k.offset);
          seen.add(key);
          const value: CfnNode = v
            ? convert(v, depth + 1)
            : { kind: 'scalar', value: null, span: [k.offset, k.offset], loc: index.location(k.offset, k.offset) };
          entries.push({ key, keyLoc: index.location(k.offset, k.offset + k.length), value });
        }
        return { kind: 'map', entries, span, loc };
      }
      case 'array':
        return { kind: 'seq', items: (node.children ?? []).map((c) => convert(c, depth + 1)), span, loc };
      default:
        return { kind: 'scalar', value: scalarValue(node.value), span, loc };
    }
  };
  return { ok: true, root: tree ? convert(tree, 0) : undefined, index };
}

function jsonMessage(code: string): string {
  // `InvalidSymbol` -> `invalid symbol`
  return `JSON syntax error: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}
