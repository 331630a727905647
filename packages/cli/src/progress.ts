import type { CollectProgress } from '@mamori/core';

export interface ProgressOutput {
  write: (text: string) => void;
  /** Only a terminal gets the progress line: redrawn in place, it would be noise in a log. */
  isTTY: boolean;
  quiet?: boolean;
}

/** One line on stderr, redrawn in place: calls done, failures, and which services and regions are being read. */
export function progressLine(out: ProgressOutput, label: string): { update: (p: CollectProgress) => void; clear: () => void } {
  if (!out.isTTY || out.quiet) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      // A redraw every 100 ms is smooth enough and keeps a fast collection from flooding the terminal.
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const failed = p.failed > 0 ? `, ${p.failed} failed` : '';
      const active = p.active.length > 0 ? ` · ${[...new Set(p.active)].slice(0, 4).join(', ')}${p.active.length > 4 ? ', …' : ''}` : '';
      out.write(`\r\u001b[2K${label}: ${p.done}/${p.total} calls${failed}${active}`);
      shown = true;
    },
    clear() {
      if (shown) out.write('\r\u001b[2K');
    },
  };
}
