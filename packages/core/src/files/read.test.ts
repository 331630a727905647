import { describe, expect, it } from 'vitest';
import { decodeText } from './read.js';

describe('decodeText (the key scan reads any text)', () => {
  const text = 'naïve 🔑 café\r\nline two\n';

  it('UTF-8, UTF-16 LE and BE (with a byte-order mark, or ASCII without one) give the same text', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [
      Buffer.from(text),
      Buffer.from(`\uFEFF${text}`),
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    ]) {
      expect(decodeText(bytes)).toEqual({ text, encoding: expect.any(String) });
    }
    expect(decodeText(Buffer.from('key = value\n', 'utf16le'))).toEqual({ text: 'key = value\n', encoding: 'utf-16le' });
  });

  it('other bytes are Windows-1252, one character each, 0x80 to 0x9F included', () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94, 0x20, 0x99, 0x81]);
    expect(decodeText(bytes)).toEqual({ text: 'café €5 “q” ™\u0081', encoding: 'windows-1252' });
  });

  it('a NUL byte in the first 8 KiB of anything but UTF-16 is a binary file', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]))).toEqual({ binary: true });
  });
});
