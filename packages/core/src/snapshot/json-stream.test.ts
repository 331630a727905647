import { isAscii } from 'node:buffer';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonPositions, type JsonStructure, scanText } from './json-positions.js';
import { FileSource, readJsonStream, type StreamOptions } from './json-stream.js';

type Path = (string | number)[];

const dir = mkdtempSync(path.join(tmpdir(), 'mamori-json-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Runs `use` on a file holding `text`, open for reading. */
function withFile<T>(text: string | Buffer, use: (fd: number) => T): T {
  const file = path.join(dir, `f${files++}.json`);
  writeFileSync(file, text);
  const fd = openSync(file, 'r');
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/** The recorded part of a structure, as plain arrays. */
function used(s: JsonStructure): Record<string, number[] | number> {
  return {
    starts: [...s.starts.subarray(0, s.count)],
    ends: [...s.ends.subarray(0, s.count)],
    after: [...s.after.subarray(0, s.count)],
    lines: [...s.lines.subarray(0, s.lineCount)],
    colons: s.colons,
  };
}

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      paths(v, [...prefix, i], out);
    });
    out.push([...prefix, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
    out.push([...prefix, 'no such key']);
  }
  return out;
}

// Windows and pieces small enough that values straddle reads and outer containers are put together
// member by member; blocks small enough that lookups cross them and evict them.
const SETTINGS: { stream: StreamOptions; blocks: { blockBits: number; blocks: number } }[] = [
  { stream: {}, blocks: { blockBits: 16, blocks: 32 } },
  { stream: { window: 64, piece: 16 }, blocks: { blockBits: 3, blocks: 2 } },
  { stream: { window: 200, piece: 120 }, blocks: { blockBits: 5, blocks: 4 } },
  { stream: { window: 4096, piece: 1 }, blocks: { blockBits: 8, blocks: 1 } },
];

/** What the text path makes of `text`: the parsed value, the structure, and a location for every path. */
function expectAsText(text: string, settings = SETTINGS): void {
  const doc = JSON.parse(text) as unknown;
  const structure = scanText(text, 500);
  if (!structure) throw new Error('too deep');
  const index = JsonPositions.build(text, doc, 500);
  const all = paths(doc);
  const expected = all.map((p) => index?.locate('s.json', p, p.length, 'arn:x'));
  for (const { stream, blocks } of settings) {
    withFile(text, (fd) => {
      const read = readJsonStream(fd, 500, stream);
      expect(read, JSON.stringify(stream)).toBeDefined();
      if (!read) return;
      expect(read.doc).toEqual(doc);
      expect(JSON.stringify(read.doc)).toBe(JSON.stringify(doc));
      expect(read.length).toBe(text.length);
      expect(used(read.structure)).toEqual(used(structure));
      const streamed = JsonPositions.of(new FileSource(fd, read.length, blocks), read.structure, read.doc);
      expect(all.map((p) => streamed?.locate('s.json', p, p.length, 'arn:x'))).toEqual(expected);
    });
  }
}

describe('reading a JSON file without holding its text', () => {
  it('gives the value, structure and locations the text gives, for the example snapshots', () => {
    // Their policy documents are strings of up to 2,000 characters: windows that hold them.
    const settings = [
      ...SETTINGS.filter((s) => (s.stream.window ?? Infinity) >= 4096),
      { stream: { window: 2048, piece: 300 }, blocks: { blockBits: 6, blocks: 3 } },
    ];
    for (const name of ['account.json', 'sandbox-account.json']) {
      expectAsText(readFileSync(new URL(`../../../../examples/snapshot/${name}`, import.meta.url), 'utf8'), settings);
    }
  });

  it('and for minified JSON, CRLF, tabs, escapes, empty containers and large ones', () => {
    const big = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, { v: i, list: Array.from({ length: i % 30 }, (_, j) => j) }]));
    const doc = {
      'a"b': { 'c\\d': [1, 'x"y\\', { '\\"': null, '\u0001': '\t' }] },
      '': true,
      big,
      e: [],
      o: {},
      n: -0.5e-3,
      list: Array.from({ length: 50 }, (_, i) => ({ i, s: `s${i}` })),
    };
    expectAsText(JSON.stringify(doc));
    expectAsText(JSON.stringify(doc, null, 2));
    expectAsText(JSON.stringify(doc, null, '\t').replace(/\n/g, '\r\n'));
    expectAsText('\n\n  {"x": [ ] , "y" : { } , "z":-1.5e3 , "t": true, "f": false, "u": null}  \n');
  });

  it('and for any JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), fc.constantFrom(0, 1, 2), (doc, indent) => {
        const text = JSON.stringify(doc, null, indent);
        // Non-ASCII text is the text path's, as a test below shows.
        fc.pre(isAscii(Buffer.from(text)));
        expectAsText(text);
      }),
      { numRuns: 150 },
    );
  });

  it('makes `__proto__` an own key, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": true}, "a": {"__proto__": 1}}';
    const read = withFile(text, (fd) => readJsonStream(fd, 500, { window: 16, piece: 4 }));
    expect(read?.doc).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(read?.doc)).toBe(Object.prototype);
    expect(Object.keys(read?.doc ?? {})).toEqual(['__proto__', 'a']);
  });

  it('leaves to the text path what it does not take, whatever the window', () => {
    const cases: [string, string | Buffer][] = [
      ['non-ASCII text', '{"a": "café"}'],
      ['a byte-order mark', '\uFEFF{"a": 1}'],
      ['an array at the root', '[{"a": 1}]'],
      ['a string at the root', '"a"'],
      ['an empty file', ''],
      ['only spaces', '  \n '],
      ['content after the root', '{"a": 1} {"b": 2}'],
      ['a trailing comma in an object', '{"a": 1, "b": [1, 2],}'],
      ['a trailing comma in an array', '{"a": [1, 2, {"b": 3},]}'],
      ['a comment', '{"a": 1 // note\n}'],
      ['a missing colon', '{"a" 1}'],
      ['a missing comma', '{"a": 1 "b": 2}'],
      ['a bare word', '{"a": yes}'],
      ['a key without quotes', '{a: 1}'],
      ['an unterminated object', '{"a": {"b": 1}'],
      ['an unterminated string', '{"a": "b}'],
      ['a NUL byte', Buffer.from('{"a": "\u0000"}')],
      ['a raw line break in a string', '{"a": "x\ny"}'],
      ['UTF-16 without a byte-order mark', Buffer.from('{"a": 1}', 'utf16le')],
    ];
    for (const [what, text] of cases) {
      for (const { stream } of SETTINGS) {
        expect(
          withFile(text, (fd) => readJsonStream(fd, 500, stream)),
          `${what} ${JSON.stringify(stream)}`,
        ).toBeUndefined();
      }
    }
  });

  it('gives up on nesting deeper than the bound, and on a string longer than its window', () => {
    const deep = `{"a": ${'['.repeat(30)}1${']'.repeat(30)}}`;
    for (const { stream } of SETTINGS) {
      expect(withFile(deep, (fd) => readJsonStream(fd, 30, stream))).toBeUndefined();
      expect(withFile(deep, (fd) => readJsonStream(fd, 31, stream))?.doc).toEqual(JSON.parse(deep));
    }
    const long = `{"${'k'.repeat(100)}": 1}`;
    expect(withFile(long, (fd) => readJsonStream(fd, 500, { window: 64, piece: 16 }))).toBeUndefined();
    expect(withFile(long, (fd) => readJsonStream(fd, 500, { window: 256, piece: 16 }))?.doc).toEqual(JSON.parse(long));
  });

  it('gives up on a file that turns out longer than the bound', () => {
    const text = JSON.stringify({ a: 'x'.repeat(100) });
    expect(withFile(text, (fd) => readJsonStream(fd, 500, { window: 256, piece: 8, maxBytes: 64 }))).toBeUndefined();
    expect(withFile(text, (fd) => readJsonStream(fd, 500, { window: 256, piece: 8, maxBytes: 200 }))?.doc).toEqual(JSON.parse(text));
  });

  it('a repeated key leaves no position index, as on the text path', () => {
    const text = '{"a": {"b": 1, "b": 2}, "c": 3}';
    for (const { stream, blocks } of SETTINGS) {
      withFile(text, (fd) => {
        const read = readJsonStream(fd, 500, stream);
        expect(read).toBeDefined();
        if (read) expect(JsonPositions.of(new FileSource(fd, read.length, blocks), read.structure, read.doc)).toBeUndefined();
      });
    }
  });
});
