import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../template/parsing/parse.js';
import { JsonPositions } from './json-positions.js';
import { isSnapshotText } from './load.js';
import { SnapshotLocator } from './locator.js';
import { loadSnapshot } from './read.js';

type Path = (string | number)[];

/** Every path in a parsed value, with a path below each leaf that does not exist. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      paths(v, [...prefix, i % 2 === 0 ? i : String(i)], out);
    });
    out.push([...prefix, value.length], [...prefix, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
    out.push([...prefix, 'no such key'], [...prefix, 0]);
  } else out.push([...prefix, 'below a scalar']);
  return out;
}

/** The tree-based locator (the tolerant path) and the position index must place every path alike. */
function expectSameLocations(text: string): void {
  const doc: unknown = JSON.parse(text);
  const parsed = parseText('s.json', text, 'json');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const tree = new SnapshotLocator(parsed.root, 's.json');
  const index = JsonPositions.build(text, doc, 500);
  expect(index).toBeDefined();
  for (const path of paths(doc)) {
    const viaIndex = (() => {
      for (let n = path.length; n >= 0; n--) {
        const l = index?.locate('s.json', path, n, 'arn:x');
        if (l) return l;
      }
      return undefined;
    })();
    expect(viaIndex, JSON.stringify(path)).toEqual(tree.at(path, 'arn:x'));
  }
}

describe('positions of snapshot values without a node per value', () => {
  it('agree with the parsed tree on every path of the example snapshots', () => {
    for (const name of ['account.json', 'sandbox-account.json']) {
      expectSameLocations(readFileSync(new URL(`../../../../examples/snapshot/${name}`, import.meta.url), 'utf8'));
    }
  });

  it('agree on minified JSON, CRLF, escaped keys, non-ASCII text and large containers', () => {
    const big = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, { v: i, list: Array.from({ length: i % 30 }, (_, j) => j) }]));
    const doc = { 'a"b': { 'c\\d': [1, 'x"y', { 'é\u2028': null }] }, '': true, big, list: Array.from({ length: 50 }, (_, i) => ({ i, s: `s${i}` })) };
    expectSameLocations(JSON.stringify(doc));
    expectSameLocations(JSON.stringify(doc, null, 2));
    expectSameLocations(JSON.stringify(doc, null, '\t').replace(/\n/g, '\r\n'));
    expectSameLocations('\n\n  {"x": [ ] , "y" : { } , "z":-1.5e3 }  \n');
  });

  it('agree where strings hold brackets, colons, quotes and backslashes, and a key is apart from its colon', () => {
    // The position pass jumps from string to string and bracket to bracket: a bracket inside a string is not one.
    const doc = { '{': ['[', ']', '}{'], 'a:b': { '"]': 'x\\', '\\"[': [{ '': '}' }, '\\\\'] }, 'q"}': [[], {}, 'end]'] };
    expectSameLocations(JSON.stringify(doc));
    expectSameLocations(JSON.stringify(doc, null, 2));
    expectSameLocations('{"a" \n\t : {"[" \r\n:"]" , "b"  :  [ "{" , "\\\\" ] } }');
  });

  it('agree on paths deeper than the steps first kept for the last path', () => {
    let deep: unknown = { leaf: 'x', list: [1, { y: 2 }] };
    for (let i = 0; i < 40; i++) deep = i % 2 === 0 ? { [`k${i}`]: deep, after: i } : [i, deep, { z: i }];
    const text = JSON.stringify({ deep }, null, 1);
    expectSameLocations(text);
    // A deep path first on a fresh index, then one sharing all its steps but the last.
    const doc = JSON.parse(text) as unknown;
    const parsed = parseText('s.json', text, 'json');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const tree = new SnapshotLocator(parsed.root, 's.json');
    const leaf = paths(doc).find((p) => p[p.length - 1] === 'leaf') as Path;
    const index = JsonPositions.build(text, doc, 500);
    for (const path of [leaf, [...leaf.slice(0, -1), 'list', 1, 'y']]) expect(index?.locate('s.json', path), JSON.stringify(path)).toEqual(tree.at(path));
  });

  it('agree on any JSON value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), fc.constantFrom(0, 1, 2), (doc, indent) => {
        expectSameLocations(JSON.stringify(doc, null, indent));
      }),
      { numRuns: 200 },
    );
  });

  it('give way to the tolerant parser for repeated keys and deep nesting, which it reports', () => {
    expect(JsonPositions.build('{"a": 1, "a": 2}', JSON.parse('{"a": 1, "a": 2}'), 500)).toBeUndefined();
    const deep = `{"a": ${'['.repeat(600)}${']'.repeat(600)}}`;
    expect(JsonPositions.build(deep, JSON.parse(deep), 500)).toBeUndefined();
    const repeated = loadSnapshot('s.json', '{\n  "mamoriSnapshot": 1,\n  "mamoriSnapshot": 1\n}');
    expect(repeated.notifications).toEqual([
      expect.objectContaining({
        code: 'parse-error',
        line: 3,
        column: 3,
        message: 'Duplicate key "mamoriSnapshot" (first at line 2, column 3); a snapshot names each key once',
      }),
    ]);
    const nested = loadSnapshot('s.json', `{"mamoriSnapshot": 1, "x": ${'['.repeat(600)}${']'.repeat(600)}}`);
    expect(nested.notifications).toEqual([expect.objectContaining({ code: 'parse-error', message: 'JSON nests deeper than 500 levels' })]);
  });

  it('a snapshot with comments is recognised and reported as not plain JSON', () => {
    const text = '{\n  // collected by hand\n  "mamoriSnapshot": 1\n}';
    expect(isSnapshotText(text)).toBe(true);
    expect(loadSnapshot('s.json', text).notifications).toEqual([
      expect.objectContaining({ code: 'invalid-snapshot', message: 'Account snapshot is not plain JSON (comments or trailing commas)' }),
    ]);
  });
});

describe('recognising a snapshot from its first keys', () => {
  it('a marker after other keys or a byte-order mark; not after a comment', () => {
    expect(isSnapshotText('\uFEFF{"$schema": "x", "mamoriSnapshot": 1}')).toBe(true);
    expect(isSnapshotText('{"a": {"b": [1, {"c": 2}]}, "mamoriSnapshot": 1}')).toBe(true);
    expect(isSnapshotText('/* x */ {"mamoriSnapshot": 1}')).toBe(false);
  });

  it('not a marker that is a value, nested, or after the root closes', () => {
    expect(isSnapshotText('{"a": "mamoriSnapshot", "b": {"mamoriSnapshot": 1}}')).toBe(false);
    expect(isSnapshotText('{"a": ["mamoriSnapshot"]}')).toBe(false);
    expect(isSnapshotText('{"a": 1} {"mamoriSnapshot": 1}')).toBe(false);
    expect(isSnapshotText('[{"mamoriSnapshot": 1}]')).toBe(false);
  });
});
