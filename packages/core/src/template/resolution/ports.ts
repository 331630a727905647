import { toPort } from '../../model/network.js';
import type { CfnNode } from '../parsing/node.js';
import { type Candidate, mergeVia, type Resolver } from './resolve.js';

/** Combinations of one rule's protocol, ports and peer judged at most; past it the rule is recorded as not evaluated. */
export const MAX_COMBINATIONS = 1024;

/**
 * Candidates for a port: the port number, `null` when the property is absent (on some branch: all
 * ports), `undefined` when it is written but cannot be known (an unresolved parameter, `''`, `abc`).
 * Telling the two apart keeps an unknown port from reading as "every port".
 */
export function portValues(resolver: Resolver, node: CfnNode | undefined): Candidate[] {
  if (!node) return [{ value: null, via: [] }];
  return resolver
    .branches(node)
    .flatMap((b): Candidate[] =>
      b.node === undefined ? [{ value: null, via: b.via }] : resolver.values(b.node).map((c) => ({ ...c, value: toPort(c.value), via: [...b.via, ...c.via] })),
    );
}

/**
 * Cartesian product of candidate lists with the `via` of each combination, leaving out those that
 * assume a condition both true and false; `undefined` past `MAX_COMBINATIONS`.
 */
export function cross<T extends { via: string[] }>(lists: T[][], via: string[] = []): { parts: (T | undefined)[]; via: string[] }[] | undefined {
  let acc: { parts: (T | undefined)[]; via: string[] }[] = [{ parts: [], via }];
  for (const list of lists) {
    const opts = list.length > 0 ? list : [undefined];
    const next: typeof acc = [];
    for (const prefix of acc) {
      for (const o of opts) {
        const merged = o ? mergeVia(prefix.via, o.via) : prefix.via;
        if (merged) next.push({ parts: [...prefix.parts, o], via: merged });
      }
      if (next.length > MAX_COMBINATIONS) return undefined;
    }
    acc = next;
  }
  return acc;
}
