import type { Notification } from '../model/finding.js';
import { printable } from '../reporters/text.js';

// `mamori collect --org` writes `mamori-org-summary.json` beside the snapshots it collected. A scan
// of that folder reads it, so that an account that was not collected shows in the report (an error:
// part of the organisation was not looked at) rather than being absent from it.

/** Whether a text is the summary `collect --org` writes (its marker is the first key). */
export function isOrganizationSummaryText(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"mamoriOrganizationSummary"\s*:/.test(text);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? printable(v) : '');

/**
 * The notifications an organisation summary calls for: an error for each account that failed (its
 * role could not be assumed, or its collection could not start) and for each account asked for
 * that the organisation does not hold; a note for each account skipped (suspended, closed). A
 * summary that cannot be read is itself an error.
 */
export function organizationSummaryNotifications(file: string, raw: string): Notification[] {
  let summary: unknown;
  try {
    summary = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    return [
      { level: 'error', code: 'read-error', file, message: `Cannot read this organisation summary: ${err instanceof Error ? err.message : String(err)}` },
    ];
  }
  if (!isObject(summary) || !Array.isArray(summary.accounts)) {
    return [{ level: 'error', code: 'read-error', file, message: 'Cannot read this organisation summary: it has no list of accounts' }];
  }
  const out: Notification[] = [];
  for (const a of summary.accounts) {
    if (!isObject(a) || typeof a.id !== 'string') continue;
    const who = `Account ${text(a.id)}${typeof a.name === 'string' && a.name ? ` (${text(a.name)})` : ''}`;
    if (a.status === 'failed') {
      const e = isObject(a.error) ? a.error : {};
      out.push({
        level: 'error',
        code: 'account-not-collected',
        file,
        message: `${who} was not collected: ${text(e.operation) || 'its collection'} failed with ${text(e.code) || 'an error'}${e.message ? `: ${text(e.message)}` : ''}; it is not in this scan`,
      });
    } else if (a.status === 'skipped') {
      out.push({
        level: 'note',
        code: 'account-not-collected',
        file,
        message: `${who} was skipped when the organisation was collected: ${text(a.reason) || 'no reason given'}`,
      });
    }
  }
  for (const id of Array.isArray(summary.notInOrganization) ? summary.notInOrganization : []) {
    if (typeof id !== 'string') continue;
    out.push({
      level: 'error',
      code: 'account-not-collected',
      file,
      message: `Account ${text(id)} was asked for but the organisation does not hold it; it is not in this scan`,
    });
  }
  return out;
}
