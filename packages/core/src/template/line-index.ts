import type { SourceLocation } from '../model/location.js';

/** Maps character offsets of a text to 1-based lines and columns (UTF-16 code units, as SARIF's default). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  location(start: number, end: number): SourceLocation {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { file: this.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
