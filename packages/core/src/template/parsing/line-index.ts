import type { SourceLocation } from '../../model/location.js';

/** Maps character offsets of a text to 1-based lines and columns (UTF-16 code units, as SARIF's default). */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line of the last lookup: a parse asks in document order, mostly about the same line or the next. */
  private last = 0;

  constructor(
    readonly file: string,
    text: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.starts[line] ?? 0) + 1 };
  }

  location(start: number, end: number): SourceLocation {
    const to = Math.max(start, end);
    const line = this.lineOf(start);
    const endLine = this.lineOf(to);
    return {
      file: this.file,
      line: line + 1,
      column: start - (this.starts[line] ?? 0) + 1,
      endLine: endLine + 1,
      endColumn: to - (this.starts[endLine] ?? 0) + 1,
    };
  }

  /** 0-based line holding `offset`: the last line or the next when it is there, else by bisection. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    const n = starts.length;
    for (let line = this.last; line < this.last + 2 && line < n; line++) {
      if ((starts[line] ?? 0) <= offset && (line + 1 === n || offset < (starts[line + 1] ?? 0))) {
        this.last = line;
        return line;
      }
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }
}
