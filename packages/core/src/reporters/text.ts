// Text taken from scanned content (file names, logical ids, parameter values, parse errors) is shown
// to people in terminals, CI logs and web pages. Characters that steer those instead of being read:
// C0 and C1 controls (ESC starts terminal sequences, a line break starts a new log line that a CI
// runner may read as a command), DEL, the Unicode line and paragraph separators, and the bidi
// controls that reorder what is displayed (Trojan Source).
const STEERING = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const STEERING_ONE = new RegExp(`[${STEERING}]`);
const STEERING_ALL = new RegExp(`[${STEERING}]`, 'g');
// JSON.stringify escapes C0 controls itself, but writes DEL, C1 controls and the rest as they are.
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const JSON_RAW_ONE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
}

/**
 * The text with every steering character written out visibly (`\x1b`, `\n`, `\u{202e}`), so it reads
 * as what it is and always stays on one line. Used for every human-readable output.
 */
export function printable(text: string): string {
  return STEERING_ONE.test(text) ? text.replace(STEERING_ALL, visible) : text;
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1 controls, line separators, bidi
 * controls) written as `\uXXXX` escapes: the same JSON values, safe to print on a terminal.
 */
export function jsonText(json: string): string {
  return JSON_RAW_ONE.test(json) ? json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
