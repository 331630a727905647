import { type Node as JsonNode, parseTree } from 'jsonc-parser';
import { stripBom } from '../template/parse.js';
import { looksLikeSnapshot } from './format.js';

/**
 * Whether a text is an account snapshot: a JSON object with `mamoriSnapshot` among its top-level
 * keys. A schema or a document that merely mentions the key deeper down is not one. Tolerant of
 * syntax errors, so a broken snapshot is still recognised (and reported as one). Well-formed text
 * is read only up to that key, not the whole (possibly very large) document; text with a syntax
 * error before the answer is known goes through the error-tolerant parser.
 */
export function isSnapshotText(text: string): boolean {
  if (!looksLikeSnapshot(text)) return false;
  const quick = topLevelMarker(stripBom(text));
  if (quick !== undefined) return quick;
  const root: JsonNode | undefined = parseTree(stripBom(text), [], { allowTrailingComma: true });
  return root?.type === 'object' && (root.children ?? []).some((p) => p.children?.[0]?.value === 'mamoriSnapshot');
}

enum Expect {
  /** A key or the end of an object. */
  Key,
  Colon,
  Value,
  /** A comma or the end of the container. */
  Next,
}

/** Reads tokens until the answer is known; `undefined` at anything that is not JSON with comments. */
function topLevelMarker(text: string): boolean | undefined {
  const n = text.length;
  // For each open container: whether it is an object.
  const objects: boolean[] = [];
  let expect: Expect = Expect.Value as Expect;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
      continue;
    }
    const inObject = objects[objects.length - 1] === true;
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (expect === Expect.Key) {
        const key = keyText(text.slice(i + 1, end - 1));
        if (key === undefined) return undefined;
        if (objects.length === 1 && key === 'mamoriSnapshot') return true;
        expect = Expect.Colon;
      } else if (expect === Expect.Value) expect = Expect.Next;
      else return undefined;
      i = end;
      continue;
    }
    if (c === 58) {
      if (expect !== Expect.Colon) return undefined;
      expect = Expect.Value;
    } else if (c === 44) {
      if (expect !== Expect.Next) return undefined;
      expect = inObject ? Expect.Key : Expect.Value;
    } else if (c === 123 || c === 91) {
      if (expect !== Expect.Value) return undefined;
      if (objects.length === 0 && c !== 123) return undefined;
      objects.push(c === 123);
      expect = c === 123 ? Expect.Key : Expect.Value;
    } else if (c === 125 || c === 93) {
      // A trailing comma is allowed, as the tolerant parser allows it.
      const closes = objects.length > 0 && inObject === (c === 125);
      const ok = expect === Expect.Next || (inObject ? expect === Expect.Key : expect === Expect.Value);
      if (!closes || !ok) return undefined;
      objects.pop();
      if (objects.length === 0) return false;
      expect = Expect.Next;
    } else {
      if (expect !== Expect.Value) return undefined;
      let end = i;
      while (end < n && !/[\s,:{}[\]"/]/.test(text.charAt(end))) end++;
      if (!/^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)$/.test(text.slice(i, end))) return undefined;
      expect = Expect.Next;
      i = end;
      continue;
    }
    i++;
  }
  return undefined;
}

/** Offset just after the string that opens at `i`, or -1 when it does not close on its line. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 92) {
      const e = text.charCodeAt(++j);
      if (e === 10 || e === 13) return -1;
    } else if (d === 34) return j + 1;
    else if (d === 10 || d === 13) return -1;
  }
  return -1;
}

function keyText(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}
