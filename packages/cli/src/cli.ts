import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type AccountSnapshot,
  type CollectOptions,
  collectSnapshot,
  type ScanResult,
  type Severity,
  scan,
  toJson,
  toSarif,
  toStylish,
  VERSION,
} from '@mamori/core';
import { rules as builtinRules } from '@mamori/rules';
import { Command, CommanderError, Option } from 'commander';
import { type CliIo, EXIT, processIo } from './io.js';
import { progressLine } from './progress.js';

export type FailOn = Severity | 'none';
export type Format = 'stylish' | 'json' | 'sarif';

const LEVEL_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** Exit code for a scan: input errors win (the scan is incomplete), then findings at or above `failOn`. */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (result.notifications.some((n) => n.level === 'error')) return EXIT.error;
  if (failOn === 'none') return EXIT.clean;
  const threshold = LEVEL_RANK[failOn];
  return result.findings.some((f) => LEVEL_RANK[f.severity] >= threshold) ? EXIT.findings : EXIT.clean;
}

export function render(result: ScanResult, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return toJson(result);
    case 'sarif':
      return `${JSON.stringify(toSarif(result), null, 2)}\n`;
    default:
      return toStylish(result, { color });
  }
}

interface ScanFlags extends AccountFlags {
  format: Format;
  output?: string;
  failOn: FailOn;
  color?: boolean;
  account?: boolean;
  snapshotOutput: string;
}

interface AccountFlags {
  profile?: string;
  region: string[];
  allRegions?: boolean;
  quiet?: boolean;
}

function repeatable(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Options shared by `collect` and `scan --account`. */
function accountOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'named profile from the AWS config and credentials files (default: AWS_PROFILE or the standard credential chain)')
    .addOption(
      new Option('--region <region>', 'region to read; repeat for several (default: the profile or AWS_REGION region)').argParser(repeatable).default([]),
    )
    .addOption(new Option('--all-regions', 'read every region enabled in the account').conflicts('region'))
    .option('-q, --quiet', 'no progress line on stderr');
}

