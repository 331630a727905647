import { parse } from 'yaml';
import { MAX_FILE_BYTES, readInputText } from '../files/bounded.js';

/** Thrown by `loadParameters` when a parameter file cannot be read or parsed; the message names the file. */
export class ParameterFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/**
 * Template parameter values from a file in any of the shapes the AWS tools use:
 * `create-stack --parameters` (`[{ParameterKey, ParameterValue}]`), `deploy --parameter-overrides`
 * (`["Key=Value"]` or `{ "Parameters": { Key: Value } }`), or a plain `{ Key: Value }` map, in JSON or YAML.
 */
export function parseParameters(file: string, text: string): Record<string, string> {
  let doc: unknown;
  try {
    doc = parse(text, { logLevel: 'error' });
  } catch (err) {
    throw new ParameterFileError(file, `not valid JSON or YAML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
  const out: Record<string, string> = {};
  const scalar = (key: string, v: unknown): string => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(',');
    throw new ParameterFileError(file, `value of ${key} must be a string, number, boolean or list`);
  };
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => {
      if (typeof item === 'string') {
        const eq = item.indexOf('=');
        if (eq <= 0) throw new ParameterFileError(file, `item ${i} must look like "Key=Value"`);
        out[item.slice(0, eq)] = item.slice(eq + 1);
      } else if (item && typeof item === 'object' && 'ParameterKey' in item) {
        const { ParameterKey: key, ParameterValue: value, UsePreviousValue: previous } = item as Record<string, unknown>;
        if (typeof key !== 'string') throw new ParameterFileError(file, `item ${i}: ParameterKey must be a string`);
        // A previous value lives in the deployed stack, not here: leave the parameter to its default.
        if (previous === true && value === undefined) return;
        out[key] = scalar(key, value);
      } else {
        throw new ParameterFileError(file, `item ${i} must be "Key=Value" or {ParameterKey, ParameterValue}`);
      }
    });
    return out;
  }
  if (doc && typeof doc === 'object') {
    const map = 'Parameters' in doc && doc.Parameters && typeof doc.Parameters === 'object' && !Array.isArray(doc.Parameters) ? doc.Parameters : doc;
    for (const [key, value] of Object.entries(map)) out[key] = scalar(key, value);
    return out;
  }
  throw new ParameterFileError(file, 'expected a list of parameters or a map of names to values');
}

/**
 * Reads template parameter values from a JSON or YAML file in any shape the AWS tools use (`create-stack
 * --parameters`, `deploy --parameter-overrides`, or a plain map). Throws `ParameterFileError`.
 */
export async function loadParameters(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = readInputText(file, MAX_FILE_BYTES);
  } catch (err) {
    throw new ParameterFileError(file, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseParameters(file, text);
}
