import path from 'node:path';
import type { Notification } from '../engine/finding.js';
import { parseText, stripBom } from './parse.js';
import { type BuildOptions, buildTemplate, isTemplate, looksLikeTemplate, type Template } from './template.js';

export type LoadOutcome = { template: Template; notifications: Notification[] } | { template: undefined; notifications: Notification[] };

const JSON_EXTENSIONS = new Set(['.json', '.jsonc']);

function formatOf(file: string, text: string): 'yaml' | 'json' {
  const ext = path.extname(file).toLowerCase();
  if (JSON_EXTENSIONS.has(ext)) return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  // `.template` and others: JSON when the first meaningful character opens an object.
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/**
 * Reads one template from its text. A file that is not a template is skipped quietly unless it was
 * named explicitly; a file that fails to parse is an error when it was named or looks like a template.
 */
export function loadTemplate(file: string, raw: string, explicit: boolean, options: BuildOptions = {}): LoadOutcome {
  const text = stripBom(raw);
  const parsed = parseText(file, text, formatOf(file, text));
  if (!parsed.ok) {
    if (!explicit && !looksLikeTemplate(text)) return { template: undefined, notifications: [] };
    return {
      template: undefined,
      notifications: [{ level: 'error', code: 'parse-error', file, line: parsed.problem.line, column: parsed.problem.column, message: parsed.problem.message }],
    };
  }
  if (!isTemplate(parsed.root)) {
    const notifications: Notification[] = explicit
      ? [
          {
            level: 'note',
            code: 'not-a-template',
            file,
            message: 'Not a CloudFormation template (no AWSTemplateFormatVersion and no Resources with AWS:: types); skipped',
          },
        ]
      : [];
    return { template: undefined, notifications };
  }
  const template = buildTemplate(file, text, parsed.index, parsed.root, options);
  return { template, notifications: template.notifications ?? [] };
}
