import { createScanner } from 'jsonc-parser';
import { stripBom } from '../template/parsing/parse.js';
import { looksLikeSnapshot } from './format.js';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const TOKEN = { OpenBrace: 1, CloseBrace: 2, OpenBracket: 3, CloseBracket: 4, Comma: 5, StringLiteral: 10, LineComment: 12, BlockComment: 13, EOF: 17 };

/**
 * Whether a text is an account snapshot: a JSON object with `mamoriSnapshot` among its top-level
 * keys. A schema or a document that merely mentions the key deeper down is not one. Read token by
 * token only until the answer is known (not the whole of a possibly very large document), and
 * tolerant of syntax errors, so a broken snapshot is still recognised (and reported as one).
 */
export function isSnapshotText(text: string): boolean {
  if (!looksLikeSnapshot(text)) return false;
  const scanner = createScanner(stripBom(text), true);
  // For each open container: whether it is an object.
  const objects: boolean[] = [];
  let atKey = false;
  for (let token = scanner.scan(); token !== TOKEN.EOF; token = scanner.scan()) {
    if (token === TOKEN.LineComment || token === TOKEN.BlockComment) continue;
    if (token === TOKEN.StringLiteral && atKey && objects.length === 1 && scanner.getTokenValue() === 'mamoriSnapshot') return true;
    if (token === TOKEN.OpenBrace || token === TOKEN.OpenBracket) objects.push(token === TOKEN.OpenBrace);
    else if (token === TOKEN.CloseBrace || token === TOKEN.CloseBracket) {
      objects.pop();
      // The root has closed without the marker.
      if (objects.length === 0) return false;
    }
    atKey = token === TOKEN.OpenBrace || (token === TOKEN.Comma && objects[objects.length - 1] === true);
  }
  return false;
}
