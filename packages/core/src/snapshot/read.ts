import { loadSnapshotWith, type RuleRef, type SnapshotLoadOutcome } from './load.js';
import { snapshotProblems } from './schema.js';

// Apart from `load.ts`, whose accounting of failed calls the command uses without a snapshot to
// read: the schema validator is most of the snapshot reader's code, loaded only to read one.

/**
 * Reads an account snapshot: validated against the published schema (a bad snapshot is an error
 * naming the JSON path), then mapped onto entities located at their place in the file. Every call
 * that failed becomes a `not-evaluated` warning naming the rules it leaves unevaluated.
 */
export function loadSnapshot(file: string, raw: string, rules: readonly RuleRef[] = []): SnapshotLoadOutcome {
  return loadSnapshotWith(snapshotProblems, file, raw, rules);
}
