import type { SourceLocation } from '../model/location.js';
import type { CfnNode } from '../template/parsing/node.js';

export type PathKey = string | number;

/** Where a value of the snapshot file is, by its path of keys and indexes. */
export interface Locator {
  /** The value's location, or its nearest ancestor's when the path does not exist. */
  at(path: readonly PathKey[], arn?: string): SourceLocation;
}

/** Finds the position of a value in the snapshot file by its path of keys and indexes, in a parsed tree. */
export class SnapshotLocator implements Locator {
  constructor(
    private readonly root: CfnNode | undefined,
    private readonly file: string,
  ) {}

  node(path: readonly PathKey[]): CfnNode | undefined {
    let cur = this.root;
    for (const key of path) {
      if (!cur) return undefined;
      if (cur.kind === 'seq' && /^\d+$/.test(String(key))) cur = cur.items[Number(key)];
      else if (cur.kind === 'map') cur = cur.entries.find((e) => e.key === String(key))?.value;
      else return undefined;
    }
    return cur;
  }

  /** The value's location, or its nearest ancestor's when the path does not exist. */
  at(path: readonly PathKey[], arn?: string): SourceLocation {
    for (let n = path.length; n >= 0; n--) {
      const node = this.node(path.slice(0, n));
      if (node) return { ...node.loc, ...(arn ? { arn } : {}) };
    }
    return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1, ...(arn ? { arn } : {}) };
  }
}
