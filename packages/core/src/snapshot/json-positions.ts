import type { SourceLocation } from '../model/location.js';

/** Containers with at least this many members get an index (list of offsets, map of keys) once a path goes through them. */
const INDEXED = 24;

/**
 * Where the containers of a JSON text are, in document order, and where its lines start: what one
 * pass over the text records.
 */
export interface JsonStructure {
  starts: Int32Array;
  ends: Int32Array;
  /** Index of the first container after this one's subtree: its next sibling, or an ancestor's. */
  after: Int32Array;
  count: number;
  lines: Int32Array;
  lineCount: number;
  /** `:` outside strings: one per object key. */
  colons: number;
}

/**
 * Positions of the values of a JSON text, found by path. An account snapshot can hold millions of
 * values, and an entity needs the position of a handful: rather than a node per value, one pass
 * records where each object and array starts and ends (and where lines start), and a container's
 * members are looked through only when a path goes through it. The text must be valid JSON (it
 * has been through `JSON.parse`).
 */
export class JsonPositions {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly after: Int32Array;
  private readonly count: number;
  private readonly lines: Int32Array;
  private readonly lineCount: number;
  /** Indexes of the large containers, by container number. */
  private readonly indexes = new Map<number, MemberIndex>();

  private constructor(
    private readonly text: string,
    structure: JsonStructure,
  ) {
    this.starts = structure.starts;
    this.ends = structure.ends;
    this.after = structure.after;
    this.count = structure.count;
    this.lines = structure.lines;
    this.lineCount = structure.lineCount;
  }

  /**
   * Indexes `text`, or gives `undefined` when it nests deeper than `maxDepth` or repeats a key in an
   * object (`JSON.parse` keeps the last; the caller reports it the way its own parser does).
   */
  static build(text: string, parsed: unknown, maxDepth: number): JsonPositions | undefined {
    const structure = scanText(text, maxDepth);
    // Every `:` outside a string ends an object key: fewer keys in the parsed value means a repeated one.
    return structure && structure.colons === countKeys(parsed) ? new JsonPositions(text, structure) : undefined;
  }

  /** The offsets [start, end) of the value at `path`, or `undefined` when there is none. */
  span(path: readonly (string | number)[]): readonly [number, number] | undefined {
    const found = this.find(path, path.length);
    return found ? [found.start, found.end] : undefined;
  }

  /**
   * The location of the value at the first `length` keys of `path` (all of it by default), with
   * `arn` when given; `undefined` when there is no such value. Lines and columns are counted as
   * `LineIndex` counts them: 1-based, in UTF-16 code units, `\n` ending a line.
   */
  locate(file: string, path: readonly (string | number)[], length = path.length, arn?: string): SourceLocation | undefined {
    const found = this.find(path, length);
    if (!found) return undefined;
    const start = found.start;
    const end = Math.max(start, found.end);
    const line = this.lineOf(start);
    const endLine = this.lineOf(end);
    const column = start - (this.lines[line] ?? 0) + 1;
    const endColumn = end - (this.lines[endLine] ?? 0) + 1;
    // One literal per shape: an added property would take a second allocation, for every value located.
    return arn ? { file, line: line + 1, column, endLine: endLine + 1, endColumn, arn } : { file, line: line + 1, column, endLine: endLine + 1, endColumn };
  }

  // The last path looked up, with where each of its steps led: entities are located one after
  // another in the same lists, so a path mostly shares all but its last steps with the previous one.
  // The steps are kept in typed arrays: a large account locates hundreds of thousands of values.
  private readonly lastKeys: (string | number)[] = [];
  private stepStart: Int32Array = new Int32Array(16);
  private stepEnd: Int32Array = new Int32Array(16);
  private stepContainer: Int32Array = new Int32Array(16);
  /** Where `member` leaves what it found. */
  private readonly found: Found = { start: 0, end: 0, container: -1 };

  private find(path: readonly (string | number)[], length: number): Found | undefined {
    if (this.count === 0) return undefined;
    const keys = this.lastKeys;
    let same = 0;
    while (same < length && same < keys.length && keys[same] === path[same]) same++;
    keys.length = same;
    while (length > this.stepStart.length) {
      this.stepStart = grown(this.stepStart);
      this.stepEnd = grown(this.stepEnd);
      this.stepContainer = grown(this.stepContainer);
    }
    const found = this.found;
    let start = same > 0 ? (this.stepStart[same - 1] ?? 0) : (this.starts[0] ?? 0);
    let end = same > 0 ? (this.stepEnd[same - 1] ?? 0) : (this.ends[0] ?? 0);
    let container = same > 0 ? (this.stepContainer[same - 1] ?? -1) : 0;
    for (let i = same; i < length; i++) {
      const key = path[i] as string | number;
      if (container < 0 || !this.member(container, key, found)) return undefined;
      keys.push(key);
      start = found.start;
      end = found.end;
      container = found.container;
      this.stepStart[i] = start;
      this.stepEnd[i] = end;
      this.stepContainer[i] = container;
    }
    found.start = start;
    found.end = end;
    found.container = container;
    return found;
  }

