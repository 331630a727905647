import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import generated from '../generated/snapshot.validate.js';
import schema from '../schema/snapshot.schema.json' with { type: 'json' };

/** The schema compiled ahead of time (scripts/build-generated.mjs): compiling it here would cost every scan of a snapshot. */
const compiled = generated as unknown as ValidateFunction;

/** The published JSON Schema of the snapshot format (`@mamori/core/schema/snapshot.schema.json`). */
export function snapshotSchema(): Record<string, unknown> {
  return schema as Record<string, unknown>;
}

/** A place where a document does not match the snapshot schema. */
export interface SchemaProblem {
  /** JSONPath of the offending value, e.g. `$.regional['eu-west-1'].ec2.DescribeAddresses.Addresses[0].PublicIp`. */
  path: string;
  /** JSON Pointer of the same value, for finding it in the parsed tree. */
  pointer: string[];
  message: string;
}

/** Validates a parsed snapshot against the schema; problems name the JSON path of the value. */
export function validateSnapshot(doc: unknown): SchemaProblem[] {
  return snapshotProblems(doc, Number.POSITIVE_INFINITY).problems;
}

/**
 * The first `limit` problems `validateSnapshot` gives, and how many it gives in all. A snapshot can
 * break the schema in every one of a hundred thousand items: each is counted, but only those
 * reported get their path written out.
 */
export function snapshotProblems(doc: unknown, limit: number): { problems: SchemaProblem[]; count: number } {
  if (compiled(doc)) return { problems: [], count: 0 };
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of compiled.errors ?? []) {
    // `oneOf`/`if` wrappers repeat what their branches say.
    if (e.keyword === 'if') continue;
    const extra = extraKey(e);
    const text = describe(e);
    // The JSON pointer of the value and what is wrong with it: one problem, whichever error said it (its path is written from the pointer).
    const key = `${extra !== undefined ? `${e.instancePath}/${escapePointer(extra)}` : e.instancePath}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problems.length >= limit) continue;
    const pointer = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map(unescapePointer);
    const full = extra !== undefined ? [...pointer, extra] : pointer;
    const path = jsonPath(doc, full);
    problems.push({ path, pointer: full, message: `${path}: ${text}` });
  }
  return { problems, count: seen.size };
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The key a `required` or `additionalProperties` error is about, so the path names it. */
function extraKey(e: ErrorObject): string | undefined {
  if (e.keyword === 'additionalProperties') return String((e.params as { additionalProperty: string }).additionalProperty);
  return undefined;
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return 'unknown property (not part of the snapshot format)';
    case 'const':
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'propertyNames':
      return 'is not a region name';
    default:
      return e.message ?? e.keyword;
  }
}

/** `$.a.b[0]['eu-west-1']`: arrays by index, identifier keys with a dot, other keys quoted. */
export function jsonPath(doc: unknown, pointer: readonly string[]): string {
  let out = '$';
  let cur: unknown = doc;
  for (const key of pointer) {
    if (Array.isArray(cur) && /^\d+$/.test(key)) {
      out += `[${key}]`;
      cur = cur[Number(key)];
    } else {
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}
