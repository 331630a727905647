import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Log } from 'sarif';

const require = createRequire(import.meta.url);

/** The multitool ships its binary and the SARIF 2.1.0 schema in a per-platform package. */
function multitoolDir(): string {
  const main = require.resolve('@microsoft/sarif-multitool/package.json');
  const platform = createRequire(main).resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`);
  return path.dirname(platform);
}

let validate: ValidateFunction | undefined;

/** Errors from validating against the official SARIF 2.1.0 JSON Schema, as `path: message`. */
export function schemaErrors(log: Log): string[] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(path.join(multitoolDir(), 'sarif-2.1.0.json'), 'utf8')) as object;
    validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`);
}

export interface MultitoolIssue {
  level: string;
  ruleId: string;
  message: string;
}

/**
 * Runs `sarif-multitool validate --rule-kind "Gh;Sarif"` (GitHub's ingestion rules and the SARIF
 * spec's) and returns what it reports at error and warning level.
 */
export function multitoolIssues(log: Log): MultitoolIssue[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mamori-sarif-'));
  try {
    const input = path.join(dir, 'in.sarif');
    const output = path.join(dir, 'out.sarif');
    writeFileSync(input, JSON.stringify(log, null, 2));
    execFileSync(path.join(multitoolDir(), 'Sarif.Multitool'), ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', '--output', output, input], {
      stdio: 'pipe',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    const out = JSON.parse(readFileSync(output, 'utf8')) as Log;
    return (out.runs[0]?.results ?? []).map((r) => ({
      level: r.level ?? 'warning',
      ruleId: r.ruleId ?? '',
      message: r.message.text ?? JSON.stringify(r.message.arguments),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
