/**
 * One edit of a template, at a path of its parsed tree (`['Resources', 'Db', 'Properties', 'MultiAZ']`):
 * `set` writes a literal value there, replacing a literal one or adding the key to its mapping.
 */
export interface TemplateEdit {
  /** The only kind of edit so far: write a literal value. */
  op: 'set';
  /** Keys from the template's root; every key but the last names a plain mapping. */
  path: readonly string[];
  /** The literal written. */
  value: boolean | number | string;
}

/** A mechanical repair a rule offers for a template finding: what it does, in a sentence, and its edits. */
export interface TemplateFix {
  /** What the fix does, as a sentence (SARIF `fix.description`). */
  description: string;
  /** Made in order, each on the text the ones before it left. */
  edits: readonly TemplateEdit[];
}

/**
 * Text to replace in a file: the characters from `offset` (`length` of them, none for an insertion)
 * give way to `insertedContent`. Lines and columns (1-based, in UTF-16 code units like SARIF's
 * default) locate the same region; end is exclusive.
 */
export interface TextReplacement {
  /** UTF-16 offset of the first character replaced. */
  offset: number;
  /** Characters replaced; 0 for an insertion. */
  length: number;
  /** Line of `offset`. */
  startLine: number;
  /** Column of `offset`. */
  startColumn: number;
  /** Line of `offset + length`. */
  endLine: number;
  /** Column of `offset + length`. */
  endColumn: number;
  /** The new text. */
  insertedContent: string;
}

/**
 * A finding's fix: the rule's edits and, once the file was read, either the exact replacements that
 * make them or why they cannot be made as written (the value is an intrinsic function, a flow mapping...).
 */
export interface FindingFix extends TemplateFix {
  /** The file the replacements apply to, as the finding's location names it. */
  file: string;
  /** The replacements, in the file as the scan read it again after checking it. */
  replacements?: TextReplacement[];
  /** Why no replacement is offered. */
  unfixable?: string;
}
