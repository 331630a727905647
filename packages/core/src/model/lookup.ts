/**
 * An entry of a lookup table, by a key read from input. A plain object also answers for the names
 * of `Object.prototype` (`constructor`, `toString`, `__proto__`); a template or snapshot may well
 * use them as a type, a logical id or a parameter name.
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
