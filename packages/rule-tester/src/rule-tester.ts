import { AssertionError } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import {
  type AnyRule,
  applyFindingFixes,
  configureRules,
  type Entity,
  type Finding,
  type Notification,
  type RuleContext,
  ruleKinds,
  scanText,
} from '@mamori/core';
import { type DocsExample, type DocsExamplesOptions, docsExamples, exampleTemplate } from './docs-examples.js';
import { type JsonPath, positionOf } from './position.js';

/** A test body as test frameworks take them. */
export type TestFunction = () => void | Promise<void>;
/** `describe` of vitest, jest, mocha or `node:test`. */
export type DescribeFunction = (title: string, body: () => void) => unknown;
/** `it` (or `test`) of vitest, jest, mocha or `node:test`. */
export type ItFunction = (title: string, test: TestFunction) => unknown;

/** What valid and invalid cases share. */
export interface CaseBase {
  /** The test's title. Defaults to the start of the case's text. */
  name?: string;
  /** File name shown in findings; `.json` reads a template as JSON. Defaults to `template.yaml`, or `snapshot.json` for a snapshot. */
  filename?: string;
  /** Template parameter values, as given at deploy time. */
  parameters?: Readonly<Record<string, string>>;
  /** Rule options, as a configuration sets them (checked against the rule's `optionsSchema`). */
  options?: Readonly<Record<string, unknown>>;
  /** Run only the cases marked so (through `RuleTester.itOnly`), while writing a rule. */
  only?: boolean;
}

/** A CloudFormation or SAM template, YAML or JSON. */
export interface TemplateCase extends CaseBase {
  template: string;
  snapshot?: never;
}

/** An account snapshot, as `mamori collect` writes it. */
export interface SnapshotCase extends CaseBase {
  snapshot: string;
  template?: never;
}

/** Input on which the rule must report nothing. A string is a YAML template. */
export type ValidCase = string | TemplateCase | SnapshotCase;

/** What every expected error pins, whatever else it gives. */
export interface ErrorBase {
  /** The key of the rule's `messages` that the finding uses. */
  messageId: string;
  /** Placeholder values of the finding: the keys given must be equal, others are not compared. */
  data?: Readonly<Record<string, string | number>>;
  /** The finding's whole message, placeholders filled in. */
  message?: string;
}

/** One finding an invalid case must produce, pinned by message id and position. */
export type ExpectedError = ErrorBase &
  (
    | { line: number; column: number; endLine?: number; endColumn?: number; at?: never }
    /** For JSON text (a snapshot): the path of the value the finding must point at, counted on the text. */
    | { at: JsonPath; line?: never; column?: never; endLine?: never; endColumn?: never }
  );

/**
 * Input on which the rule must report exactly `errors`, in order of position. For a template,
 * `output` is the text once every fix the findings offer is made (as `mamori fix` makes them), or
 * `null` when no fix must be offered; left out, fixes are not checked.
 */
export type InvalidCase = ((TemplateCase & { output?: string | null }) | (SnapshotCase & { output?: never })) & { errors: readonly ExpectedError[] };

export interface RuleTests {
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
}

// A case is a snippet, not a stack to deploy: CloudFormation's limits, dangling references and cycles
// do not matter to a rule, and a snapshot's failed calls (not evaluated) are part of a case.
const TOLERATED = new Set<Notification['code']>(['not-evaluated', 'not-deployable', 'template-limit']);
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/;

type Hooks = { describe?: DescribeFunction; it?: ItFunction; itOnly?: ItFunction };
const hooks: Hooks = {};
const globals = globalThis as { describe?: unknown; it?: unknown };

/**
 * Runs a rule over tables of valid and invalid cases, as ESLint's `RuleTester` does: one test per
 * case, registered with the test framework's `describe` and `it` (the globals by default; set
 * `RuleTester.describe`, `RuleTester.it` and `RuleTester.itOnly` for frameworks without them, or
 * `undefined` to go back to the globals).
 */
export class RuleTester {
  static get describe(): DescribeFunction {
    if (hooks.describe) return hooks.describe;
    if (typeof globals.describe === 'function') return globals.describe as DescribeFunction;
    throw new Error(frameworkMissing('describe'));
  }
  static set describe(value: DescribeFunction | undefined) {
    hooks.describe = value;
  }
  static get it(): ItFunction {
    if (hooks.it) return hooks.it;
    if (typeof globals.it === 'function') return globals.it as ItFunction;
    throw new Error(frameworkMissing('it'));
  }
  static set it(value: ItFunction | undefined) {
    hooks.it = value;
  }
  /** Runs one test alone; defaults to `RuleTester.it.only`. */
  static get itOnly(): ItFunction {
    if (hooks.itOnly) return hooks.itOnly;
    const only = (RuleTester.it as { only?: unknown }).only;
    if (typeof only === 'function') return only.bind(RuleTester.it) as ItFunction;
    throw new Error(frameworkMissing('itOnly'));
  }
  static set itOnly(value: ItFunction | undefined) {
    hooks.itOnly = value;
  }

