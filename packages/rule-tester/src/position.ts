import { findNodeAtLocation, type Node as JsonNode, type ParseError, parseTree } from 'jsonc-parser';

/** A JSON path: object keys and array indexes, from the document's root. */
export type JsonPath = readonly (string | number)[];

/**
 * Line and column (1-based) of the value at a JSON path, counted on the text itself rather than
 * through the loader under test, so a case cannot agree with a wrong position by construction.
 */
export function positionOf(text: string, at: JsonPath): { line: number; column: number } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false });
  if (!root || errors.length > 0)
    throw new Error(`\`at\` ${JSON.stringify(at)} needs JSON text (a snapshot or a JSON template), and this case's text is not JSON`);
  const node: JsonNode | undefined = findNodeAtLocation(root, [...at]);
  if (!node) throw new Error(`\`at\` ${JSON.stringify(at)}: no value at this path in the case's text`);
  const before = text.slice(0, node.offset);
  const line = before.split('\n').length;
  return { line, column: node.offset - before.lastIndexOf('\n') };
}
