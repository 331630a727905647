import { findNodeAtLocation, type Node as JsonNode, parseTree } from 'jsonc-parser';

/** Line and column of the value at a JSON path, counted on the text itself (not through the loader under test). */
export function positionOf(text: string, at: readonly (string | number)[]): { line: number; column: number } {
  const node = findNodeAtLocation(parseTree(text) as JsonNode, [...at]);
  if (!node) throw new Error(`no value at ${JSON.stringify(at)}`);
  const before = text.slice(0, node.offset);
  const line = before.split('\n').length;
  return { line, column: node.offset - before.lastIndexOf('\n') };
}
