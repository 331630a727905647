import { FORMATS, LANGS, type Lang, REPORT_FORMATS, type ReportFormat, SEVERITIES, type Severity } from '@mamori/core/formats';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { commandLang, say } from './messages.js';

// The settings of a scan, defined once for `mamori scan`, `mamori baseline` and the GitHub Action
// (whose action.yml a test keeps in step with them). Loading this module loads no scanner: the
// command line is built from it before any command runs.

export type FailOn = Severity | 'none';
export const FAIL_ON: readonly FailOn[] = [...SEVERITIES, 'none'];
export type Format = ReportFormat;

export interface ScanFlags {
  format: Format;
  parameters?: string;
  output?: string;
  failOn: FailOn;
  color?: boolean;
  /** A path, or `false` for --no-config. */
  config?: string | false;
  baseline?: string;
  plugin?: string[];
  templatesOnly?: boolean;
  /** Results a SARIF report keeps at most (the most severe); 0 keeps them all. */
  sarifMaxResults?: number;
  /** `--region`: the first is the templates' region; with `scan --account`, every one is read. */
  region?: string[];
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: CacheStrategy;
  /** `--lang`: the language of findings and reports; else the configuration's, else the locale's. */
  lang?: Lang;
  /** Whether fixes get their replacements in the file: by default, for every report format but stylish, which shows none. */
  fixReplacements?: boolean;
}

export interface AccountFlags {
  profile?: string;
  region: string[];
  allRegions?: boolean;
  quiet?: boolean;
  /** Seconds. */
  deadline?: number;
  /** Seconds. */
  requestTimeout?: number;
  /** Seconds. */
  connectTimeout?: number;
  allowIncomplete?: boolean;
}

/** `a, b or c`. */
export function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export function count(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(say(commandLang(), 'arg.count'));
  return n;
}

/** A region name as AWS writes them: `eu-west-1`, `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Reads a repeatable `--region`, refusing what is not a region name. */
export function regionList(value: string, previous: string[] = []): string[] {
  if (!REGION_PATTERN.test(value)) throw new InvalidArgumentError(say(commandLang(), 'arg.region'));
  return [...previous, value];
}

/**
 * The region templates are priced in: the first `--region`, else AWS_REGION, else AWS_DEFAULT_REGION
 * (the region the AWS tools would deploy to); undefined leaves it to the configuration's `region`,
 * else us-east-1. An environment variable that is not a region name is passed over.
 */
export function templateRegion(given: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const first = given?.[0];
  if (first) return first;
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = env[name]?.trim();
    if (value && REGION_PATTERN.test(value)) return value;
  }
  return undefined;
}

/** Collects a repeatable option's values, in order. */
export function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

type ScanCommand = 'scan' | 'baseline';

/** One setting of a scan: its command-line option, its Action input, or both. */
export interface ScanSetting {
  /** The command-line option, in commander's syntax, and the commands that take it. */
  option?: {
    flags: string;
    description: string;
    commands: readonly ScanCommand[];
    default?: unknown;
    /** Reads a value; a repeatable option also gets what it read before. */
    parse?: (value: string, previous: string[] | undefined) => unknown;
  };
  /** The Action's input: its name, its default (inputs are strings) and its description in action.yml. */
  input?: { name: string; default: string; description: string };
  /** The values it takes, checked by both. */
  choices?: readonly string[];
}

const SARIF_FILE = `mamori${FORMATS.sarif.extension}`;
/** The cache file's name when no location is given (core's `DEFAULT_CACHE_FILE`, not loaded here: this module loads no scanner). */
export const DEFAULT_CACHE_FILE = '.mamoricache';
export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

