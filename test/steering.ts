/** Characters a terminal or a CI log would act on (C0 and C1 controls, DEL, separators, bidi controls), except the line feed. */
export function steering(text: string): string[] {
  return [...text].filter((c) => {
    const n = c.codePointAt(0) ?? 0;
    return (n < 0x20 && n !== 0x0a) || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029 || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
  });
}

/** The text without the colour sequences (SGR) a reporter adds itself. */
export function withoutColour(text: string): string {
  return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
}
