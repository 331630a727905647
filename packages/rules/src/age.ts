import type { LocalizedText } from '@mamori/core';

const DAY_MS = 86_400_000;

/** When the entity was observed: a snapshot's collection time, else now. */
export function observedTime(observedAt: string | undefined): number {
  const t = observedAt ? Date.parse(observedAt) : Number.NaN;
  return Number.isNaN(t) ? Date.now() : t;
}

/** Whole days from `iso` to the observation time; undefined for a missing or unreadable date. Never negative. */
export function daysBefore(iso: string | undefined, observedAt: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.floor((observedTime(observedAt) - t) / DAY_MS));
}

/** `2026-11-20` from an ISO 8601 timestamp. */
export function day(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/** `1 day`, `5 days` (`5 日`). */
export function daysText(days: number): LocalizedText {
  return (lang) => (lang === 'ja' ? `${days} 日` : days === 1 ? '1 day' : `${days} days`);
}