  /** Registers one test per case, and one that every message id of the rule is pinned by an invalid case. */
  run(rule: AnyRule, tests: RuleTests): void {
    const { describe } = RuleTester;
    const seen = new Map<string, string>();
    const register = (c: ValidCase | InvalidCase, index: number, group: 'valid' | 'invalid', test: () => Promise<void>): void => {
      const title = caseTitle(c);
      const key = inputKey(c);
      const first = key === undefined ? undefined : seen.get(key);
      if (key !== undefined && first === undefined) seen.set(key, `${group} case #${index + 1} ("${title}")`);
      const it = typeof c === 'object' && c?.only ? RuleTester.itOnly : RuleTester.it;
      it(title, async () => {
        if (first !== undefined) fail(`Duplicate case: same input as ${first}. Remove one, or change what it tests.`);
        await test();
      });
    };
    describe(rule.name, () => {
      describe('valid', () => {
        tests.valid.forEach((c, i) => {
          register(c, i, 'valid', async () => {
            const input = normalise(c, 'valid');
            const findings = await findingsOf(rule, input);
            if (findings.length > 0) fail(`Should have no errors but had ${findings.length}:\n${list(findings)}`);
          });
        });
      });
      describe('invalid', () => {
        tests.invalid.forEach((c, i) => {
          register(c, i, 'invalid', () => checkInvalid(rule, c));
        });
      });
      RuleTester.it('every message id is pinned by an invalid case', () => {
        const pinned = new Set(tests.invalid.flatMap((c) => (Array.isArray(c?.errors) ? c.errors.map((e) => e?.messageId) : [])));
        const missing = Object.keys(rule.messages).filter((id) => !pinned.has(id));
        if (missing.length > 0) fail(`Message ids no invalid case pins: ${missing.join(', ')}. Add an invalid case that produces each.`);
      });
    });
  }

  /**
   * The YAML and JSON examples of the rule's docs: each in `docs.fix` must scan clean for the rule,
   * each in `docs.risk` (the mistake) must give at least one of its findings. Fragments are made
   * into templates (see `exampleTemplate`).
   */
  runDocsExamples(rule: AnyRule, options: DocsExamplesOptions = {}): void {
    const examples = docsExamples(rule);
    RuleTester.describe(`${rule.name} docs examples`, () => {
      if (examples.length === 0) {
        RuleTester.it('has an example', () => fail(`The docs of ${rule.name} hold no \`\`\`yaml or \`\`\`json example in \`fix\` or \`risk\`.`));
        return;
      }
      for (const example of examples) RuleTester.it(exampleTitle(example), () => checkExample(rule, example, options));
    });
  }
}

function frameworkMissing(name: string): string {
  return `RuleTester.${name} is not set and there is no global \`${name === 'itOnly' ? 'it.only' : name}\`: set RuleTester.describe, RuleTester.it and RuleTester.itOnly from your test framework (vitest, jest, mocha or node:test) before calling run().`;
}

/** Throws an assertion error whose message is the whole explanation (no generated diff to read). */
function fail(message: string): never {
  throw new AssertionError({ message });
}

interface Input {
  kind: 'template' | 'snapshot';
  text: string;
  filename: string;
  parameters?: Readonly<Record<string, string>>;
  options?: Readonly<Record<string, unknown>>;
}

function normalise(c: ValidCase | InvalidCase, group: 'valid' | 'invalid'): Input {
  if (typeof c === 'string') return { kind: 'template', text: c, filename: 'template.yaml' };
  if (typeof c !== 'object' || c === null) fail(`A ${group} case must be an object (or, when valid, a string of YAML); got ${typeof c}.`);
  const hasTemplate = typeof c.template === 'string';
  const hasSnapshot = typeof c.snapshot === 'string';
  if (hasTemplate === hasSnapshot) fail('A case gives its input as exactly one of `template` (YAML or JSON text) and `snapshot` (JSON text).');
  if (group === 'valid' && 'errors' in c) fail('A valid case takes no `errors`: move it to `invalid`, or remove `errors`.');
  const kind = hasTemplate ? 'template' : 'snapshot';
  return {
    kind,
    text: (hasTemplate ? c.template : c.snapshot) as string,
    filename: c.filename ?? (kind === 'template' ? 'template.yaml' : 'snapshot.json'),
    ...(c.parameters ? { parameters: c.parameters } : {}),
    ...(c.options ? { options: c.options } : {}),
  };
}

