/**
 * One edit of a template, at a path of its parsed tree (`['Resources', 'Db', 'Properties', 'MultiAZ']`):
 * `set` writes a literal value there, replacing a literal one or adding the key to its mapping.
 */
export interface TemplateEdit {
  op: 'set';
  path: readonly string[];
  value: boolean | number | string;
}

/** A mechanical repair a rule offers for a template finding: what it does, in a sentence, and its edits. */
export interface TemplateFix {
  description: string;
  edits: readonly TemplateEdit[];
}

/**
 * Text to replace in a file: the characters from `offset` (`length` of them, none for an insertion)
 * give way to `insertedContent`. Lines and columns (1-based, in UTF-16 code units like SARIF's
 * default) locate the same region; end is exclusive.
 */
export interface TextReplacement {
  offset: number;
  length: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  insertedContent: string;
}

/**
 * A finding's fix: the rule's edits and, once the file was read, either the exact replacements that
 * make them or why they cannot be made as written (the value is an intrinsic function, a flow mapping...).
 */
export interface FindingFix extends TemplateFix {
  /** The file the replacements apply to, as the finding's location names it. */
  file: string;
  replacements?: TextReplacement[];
  /** Why no replacement is offered. */
  unfixable?: string;
}
