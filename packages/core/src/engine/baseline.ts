import type { Log } from 'sarif';
import { MAX_SNAPSHOT_BYTES, readInputText } from '../files/bounded.js';
import type { Finding } from '../model/finding.js';
import { FINGERPRINT_KEY } from './fingerprint.js';

/** Thrown by `readBaseline` when the baseline file cannot be read or is not a SARIF 2.1.0 log; the message names the file. */
export class BaselineError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** The fingerprints of a SARIF file mamori wrote (`mamori baseline`, or any `--format sarif` run). */
export function baselineFingerprints(log: Log): Set<string> {
  const out = new Set<string>();
  for (const run of log.runs ?? []) {
    for (const r of run.results ?? []) {
      const fp = r.partialFingerprints?.[FINGERPRINT_KEY];
      if (fp) out.add(fp);
    }
  }
  return out;
}

/** Reads the fingerprints of a previous run's SARIF log, for `ScanOptions.baseline`. Throws `BaselineError`. */
export async function readBaseline(file: string): Promise<Set<string>> {
  let log: Log;
  try {
    log = JSON.parse(readInputText(file, MAX_SNAPSHOT_BYTES)) as Log;
  } catch (err) {
    throw new BaselineError(file, err instanceof SyntaxError ? 'not a JSON file' : `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (log?.version !== '2.1.0' || !Array.isArray(log.runs)) throw new BaselineError(file, 'not a SARIF 2.1.0 log');
  return baselineFingerprints(log);
}

/** Marks each finding `new` or `unchanged` against a baseline, as SARIF's `baselineState` does. */
export function applyBaseline(findings: Finding[], baseline: ReadonlySet<string>): void {
  for (const f of findings) f.baselineState = baseline.has(f.fingerprint) ? 'unchanged' : 'new';
}