/** What decides a case's findings; two cases with the same key are duplicates whatever their names. */
function inputKey(c: ValidCase | InvalidCase): string | undefined {
  if (typeof c === 'string') return stable(['template', c, 'template.yaml', {}, {}]);
  if (typeof c !== 'object' || c === null) return undefined;
  const kind = typeof c.template === 'string' ? 'template' : 'snapshot';
  return stable([kind, c.template ?? c.snapshot, c.filename ?? (kind === 'template' ? 'template.yaml' : 'snapshot.json'), c.parameters ?? {}, c.options ?? {}]);
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function caseTitle(c: ValidCase | InvalidCase): string {
  if (typeof c === 'object' && c !== null && typeof c.name === 'string') return c.name;
  const text = typeof c === 'string' ? c : typeof c === 'object' && c !== null ? (c.template ?? c.snapshot ?? '') : String(c);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

async function findingsOf(rule: AnyRule, input: Input): Promise<Finding[]> {
  return (await scanCase(rule, input)).findings;
}

async function scanCase(rule: AnyRule, input: Input): Promise<{ findings: Finding[]; reached: boolean }> {
  if (input.options) {
    try {
      configureRules([rule], { rules: { [rule.id]: { options: { ...input.options } } } }, 'the case');
    } catch (err) {
      fail(`The case's options do not fit the rule's optionsSchema: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // A copy of the rule that notes which inputs its entities came from: a snapshot case read as a
  // template (or the reverse) would otherwise pass or fail for the wrong reason.
  const sources = new Set<Entity['source']>();
  const probe = {
    ...rule,
    check(entity: Entity, context: RuleContext<string>) {
      sources.add(entity.source);
      Reflect.apply(rule.check, rule, [entity, context]);
    },
  } as AnyRule;
  const out = await scanText({
    file: input.filename,
    text: input.text,
    rules: [probe],
    ...(input.parameters ? { parameters: input.parameters } : {}),
    ...(input.options ? { ruleOptions: { [rule.id]: { ...input.options } } } : {}),
  });
  const thrown = out.notifications.filter((n) => n.code === 'rule-error');
  if (thrown.length > 0) fail(`The rule threw:\n${thrown.map((n) => `  ${n.message}`).join('\n')}`);
  const problems = out.notifications.filter((n) => !TOLERATED.has(n.code));
  if (problems.length > 0) fail(`The ${input.kind} of the case does not load cleanly:\n${problems.map(describeNotification).join('\n')}`);
  const other = input.kind === 'template' ? 'snapshot' : 'template';
  if (sources.has(other))
    fail(`The case's \`${input.kind}\` was read as ${other === 'snapshot' ? 'an account snapshot' : 'a template'}: move the text to \`${other}\`.`);
  return { findings: out.findings, reached: sources.size > 0 };
}

function describeNotification(n: Notification): string {
  const where = n.line === undefined ? '' : ` at ${n.line}:${n.column ?? 1}`;
  return `  ${n.code}${where}: ${n.message}`;
}

function list(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.location.line}:${f.location.column} ${f.messageId}: ${f.message}`).join('\n');
}

async function checkInvalid(rule: AnyRule, c: InvalidCase): Promise<void> {
  const input = normalise(c, 'invalid');
  const errors: unknown = (c as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0)
    fail('An invalid case lists the errors it must produce in `errors` (at least one): a case without any belongs in `valid`.');
  const known = Object.keys(rule.messages);
  const expected = errors.map((e: unknown, i) => expectation(e, i, known, input.text));
  const findings = await findingsOf(rule, input);
  findings.forEach((f, i) => {
    const left = PLACEHOLDER.exec(f.message);
    if (left) fail(`Error #${i + 1} (${f.messageId}) has an unsubstituted placeholder ${left[0]} (no \`${left[1]}\` in the reported data): "${f.message}"`);
  });
  if (findings.length !== expected.length) {
    fail(`Should have ${expected.length} error${expected.length === 1 ? '' : 's'} but had ${findings.length}:\n${list(findings)}`);
  }
  const actual = findings.map((f, i) => project(f, expected[i] as ExpectedError & { line: number; column: number }));
  if (!isDeepStrictEqual(actual, expected)) {
    const differences = expected.flatMap((e, i) => differencesOf(i, { ...e }, actual[i] ?? {}));
    // actual and expected let test frameworks show a diff beside the message.
    throw new AssertionError({
      message: `The errors differ from the expected ones:\n${differences.join('\n')}\nThe rule reported (in order of position):\n${list(findings)}`,
      actual,
      expected,
    });
  }
  if ('output' in c && c.output !== undefined) checkOutput(input, findings, c.output);
}

/** The fixes of the case's findings made in its text, against `output` (or none offered, for `null`). */
function checkOutput(input: Input, findings: readonly Finding[], output: string | null): void {
  const offered = findings.filter((f) => f.fix);
  if (output === null) {
    if (offered.length > 0) fail(`Should offer no fix but ${offered.length} finding(s) do:\n${list(offered)}`);
    return;
  }
  if (offered.length === 0) fail('Should offer fixes that give `output`, but no finding has a fix. Use `output: null` for a rule that offers none.');
  const made = applyFindingFixes(input.filename, input.text, offered);
  if (made.refused.length > 0) fail(`Fixes could not be made:\n${made.refused.map((r) => `  ${r.finding.messageId}: ${r.reason}`).join('\n')}`);
  if (made.output !== output) throw new AssertionError({ message: 'The text once fixed differs from `output`.', actual: made.output, expected: output });
}

function differencesOf(i: number, expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected)) {
    const want = expected[key];
    const got = actual[key];
    if (key === 'data' && want && typeof want === 'object') {
      for (const [k, v] of Object.entries(want)) {
        const had = (got as Record<string, unknown> | undefined)?.[k];
        if (!isDeepStrictEqual(had, v)) out.push(`  error #${i + 1}: data.${k} should be ${show(v)}, was ${show(had)}`);
      }
    } else if (!isDeepStrictEqual(got, want)) {
      out.push(`  error #${i + 1}: ${key} should be ${show(want)}, was ${show(got)}`);
    }
  }
  return out;
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** One expected error, checked and with its position resolved. */
function expectation(e: unknown, i: number, known: readonly string[], text: string): ExpectedError & { line: number; column: number } {
  const n = `Error #${i + 1}`;
  if (typeof e !== 'object' || e === null) fail(`${n} must be an object with at least messageId, line and column.`);
  const error = e as Partial<ExpectedError> & Record<string, unknown>;
  if (typeof error.messageId !== 'string') fail(`${n} has no messageId: every expected error names the message it pins.`);
  if (!known.includes(error.messageId)) fail(`${n} has an unknown messageId "${error.messageId}"; the rule's are: ${known.join(', ')}.`);
  const { at, ...rest } = error;
  if (at !== undefined) {
    if (rest.line !== undefined || rest.column !== undefined) fail(`${n} gives both \`at\` and line/column: give one.`);
    return { ...(rest as ErrorBase), ...positionOf(text, at) };
  }
  if (!Number.isInteger(rest.line) || !Number.isInteger(rest.column))
    fail(`${n} (${error.messageId}) pins no position: give line and column (or \`at\`, a JSON path).`);
  return rest as ExpectedError & { line: number; column: number };
}

/** The finding, cut to what the expected error pins. */
function project(f: Finding, e: ExpectedError & { line: number; column: number }): Record<string, unknown> {
  const out: Record<string, unknown> = { messageId: f.messageId };
  for (const key of Object.keys(e)) {
    if (key === 'line' || key === 'column' || key === 'endLine' || key === 'endColumn') out[key] = f.location[key];
    else if (key === 'message') out.message = f.message;
    else if (key === 'data') {
      const data = f.data ?? {};
      out.data = Object.fromEntries(Object.keys(e.data ?? {}).flatMap((k) => (k in data ? [[k, data[k]]] : [])));
    } else if (key !== 'messageId') out[key] = undefined;
  }
  return out;
}

function exampleTitle(example: DocsExample): string {
  return example.part === 'fix' ? `the fix example #${example.index} is clean` : `the risk example #${example.index} is reported`;
}

async function checkExample(rule: AnyRule, example: DocsExample, options: DocsExamplesOptions): Promise<void> {
  let made: { text: string; filename: string };
  try {
    made = exampleTemplate(example, options);
  } catch (err) {
    fail(`The ${example.part} example of ${rule.name} cannot be made into a template: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const { findings, reached } = await scanCase(rule, { kind: 'template', text: made.text, filename: made.filename });
  const mine = findings.filter((f) => f.ruleId === rule.id);
  if (example.part === 'fix') {
    if (mine.length > 0) fail(`The fix example of ${rule.name} is reported:\n${list(mine)}\nas scanned:\n${made.text}`);
    const reaches = options.reaches ?? true;
    if (reaches && !reached) {
      fail(
        `The fix example of ${rule.name} holds no ${ruleKinds(rule).join(' or ')} entity, so it proves nothing about the rule; complete it, or pass \`reaches: false\`.\nas scanned:\n${made.text}`,
      );
    }
    if (!reaches && reached)
      fail(`The fix example of ${rule.name} now holds a ${ruleKinds(rule).join(' or ')} entity the rule checks: drop \`reaches: false\`.`);
  } else if (mine.length === 0) {
    fail(`The risk example of ${rule.name} shows the mistake but is not reported.\nas scanned:\n${made.text}`);
  }
}
