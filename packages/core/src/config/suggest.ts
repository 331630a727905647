import leven from 'leven';

/**
 * `did you mean X?` for the known name closest to `name`, if one is close enough to be a slip (case
 * aside, about one edit in four characters); else an empty string.
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const max = Math.max(1, Math.floor(name.length / 4));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of known) {
    const distance = leven(name.toLowerCase(), candidate.toLowerCase(), { maxDistance: max + 1 });
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : `did you mean ${best}?`;
}
