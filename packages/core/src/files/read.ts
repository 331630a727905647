import { isAscii, isUtf8 } from 'node:buffer';
import type { Notification } from '../model/finding.js';
import { looksLikeSnapshot } from '../snapshot/format.js';
import { bytes } from '../template/checks.js';
import { looksLikeTemplate } from '../template/template.js';
import { failureText, isFailure, MAX_FILE_BYTES, MAX_SNAPSHOT_BYTES, mib, type OpenOptions, openRegular, readHead, readOpened } from './bounded.js';
import { inputFs } from './input-fs.js';

export { MAX_FILE_BYTES, MAX_SNAPSHOT_BYTES } from './bounded.js';

/** How much of an oversized file is read to tell whether it was meant to be a template or is a snapshot. */
const HEAD_BYTES = 64 * 1024;

export interface ReadResult {
  /** The file's text, when it could be read as UTF-8; otherwise the notifications say why not. */
  text?: string;
  notifications: Notification[];
  /** An account snapshot over the template limit, left unread as asked (`deferSnapshots`). */
  deferred?: true;
  /** Found in a folder, not a template, and not UTF-8 (binary, UTF-16, another encoding): its bytes, for the key scan. */
  passedOver?: Buffer;
}

export interface ReadOptions extends OpenOptions {
  /** Leave a file over the template limit that starts like an account snapshot unread (for a thread that does not load snapshots). */
  deferSnapshots?: boolean;
}

/**
 * Reads a file that may hold a template or an account snapshot. What cannot be read is an error
 * naming the file (and the line, for bad encoding) when the file was named explicitly or looks like
 * a template; a file found by walking a folder that plainly is not one (an image, a data dump) is
 * passed over, its bytes given back for the key scan.
 */
