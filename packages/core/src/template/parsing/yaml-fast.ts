import { CST, isScalar, Lexer, Schema } from 'yaml';
import type { LineIndex } from './line-index.js';
import { type CfnEntry, type CfnNode, type ScalarValue, toScalarValue } from './node.js';
import { isSpace, shortTagToIntrinsic, wrapIntrinsic } from './short-form.js';

/**
 * Reads the YAML most templates are written in straight from `yaml`'s lexer into nodes.
 *
 * `yaml`'s parser and composer spend most of a template scan's time: the parser drives a chain of
 * generators for every token, and the composer builds a document we would only convert. Templates
 * use a small part of YAML: block maps and sequences, one-line flow collections, plain, quoted and
 * block scalars, comments and short-form tags. This reader takes that part and gives up on anything
 * else (anchors, aliases, explicit keys, multi-line plain or quoted scalars, directives, more than
 * one document, tab indentation, a repeated key, an unknown token, any error), so the caller can
 * read the text with the full parser instead. What it does read, it reads exactly as the full path
 * would: the same values, spans and locations (checked by a differential test).
 */
export function readYamlFast(text: string, index: LineIndex, limits: FastLimits): { root: CfnNode | undefined } | undefined {
  try {
    const tokens = lex(text);
    return tokens && new Reader(text, index, tokens, limits).document();
  } catch {
    // Given up on (`GIVE_UP`), too deep for the stack, or a fault of this reader: the full parser
    // reads the text, so a file is never lost to the shortcut.
    return undefined;
  }
}

export interface FastLimits {
  maxNodes: number;
  maxDepth: number;
}

const GIVE_UP = Symbol('give up');

enum T {
  Newline,
  Space,
  Comment,
  SeqInd,
  Colon,
  FlowMapStart,
  FlowMapEnd,
  FlowSeqStart,
  FlowSeqEnd,
  Comma,
  Tag,
  SingleQuoted,
  DoubleQuoted,
  BlockHeader,
  Plain,
  DocStart,
  Eof,
}

interface Tokens {
  type: T[];
  source: string[];
  offset: number[];
  /** Column of the token: its offset less its line's start. */
  column: number[];
  /** Whether nothing but spaces come before the token on its line. */
  first: boolean[];
  /** `yaml`'s parser's indent at the token: leading spaces and `-` indicators with their spaces. */
  indent: number[];
}

// Read once: `yaml` is a CommonJS module, whose exports a bundle reads through getters.
const DOCUMENT = CST.DOCUMENT;
const SCALAR = CST.SCALAR;

