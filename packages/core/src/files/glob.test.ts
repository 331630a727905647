import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { GlobError, globMatcher, globSource, wildcardMatcher } from './glob.js';

const globs = [
  '**/*.yaml',
  'src/**',
  '*.json',
  'templates/{a,b}/*.json',
  '**/test/**',
  '[a-c]?.yml',
  'a/**/b.yml',
  '**',
  '*',
  'legacy/**',
  'infra/**/*.{yaml,yml}',
  '**/generated/**',
  'x/*/y',
  '.github/**',
  'a/[bc]d/e',
  'a?c',
  '**/.hidden/*',
  '{a,b/*}',
  'a/[a-c]*',
  'a.b',
];
// Where picomatch differs on purpose: `[!a]` negates as in the shell, and `dir/**` includes `dir` inside braces too.
const ownWay: [string, string, boolean][] = [
  ['[!a]?.yml', 'ba.yml', true],
  ['[!a]?.yml', 'aa.yml', false],
  ['{a,b/**}', 'b', true],
];
const paths = [
  'a.yaml',
  'x/a.yaml',
  'x/y/a.yaml',
  'src',
  'src/a',
  'src/a/b',
  'a.json',
  'd/a.json',
  'templates/a/x.json',
  'templates/c/x.json',
  'test/x',
  'a/test/x',
  'a/test',
  'ba.yml',
  'aa.yml',
  'a/b.yml',
  'a/x/y/b.yml',
  'legacy',
  'legacy/x.yaml',
  'infra/a/b.yml',
  'infra/x.yaml',
  'x/generated/y',
  'x/q/y',
  'x/q/r/y',
  '.github/w.yml',
  'a/cd/e',
  'a/bd/e',
  'abc',
  'a/c',
  'q/.hidden/x',
  '.hidden/x',
  'a',
  'b/z',
  'b',
  '.x.yaml',
  'a/bz',
  'a/dz',
  'axb',
  'a.b',
];

describe('globMatcher', () => {
  it('agrees with picomatch (dot: true) on the globs configurations use', () => {
    const differences: string[] = [];
    for (const g of globs) {
      const theirs = picomatch(g, { dot: true });
      const ours = globMatcher(g);
      for (const p of paths) if (theirs(p) !== ours(p)) differences.push(`${g} ${p}: picomatch ${theirs(p)}`);
    }
    expect(differences).toEqual([]);
    expect(ownWay.map(([g, p]) => globMatcher(g)(p))).toEqual(ownWay.map(([, , m]) => m));
  });

  it('matches when any glob matches; a leading ! matches what its remainder does not', () => {
    const m = globMatcher(['infra/**', '!**/*.yaml']);
    expect([m('infra/a.yaml'), m('x/a.json'), m('x/a.yaml')]).toEqual([true, true, false]);
    expect(globMatcher('./infra/*.yaml')('infra/a.yaml')).toBe(true);
    expect(globMatcher('\\*.yaml')('*.yaml')).toBe(true);
    expect(globMatcher('\\*.yaml')('a.yaml')).toBe(false);
    expect(globMatcher('a(b|c)+$')('a(b|c)+$')).toBe(true);
    expect(globMatcher('a(b|c)+$')('ab')).toBe(false);
  });

  it('refuses a glob it cannot read, with the reason', () => {
    expect(() => globSource('{a,b')).toThrow(new GlobError('glob has an unclosed "{"'));
    expect(() => globSource('a\\')).toThrow(GlobError);
    expect(() => globSource('x'.repeat(5000))).toThrow(/longer than 4096/);
  });

  it('is linear on patterns that make a backtracking matcher take minutes', () => {
    // picomatch takes about 30 s for this pair; RE2 answers at once.
    const m = globMatcher(`${'*a'.repeat(12)}*b`);
    const started = process.hrtime.bigint();
    expect(m('a'.repeat(5000))).toBe(false);
    expect(m(`${'a'.repeat(5000)}b`)).toBe(true);
    // A bound a hundred times above the expected time: only a backtracking matcher comes near it.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });
});

describe('wildcardMatcher', () => {
  it('* stands for any text, / included; everything else is literal', () => {
    const m = wildcardMatcher(['arn:aws:s3:::logs-*', 'AWS::EC2::*']);
    expect(['arn:aws:s3:::logs-2024/x', 'AWS::EC2::Instance', 'arn:aws:s3:::other', 'AWS::EC2'].map(m)).toEqual([true, true, false, false]);
    expect(wildcardMatcher('a.b')('axb')).toBe(false);
    const slow = wildcardMatcher(`${'*a'.repeat(20)}*b`);
    expect(slow('a'.repeat(20000))).toBe(false);
  });
});