export function readTemplateFile(absPath: string, file: string, explicit: boolean, options: ReadOptions = {}): ReadResult {
  const refuse = (message: string, where: { line?: number; column?: number } = {}): ReadResult => ({
    notifications: [{ level: 'error', code: 'read-error', file, ...where, message }],
  });
  const opened = openRegular(absPath, options);
  if (isFailure(opened)) {
    // Swapped for a link out of the scanned folders since it was listed: passed over, as the listing passes over such links.
    if (opened.problem === 'outside') return { notifications: [{ level: 'note', code: 'skipped', file, message: `Not read: ${failureText(opened)}` }] };
    return refuse(`Cannot read file: ${failureText(opened)}`);
  }
  let bytes: Buffer;
  try {
    let limit = MAX_FILE_BYTES;
    if (opened.size > MAX_FILE_BYTES) {
      const head = readHead(opened.fd, HEAD_BYTES);
      // An account snapshot may be far larger than a template.
      if (!looksLikeSnapshot(head.toString('utf8'))) return oversized(head, file, explicit, opened.size);
      if (opened.size > MAX_SNAPSHOT_BYTES) return oversizedSnapshot(file, opened.size);
      if (options.deferSnapshots) return { notifications: [], deferred: true };
      limit = MAX_SNAPSHOT_BYTES;
    }
    const read = readOpened(opened.fd, limit, opened.size);
    // It grew since it was measured, or it is a file that says 0 and streams (/proc).
    if (read.more)
      return limit === MAX_SNAPSHOT_BYTES
        ? oversizedSnapshot(file, limit + 1)
        : oversized(read.bytes.subarray(0, HEAD_BYTES), file, explicit, opened.size, limit);
    bytes = read.bytes;
  } catch (err) {
    return refuse(`Cannot read file: ${failureText({ problem: 'error', error: err })}`);
  } finally {
    inputFs.close(opened.fd);
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const decoded = new TextDecoder(utf16).decode(bytes);
    if (!explicit && !looksLikeTemplate(decoded)) return { notifications: [], passedOver: bytes };
    return refuse(
      `Cannot read file: it is encoded as ${utf16.toUpperCase()}; CloudFormation reads templates as UTF-8 (convert it, e.g. iconv -f ${utf16.toUpperCase()} -t UTF-8)`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (!explicit && !looksLikeTemplate(bytes.toString('latin1').replaceAll('\u0000', ''))) return { notifications: [], passedOver: bytes };
    return refuse(`Cannot read file: binary content (a NUL byte at offset ${nul}), not a template`);
  }
  // Checked natively (ASCII many times faster than UTF-8, and valid UTF-8 too); only a bad file is searched byte by byte.
  if (isAscii(bytes) || isUtf8(bytes)) return { text: bytes.toString('utf8'), notifications: [] };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    if (!explicit && !looksLikeTemplate(bytes.toString('latin1'))) return { notifications: [], passedOver: bytes };
    const where = positionOf(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return refuse(
      `Cannot read file: not valid UTF-8 (byte 0x${byte} at line ${where.line}, column ${where.column}); CloudFormation reads templates as UTF-8`,
      where,
    );
  }
  return { text: bytes.toString('utf8'), notifications: [] };
}

/**
 * Over the size limit: an error when it was asked for or starts like a template, else a note that
 * it was passed over. `readLimit` is given when the size is not known (more was read than that).
 */
function oversized(head: Buffer, file: string, explicit: boolean, size: number, readLimit?: number): ReadResult {
  const meant = explicit || looksLikeTemplate(head.toString('latin1'));
  const what =
    readLimit === undefined ? `${bytes(size)} bytes (${mib(size)}) is` : `it holds more than ${bytes(readLimit)} bytes (its size said ${bytes(size)}),`;
  const message = `Not scanned: ${what} over mamori's ${mib(MAX_FILE_BYTES)} limit for a template file (CloudFormation accepts at most 1 MB)`;
  return { notifications: [{ level: meant ? 'error' : 'note', code: 'skipped', file, message }] };
}

/** Always an error, even for a file found by walking a folder: a snapshot left unread must not pass for a clean account. */
function oversizedSnapshot(file: string, size: number): ReadResult {
  const message = `Not scanned: an account snapshot of ${bytes(size)} bytes (${mib(size)}) is over mamori's ${mib(MAX_SNAPSHOT_BYTES)} limit for a snapshot; collect fewer regions into each (mamori collect --region)`;
  return { notifications: [{ level: 'error', code: 'skipped', file, message }] };
}

/** UTF-16 announces itself with a byte-order mark; without one, ASCII text in it has every other byte NUL. */
export function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 256 - (Math.min(bytes.length, 256) % 2));
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = sample.length / 2;
  if (oddNul === half && evenNul === 0) return 'utf-16le';
  if (evenNul === half && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (UTF-16 code units, as everywhere else) of a byte offset in valid UTF-8 before it. */
function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (let i = before.indexOf(0x0a); i >= 0; i = before.indexOf(0x0a, i + 1)) line++;
  // The byte-order mark is not counted, as the parser strips it.
  const bom = lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const column = bytes.subarray(lineStart + bom, Math.max(offset, lineStart + bom)).toString('utf8').length + 1;
  return { line, column };
}

/** How the key scan read a text file. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Any file's bytes as text for the key scan: UTF-16 (by its byte-order mark, or ASCII text with
 * every other byte NUL), UTF-8, or else Windows-1252 (a superset of Latin-1, what Windows editors
 * save); a NUL byte among the first 8 KiB of anything else marks a binary file. Every character of
 * UTF-16 and Windows-1252 text is one UTF-16 code unit, as columns are counted everywhere, so lines
 * and columns of the text are those an editor shows. A byte-order mark is not part of the text.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } | { binary: true } {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (bytes.subarray(0, 8192).includes(0)) return { binary: true };
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), encoding: 'utf-8' };
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  }
  return { text: windows1252(bytes), encoding: 'windows-1252' };
}

/** Windows-1252's characters for bytes 0x80 to 0x9F; the five it leaves undefined stay C1 controls, as WHATWG's decoder has them. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 stays U+0080, not €): mapped here instead.
function windows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}
