import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cfnArbitraries, fcSettings, mutateText, seedTemplates, textMutation, toYaml, vocabulary } from '../../../../../test/property.js';
import { LineIndex } from './line-index.js';
import { toPlain } from './node.js';
import { MAX_DEPTH, MAX_NODES, type ParseOutcome, parseText, parseTextComposed } from './parse.js';
import { readYamlFast } from './yaml-fast.js';

const LIMITS = { maxNodes: MAX_NODES, maxDepth: MAX_DEPTH };

/** What the lexer-based reader makes of a text, or undefined where it leaves the text to the full parser. */
function fast(text: string): ParseOutcome | undefined {
  const index = new LineIndex('t.yaml', text);
  const read = readYamlFast(text, index, LIMITS);
  return read && { ok: true, root: read.root, index };
}

/** An outcome without its line index, whose lookup cache depends on the order of lookups. */
function comparable(outcome: ParseOutcome | undefined): unknown {
  if (!outcome) return outcome;
  return outcome.ok ? { ok: true, root: outcome.root, notices: outcome.notices } : outcome;
}

/** Texts the reader takes: each must give exactly what the full parser gives. */
const TAKEN: [string, string][] = [
  ['block maps, nested', 'A: 1\nB:\n  C: x\n  D:\n    E: y\n'],
  ['a sequence under a key, indented or not', 'A:\n  - 1\n  - 2\nB:\n- x\n- y\nC: z\n'],
  ['maps in a sequence, and nested sequences', 'A:\n  - K: v\n    L: w\n  - - a\n    - b\n  -\n    M: n\n'],
  ['a document start line and comments', '# head\n---\n# c\nA: 1 # after\n# between\nB: 2\n'],
  ['flow collections', 'A: [a, "b", \'c\', [1, 2], {k: v}]\nB: {x: 1, "y": [2]}\nC: []\nD: {}\n'],
  ['short-form intrinsics', 'A: !Ref X\nB: !GetAtt R.Arn\nC: !Sub "${X}-y"\nD: !Join [",", [!Ref A, !Ref B]]\n'],
  ['a tag over a collection on the next lines', 'A: !If\n  - C\n  - !Ref X\n  - !Ref AWS::NoValue\nB: !Base64\n  Fn::Sub: x\n'],
  ['a tag with nothing after it', 'A: !GetAZs\nB: !GetAZs   \nC: 1\n'],
  ['a tag that is not an intrinsic', 'A: !Rain::Embed file.txt\nB: !Rain::S3 [a]\n'],
  [
    'core-schema scalars',
    'a: ~\nb: null\nc: True\nd: FALSE\ne: 0o17\nf: 0x1F\ng: -12\nh: +3\ni: 1.50\nj: 1e3\nk: .inf\nl: -.Inf\nm: .nan\nn: yes\no: 0755\np: 1_000\nq: 2024-01-01\n',
  ],
  ['keys that are numbers or booleans', '1: a\n2.50: b\ntrue: c\n0x10: d\n"q": e\n\'r\': f\n'],
  ['quoted scalars', "a: \"tab\\tnew\\nline \\u00e9\"\nb: 'it''s'\nc: \"\"\nd: ''\n"],
  ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\nd: |2\n    indented\ne: !Sub |\n  #!/bin/bash\n  echo ${X}\nf: 1\n'],
  ['block scalars with an indentation indicator, counted from their collection', 'A:\n  - |2\n      deeper\n  - K: >1\n       x\n'],
  ['a block scalar with no text, then a comment line', 'A:\n  B:\n  - K: x\n    help: |\n   # note\nC: 1\n'],
  ['empty values', 'A:\nB:   \nC: 1\nD:\n'],
  ['empty sequence items', 'A:\n  -\n  - x\n  - !GetAZs\n  -   \n\nB: [!Select [0, !GetAZs ""]]\nC:\n- !GetAZs\n'],
  [
    'comment lines after a value, deeper and shallower',
    'A:\n  B:\n    C: 1\n      # deeper\n    # same\n  # shallower\n\n# top\nD:\n  - x\n    # under x\n  - y\n  # after\nE: 2\n',
  ],
  [
    'comment lines that move out of the collections they follow',
    'R:\n  V:\n    P:\n      C: !F\n        - S\n        - T\n\n  # moves to R\n\n  E:\n    T: x\n      # stays with T\n    # stays with the map of T\nF: 1\n',
  ],
  ['a trailing comment block at the end', 'A:\n  B: [1]\n\n  # end\n'],
  ['line breaks as CRLF', 'A: 1\r\nB:\r\n  - x\r\n  - !Ref Y\r\n'],
  ['a sequence at the top', '- a\n- b: c\n'],
  ['plain scalars with indicators inside', 'A: a:b\nB: http://x/y#z\nC: -1\nD: "-"\nE: a - b\nF: ${X}\n'],
];