/** The lexer's tokens with their types and places, or undefined for a token this reader does not take. */
function lex(text: string): Tokens | undefined {
  const tokens: Tokens = { type: [], source: [], offset: [], column: [], first: [], indent: [] };
  let offset = 0;
  let lineStart = 0;
  /** Nothing but spaces so far on this line. */
  let atLineStart = true;
  /** The parser's own notion: still in the line's indentation, which `-` indicators extend. */
  let atNewLine = true;
  let indent = 0;
  let scalarNext = false;
  let documents = 0;
  let header = 0;
  for (const lexeme of new Lexer().lex(text)) {
    let type: T;
    if (scalarNext) {
      type = T.Plain;
      scalarNext = false;
    } else if (lexeme === DOCUMENT) {
      if (++documents > 1) return undefined;
      continue;
    } else if (lexeme === SCALAR) {
      scalarNext = true;
      continue;
    } else {
      const c = lexeme.charCodeAt(0);
      // Tokens that are one character (or none) by themselves, then by their first character.
      switch (lexeme.length === 1 ? c : lexeme === '' || lexeme === '\r\n' ? 0x0a : lexeme === '---' ? -1 : -2) {
        case -1:
          type = T.DocStart;
          break;
        case 0x0a: // '\n', '\r\n', ''
          type = T.Newline;
          break;
        case 0x2d: // '-'
          type = T.SeqInd;
          break;
        case 0x3a: // ':'
          type = T.Colon;
          break;
        case 0x7b: // '{'
          type = T.FlowMapStart;
          break;
        case 0x7d: // '}'
          type = T.FlowMapEnd;
          break;
        case 0x5b: // '['
          type = T.FlowSeqStart;
          break;
        case 0x5d: // ']'
          type = T.FlowSeqEnd;
          break;
        case 0x2c: // ','
          type = T.Comma;
          break;
        default:
          switch (c) {
            case 0x20: // ' '
              type = T.Space;
              break;
            case 0x23: // '#'
              type = T.Comment;
              break;
            case 0x21: // '!'
              type = T.Tag;
              break;
            case 0x27: // "'"
              type = T.SingleQuoted;
              break;
            case 0x22: // '"'
              type = T.DoubleQuoted;
              break;
            case 0x7c: // '|'
            case 0x3e: // '>'
              type = T.BlockHeader;
              break;
            default:
              // Tabs, anchors, aliases, explicit keys, directives, document ends, flow errors: the full parser's.
              return undefined;
          }
      }
    }
    tokens.type.push(type);
    tokens.source.push(lexeme);
    tokens.offset.push(offset);
    tokens.column.push(offset - lineStart);
    tokens.first.push(atLineStart);
    tokens.indent.push(indent);
    offset += lexeme.length;
    if (type === T.Newline) {
      lineStart = offset;
      atLineStart = true;
      atNewLine = true;
      indent = 0;
    } else if (type === T.Space) {
      // Tabs in indentation, `- ` prefixes included, are the full parser's to refuse.
      if (atNewLine && lexeme.includes('\t')) return undefined;
      if (atNewLine) indent += lexeme.length;
    } else if (type === T.SeqInd || type === T.Colon) {
      atLineStart = false;
      if (atNewLine) indent += lexeme.length;
    } else {
      // A block scalar's text (the first scalar after its header's line), even empty, ends where a
      // line starts, and the parser counts the next line's indent afresh.
      const body = type === T.Plain && header === 2;
      atLineStart = body;
      atNewLine = body;
      if (body) indent = 0;
      // A block scalar's text, or a scalar over several lines, moves the line on.
      const nl = lexeme.lastIndexOf('\n');
      if (nl >= 0) {
        lineStart = offset - lexeme.length + nl + 1;
        if (nl === lexeme.length - 1) {
          atLineStart = true;
          atNewLine = true;
          indent = 0;
        }
      }
    }
    // 1: a block scalar's header was read (a comment may follow it); 2: and its line ended, so the next scalar is its text.
    if (type === T.BlockHeader) header = 1;
    else if (header === 1 && type === T.Newline) header = 2;
    else if (header !== 1 || (type !== T.Space && type !== T.Comment)) header = 0;
  }
  tokens.type.push(T.Eof);
  tokens.source.push('');
  tokens.offset.push(offset);
  tokens.column.push(offset - lineStart);
  tokens.first.push(true);
  tokens.indent.push(0);
  return tokens;
}

/** The core schema's scalar tags, in the order `yaml` tries them on a plain scalar. */
const CORE_TAGS = new Schema({}).tags.filter((tag) => tag.default === true && tag.test !== undefined && !tag.collection);
const RESOLVE_OPTIONS = { intAsBigInt: false };

/** What a plain scalar means under the YAML 1.2 core schema, as `yaml` resolves it. */
function plainValue(source: string): ScalarValue {
  const c = source.charCodeAt(0);
  // Only these can start a null, boolean or number; every other plain scalar is a string.
  const maybeNotString =
    source.length === 0 ||
    c === 0x7e || // ~
    c === 0x6e || // n
    c === 0x4e || // N
    c === 0x74 || // t
    c === 0x54 || // T
    c === 0x66 || // f
    c === 0x46 || // F
    c === 0x2b || // +
    c === 0x2d || // -
    c === 0x2e || // .
    (c >= 0x30 && c <= 0x39);
  if (!maybeNotString) return source;
  for (const tag of CORE_TAGS) {
    if (!tag.test?.test(source)) continue;
    let failed = false;
    const res: unknown = tag.resolve(
      source,
      () => {
        failed = true;
      },
      RESOLVE_OPTIONS as never,
    );
    if (failed) throw GIVE_UP;
    return toScalarValue(isScalar(res) ? res.value : res);
  }
  return source;
}

