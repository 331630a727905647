/** A collection's progress, as the collector reports it. */
export interface CollectProgress {
  done: number;
  total: number;
  failed: number;
  active: readonly string[];
}

import type { Lang } from '@mamori/core/formats';
import { say } from './messages.js';

export interface ProgressOutput {
  /** The language of the lines; English by default. */
  lang?: Lang;
  write: (text: string) => void;
  /** Only a terminal gets the progress line: redrawn in place, it would be noise in a log. */
  isTTY: boolean;
  quiet?: boolean;
  /** Milliseconds between the lines a log gets instead (not a terminal): a long collection is never silent for longer. Default 30,000. */
  logEvery?: number;
}

/**
 * One line on stderr, redrawn in place: calls done, failures, and which services and regions are
 * being read. A log (stderr not a terminal) gets a plain line of the same every 30 s instead, so a
 * collection that runs long is never silent for longer.
 */
export interface Progress {
  update: (p: CollectProgress) => void;
  /** Takes the line off the terminal, before another line is written; the next update draws it again. */
  clear: () => void;
  /** Done: the line is taken off, and a log gets no more. */
  end: () => void;
}

export function progressLine(out: ProgressOutput, label: string): Progress {
  const lang = out.lang ?? 'en';
  if (out.quiet) return { update: () => undefined, clear: () => undefined, end: () => undefined };
  if (!out.isTTY) {
    // A timer, not the calls' events: a line comes even while every call under way waits.
    let latest: CollectProgress | undefined;
    const timer = setInterval(() => {
      if (!latest) return;
      const p = latest;
      const failed = p.failed > 0 ? say(lang, 'progress.failed', { count: p.failed }) : '';
      const services = `${[...new Set(p.active)].slice(0, 4).join(', ')}${p.active.length > 4 ? ', …' : ''}`;
      const active = p.active.length > 0 ? say(lang, 'progress.logReading', { services }) : '';
      out.write(`${say(lang, 'progress.log', { label, done: p.done, total: p.total, failed, active })}\n`);
    }, out.logEvery ?? 30_000);
    timer.unref?.();
    return {
      update(p) {
        latest = p;
      },
      clear: () => undefined,
      end: () => clearInterval(timer),
    };
  }
  let last = 0;
  let shown = false;
  const clear = (): void => {
    if (shown) out.write('\r\u001b[2K');
  };
  return {
    update(p) {
      const now = Date.now();
      // A redraw every 100 ms is smooth enough and keeps a fast collection from flooding the terminal.
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const failed = p.failed > 0 ? say(lang, 'progress.failed', { count: p.failed }) : '';
      const active = p.active.length > 0 ? ` · ${[...new Set(p.active)].slice(0, 4).join(', ')}${p.active.length > 4 ? ', …' : ''}` : '';
      out.write(`\r\u001b[2K${say(lang, 'progress.line', { label, done: p.done, total: p.total, failed, active })}`);
      shown = true;
    },
    clear,
    end: clear,
  };
}
