/** Where an entity or a finding comes from. Lines and columns are 1-based; end is exclusive of nothing: it is the last character's column + 1. */
export interface SourceLocation {
  /** Path of the file as shown to the user: relative to the scan's root, with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Logical name of the thing located: a template's `LogicalId/Property/...` path, or a snapshot entity's ARN. */
  logicalPath?: string;
  /** Amazon Resource Name, for entities read from an account snapshot. */
  arn?: string;
}

/** Formats a location as `file:line:column`. */
export function formatLocation(loc: Pick<SourceLocation, 'file' | 'line' | 'column'>): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}