  /** The line found last: values are located one after another, mostly on that line or a few after it. */
  private lastLine = 0;

  private lineOf(offset: number): number {
    const lines = this.lines;
    let line = this.lastLine;
    if ((lines[line] ?? 0) <= offset) {
      for (let k = 0; k < 8; k++) {
        if (line + 1 >= this.lineCount || (lines[line + 1] ?? 0) > offset) {
          this.lastLine = line;
          return line;
        }
        line++;
      }
    }
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  /** Moves `found` to the member `key` of container `k`; false when there is none. */
  private member(k: number, key: string | number, found: Found): boolean {
    const text = this.text;
    const isObject = text.charCodeAt(this.starts[k] ?? 0) === 123;
    let wanted = -1;
    if (!isObject) {
      wanted = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : -1;
      if (!Number.isSafeInteger(wanted) || wanted < 0) return false;
    }
    // Only an object's members are looked up by name: no string made for an array index.
    const name = isObject ? String(key) : '';
    let index = this.indexes.get(k);
    if (!index) {
      // Look through the first members; a container with more gets an index, kept for the next path through it.
      let p = (this.starts[k] ?? 0) + 1;
      let next = k + 1;
      for (let m = 0; m < INDEXED; m++) {
        p = skipSpace(text, p);
        const c = text.charCodeAt(p);
        if (c === 125 || c === 93) return false;
        let matches = m === wanted;
        if (isObject) {
          const keyEnd = stringEnd(text, p);
          matches = keyIs(text, p, keyEnd, name);
          p = skipSpace(text, skipSpace(text, keyEnd) + 1);
        }
        const v = text.charCodeAt(p);
        let end: number;
        let container = -1;
        if (v === 123 || v === 91) {
          container = next;
          end = this.ends[next] ?? p;
          next = this.after[next] ?? next;
        } else end = v === 34 ? stringEnd(text, p) : scalarEnd(text, p);
        if (matches) {
          found.start = p;
          found.end = end;
          found.container = container;
          return true;
        }
        p = skipSpace(text, end);
        if (text.charCodeAt(p) === 44) p++;
      }
      index = this.indexOf(k, isObject);
      this.indexes.set(k, index);
    }
    const at = isObject ? index.keys?.get(name) : wanted;
    if (at === undefined || at >= index.start.length) return false;
    found.start = index.start[at] ?? 0;
    found.end = index.end[at] ?? 0;
    found.container = index.container[at] ?? -1;
    return true;
  }

  /** Every member of container `k`: offsets, the container each is (or -1), keys for an object. */
  private indexOf(k: number, isObject: boolean): MemberIndex {
    const text = this.text;
    const index: MemberIndex = { start: [], end: [], container: [], ...(isObject ? { keys: new Map<string, number>() } : {}) };
    let p = (this.starts[k] ?? 0) + 1;
    let next = k + 1;
    for (let m = 0; ; m++) {
      const from = p;
      p = skipSpace(text, p);
      const c = text.charCodeAt(p);
      if (c === 125 || c === 93 || Number.isNaN(c)) break;
      if (index.keys) {
        const keyEnd = stringEnd(text, p);
        const raw = text.slice(p + 1, keyEnd - 1);
        // The first of a repeated key, as a search of the members finds it.
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (!index.keys.has(key)) index.keys.set(key, m);
        p = skipSpace(text, skipSpace(text, keyEnd) + 1);
      }
      const v = text.charCodeAt(p);
      let end: number;
      let container = -1;
      if (v === 123 || v === 91) {
        container = next;
        end = this.ends[next] ?? p;
        next = this.after[next] ?? next;
      } else end = v === 34 ? stringEnd(text, p) : scalarEnd(text, p);
      index.start.push(p);
      index.end.push(end);
      index.container.push(container);
      p = skipSpace(text, end);
      if (text.charCodeAt(p) === 44) p++;
      // Never round again: the text has been through JSON.parse, but a lookup must not be able to stall.
      if (p <= from) break;
    }
    return index;
  }
}

/** `indexOf`, with no match as a position past any text. */
const NONE = 0x7fffffff;
function next(text: string, ch: string, from: number): number {
  const j = text.indexOf(ch, from);
  return j < 0 ? NONE : j;
}

/**
 * The containers in document order, and the line starts; `undefined` when it nests deeper than
 * `maxDepth`. Made of `indexOf` jumps from string to string and bracket to bracket, not a loop over
 * every character: most of a pretty-printed snapshot is indentation and string contents.
 */
export function scanText(text: string, maxDepth: number): JsonStructure | undefined {
  const n = text.length;
  const stack = new Int32Array(maxDepth + 1);
  const capacity = Math.max(16, n >> 6);
  let starts: Int32Array = new Int32Array(capacity);
  let ends: Int32Array = new Int32Array(capacity);
  let after: Int32Array = new Int32Array(capacity);
  let lines: Int32Array = new Int32Array(Math.max(16, n >> 5));
  let lineCount = 1;
  // Valid JSON has no raw line break inside a string.
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (lineCount === lines.length) lines = grown(lines);
    lines[lineCount++] = i + 1;
  }
  let count = 0;
  let depth = 0;
  let colons = 0;
  let quote = next(text, '"', 0);
  let openBrace = next(text, '{', 0);
  let closeBrace = next(text, '}', 0);
  let openBracket = next(text, '[', 0);
  let closeBracket = next(text, ']', 0);
  for (;;) {
    const bracket = Math.min(openBrace, closeBrace, openBracket, closeBracket);
    // The strings before the next bracket are jumped over; one followed by `:` is an object key.
    while (quote < bracket) {
      const end = stringEnd(text, quote);
      if (text.charCodeAt(skipSpace(text, end)) === 58) colons++;
      quote = next(text, '"', end);
      if (end > bracket) {
        // That bracket was inside the string: the next ones after it.
        if (openBrace < end) openBrace = next(text, '{', end);
        if (closeBrace < end) closeBrace = next(text, '}', end);
        if (openBracket < end) openBracket = next(text, '[', end);
        if (closeBracket < end) closeBracket = next(text, ']', end);
        break;
      }
    }
    if (Math.min(openBrace, closeBrace, openBracket, closeBracket) !== bracket) continue;
    if (bracket === NONE) break;
    const c = text.charCodeAt(bracket);
    if (c === 123 || c === 91) {
      if (depth === maxDepth) return undefined;
      const k = count++;
      if (k === starts.length) {
        starts = grown(starts);
        ends = grown(ends);
        after = grown(after);
      }
      starts[k] = bracket;
      stack[depth++] = k;
      if (c === 123) openBrace = next(text, '{', bracket + 1);
      else openBracket = next(text, '[', bracket + 1);
    } else {
      const k = stack[--depth] ?? 0;
      ends[k] = bracket + 1;
      after[k] = count;
      if (c === 125) closeBrace = next(text, '}', bracket + 1);
      else closeBracket = next(text, ']', bracket + 1);
    }
  }
  return { starts, ends, after, count, lines, lineCount, colons };
}

