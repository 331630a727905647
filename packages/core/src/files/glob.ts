import { RE2JS } from 're2js';

/**
 * Globs and wildcards from configuration files, which a pull request can change. JavaScript's
 * backtracking RegExp (and picomatch, which compiles to it) takes seconds to minutes on patterns such
 * as `*a*a*a*a*a*b`, so patterns are translated to RE2 syntax and run by re2js, whose matching time is
 * linear in the input whatever the pattern.
 */

/** A glob that cannot be read: the message names the problem. */
export class GlobError extends Error {}

const META = /[\\.+*?()|[\]{}^$]/g;

function literal(text: string): string {
  return text.replace(META, '\\$&');
}

// `**/` between or before segments: zero or more whole folders.
const ANY_FOLDERS = '(?:[^/]*/)*';
const LIMIT = 4096;

/**
 * RE2 source for a path glob: `*` and `?` within one segment, `**` as a whole segment for any depth,
 * `[abc]`, `[!a-z]`, `{a,b}` (nested), `\` escapes. Dots are ordinary characters (dotfiles match).
 */
export function globSource(glob: string): string {
  if (glob.length > LIMIT) throw new GlobError(`glob longer than ${LIMIT} characters`);
  let i = 0;
  let depth = 0;
  const out: string[] = [];
  const atSegmentStart = (at: number) => at === 0 || glob[at - 1] === '/' || glob[at - 1] === '{' || glob[at - 1] === ',';
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '\\') {
      const next = glob[i + 1];
      if (next === undefined) throw new GlobError('glob ends with an escape');
      out.push(literal(next));
      i += 2;
    } else if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const stars = j - i;
      const segmentEnd = j === glob.length || glob[j] === '/' || (depth > 0 && (glob[j] === ',' || glob[j] === '}'));
      if (stars >= 2 && atSegmentStart(i) && segmentEnd) {
        if (glob[j] === '/') {
          out.push(ANY_FOLDERS);
          j++;
        } else if (i > 0 && glob[i - 1] === '/') {
          // `dir/**`: the folder itself or anything below it.
          out.pop();
          out.push('(?:/.*)?');
        } else {
          out.push('.*');
        }
      } else {
        out.push('[^/]*');
      }
      i = j;
    } else if (c === '?') {
      out.push('[^/]');
      i++;
    } else if (c === '[') {
      const end = classEnd(glob, i);
      if (end < 0) {
        out.push('\\[');
        i++;
        continue;
      }
      let body = glob.slice(i + 1, end);
      let negated = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negated = true;
        body = body.slice(1);
      }
      const chars = body.replace(/\\(.)/g, '$1').replace(/[\\\]^[]/g, '\\$&');
      out.push(negated ? `[^/${chars}]` : `[${chars}]`);
      i = end + 1;
    } else if (c === '{') {
      depth++;
      out.push('(?:');
      i++;
    } else if (c === ',' && depth > 0) {
      out.push('|');
      i++;
    } else if (c === '}' && depth > 0) {
      depth--;
      out.push(')');
      i++;
    } else if (c === '/') {
      out.push('/');
      i++;
    } else {
      out.push(literal(c));
      i++;
    }
  }
  if (depth > 0) throw new GlobError('glob has an unclosed "{"');
  return out.join('');
}

/** Index of the `]` closing the class that opens at `start`, or -1 when the `[` is a literal. */
function classEnd(glob: string, start: number): number {
  let j = start + 1;
  if (glob[j] === '!' || glob[j] === '^') j++;
  if (glob[j] === ']') j++;
  for (; j < glob.length; j++) {
    if (glob[j] === '\\') j++;
    else if (glob[j] === ']') return j;
    else if (glob[j] === '/') return -1;
  }
  return -1;
}

function compile(source: string): (text: string) => boolean {
  const re = RE2JS.compile(`^(?:${source})$`, RE2JS.DOTALL);
  return (text) => re.matches(text);
}

/**
 * A matcher for forward-slash relative paths that is true when any of the globs matches. A glob that
 * starts with `!` matches the paths its remainder does not match.
 */
export function globMatcher(globs: string | readonly string[]): (path: string) => boolean {
  const list = (typeof globs === 'string' ? [globs] : globs).map((g) => {
    const negated = g.startsWith('!');
    const body = negated ? g.slice(1) : g;
    const test = compile(globSource(body.startsWith('./') ? body.slice(2) : body));
    return negated ? (p: string) => !test(p) : test;
  });
  return (p) => {
    const path = p.startsWith('./') ? p.slice(2) : p;
    return list.some((t) => t(path));
  };
}

/** A matcher for names such as ARNs or resource types where `*` stands for any text, `/` included. */
export function wildcardMatcher(patterns: string | readonly string[]): (text: string) => boolean {
  const list = (typeof patterns === 'string' ? [patterns] : patterns).map((p) => {
    if (p.length > LIMIT) throw new GlobError(`pattern longer than ${LIMIT} characters`);
    return compile(p.split('*').map(literal).join('.*'));
  });
  return (text) => list.some((t) => t(text));
}
