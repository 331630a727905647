import type { Lang } from '../i18n/lang.js';

/** Keys from a template's root, and indexes in its lists: `['Resources', 'Sg', 'Properties', 'SecurityGroupIngress', 0, 'CidrIp']`. */
export type TemplatePath = readonly (string | number)[];

/**
 * A value a fix writes: a literal, a list or mapping of them, or `{ Ref: name }` (written `!Ref name`
 * in a YAML template that uses short-form tags).
 */
export type TemplateValue = boolean | number | string | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };

/**
 * One edit of a template, at a path of its parsed tree. Every key of the path but the last names a
 * plain mapping (or, for a number, a plain list) as the template is written.
 * - `set` writes the value, replacing a literal one or adding the key. Where the value there is a
 *   `Ref` to a parameter that nothing else uses, the parameter's `Default` is set instead.
 * - `add` adds the key when it is absent; it is left as it is when it already holds the same value.
 *   `before` lists keys the new one goes before, when the mapping has them (a new `Parameters`
 *   section goes before `Resources`).
 * - `delete` removes the key, when it is there.
 */
export type TemplateEdit =
  | { op: 'set'; path: TemplatePath; value: TemplateValue }
  | { op: 'add'; path: TemplatePath; value: TemplateValue; before?: readonly string[] }
  | { op: 'delete'; path: TemplatePath };

/** A text in English and, where the rule gives one, in other languages. */
export type FixText = { readonly en: string } & { readonly [L in Exclude<Lang, 'en'>]?: string };

/** A mechanical repair a rule offers for a template finding: its edits and, optionally, what it does in a sentence. */
export interface TemplateFix {
  /** What the fix does (SARIF `fix.description`); left out, the edits are described. */
  description?: FixText;
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
export interface FindingFix {
  /** What the fix does, in the scan's language. */
  description: string;
  /** Made in order, each on the text the ones before it left. */
  edits: readonly TemplateEdit[];
  /** The file the replacements apply to, as the finding's location names it. */
  file: string;
  /** The replacements, in the file as the scan read it again after checking it. */
  replacements?: TextReplacement[];
  /** Why no replacement is offered. */
  unfixable?: string;
}
