import { looksLikeSnapshot } from './format.js';

/**
 * Whether a text is an account snapshot: a JSON object with `mamoriSnapshot` among its top-level
 * keys. A schema or a document that merely mentions the key deeper down is not one. Tolerant of
 * syntax errors and comments, so a broken snapshot is still recognised (and reported as one). Only
 * the tokens up to that key are read, not the whole (possibly very large) document.
 */
export function isSnapshotText(text: string): boolean {
  if (!looksLikeSnapshot(text)) return false;
  const n = text.length;
  let depth = 0;
  let keyPosition = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string runs to its closing quote, or to the end of the line when it is not closed.
      const start = i + 1;
      let escaped = false;
      let j = start;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) break;
        if (escaped) escaped = false;
        else if (d === 92) escaped = true;
        else if (d === 34) break;
      }
      if (depth === 1 && keyPosition) {
        if (keyText(text.slice(start, j)) === 'mamoriSnapshot') return true;
        keyPosition = false;
      }
      i = text.charCodeAt(j) === 34 ? j : j - 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 123 || c === 91) {
      depth++;
      keyPosition = depth === 1;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth <= 0) return false;
    } else if (c === 44 && depth === 1) keyPosition = true;
  }
  return false;
}

function keyText(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
