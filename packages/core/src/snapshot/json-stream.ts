import { isAscii } from 'node:buffer';
import { inputFs } from '../files/input-fs.js';
import { grown, type JsonSource, type JsonStructure } from './json-positions.js';

/** Bytes held at a time. */
const WINDOW = 1024 * 1024;
/** An object or array that fits in this many bytes is handed to `JSON.parse` whole; a larger one is read member by member. */
const PIECE = 64 * 1024;

export interface StreamOptions {
  window?: number;
  piece?: number;
  /** Give up on a file that turns out longer than this. */
  maxBytes?: number;
  /** The file's size, to size the structure's arrays (growing them copies, and fresh memory is slow to touch). */
  sizeHint?: number;
}

export interface StreamedJson {
  doc: Record<string, unknown>;
  structure: JsonStructure;
  /** Bytes read: the file's length. */
  length: number;
}

/** Anything the stream does not take: the caller reads the text as a whole, and reports what is wrong with it. */
class GiveUp extends Error {}

/**
 * Reads a JSON file through a small window, never holding its text, recording the structure the
 * position index needs as it goes. Where memory is slow to touch the first time (on the machine
 * this was measured on, 0.8 s for a fresh 170 MB buffer), a large account's snapshot spent more
 * time on its bytes and its text (340 MB for a 170 MB file) than on parsing them. Values are parsed
 * by `JSON.parse` in pieces of up to `PIECE` bytes; only the outer containers are put together here. Gives `undefined` for anything but plain ASCII JSON whose
 * root is an object nesting at most `maxDepth` deep: the text path reads those, with its messages.
 */
export function readJsonStream(fd: number, maxDepth: number, options: StreamOptions = {}): StreamedJson | undefined {
  try {
    return new JsonStream(fd, maxDepth, options).read();
  } catch (err) {
    if (err instanceof GiveUp || err instanceof SyntaxError) return undefined;
    throw err;
  }
}

class JsonStream {
  private readonly buf: Buffer;
  private readonly pieceSize: number;
  private readonly maxBytes: number;
  /** File offset of `buf[0]`. */
  private base = 0;
  private len = 0;
  private p = 0;
  private eof = false;
  /** Containers open around `p`, put together member by member. */
  private depth = 0;
  private readonly stack: Int32Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private after: Int32Array;
  private count = 0;
  private lines: Int32Array;
  private lineCount = 1;
  private colons = 0;

  constructor(
    private readonly fd: number,
    private readonly maxDepth: number,
    options: StreamOptions,
  ) {
    this.buf = Buffer.allocUnsafe(options.window ?? WINDOW);
    this.pieceSize = Math.min(options.piece ?? PIECE, this.buf.length);
    this.maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
    this.stack = new Int32Array(maxDepth + 1);
    // Sized as the text scan sizes them; pages never written cost nothing.
    const size = Math.max(options.sizeHint ?? 0, 1024);
    this.starts = new Int32Array(size >> 6);
    this.ends = new Int32Array(size >> 6);
    this.after = new Int32Array(size >> 6);
    this.lines = new Int32Array(size >> 5);
  }

  read(): StreamedJson {
    this.space();
    if (this.peek() !== 123) throw new GiveUp();
    const doc = this.value() as Record<string, unknown>;
    this.space();
    if (this.p < this.len || this.fill()) throw new GiveUp();
    const { starts, ends, after, count, lines, lineCount, colons } = this;
    return { doc, structure: { starts, ends, after, count, lines, lineCount, colons }, length: this.base + this.len };
  }

  /** Moves the unread bytes to the front and reads more after them; false at the end of the file or with the window full. */
  private fill(): boolean {
    if (this.eof) return false;
    if (this.p > 0) {
      this.buf.copy(this.buf, 0, this.p, this.len);
      this.base += this.p;
      this.len -= this.p;
      this.p = 0;
    }
    if (this.len === this.buf.length) return false;
    let n: number;
    try {
      n = inputFs.readAt(this.fd, this.buf, this.len, this.buf.length - this.len, this.base + this.len);
    } catch {
      // The text path reads the file again, and words the error if it persists.
      throw new GiveUp();
    }
    if (n === 0) {
      this.eof = true;
      return false;
    }
    // Offsets are then both bytes and UTF-16 code units, as the text path counts columns.
    if (!isAscii(this.buf.subarray(this.len, this.len + n))) throw new GiveUp();
    this.len += n;
    if (this.base + this.len > this.maxBytes) throw new GiveUp();
    return true;
  }

  private peek(): number {
    if (this.p >= this.len && !this.fill()) throw new GiveUp();
    return this.buf[this.p] as number;
  }

  private space(): void {
    for (;;) {
      if (this.p >= this.len && !this.fill()) return;
      const c = this.buf[this.p];
      if (c === 32 || c === 9 || c === 13) this.p++;
      else if (c === 10) this.line(this.base + ++this.p);
      else return;
    }
  }

  private line(start: number): void {
    if (this.lineCount === this.lines.length) this.lines = grown(this.lines);
    this.lines[this.lineCount++] = start;
  }

  private open(offset: number): number {
    const k = this.count++;
    if (k === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.after = grown(this.after);
    }
    this.starts[k] = offset;
    return k;
  }

  private close(k: number, end: number): void {
    this.ends[k] = end;
    this.after[k] = this.count;
  }

  private value(): unknown {
    this.space();
    const c = this.peek();
    if (c === 123 || c === 91) {
      let end = this.piece();
      // Cut off by the window's end rather than by its size: read on and look again.
      if (end < 0 && this.len - this.p < this.pieceSize && !this.eof) {
        this.fill();
        end = this.piece();
      }
      if (end >= 0) return JSON.parse(this.token(end));
      return c === 123 ? this.object() : this.array();
    }
    if (c === 34) return JSON.parse(this.token(this.stringEnd()));
    return this.scalar();
  }

