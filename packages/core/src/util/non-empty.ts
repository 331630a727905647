/** The text, unless it is missing or only white space (as AWS leaves some ids of detached resources). */
export function nonEmpty(s: string | undefined): string | undefined {
  return s && s.trim() !== '' ? s : undefined;
}