interface Found {
  start: number;
  end: number;
  container: number;
}

interface MemberIndex {
  start: number[];
  end: number[];
  container: number[];
  keys?: Map<string, number>;
}

export function grown(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** Offset just after the string that opens at `i`. */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  for (;;) {
    if (j < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
    j = text.indexOf('"', j + 1);
  }
}

/** Whether the string from `start` to `end` (its quotes included) is the key `name`. */
function keyIs(text: string, start: number, end: number, name: string): boolean {
  const length = end - start - 2;
  if (length < name.length) return false;
  // An escape makes the written key longer than its value: one as long as the name is it only written out verbatim.
  if (length === name.length) {
    for (let i = 0; i < length; i++) if (text.charCodeAt(start + 1 + i) !== name.charCodeAt(i)) return false;
    return !name.includes('\\');
  }
  // Longer: the name only through escapes.
  for (let i = start + 1; i < end - 1; i++) {
    if (text.charCodeAt(i) === 92) return (JSON.parse(`"${text.slice(start + 1, end - 1)}"`) as string) === name;
  }
  return false;
}

/** End of a number, `true`, `false` or `null`. */
function scalarEnd(text: string, p: number): number {
  let end = p;
  for (;;) {
    const d = text.charCodeAt(end);
    if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || Number.isNaN(d)) return end;
    end++;
  }
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** Number of keys of every object in a parsed JSON value. */
function countKeys(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else {
      for (const key in v) {
        n++;
        const item = (v as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return n;
}
