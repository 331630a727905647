/** Shorter strings are words or ids, not encoded scripts. */
const MIN_LENGTH = 21;
/** EC2 user data is at most 16 KB before encoding; well past that a string is not user data. */
const MAX_LENGTH = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// Control characters other than tab, line feed and carriage return: binary, not a script.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The text a base64 literal encodes (a `UserData` value written already encoded), or undefined when
 * the string is not base64 or does not decode to UTF-8 text. Bounded: only strings of 21 characters
 * to 64 KB in the base64 alphabet are decoded.
 */
export function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < MIN_LENGTH || compact.length > MAX_LENGTH || !BASE64.test(compact)) return undefined;
  if (compact.length % 4 === 1 || (compact.endsWith('=') && compact.length % 4 !== 0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
  } catch {
    return undefined;
  }
  return text.length > 0 && !CONTROL.test(text) ? text : undefined;
}