/** Texts the reader leaves to the full parser; the outcome must still be the full parser's. */
const LEFT: [string, string][] = [
  ['anchors and aliases', 'A: &a 1\nB: *a\n'],
  ['an explicit key', '? A\n: 1\n'],
  ['a plain scalar over two lines', 'A: one\n  two\n'],
  ['a quoted scalar over two lines', 'A: "one\n  two"\n'],
  ['two documents', 'A: 1\n---\nB: 2\n'],
  ['a directive', '%YAML 1.2\n---\nA: 1\n'],
  ['a document end', 'A: 1\n...\n'],
  ['tab indentation', 'A:\n\tB: 1\n'],
  ['a tab after a sequence indicator', 'A:\n  - \t!Ref X\n'],
  ['a repeated key', 'A: 1\nB: 2\nA: 3\n'],
  ['a repeated key in a big map', `${Array.from({ length: 12 }, (_, i) => `K${i}: ${i}`).join('\n')}\nK3: x\n`],
  ['a secondary tag', 'A: !!str 1\n'],
  ['a verbatim tag', 'A: !<tag:x> 1\n'],
  ['a tag joined to its value', 'A: !Ref"x"\n'],
  ['a tag before a sequence indicator', 'A:\n  - !Ref - x\n'],
  ['a trailing comma in a flow sequence', 'A: [a, b,]\n'],
  ['a flow collection over lines', 'A: [a,\n  b]\n'],
  ['a map in a flow sequence', 'A: [a: b]\n'],
  ['a comment after an empty value', 'A: # none\nB: 1\n'],
  ['a comment after an empty sequence item', 'A:\n  - # none\n  - x\n'],
  ['bad indentation', 'A:\n    B: 1\n  C: 2\n'],
  ['a nested map on the key line', 'A: B: 1\n'],
  ['a sequence on the key line', 'A: - 1\n'],
  ['a scalar alone', 'just text\n'],
  ['an empty document', '# nothing\n'],
  ['a plain scalar starting with a reserved character', 'A: @x\n'],
  ['a bad escape', 'A: "\\q"\n'],
  ['an unterminated quote', "A: 'x\n"],
];

/**
 * YAML laid out the ways hands and editors lay it out: nested maps and sequences at varying indents
 * (a sequence sometimes at its key's column), comment and blank lines at any indent between and after
 * entries, trailing comments, tags, flow collections, block scalars, empty values and CRLF line breaks.
 */