/** Collects a snapshot with a progress line on a terminal, writes it, and says what it did. */
async function collectTo(io: CliIo, file: string, flags: AccountFlags): Promise<{ snapshot: AccountSnapshot; seconds: number }> {
  const progress = progressLine({ write: io.stderr, isTTY: io.stderrIsTTY === true, quiet: flags.quiet === true }, 'mamori: collecting');
  const options: CollectOptions = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region.length > 0 ? { regions: flags.region } : {}),
    ...(flags.allRegions ? { allRegions: true } : {}),
    onProgress: progress.update,
  };
  const started = performance.now();
  let snapshot: AccountSnapshot;
  try {
    snapshot = await collectSnapshot(options);
  } finally {
    progress.clear();
  }
  const seconds = (performance.now() - started) / 1000;
  await writeFile(path.resolve(io.cwd, file), `${JSON.stringify(snapshot, null, 2)}\n`);
  if (!flags.quiet) {
    const failed = snapshot.errors.length > 0 ? `; ${snapshot.errors.length} failed call(s) recorded (see "errors")` : '';
    io.stderr(
      `mamori: account ${snapshot.accountId}, ${snapshot.regions.length} region(s) (${snapshot.regions.join(', ')}) collected in ${seconds.toFixed(1)} s${failed}; snapshot written to ${file}\n`,
    );
  }
  return { snapshot, seconds };
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('mamori')
    .description('Find security and cost mistakes in AWS CloudFormation templates before they are deployed, and in live AWS accounts.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes:
  0  no findings at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, or an input that could not be read or parsed

Examples:
  $ mamori scan                          scan templates under the current folder
  $ mamori scan infra/ --fail-on warning
  $ mamori scan . --format sarif --output mamori.sarif
  $ mamori collect --region eu-west-1 --output account.json
  $ mamori scan account.json             scan an account snapshot
  $ mamori scan --account --all-regions  collect the account and scan it in one go
  $ mamori rules                         list the rule catalog

Documentation: https://github.com/mamori-dev/mamori#readme`,
    );

  const scanCommand = program
    .command('scan')
    .description('Scan CloudFormation and SAM templates (YAML or JSON) and account snapshots for security and cost problems.')
    .argument('[paths...]', 'files or folders to scan; folders are searched recursively, honouring .gitignore (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <level>', 'lowest finding level that makes the exit code 1').choices(['error', 'warning', 'note', 'none']).default('error'),
    )
    .option('--no-color', 'do not colour the output')
    .option('--account', 'collect the AWS account first (read-only calls) and scan its snapshot too')
    .option('--snapshot-output <file>', 'with --account: where to write the snapshot that findings point into', 'mamori-snapshot.json');
  accountOptions(scanCommand)
    .addHelpText(
      'after',
      `
Folders skip node_modules, .git, cdk.out, .aws-sam and whatever .gitignore ignores.
A file that is not a template is skipped; a template that cannot be parsed is reported
with its file and line, and makes the exit code 2 whatever else was found.
A JSON file with a top-level "mamoriSnapshot" is an account snapshot (see mamori collect);
calls that failed when it was collected are reported as "not-evaluated" warnings.

Examples:
  $ mamori scan templates/ --format sarif --output results.sarif
  $ mamori scan stack.yaml --fail-on none
  $ mamori scan --account --profile audit --region eu-west-1 --region us-east-1`,
    )
    .action(async (given: string[], flags: ScanFlags) => {
      const paths = given.length > 0 ? [...given] : flags.account ? [] : ['.'];
      if (flags.account) {
        await collectTo(io, flags.snapshotOutput, flags);
        paths.push(flags.snapshotOutput);
      }
      const result = await scan({ paths, cwd: io.cwd, rules: builtinRules });
      const color = flags.color !== false && io.color && !flags.output;
      const report = render(result, flags.format, color);
      if (flags.output) {
        await writeFile(path.resolve(io.cwd, flags.output), report);
        io.stderr(`mamori: ${result.findings.length} finding(s) in ${result.files.length} template(s); ${flags.format} report written to ${flags.output}\n`);
      } else {
        io.stdout(report);
      }
      for (const n of result.notifications.filter((x) => x.level === 'error' && flags.format !== 'stylish')) {
        io.stderr(`mamori: ${n.file ? `${n.file}${n.line ? `:${n.line}:${n.column ?? 1}` : ''}: ` : ''}${n.message}\n`);
      }
      setExit(exitCodeFor(result, flags.failOn));
    });

  accountOptions(
    program
      .command('collect')
      .description('Read an AWS account into a snapshot file with read-only calls, to scan now or later.')
      .requiredOption('-o, --output <file>', 'where to write the snapshot (JSON)'),
  )
    .addHelpText(
      'after',
      `
Credentials and region come from the standard AWS chain: environment variables, AWS_PROFILE or
--profile, SSO, and instance or container roles. AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>
are honoured. The SecurityAudit managed policy allows every call made. A call that fails
(AccessDenied, a region that is not enabled) is recorded in the snapshot and the rest goes on.

Examples:
  $ mamori collect --output account.json
  $ mamori collect --profile audit --all-regions --output account.json`,
    )
    .action(async (flags: AccountFlags & { output: string }) => {
      await collectTo(io, flags.output, flags);
    });

  program
    .command('rules')
    .description('List the rule catalog.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: 'text' | 'json' }) => {
      if (flags.format === 'json') {
        io.stdout(
          `${JSON.stringify(
            builtinRules.map(({ check: _c, ...meta }) => meta),
            null,
            2,
          )}\n`,
        );
        return;
      }
      const idWidth = Math.max(...builtinRules.map((r) => r.id.length));
      const nameWidth = Math.max(...builtinRules.map((r) => r.name.length));
      for (const r of builtinRules) io.stdout(`${r.id.padEnd(idWidth)}  ${r.name.padEnd(nameWidth)}  ${r.severity.padEnd(7)}  ${r.title}\n`);
    });

  return program;
}

/** Runs the command line and returns the exit code; never throws for bad input. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.clean;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every other parse failure is a usage error.
      return err.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    io.stderr(`mamori: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.error;
  }
}
