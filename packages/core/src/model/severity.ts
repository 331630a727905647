/** How a finding fails a build, and how much a notification matters. Maps onto SARIF `level`. */
export type Severity = 'error' | 'warning' | 'note';

/** The levels, most severe first: the one order of every report, summary, cap and threshold. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, note: 2 };

/** 0 for `error`, then 1 and 2: sorts most severe first. */
export function severityRank(level: Severity): number {
  return RANK[level];
}

/** Whether `level` is `threshold` or more severe. */
export function atLeast(level: Severity, threshold: Severity): boolean {
  return RANK[level] <= RANK[threshold];
}

/** A count for each level, all zero. */
export function levelCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, note: 0 };
}