interface Tag {
  source: string;
  offset: number;
  /** The intrinsic a short-form tag stands for, its value to be read as the long form; undefined for another local tag. */
  intrinsic: string | undefined;
}

/**
 * Reads nodes from the tokens by recursive descent. Where a node ends follows `yaml`'s composer: a
 * collection ends where its last value's trailing tokens end (`range[2]` of that value, which takes
 * in a comment on the value's line and comment lines indented under it); blank and comment lines
 * after that belong to the innermost open collection and extend only what contains it.
 */
class Reader {
  private i = 0;
  private count = 0;
  /** Where the value just read ends with its trailing tokens: `yaml`'s `range[2]`. */
  private valueEnd = 0;
  /** Whether that value keeps trailing tokens (scalars and flow collections) that comment lines can join. */
  private valueHasEnd = false;
  /** Whether its last trailing token is a comment, so a line break joins it too. */
  private lastIsComment = false;
  /** End of the blank and comment lines read after the value, that belong to no value; -1 for none. */
  private pendingEnd = -1;
  /** The deepest indent of a comment among those lines; -1 for none. */
  private pendingDeepest = -1;
  private readonly type: T[];
  private readonly source: string[];
  private readonly offset: number[];
  private readonly column: number[];
  private readonly first: boolean[];
  private readonly indent: number[];

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    tokens: Tokens,
    private readonly limits: FastLimits,
  ) {
    this.type = tokens.type;
    this.source = tokens.source;
    this.offset = tokens.offset;
    this.column = tokens.column;
    this.first = tokens.first;
    this.indent = tokens.indent;
  }

  document(): { root: CfnNode | undefined } {
    this.skipBlank();
    if (this.type[this.i] === T.DocStart) {
      if (this.column[this.i] !== 0) throw GIVE_UP;
      this.i++;
      this.skipSpace();
      if (this.type[this.i] !== T.Newline) throw GIVE_UP;
      this.skipBlank();
    }
    const t = this.type[this.i];
    if (t === T.Eof || !this.first[this.i]) throw GIVE_UP;
    const col = this.column[this.i] ?? 0;
    let root: CfnNode;
    if (t === T.SeqInd) root = this.blockSeq(col, 0);
    else if (this.isKeyAt(this.i)) root = this.blockMap(col, 0);
    else throw GIVE_UP;
    if (this.type[this.i] !== T.Eof) throw GIVE_UP;
    return { root };
  }

  private end(j: number): number {
    return (this.offset[j] ?? 0) + (this.source[j] ?? '').length;
  }

  /** Skips spaces, line breaks and comments before the document's content. */
  private skipBlank(): void {
    for (;;) {
      const t = this.type[this.i];
      if (t !== T.Comment && t !== T.Space && t !== T.Newline) return;
      this.i++;
    }
  }

  /** Skips spaces on the line. */
  private skipSpace(): void {
    while (this.type[this.i] === T.Space) this.i++;
  }

  /** After a scalar or flow collection: only spaces and a comment may end its line; they and the line break are its trailing tokens. */
  private endOfLine(valueEnd: number): void {
    let end = valueEnd;
    while (this.type[this.i] === T.Space) end = this.end(this.i++);
    if (this.type[this.i] === T.Comment) end = this.end(this.i++);
    const t = this.type[this.i];
    if (t === T.Newline) end = this.end(this.i++);
    else if (t !== T.Eof) throw GIVE_UP;
    this.valueEnd = end;
    this.valueHasEnd = true;
    this.lastIsComment = false;
  }

  /**
   * Reads the blank and comment lines after a value of a collection whose indent is `indent`, as
   * `yaml`'s parser files them: a comment line indented under the value joins the value's trailing
   * tokens (when it has them); others are left to the collection, past its last value.
   */
  private trivia(indent: number): void {
    let pending = -1;
    let blank = true;
    let deepest = -1;
    for (;;) {
      const t = this.type[this.i];
      if (t !== T.Space && t !== T.Newline && t !== T.Comment) break;
      const end = this.end(this.i);
      if (t === T.Newline) {
        if (pending >= 0) pending = end;
        else if (this.valueHasEnd && this.lastIsComment) {
          this.valueEnd = end;
          this.lastIsComment = false;
        } else {
          pending = end;
          blank = true;
          deepest = -1;
        }
      } else if (pending < 0) {
        pending = end;
        blank = t === T.Space;
        deepest = t === T.Comment ? (this.indent[this.i] ?? 0) : -1;
      } else if (t === T.Comment && blank && this.valueHasEnd && (this.indent[this.i] ?? 0) > indent) {
        this.valueEnd = end;
        this.lastIsComment = true;
        pending = -1;
      } else {
        pending = end;
        if (t === T.Comment) {
          blank = false;
          deepest = Math.max(deepest, this.indent[this.i] ?? 0);
        }
      }
      this.i++;
    }
    this.pendingEnd = pending;
    this.pendingDeepest = deepest;
  }

  /** Whether the token at `j` is a one-line key followed by `:`. */
  private isKeyAt(j: number): boolean {
    const t = this.type[j];
    if (t !== T.Plain && t !== T.SingleQuoted && t !== T.DoubleQuoted) return false;
    let k = j + 1;
    while (this.type[k] === T.Space) k++;
    return this.type[k] === T.Colon;
  }

  private counted(depth: number): void {
    if (++this.count > this.limits.maxNodes || depth > this.limits.maxDepth) throw GIVE_UP;
  }

  private span(start: number, end: number): readonly [number, number] {
    let e = end;
    while (e > start && isSpace(this.text.charCodeAt(e - 1))) e--;
    return [start, e];
  }

  /**
   * Ends a block collection at indent `col`; gives where its span ends, where its last value ends.
   * The blank and comment lines after that value move up to its parent when they are not indented
   * as deep as the collection (`yaml`'s parser does this as it pops a collection); else they stay,
   * and count for its parent's span.
   */
  private closeCollection(col: number): number {
    const last = this.valueEnd;
    const moves = this.pendingEnd >= 0 && (col === 0 || this.pendingDeepest < col);
    this.valueEnd = this.pendingEnd >= 0 && !moves ? this.pendingEnd : last;
    if (!moves) {
      this.pendingEnd = -1;
      this.pendingDeepest = -1;
    }
    this.valueHasEnd = false;
    this.lastIsComment = false;
    return last;
  }

  private blockMap(col: number, depth: number): CfnNode {
    this.counted(depth);
    const start = this.offset[this.i] ?? 0;
    const entries: CfnEntry[] = [];
    let seen: Set<string> | undefined;
    for (;;) {
      const keyAt = this.i;
      if (!this.isKeyAt(keyAt)) throw GIVE_UP;
      const keyStart = this.offset[keyAt] ?? 0;
      const key = String(this.flowScalarValue(keyAt));
      const keyEnd = this.end(keyAt);
      if (seen) {
        if (seen.has(key)) throw GIVE_UP;
        seen.add(key);
      } else {
        for (const e of entries) if (e.key === key) throw GIVE_UP;
        if (entries.length >= 8) seen = new Set([...entries.map((e) => e.key), key]);
      }
      this.i = keyAt + 1;
      this.skipSpace();
      // The `:`.
      const colonEnd = this.end(this.i);
      this.i++;
      const value = this.value(col, depth + 1, true, colonEnd);
      entries.push({ key, keyLoc: this.index.location(keyStart, keyEnd), value });
      const t = this.type[this.i];
      if (t === T.Eof) break;
      const c = this.column[this.i] ?? 0;
      if (!this.first[this.i]) throw GIVE_UP;
      if (c < col) break;
      // A sequence at the map's own column is a map value only right after its key, read there.
      if (c !== col || t === T.SeqInd) throw GIVE_UP;
    }
    const span = this.span(start, this.closeCollection(col));
    return { kind: 'map', entries, span, loc: this.index.location(span[0], span[1]) };
  }

  private blockSeq(col: number, depth: number): CfnNode {
    this.counted(depth);
    const start = this.offset[this.i] ?? 0;
    const items: CfnNode[] = [];
    for (;;) {
      // The `-`.
      const dashEnd = this.end(this.i);
      this.i++;
      items.push(this.value(col, depth + 1, false, dashEnd));
      const t = this.type[this.i];
      if (t === T.Eof) break;
      const c = this.column[this.i] ?? 0;
      if (!this.first[this.i]) throw GIVE_UP;
      if (c === col && t === T.SeqInd) continue;
      if (c <= col) break;
      throw GIVE_UP;
    }
    const span = this.span(start, this.closeCollection(col));
    return { kind: 'seq', items, span, loc: this.index.location(span[0], span[1]) };
  }

  /**
   * The value after a map's `:` or a sequence's `-` at column `col` (`after`: where that indicator
   * ends): on the same line, or on the lines below, indented more (a sequence under a map key may
   * share the key's column). Leaves the reader at the next content token, its trailing lines read.
   */
  private value(col: number, depth: number, inMap: boolean, after: number): CfnNode {
    this.skipSpace();
    let tag: Tag | undefined;
    if (this.type[this.i] === T.Tag) {
      tag = this.tag();
      this.skipSpace();
    }
    let t = this.type[this.i];
    let node: CfnNode;
    if (t === T.Comment || t === T.Newline || t === T.Eof) {
      const emptyAt = this.offset[this.i] ?? after;
      const ownLine = this.i;
      this.skipBlank();
      t = this.type[this.i];
      const c = this.column[this.i] ?? 0;
      if (t !== T.Eof && t === T.SeqInd && (c > col || (inMap && c === col))) {
        node = this.blockSeq(c, depth);
      } else if (t !== T.Eof && c > col) {
        node = this.nodeOnOwnLine(c, depth, col);
      } else {
        // An empty value, placed after the `:` or `-` (or tag) and the spaces that follow it: null,
        // or the empty string when tagged (`- !GetAZs`). Comments after it would extend it, in ways
        // not worth following here.
        for (let j = ownLine; j < this.i; j++) if (this.type[j] === T.Comment) throw GIVE_UP;
        this.counted(depth);
        this.valueEnd = emptyAt;
        this.valueHasEnd = false;
        this.lastIsComment = false;
        this.pendingEnd = -1;
        this.pendingDeepest = -1;
        const empty: CfnNode = { kind: 'scalar', value: tag ? '' : null, span: [emptyAt, emptyAt], loc: this.index.location(emptyAt, emptyAt) };
        return tag ? this.wrap(tag, empty) : empty;
      }
    } else if (t === T.SeqInd) {
      // `- - a` nests a sequence; `Key: - a` and `- !Tag - a` are errors.
      if (inMap || tag) throw GIVE_UP;
      node = this.blockSeq(this.column[this.i] ?? 0, depth);
    } else if (!inMap && this.isKeyAt(this.i)) {
      // `- Key: value`: a map that starts on the item's line.
      if (tag) throw GIVE_UP;
      node = this.blockMap(this.column[this.i] ?? 0, depth);
    } else {
      node = this.inline(depth, tag !== undefined, col);
    }
    return tag ? this.wrap(tag, node) : node;
  }

  /**
   * A local tag (`!Name`). Short-form intrinsics become their long form; another local tag (`!Rain::Embed`)
   * leaves its value as written. Tags the full parser resolves or may refuse (`!!str`, `!<...>`, `!h!x`,
   * `%` escapes, a bare `!`) are its to read.
   */
  private tag(): Tag {
    const source = this.source[this.i] ?? '';
    if (source.length < 2 || source.indexOf('!', 1) >= 0 || source.includes('%') || source.charCodeAt(1) === 0x3c) throw GIVE_UP;
    const tag = { source, offset: this.offset[this.i] ?? 0, intrinsic: shortTagToIntrinsic(source) };
    this.i++;
    // A tag is separated from what follows by white space.
    const next = this.type[this.i];
    if (next !== T.Space && next !== T.Newline && next !== T.Eof) throw GIVE_UP;
    return tag;
  }

  /** A value that starts its own line at column `c`: a map, or a scalar or flow collection alone on it. */
  private nodeOnOwnLine(c: number, depth: number, parentIndent: number): CfnNode {
    if (this.isKeyAt(this.i)) return this.blockMap(c, depth);
    return this.inline(depth, false, parentIndent);
  }

  /**
   * A scalar or a flow collection alone on the rest of its line, or a block scalar from its header
   * on, then the lines after it, read for the collection whose indent is `parentIndent`.
   */
  private inline(depth: number, tagged: boolean, parentIndent: number): CfnNode {
    const t = this.type[this.i];
    let node: CfnNode;
    if (t === T.BlockHeader) {
      node = this.blockScalar(depth, parentIndent);
    } else {
      node = t === T.FlowSeqStart || t === T.FlowMapStart ? this.flow(depth) : this.scalar(depth, tagged);
      this.endOfLine(this.end(this.i - 1));
    }
    this.trivia(parentIndent);
    return node;
  }

  private scalar(depth: number, tagged: boolean): CfnNode {
    const j = this.i;
    const t = this.type[j];
    if (t !== T.Plain && t !== T.SingleQuoted && t !== T.DoubleQuoted) throw GIVE_UP;
    this.counted(depth);
    const start = this.offset[j] ?? 0;
    // A tagged scalar is a string: `yaml` does not resolve a value whose tag it does not know.
    const value = tagged && t === T.Plain ? this.plainSource(j) : this.flowScalarValue(j);
    this.i++;
    const span = this.span(start, this.end(j));
    return { kind: 'scalar', value, span, loc: this.index.location(span[0], span[1]) };
  }

  private plainSource(j: number): string {
    const source = this.source[j] ?? '';
    if (source.includes('\n')) throw GIVE_UP;
    const c = source.charCodeAt(0);
    // `yaml` reports a plain scalar that starts with one of these.
    if (c === 0x2c || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x7c || c === 0x3e) throw GIVE_UP;
    return source;
  }

  /** The value of a one-line plain or quoted scalar. */
  private flowScalarValue(j: number): ScalarValue {
    const t = this.type[j];
    const source = this.source[j] ?? '';
    if (t === T.Plain) return plainValue(this.plainSource(j));
    if (source.includes('\n') || source.includes('\r')) throw GIVE_UP;
    if (t === T.SingleQuoted) {
      if (source.length < 2 || source.charCodeAt(source.length - 1) !== 0x27) throw GIVE_UP;
      return source.slice(1, -1).replaceAll("''", "'");
    }
    let failed = false;
    const resolved = CST.resolveAsScalar({ type: 'double-quoted-scalar', offset: this.offset[j] ?? 0, indent: 0, source }, false, () => {
      failed = true;
    });
    if (failed || !resolved) throw GIVE_UP;
    return resolved.value;
  }

  /** A block scalar; its lines are indented relative to `parentIndent`, its collection's indent, as `yaml`'s parser has it. */
  private blockScalar(depth: number, parentIndent: number): CfnNode {
    this.counted(depth);
    const j = this.i;
    const start = this.offset[j] ?? 0;
    const indent = parentIndent;
    const props: CST.SourceToken[] = [{ type: 'block-scalar-header', offset: start, indent, source: this.source[j] ?? '' }];
    this.i++;
    for (;;) {
      const t = this.type[this.i];
      const source = this.source[this.i] ?? '';
      const offset = this.offset[this.i] ?? 0;
      if (t === T.Space) props.push({ type: 'space', offset, indent: 0, source });
      else if (t === T.Comment) props.push({ type: 'comment', offset, indent: 0, source });
      else if (t === T.Newline) {
        props.push({ type: 'newline', offset, indent: 0, source });
        this.i++;
        break;
      } else throw GIVE_UP;
      this.i++;
    }
    let body = '';
    if (this.type[this.i] === T.Plain) {
      body = this.source[this.i] ?? '';
      this.i++;
    }
    let failed = false;
    const token: CST.BlockScalar = { type: 'block-scalar', offset: start, indent, props, source: body };
    const resolved = CST.resolveAsScalar(token, false, () => {
      failed = true;
    });
    if (failed || !resolved) throw GIVE_UP;
    // A block scalar keeps no trailing tokens: comment lines after it never join it.
    this.valueEnd = resolved.range[2];
    this.valueHasEnd = false;
    this.lastIsComment = false;
    const span = this.span(start, resolved.range[1]);
    return { kind: 'scalar', value: resolved.value, span, loc: this.index.location(span[0], span[1]) };
  }

  /** A flow collection on one line: `[a, b]`, `{ k: v }`, nested and tagged. */
  private flow(depth: number): CfnNode {
    this.counted(depth);
    const open = this.type[this.i];
    const start = this.offset[this.i] ?? 0;
    const close = open === T.FlowSeqStart ? T.FlowSeqEnd : T.FlowMapEnd;
    this.i++;
    const items: CfnNode[] = [];
    const entries: CfnEntry[] = [];
    this.skipSpace();
    if (this.type[this.i] !== close) {
      for (;;) {
        this.skipSpace();
        if (open === T.FlowMapStart) {
          const keyAt = this.i;
          const kt = this.type[keyAt];
          if (kt !== T.Plain && kt !== T.SingleQuoted && kt !== T.DoubleQuoted) throw GIVE_UP;
          const keyStart = this.offset[keyAt] ?? 0;
          const key = String(this.flowScalarValue(keyAt));
          if (entries.some((e) => e.key === key)) throw GIVE_UP;
          this.i++;
          this.skipSpace();
          if (this.type[this.i] !== T.Colon) throw GIVE_UP;
          this.i++;
          this.skipSpace();
          const value = this.flowItem(depth + 1);
          entries.push({ key, keyLoc: this.index.location(keyStart, this.end(keyAt)), value });
        } else {
          items.push(this.flowItem(depth + 1));
        }
        this.skipSpace();
        const t = this.type[this.i];
        if (t === close) break;
        if (t !== T.Comma) throw GIVE_UP;
        this.i++;
        this.skipSpace();
        // A trailing comma, or anything but a next item, is the full parser's to judge.
        if (this.type[this.i] === close) throw GIVE_UP;
      }
    }
    const end = this.end(this.i);
    this.i++;
    const span = this.span(start, end);
    const loc = this.index.location(span[0], span[1]);
    return open === T.FlowSeqStart ? { kind: 'seq', items, span, loc } : { kind: 'map', entries, span, loc };
  }

  private flowItem(depth: number): CfnNode {
    let tag: Tag | undefined;
    if (this.type[this.i] === T.Tag) {
      tag = this.tag();
      this.skipSpace();
    }
    const t = this.type[this.i];
    let node: CfnNode;
    if (t === T.FlowSeqStart || t === T.FlowMapStart) node = this.flow(depth);
    else {
      node = this.scalar(depth, tag !== undefined);
      // `[a: b]` is a map inside a sequence: the full parser's.
      let k = this.i;
      while (this.type[k] === T.Space) k++;
      if (this.type[k] === T.Colon) throw GIVE_UP;
    }
    return tag ? this.wrap(tag, node) : node;
  }

  /** A short-form intrinsic in its long form, located from its `!`, unless a comment comes between the tag and its value. */
  private wrap(tag: Tag, value: CfnNode): CfnNode {
    const name = tag.intrinsic;
    if (!name) return value;
    const [start, end] = value.span;
    const from = this.text.slice(tag.offset + tag.source.length, start).trim() === '' ? tag.offset : start;
    return wrapIntrinsic(name, value, [from, end], this.index.location(from, end));
  }
}
