import type { SnapshotInput } from '../entities/slice.js';
import type { PathKey } from './locator.js';

/** One row of IAM's credential report, by its documented column names. */
export type CredentialReportRow = Readonly<Record<string, string>>;

export const ROOT_ROW_USER = '<root_account>';

/** The report's CSV text from `Content`: the CSV itself, or its base64 as the CLI and the raw API give it. */
export function credentialReportText(content: string): string | undefined {
  const trimmed = content.trimStart();
  if (trimmed.startsWith('user,')) return trimmed;
  if (!/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return undefined;
  const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
  return decoded.startsWith('user,') ? decoded : undefined;
}

/** Parses the report; fields never contain commas (user names and ARNs cannot), but quoted fields are honoured. */
export function parseCredentialReport(content: string): CredentialReportRow[] | undefined {
  const text = credentialReportText(content);
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `true`/`false` columns; anything else (`not_supported`, `N/A`) is unknown. */
export function reportBool(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Date columns; `N/A`, `no_information` and `not_supported` are not dates. */
export function reportDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : undefined;
}

/** The snapshot's credential report, parsed once: users and the root user both read its thousands of rows. */
export function credentialReport(input: SnapshotInput): { rows: CredentialReportRow[]; path: PathKey[] } | undefined {
  return input.once(readReport);
}

function readReport(input: SnapshotInput): { rows: CredentialReportRow[]; path: PathKey[] } | undefined {
  const content = input.snapshot.global.iam?.GetCredentialReport?.Content;
  const rows = content === undefined ? undefined : parseCredentialReport(content);
  return rows ? { rows, path: ['global', 'iam', 'GetCredentialReport'] } : undefined;
}
