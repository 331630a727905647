// What a cache entry may hold, checked field by field both ways: an outcome is cached only when it
// is this plain data (so that reading it back gives the same objects, byte for byte in every
// report), and a cache file is used only when every entry in it is.

type Check = (v: unknown) => boolean;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => Number.isSafeInteger(v);
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const yes: Check = (v) => v === true;
const either =
  (...checks: Check[]): Check =>
  (v) =>
    checks.some((c) => c(v));
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const list =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
const record =
  (value: Check): Check =>
  (v) =>
    isPlain(v) && Object.values(v).every(value);

/** An object with these keys and no others; an optional key is absent, never `undefined`. */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v) => {
    if (!isPlain(v)) return false;
    for (const [key, check] of Object.entries(required)) if (!Object.hasOwn(v, key) || !check(v[key])) return false;
    for (const [key, value] of Object.entries(v)) {
      if (Object.hasOwn(required, key)) continue;
      const check = Object.hasOwn(optional, key) ? optional[key] : undefined;
      if (!check?.(value)) return false;
    }
    return true;
  };
}

const templatePath = list(either(str, int));

/** A value a fix writes: literals, and lists and mappings of them, a few levels deep. */
function templateValueAt(depth: number): Check {
  return (v) => str(v) || num(v) || bool(v) || (depth > 0 && (list(templateValueAt(depth - 1))(v) || record(templateValueAt(depth - 1))(v)));
}
const templateValue = templateValueAt(8);

const location = shape({ file: str, line: int, column: int, endLine: int, endColumn: int }, { logicalPath: str, arn: str });

/** A finding as the rules report it: before suppressions and the baseline, which are never cached. */
const finding = shape(
  {
    ruleId: str,
    ruleName: str,
    severity: oneOf('error', 'warning', 'note'),
    messageId: str,
    message: str,
    location,
    entity: shape({ kind: str, id: str, displayName: str }, { region: str, stack: shape({ name: str, logicalId: str }, { id: str }) }),
    fingerprint: str,
  },
  {
    data: record(either(str, num)),
    properties: record(either(str, num, bool)),
    // The rule's edits only: the replacements are made from the file after each scan.
    fix: shape({
      description: str,
      edits: list(
        either(
          shape({ op: oneOf('set'), path: templatePath, value: templateValue }),
          shape({ op: oneOf('add'), path: templatePath, value: templateValue }, { before: list(str) }),
          shape({ op: oneOf('delete'), path: templatePath }),
        ),
      ),
      file: str,
    }),
  },
);

const notification = shape(
  { level: oneOf('error', 'warning', 'note'), code: str, message: str },
  { file: str, line: int, column: int, ruleId: str, files: list(str) },
);

const suppression = shape({
  match: either(shape({ rule: str }), shape({ cfnNag: str }), shape({ checkov: str })),
  suppression: shape({
    kind: oneOf('inSource', 'external'),
    justification: str,
    via: oneOf('mamori', 'cfn_nag', 'checkov', 'config'),
  }),
});

/** What one file added to a scan, ready to be added again. */
export const cachedOutcome = shape(
  { notifications: list(notification), findings: list(finding), ruleNotifications: list(notification) },
  {
    listed: oneOf('template', 'snapshot'),
    account: shape({ id: str }, { name: str }),
    checked: yes,
    binary: yes,
    suppressions: list((v) => Array.isArray(v) && v.length === 2 && str(v[0]) && list(suppression)(v[1])),
  },
);

/** One file's entry: what it was read as, what identifies its content, and its outcome. */
export const cacheEntry = shape({
  explicit: bool,
  template: bool,
  size: int,
  mtimeMs: num,
  ctimeMs: num,
  ino: num,
  /** When the run that took this metadata started. */
  at: num,
  digest: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
  outcome: cachedOutcome,
});

/** The file's frame; its entries are checked one by one. */
export const cacheFrame = shape({ mamoriCache: int, key: str, files: isPlain });
