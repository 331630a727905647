import path from 'node:path';
import type { Notification } from '../model/finding.js';
import { templateNotices } from './checks.js';
import { parseText, stripBom } from './parsing/parse.js';
import { isServerless, SERVERLESS_VARIABLE, serverlessTemplateRoot } from './serverless.js';
import { buildTemplate, isTemplate, looksLikeTemplate } from './template.js';
import type { BuildOptions, Template } from './types.js';

export type LoadOutcome = { template: Template; notifications: Notification[] } | { template: undefined; notifications: Notification[] };

const JSON_EXTENSIONS = new Set(['.json', '.jsonc']);

/** How a template file is parsed: by its extension, else by its first character. */
export function formatOf(file: string, text: string): 'yaml' | 'json' {
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
  try {
    return load(file, raw, explicit, options);
  } catch (err) {
    // A bug must cost one file, reported, never the scan.
    const message = `Cannot read the template (internal error: ${err instanceof Error ? err.message : String(err)})`;
    return { template: undefined, notifications: [{ level: 'error', code: 'internal-error', file, message }] };
  }
}

function load(file: string, raw: string, explicit: boolean, options: BuildOptions): LoadOutcome {
  const text = stripBom(raw);
  if (!/\S/.test(text)) {
    return { template: undefined, notifications: explicit ? [{ level: 'note', code: 'empty-file', file, message: 'Empty file: nothing to scan' }] : [] };
  }
  const parsed = parseText(file, text, formatOf(file, text));
  if (!parsed.ok) {
    if (!explicit && !looksLikeTemplate(text)) return { template: undefined, notifications: [] };
    // Classic Mac OS line breaks: YAML readers, CloudFormation's included, see one long line.
    const hint = !text.includes('\n') && text.includes('\r') ? '; its line breaks are lone CR characters: save it with LF or CRLF line breaks' : '';
    return {
      template: undefined,
      notifications: [
        { level: 'error', code: 'parse-error', file, line: parsed.problem.line, column: parsed.problem.column, message: `${parsed.problem.message}${hint}` },
      ],
    };
  }
  if (parsed.root === undefined) {
    const notifications: Notification[] = explicit
      ? [{ level: 'note', code: 'empty-file', file, message: 'No content: the file holds only comments; nothing to scan' }]
      : [];
    return { template: undefined, notifications };
  }
  if (isServerless(parsed.root) && !isTemplate(parsed.root)) {
    // The CloudFormation under `resources`, read in place: positions are the service file's own.
    const sls = serverlessTemplateRoot(file, parsed.root);
    const template = { ...buildTemplate(file, text, parsed.index, sls.root, options), variables: SERVERLESS_VARIABLE, serverless: parsed.root };
    // The framework deploys a template it generates: the service file's size is not a template's size.
    return { template, notifications: [...sls.notifications, ...(template.notifications ?? []), ...templateNotices(template, 0, parsed.notices)] };
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
  return { template, notifications: [...(template.notifications ?? []), ...templateNotices(template, Buffer.byteLength(raw, 'utf8'), parsed.notices)] };
}