function layoutYaml(seed: number): string {
  let state = seed >>> 0 || 1;
  const rnd = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)] as T;
  const scalars = [
    'a',
    'x y',
    '1',
    '0x1F',
    '~',
    'null',
    'true',
    'False',
    '1.5',
    '.inf',
    '-3',
    '"q"',
    "'s'",
    "'it''s'",
    '"a\\tb"',
    'a:b',
    'http://x#y',
    '${X}',
    '""',
    '2024-01-01',
    'yes',
    '0o7',
    '+1',
    '1e3',
  ];
  const tags = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Rain::X', '!Base64', '!GetAZs', '!Select'];
  const comments = ['', '', '', ' # c', '  #c2'];
  const nl = (): string => (rnd(8) === 0 ? '\r\n' : '\n');
  const trivia = (indent: number): string => {
    let out = '';
    for (let i = rnd(4) === 0 ? 1 + rnd(3) : 0; i > 0; i--) out += rnd(3) === 0 ? nl() : `${' '.repeat(rnd(indent + 6))}# t${nl()}`;
    return out;
  };
  const flow = (depth: number): string => {
    if (depth > 2 || rnd(3) === 0) return (rnd(4) === 0 ? `${pick(tags)} ` : '') + pick(scalars);
    if (rnd(2)) return `[${Array.from({ length: rnd(4) }, () => flow(depth + 1)).join(', ')}]`;
    return `{${Array.from({ length: rnd(3) }, (_, i) => `k${i}: ${flow(depth + 1)}`).join(', ')}}`;
  };
  const value = (indent: number, depth: number): string => {
    const r = rnd(depth > 4 ? 3 : 9);
    const tag = rnd(5) === 0 ? ` ${pick(tags)}` : '';
    if (r === 0) return `${tag} ${pick(scalars)}${pick(comments)}${nl()}`;
    if (r === 1) return `${tag} ${flow(0)}${pick(comments)}${nl()}`;
    if (r === 2) return `${rnd(2) ? tag : ''}${pick(['', ' '])}${nl()}`;
    if (r === 3) {
      const header = pick(['|', '>', '|-', '>+', '|2', '>-']);
      const at = indent + 2 + (header.endsWith('2') ? 0 : rnd(2));
      const lines = Array.from({ length: 1 + rnd(3) }, () => ' '.repeat(at) + pick(['text', 'more  x', '#!/bin/sh', '', '  deeper'])).join(nl());
      return `${tag} ${header}${pick(comments)}${nl()}${lines}${nl()}${rnd(3) === 0 ? nl() : ''}`;
    }
    const child = indent + (rnd(3) === 0 ? 4 : 2);
    const head = `${tag}${pick(comments)}${nl()}${trivia(indent)}`;
    return r <= 5 ? head + map(child, depth + 1) : head + seq(rnd(3) === 0 ? indent : child, depth + 1);
  };
  const map = (indent: number, depth: number): string => {
    let out = '';
    for (let i = 0, n = 1 + rnd(4); i < n; i++)
      out +=
        `${i ? trivia(indent) : ''}${' '.repeat(indent)}${pick(['K', '"Q', "'S"])}${i}`.replace(
          /(["'])Q?S?(\d+)$/,
          (_, q: string, d: string) => `${q}${q === '"' ? 'Q' : 'S'}${d}${q}`,
        ) + `:${value(indent, depth)}`;
    return out;
  };
  const seq = (indent: number, depth: number): string => {
    let out = '';
    for (let i = 0, n = 1 + rnd(3); i < n; i++) {
      out += `${i ? trivia(indent) : ''}${' '.repeat(indent)}-`;
      const r = rnd(4);
      if (r === 0 && depth < 5) out += ` ${map(indent + 2, depth + 1).slice(indent + 2)}`;
      else if (r === 1 && depth < 5) out += value(indent, depth);
      else out += ` ${rnd(4) === 0 ? `${pick(tags)} ` : ''}${pick(scalars)}${pick(comments)}${nl()}`;
    }
    return out;
  };
  return `${rnd(6) === 0 ? `---${nl()}` : ''}${trivia(0)}${map(0, 0)}${trivia(0)}`;
}

describe('readYamlFast', () => {
  it.each(TAKEN)('reads %s as the full parser does', (_, text) => {
    const read = fast(text);
    expect(read).toBeDefined();
    expect(comparable(read)).toEqual(comparable(parseTextComposed('t.yaml', text, 'yaml')));
  });

  it.each(LEFT)('leaves %s to the full parser, with the same outcome', (_, text) => {
    expect(fast(text)).toBeUndefined();
    expect(comparable(parseText('t.yaml', text, 'yaml'))).toEqual(comparable(parseTextComposed('t.yaml', text, 'yaml')));
  });

  it('stops at the node and depth bounds, leaving the refusal to the full parser', () => {
    const deep = `${'- '.repeat(MAX_DEPTH + 2)}x\n`;
    expect(fast(deep)).toBeUndefined();
    expect(parseText('t.yaml', deep, 'yaml').ok).toBe(false);
    const index = new LineIndex('t.yaml', 'A: [1, 2, 3]\n');
    expect(readYamlFast('A: [1, 2, 3]\n', index, { maxNodes: 3, maxDepth: MAX_DEPTH })).toBeUndefined();
    expect(readYamlFast('A: [1, 2, 3]\n', index, { maxNodes: 5, maxDepth: MAX_DEPTH })).toBeDefined();
  });

  it('reads every YAML template in the repository as the full parser does, and takes most of them', () => {
    const seeds = seedTemplates().filter((s) => /\.ya?ml$/.test(s.file));
    let taken = 0;
    for (const { file, text } of seeds) {
      const read = fast(text);
      if (!read) continue;
      taken++;
      expect(comparable(read), file).toEqual(comparable(parseTextComposed('t.yaml', text, 'yaml')));
    }
    expect(seeds.length).toBeGreaterThan(20);
    expect(taken / seeds.length).toBeGreaterThan(0.9);
  });

  it('gives the full parser outcome on damaged templates: the same nodes, or the same error', () => {
    const seeds = seedTemplates().filter((s) => /\.ya?ml$/.test(s.file));
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (seed, mutations) => {
        const text = mutateText(seed.text, mutations);
        runs++;
        if (fast(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) taken++;
        expect(comparable(parseText('t.yaml', text, 'yaml'))).toEqual(comparable(parseTextComposed('t.yaml', text, 'yaml')));
      }),
      fcSettings(1500),
    );
    // The damage must leave enough texts readable for the comparison to test the reader, not only its refusals.
    expect(taken / runs).toBeGreaterThan(0.2);
  });

  it('gives the full parser outcome on generated templates in short and long form', () => {
    const seeds = seedTemplates();
    const plain = (t: string): unknown => {
      const out = parseTextComposed('t', t, /^\s*[{[]/.test(t) ? 'json' : 'yaml');
      return out.ok && out.root ? toPlain(out.root) : undefined;
    };
    const { template } = cfnArbitraries(vocabulary(seeds, plain));
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(template, fc.boolean(), (value, shortForm) => {
        const text = toYaml(value, shortForm);
        runs++;
        if (fast(text)) taken++;
        expect(comparable(parseText('t.yaml', text, 'yaml'))).toEqual(comparable(parseTextComposed('t.yaml', text, 'yaml')));
      }),
      fcSettings(400),
    );
    expect(taken / runs).toBeGreaterThan(0.5);
  });
  it('gives the full parser outcome on YAML laid out in every way the reader takes', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.noShrink(fc.integer()), (seed) => {
        const text = layoutYaml(seed);
        runs++;
        if (fast(text)) taken++;
        expect(comparable(parseText('t.yaml', text, 'yaml'))).toEqual(comparable(parseTextComposed('t.yaml', text, 'yaml')));
      }),
      fcSettings(1500),
    );
    // The layouts put comments beside empty values, which the reader leaves to the full parser, far
    // more often than templates do; half must still be its own.
    expect(taken / runs).toBeGreaterThan(0.5);
  });
});
