import { describe, expect, it } from 'vitest';
import { decodeBase64Text } from './base64.js';

const encode = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('decodeBase64Text', () => {
  it.each([
    { name: 'a shell script', value: encode('#!/bin/bash\necho hello world\n'), text: '#!/bin/bash\necho hello world\n' },
    {
      name: 'wrapped over lines',
      value: encode('#!/bin/bash\nyum install -y httpd\n').replace(/(.{16})/g, '$1\n'),
      text: '#!/bin/bash\nyum install -y httpd\n',
    },
    { name: 'unpadded', value: encode('#!/bin/sh\nexport A=1\n').replace(/=+$/, ''), text: '#!/bin/sh\nexport A=1\n' },
  ])('decodes $name', ({ value, text }) => {
    expect(decodeBase64Text(value)).toBe(text);
  });

  it.each([
    { name: 'a short string', value: encode('echo hi') },
    { name: 'a plain script', value: '#!/bin/bash\necho hello world\n' },
    { name: 'a long identifier that decodes to bytes, not text', value: 'ThisIsAnIdentifierWithoutSpacesAtAll' },
    { name: 'binary data', value: Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]).toString('base64') },
    { name: 'padding in the middle', value: `${encode('#!/bin/sh\n')}${encode('echo hello world\n')}` },
    { name: 'too long to be user data', value: encode('#'.repeat(60 * 1024)) },
  ])('leaves $name alone', ({ value }) => {
    expect(decodeBase64Text(value)).toBeUndefined();
  });
});