  /** The text up to `end`, read past. */
  private token(end: number): string {
    const text = this.buf.toString('latin1', this.p, end);
    this.p = end;
    return text;
  }

  /**
   * End of the object or array at `p` when it lies within `pieceSize` bytes of the window, its
   * containers, lines and keys recorded; else -1 and nothing recorded.
   */
  private piece(): number {
    const buf = this.buf;
    const limit = Math.min(this.len, this.p + this.pieceSize);
    const saved = [this.count, this.lineCount, this.colons] as const;
    const stack = this.stack;
    let d = 0;
    for (let i = this.p; i < limit; i++) {
      const c = buf[i];
      if (c === 34) {
        for (i++; i < limit; i++) {
          const s = buf[i];
          if (s === 34) break;
          if (s === 92) i++;
        }
      } else if (c === 10) this.line(this.base + i + 1);
      else if (c === 123 || c === 91) {
        if (this.depth + d === this.maxDepth) throw new GiveUp();
        stack[d++] = this.open(this.base + i);
      } else if (c === 125 || c === 93) {
        this.close(stack[--d] as number, this.base + i + 1);
        if (d === 0) return i + 1;
      } else if (c === 58) this.colons++;
    }
    [this.count, this.lineCount, this.colons] = saved;
    return -1;
  }

  private enter(): number {
    if (this.depth === this.maxDepth) throw new GiveUp();
    const k = this.open(this.base + this.p);
    this.p++;
    this.depth++;
    return k;
  }

  private leave<T>(k: number, value: T): T {
    this.close(k, this.base + this.p + 1);
    this.p++;
    this.depth--;
    return value;
  }

  private object(): Record<string, unknown> {
    const k = this.enter();
    const out: Record<string, unknown> = {};
    this.space();
    if (this.peek() === 125) return this.leave(k, out);
    for (;;) {
      this.space();
      if (this.peek() !== 34) throw new GiveUp();
      const key = JSON.parse(this.token(this.stringEnd())) as string;
      this.space();
      if (this.peek() !== 58) throw new GiveUp();
      this.p++;
      this.colons++;
      const value = this.value();
      // As JSON.parse makes it: an own property, not the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
      this.space();
      const c = this.peek();
      if (c === 125) return this.leave(k, out);
      if (c !== 44) throw new GiveUp();
      this.p++;
    }
  }

  private array(): unknown[] {
    const k = this.enter();
    const out: unknown[] = [];
    this.space();
    if (this.peek() === 93) return this.leave(k, out);
    for (;;) {
      out.push(this.value());
      this.space();
      const c = this.peek();
      if (c === 93) return this.leave(k, out);
      if (c !== 44) throw new GiveUp();
      this.p++;
    }
  }

  /** End of the string at `p`, read on as needed; a string longer than the window is given up on. */
  private stringEnd(): number {
    let i = this.p + 1;
    for (;;) {
      if (i >= this.len) {
        const offset = i - this.p;
        if (!this.fill()) throw new GiveUp();
        i = this.p + offset;
        continue;
      }
      const c = this.buf[i];
      if (c === 34) return i + 1;
      i += c === 92 ? 2 : 1;
    }
  }

  /** A number, `true`, `false` or `null`: whatever `JSON.parse` makes of the text up to the next delimiter. */
  private scalar(): unknown {
    let i = this.p;
    for (;;) {
      if (i >= this.len) {
        const offset = i - this.p;
        if (!this.fill()) break;
        i = this.p + offset;
        continue;
      }
      const c = this.buf[i];
      if (c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) break;
      i++;
    }
    if (i === this.p) throw new GiveUp();
    return JSON.parse(this.token(i));
  }
}

/**
 * Looks values up in the file itself, through a cache of blocks: each kind of entity is located in
 * file order, but one entity can need two places (an address and its instance), and a single
 * window would be read again at every step between them. Blocks of 64 KiB: a read costs more in
 * calls than in bytes.
 */
export class FileSource implements JsonSource {
  private readonly cache = new Map<number, Buffer>();
  private readonly blockBits: number;
  private readonly mask: number;
  private readonly maxBlocks: number;
  private block = -1;
  private bytes: Buffer = Buffer.alloc(0);

  constructor(
    private readonly fd: number,
    readonly length: number,
    options: { blockBits?: number; blocks?: number } = {},
  ) {
    this.blockBits = options.blockBits ?? 16;
    this.mask = (1 << this.blockBits) - 1;
    this.maxBlocks = options.blocks ?? 32;
  }

  code(i: number): number {
    if (i < 0 || i >= this.length) return Number.NaN;
    const block = i >> this.blockBits;
    if (block !== this.block) {
      this.bytes = this.cache.get(block) ?? this.load(block);
      this.block = block;
    }
    return this.bytes[i & this.mask] as number;
  }

  /** Only keys are sliced: short. */
  slice(start: number, end: number): string {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(this.code(i));
    return text;
  }

  private load(block: number): Buffer {
    const size = this.mask + 1;
    let buffer: Buffer;
    if (this.cache.size < this.maxBlocks) buffer = Buffer.allocUnsafe(size);
    else {
      // The block read longest ago makes room.
      const [oldest, reused] = this.cache.entries().next().value as [number, Buffer];
      this.cache.delete(oldest);
      buffer = reused;
    }
    // A file cut short since it was parsed leaves zeros: wrong positions, never a read out of bounds.
    const n = inputFs.readAt(this.fd, buffer, 0, size, block * size);
    if (n < size) buffer.fill(0, n);
    this.cache.set(block, buffer);
    return buffer;
  }
}
