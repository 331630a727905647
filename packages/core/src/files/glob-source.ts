/**
 * Globs translated to RE2 syntax, for `glob.ts` to run on re2js; kept apart so that checking a
 * configuration's globs does not load re2js.
 */

/** A glob that cannot be read: the message names the problem. */
export class GlobError extends Error {}

const META = /[\\.+*?()|[\]{}^$]/g;

/** `text` as an RE2 literal. */
export function literal(text: string): string {
  return text.replace(META, '\\$&');
}

// `**/` between or before segments: zero or more whole folders.
const ANY_FOLDERS = '(?:[^/]*/)*';
/** The longest glob or wildcard read, in characters. */
export const LIMIT = 4096;

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