/** In the order of action.yml's inputs; those of the command line only at the end. */
export const SCAN_SETTINGS: readonly ScanSetting[] = [
  {
    input: {
      name: 'paths',
      default: '.',
      description: 'Files or folders to scan, separated by spaces or new lines. Folders are walked recursively, honouring .gitignore.',
    },
  },
  {
    option: {
      flags: '-c, --config <file>',
      description: 'configuration file (default: mamori.config.* or package.json "mamori", searched from here upward)',
      commands: ['scan', 'baseline'],
    },
    input: {
      name: 'config',
      default: '',
      description:
        'Configuration file, in the workspace. By default mamori.config.json, .yaml or .yml (or package.json "mamori") is looked up in the workspace. A configuration that is code (mamori.config.mjs) or names plugins is refused unless trust-config is true.',
    },
  },
  {
    option: { flags: '--no-config', description: 'ignore configuration files', commands: ['scan', 'baseline'] },
    input: {
      name: 'no-config',
      default: 'false',
      description: 'true: ignore any configuration in the workspace and scan with the built-in rules and their defaults.',
    },
  },
  {
    input: {
      name: 'trust-config',
      default: 'false',
      description:
        "true: run code from the checkout, a mamori.config.mjs and the configuration's plugins, as the command line does. Off by default, because the checkout may come from a pull request (pull_request_target, forks) and code in it would run with the job's token and on the runner (a self-hosted runner keeps what it leaves behind). Data configurations and declarative rules (YAML or JSON) load either way. Set it only where the checkout is trusted.",
    },
  },
  {
    option: { flags: '--fail-on <level>', description: 'lowest finding level that makes the exit code 1', commands: ['scan'], default: 'error' },
    input: { name: 'fail-on', default: 'error', description: `Lowest finding level that fails the step: ${orList(FAIL_ON)}.` },
    choices: FAIL_ON,
  },
  {
    option: { flags: '-f, --format <format>', description: 'output format', commands: ['scan'], default: 'stylish' },
    input: {
      name: 'format',
      default: 'stylish',
      description: `Format of the report printed to the log (${orList(REPORT_FORMATS)}). The SARIF file is always written.`,
    },
    choices: REPORT_FORMATS,
  },
  {
    input: {
      name: 'sarif-file',
      default: SARIF_FILE,
      description:
        "Where to write the SARIF report, relative to the workspace, for github/codeql-action/upload-sarif. It must be in the workspace or RUNNER_TEMP; a folder on the way that is a symbolic link is refused, and a link at the file itself is replaced, never written through. It keeps to GitHub's limits: the 25,000 most severe results, 10 MB compressed.",
    },
  },
  {
    option: {
      flags: '-p, --parameters <file>',
      description: 'template parameter values (create-stack --parameters JSON, deploy --parameter-overrides JSON, or a {Key: Value} map)',
      commands: ['scan', 'baseline'],
    },
    input: {
      name: 'parameters',
      default: '',
      description:
        'Template parameter values file (create-stack --parameters JSON, deploy --parameter-overrides JSON, or a map), in the workspace or RUNNER_TEMP.',
    },
  },
  {
    option: {
      flags: '--region <region>',
      description:
        "region the templates are deployed to, whose list prices cost findings use (default: AWS_REGION, AWS_DEFAULT_REGION, the configuration's region, else us-east-1); with --account, a region to read too (repeat for several)",
      commands: ['scan', 'baseline'],
      default: [],
      parse: regionList,
    },
    input: {
      name: 'region',
      default: '',
      description:
        "The region the templates are deployed to: cost findings use its list prices and say so. Default: AWS_REGION or AWS_DEFAULT_REGION when the job sets them, else the configuration's region, else us-east-1.",
    },
  },
  {
    option: {
      flags: '-b, --baseline <sarif>',
      description: 'report and fail only on findings that are not in this earlier SARIF (see `mamori baseline`)',
      commands: ['scan'],
    },
    input: {
      name: 'baseline',
      default: '',
      description: 'An earlier SARIF file (mamori baseline), in the workspace or RUNNER_TEMP; only findings not in it are reported and fail the step.',
    },
  },
  {
    option: {
      flags: '--cache',
      description: `reuse the results of files unchanged since the last scan with --cache (kept in ${DEFAULT_CACHE_FILE}); reports are the same`,
      commands: ['scan', 'baseline'],
    },
    input: {
      name: 'cache',
      default: 'false',
      description:
        "true: keep each file's results in cache-location and reuse them for the files that have not changed, while mamori's version, its rules and the configuration stay the same; the report is the same as without it. Keep the file between runs with actions/cache (see the README).",
    },
  },
  {
    option: {
      flags: '--cache-location <path>',
      description: `with --cache: the cache file, or a folder to keep ${DEFAULT_CACHE_FILE} in (default: ${DEFAULT_CACHE_FILE} here)`,
      commands: ['scan', 'baseline'],
    },
    input: {
      name: 'cache-location',
      default: '',
      description: `With cache: the cache file, in RUNNER_TEMP (default: ${DEFAULT_CACHE_FILE} there). Never in the workspace, where a pull request could bring a cache file of its own to hide findings.`,
    },
  },
  {
    option: {
      flags: '--cache-strategy <strategy>',
      description:
        "with --cache: how a file is known unchanged: metadata (its size and times, else its content's SHA-256) or content (always its content's SHA-256)",
      commands: ['scan', 'baseline'],
      default: 'metadata',
    },
    input: {
      name: 'cache-strategy',
      default: 'content',
      description:
        "With cache: how a file is known to be unchanged: content (its content's SHA-256), or metadata (its size and times, else its content's SHA-256). A checkout gives every file new times, so content is the default here.",
    },
    choices: CACHE_STRATEGIES,
  },
  {
    option: {
      flags: '--lang <lang>',
      description: "language of findings and reports (default: the configuration's lang, else LC_ALL, LC_MESSAGES or LANG: ja_JP.UTF-8 gives ja, else en)",
      commands: ['scan', 'baseline'],
    },
    input: {
      name: 'lang',
      default: '',
      description:
        "Language of the findings, the log and the SARIF file: en or ja. Default: the configuration's lang, else the runner's locale (LC_ALL, LC_MESSAGES, LANG), else en.",
    },
    choices: LANGS,
  },
  {
    input: {
      name: 'fix-patch',
      default: '',
      description:
        'Where to write the fixes the findings offer, as one unified diff (apply it with git apply), in the workspace or RUNNER_TEMP; upload it with actions/upload-artifact. No file is changed. Default: no patch.',
    },
  },
  {
    option: { flags: '--plugin <module>', description: 'load rules from a plugin module (repeatable)', commands: ['scan', 'baseline'], parse: repeatable },
  },
  { option: { flags: '--templates-only', description: 'check only templates, not every other text file for AWS keys', commands: ['scan'] } },
  {
    option: {
      flags: '--sarif-max-results <n>',
      description: "with --format sarif: keep the n most severe results, within GitHub code scanning's limits (0: every result, no limit)",
      commands: ['scan'],
      default: 25_000,
      parse: count,
    },
  },
];

/** Adds the scan settings `command` takes to it. */
export function addScanOptions(program: Command, command: ScanCommand): Command {
  for (const { option, choices } of SCAN_SETTINGS) {
    if (!option?.commands.includes(command)) continue;
    const o = new Option(option.flags, option.description);
    if (choices) o.choices(choices);
    if (option.parse) o.argParser(option.parse as (value: string, previous: unknown) => unknown);
    if (option.default !== undefined) o.default(option.default);
    program.addOption(o);
  }
  return program;
}

/** An Action input's setting, by name. */
export function actionInput(name: string): NonNullable<ScanSetting['input']> & { choices?: readonly string[] } {
  const setting = SCAN_SETTINGS.find((s) => s.input?.name === name);
  if (!setting?.input) throw new Error(`no Action input ${name}`);
  return { ...setting.input, ...(setting.choices ? { choices: setting.choices } : {}) };
}
