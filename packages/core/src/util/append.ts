/**
 * `target.push(...items)` passes every item as an argument and overflows the stack past about
 * 100,000 of them; lists read from a template or an AWS answer can be that long.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
