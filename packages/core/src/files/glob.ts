import { RE2JS } from 're2js';
import { GlobError, globSource, LIMIT, literal } from './glob-source.js';

/**
 * Globs and wildcards from configuration files, which a pull request can change. JavaScript's
 * backtracking RegExp (and picomatch, which compiles to it) takes seconds to minutes on patterns such
 * as `*a*a*a*a*a*b`, so patterns are translated to RE2 syntax (`glob-source.ts`) and run by re2js,
 * whose matching time is linear in the input whatever the pattern. Loaded only with a configuration.
 */

export { GlobError, globSource } from './glob-source.js';

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
