import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { FORMATS, isLang, LANGS, type Lang, resolveLang } from '@mamori/core/formats';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { OrgFlags } from './collect.js';
import { afterHelpJa, commanderErrorJa, helpInJapanese } from './help-ja.js';
import { type CliIo, EXIT, processIo } from './io.js';
import { choiceList, commandLang, say, setCommandLang } from './messages.js';
import { type AccountFlags, addScanOptions, repeatable, type ScanFlags } from './options.js';
import type { OutputTarget } from './output.js';
import { cliVersion } from './version.js';

// The command line, defined without loading the scanner: `mamori --help` (and a mistyped option)
// answers at once, and each command loads what it runs when it runs.

export type { AccountFlags, FailOn, Format, ScanFlags } from './options.js';

/** `scan` adds collecting an account first. */
interface ScanCommandFlags extends ScanFlags, AccountFlags {
  region: string[];
  account?: boolean;
  snapshotOutput: string;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError('not a positive whole number.');
  return n;
}

function accountIds(value: string, previous: string[] = []): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = ids.find((id) => !/^\d{12}$/.test(id));
  if (bad !== undefined || ids.length === 0)
    throw new InvalidArgumentError(`${bad === undefined ? 'no account id' : `"${bad}" is not an account id`} (twelve digits, comma-separated).`);
  return [...new Set([...previous, ...ids])];
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(say(commandLang(), 'arg.seconds'));
  return n;
}

/**
 * The `--lang` given on the command line, read before the arguments are parsed so that their errors
 * and the help are in it: `{ lang }`, `{ invalid }` for a value that is not a language, `{}` without one.
 */
export function argvLang(argv: readonly string[]): { lang?: Lang; invalid?: string } {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === '--lang') found = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  if (found === undefined) return {};
  return isLang(found) ? { lang: found } : { invalid: found };
}

/** Options shared by `collect` and `scan --account` (whose `--region` is a scan setting, which also prices templates). */
function accountOptions(command: Command, withRegion = true): Command {
  command.option('--profile <name>', 'named profile from the AWS config and credentials files (default: AWS_PROFILE or the standard credential chain)');
  if (withRegion) {
    command.addOption(
      new Option('--region <region>', 'region to read; repeat for several (default: the profile or AWS_REGION region)').argParser(repeatable).default([]),
    );
  }
  return command
    .addOption(new Option('--all-regions', 'read every region enabled in the account').conflicts('region'))
    .addOption(new Option('--deadline <seconds>', 'stop collecting after this long and write what was read, marked incomplete').argParser(seconds))
    .addOption(
      new Option(
        '--request-timeout <seconds>',
        'time one attempt of a call may take, its whole answer included (default: MAMORI_REQUEST_TIMEOUT, else 20)',
      ).argParser(seconds),
    )
    .addOption(new Option('--connect-timeout <seconds>', 'time to connect to an endpoint (default: MAMORI_CONNECT_TIMEOUT, else 5)').argParser(seconds))
    .option('--allow-incomplete', 'exit 0 (or by the findings) although calls failed or the deadline passed')
    .option('-q, --quiet', 'no progress line, notices or summary on stderr (an incomplete snapshot is still said)');
}

function buildProgram(io: CliIo, setExit: (code: number) => void, lang: Lang, explicitLang: Lang | undefined): Command {
  const ja = lang === 'ja';
  /** A combination of options that cannot run: one line, exit 2. */
  const usage = (message: string): void => {
    io.stderr(`mamori: ${message}\n`);
    setExit(EXIT.error);
  };
  const program = new Command('mamori')
    .description('Find security and cost mistakes in AWS CloudFormation templates before they are deployed, and in live AWS accounts.')
    .version(cliVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(ja ? commanderErrorJa(text) : text) })
    .addOption(
      new Option(
        '--lang <lang>',
        "language of findings and reports (default: the configuration's lang, else LC_ALL, LC_MESSAGES or LANG: ja_JP.UTF-8 gives ja, else en)",
      ).choices(LANGS),
    )
    .exitOverride()
    .addHelpText(
      'after',
      afterHelpJa(ja ? 'mamori' : '') ??
        `
Exit codes:
  0  no findings at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, or an input that could not be read or parsed
  3  collect, scan --account: the account snapshot is incomplete (calls failed, the
     --deadline passed, or the collection was interrupted); it was written anyway.
     --allow-incomplete accepts failed calls and the deadline, never an interrupt

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

  const scanCommand = addScanOptions(
    program
      .command('scan')
      .description('Scan CloudFormation and SAM templates (YAML or JSON) and account snapshots for security and cost problems.')
      .argument('[paths...]', 'files or folders to scan; folders are searched recursively, honouring .gitignore (default: .)'),
    'scan',
  )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--no-color', 'do not colour the output')
    .option('--account', 'collect the AWS account first (read-only calls) and scan its snapshot too')
    .option('--snapshot-output <file>', 'with --account: where to write the snapshot that findings point into', 'mamori-snapshot.json');
  accountOptions(scanCommand, false)
    .addHelpText(
      'after',
      afterHelpJa(ja ? 'scan' : '', formatList()) ??
        `
Formats:
${formatList()}

Folders skip node_modules, .git, cdk.out, .aws-sam and whatever .gitignore ignores.
Templates get every rule; every other text file is checked for AWS access keys.
A template that cannot be parsed is reported with its file and line, and makes the
exit code 2 whatever else was found.
A JSON file with a top-level "mamoriSnapshot" is an account snapshot (see mamori collect);
calls that failed when it was collected are reported as "not-evaluated" warnings.

Examples:
  $ mamori scan templates/ --format sarif --output results.sarif
  $ mamori scan stack.yaml --fail-on none
  $ mamori scan --account --profile audit --region eu-west-1 --region us-east-1`,
    )
    .action(async (given: string[], flags: ScanCommandFlags) => {
      const paths = given.length > 0 ? [...given] : flags.account ? [] : ['.'];
      // Loaded first: without the collector installed, nothing is written or read.
      const account = flags.account ? await import('./collect.js') : undefined;
      const collector = await account?.loadCollector('scan --account');
      const { exitCodeFor, incompleteExit, render, reportCache, reportIncomplete, reportInputErrors, runScan } = await import('./cli.js');
      const { prepareOutput } = await import('./output.js');
      // Checked before the scan (and the collection): a report that cannot be written fails at once.
      const output = flags.output ? await prepareOutput(flags.output, { cwd: io.cwd }) : undefined;
      let incomplete: number | undefined;
      if (account && collector) {
        const { snapshot, calls } = await account.collectTo(io, flags.snapshotOutput, flags, collector, lang);
        reportIncomplete(io, flags.snapshotOutput, snapshot, calls, lang);
        incomplete = incompleteExit(snapshot, flags);
        // Stopped on purpose: the partial snapshot is written; judging it is left to a later scan.
        if (snapshot.incomplete?.reason === 'interrupted') {
          io.stderr(`mamori: ${say(lang, 'scan.interrupted', { file: flags.snapshotOutput })}\n`);
          setExit(EXIT.incomplete);
          return;
        }
        paths.push(flags.snapshotOutput);
      }
      const result = await runScan(paths, withLang(flags), io);
      const out = result.lang ?? 'en';
      reportCache(result, io);
      const color = flags.color !== false && io.color && !flags.output;
      const report = render(result, flags.format, color, flags.sarifMaxResults);
      if (output) {
        await output.write(report.text);
        io.stderr(
          `mamori: ${say(out, 'scan.written', { findings: result.findings.length, templates: result.files.length, format: flags.format, file: output.shown })}\n`,
        );
      } else {
        io.stdout(report.text);
      }
      if (report.leftOut > 0) {
        io.stderr(`mamori: ${say(out, 'scan.sarifLeftOut', { kept: result.findings.length - report.leftOut, total: result.findings.length })}\n`);
      }
      if (flags.format !== 'stylish') reportInputErrors(result, io);
      const code = exitCodeFor(result, flags.failOn);
      // An input that could not be read says more than an incomplete account; an incomplete account more than findings.
      setExit(code === EXIT.error || incomplete === undefined ? code : incomplete);
    });

  accountOptions(
    program
      .command('collect')
      .description('Read an AWS account into a snapshot file with read-only calls, to scan now or later.')
      .option('-o, --output <file>', 'where to write the snapshot (JSON)'),
  )
    .option(
      '--org',
      'collect every active account of the AWS organisation (from the management or a delegated administrator account), one snapshot per account in --out-dir',
    )
    .option('--role-name <name>', 'with --org: the role to assume in each account')
    .option('--external-id <id>', "with --org: the external id the role's trust policy asks for")
    .option('--session-name <name>', 'with --org: the role session name, seen in CloudTrail (default: mamori)')
    .addOption(new Option('--accounts <ids>', 'with --org: only these account ids, comma-separated').argParser(accountIds))
    .option('--out-dir <folder>', "with --org: where to write the accounts' snapshots (<account id>.json) and mamori-org-summary.json")
    .addOption(new Option('--account-concurrency <n>', 'with --org: accounts collected at once (default 4)').argParser(positiveInt))
    .addHelpText(
      'after',
      afterHelpJa(ja ? 'collect' : '') ??
        `
Needs @mamori/collector (the AWS SDK) installed beside @mamori/cli.
Credentials and region come from the standard AWS chain: environment variables, AWS_PROFILE or
--profile, SSO, and instance or container roles. AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>
are honoured. The SecurityAudit managed policy allows every call made. A call that fails
(AccessDenied, a region that is not enabled) is recorded in the snapshot and the rest goes on.

Every attempt of a call has 5 s to connect and 20 s to answer in full; a call whose attempts time
out three times fails, and the endpoint is not asked again: a silent endpoint costs a call about a
minute. When calls failed, the command says how many and which rules they leave unevaluated, and
exits 3 (--allow-incomplete: 0). Interrupted (Ctrl-C, SIGTERM) or past --deadline, it writes what
was read, marked incomplete, and exits 3; a second interrupt exits at once (130, or 143 for
SIGTERM) without writing. Access key ids are
written redacted (AKIA************WXYZ).

With --org, the caller lists the organisation's accounts (organizations:ListAccounts) and assumes
--role-name in each (sts:AssumeRole); each account is collected as above with the role's
credentials, a few at once. A suspended account is skipped and said; an account whose role cannot be
assumed is said, recorded in mamori-org-summary.json, and makes the exit code 3 whatever
--allow-incomplete says.

Examples:
  $ mamori collect --output account.json
  $ mamori collect --profile audit --all-regions --output account.json
  $ mamori collect --org --role-name mamori-audit --out-dir snapshots/`,
    )
    .action(async (flags: AccountFlags & Partial<OrgFlags> & { output?: string; org?: boolean }) => {
      const { collectOrgTo, collectTo, loadCollector } = await import('./collect.js');
      if (flags.org) {
        if (flags.output) return usage('collect --org takes no --output: each account is written to --out-dir');
        if (!flags.roleName || !flags.outDir) return usage('collect --org needs --role-name <name> and --out-dir <folder>');
        const collector = await loadCollector('collect --org');
        setExit(await collectOrgTo(io, { ...flags, roleName: flags.roleName, outDir: flags.outDir }, collector));
        return;
      }
      const orgFlag = (['roleName', 'externalId', 'sessionName', 'accounts', 'outDir', 'accountConcurrency'] as const).find((k) => flags[k] !== undefined);
      if (orgFlag) return usage(`--${orgFlag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is an option of collect --org`);
      if (!flags.output) return usage('collect needs --output <file> (or --org with --role-name and --out-dir)');
      const collector = await loadCollector('collect');
      const { incompleteExit, reportIncomplete } = await import('./cli.js');
      const { CREDENTIALS_EXPIRED } = await import('@mamori/core/internal');
      const output = flags.output;
      const { snapshot, calls } = await collectTo(io, output, flags, collector, lang);
      // Expired credentials break the collection off: the snapshot is written, but it is not a clean run.
      const expired = snapshot.errors.filter((e) => CREDENTIALS_EXPIRED.has(e.code));
      if (expired.length > 0) {
        io.stderr(`mamori: ${say(lang, 'collect.expired', { code: expired[0]?.code ?? '', count: expired.length })}\n`);
        setExit(EXIT.error);
        return;
      }
      reportIncomplete(io, output, snapshot, calls, lang);
      setExit(incompleteExit(snapshot, flags) ?? EXIT.clean);
    });

  addScanOptions(
    program
      .command('baseline')
      .description('Record the current findings, so that later scans with --baseline report only new ones.')
      .argument('[paths...]', 'files or folders to scan', ['.']),
    'baseline',
  )
    .option('-o, --output <file>', 'where to write the baseline SARIF', `mamori-baseline${FORMATS.sarif.extension}`)
    .action(async (paths: string[], flags: Omit<ScanFlags, 'format' | 'failOn'> & { output: string }) => {
      const { reportCache, reportInputErrors, runScan, sarifText } = await import('./cli.js');
      const { prepareOutput } = await import('./output.js');
      const output = await prepareOutput(flags.output, { cwd: io.cwd });
      const result = await runScan(paths, withLang({ ...flags, format: 'sarif', failOn: 'none', fixReplacements: false }), io);
      reportCache(result, io);
      // Every finding: a baseline is read back by mamori, not uploaded, and one left out would come back as new.
      await output.write(sarifText(result));
      io.stdout(
        `mamori: ${say(result.lang ?? 'en', 'baseline.written', { findings: result.findings.length, files: result.files.length, file: output.shown })}\n`,
      );
      reportInputErrors(result, io);
      setExit(result.notifications.some((n) => n.level === 'error') ? EXIT.error : EXIT.clean);
    });

  addScanOptions(
    program
      .command('fix')
      .description('Apply the fixes findings offer to the scanned templates (setting a safe value in place), keeping the files as written otherwise.')
      .argument('[paths...]', 'files or folders to scan and fix', ['.']),
    // The scan settings of `baseline`: a scan that writes no report.
    'baseline',
  )
    .option('--dry-run', 'print the changes as a unified diff instead of writing them')
    .option('--rule <id>', "only this rule's fixes (its id or name)")
    .action(async (paths: string[], flags: Omit<ScanFlags, 'format' | 'failOn'> & { dryRun?: boolean; rule?: string }) => {
      const { reportInputErrors, runScan } = await import('./cli.js');
      const { applyFixes, knownRule, reportFixes, unknownRuleText } = await import('./fix.js');
      const result = await runScan(paths, withLang({ ...flags, format: 'json', failOn: 'none', fixReplacements: false }), io);
      if (flags.rule !== undefined && !knownRule(result, flags.rule)) {
        io.stderr(unknownRuleText(result, flags.rule));
        setExit(EXIT.error);
        return;
      }
      const dryRun = flags.dryRun === true;
      const outcome = await applyFixes(result, paths, io, { dryRun, ...(flags.rule ? { rule: flags.rule } : {}) });
      reportFixes(outcome, io, dryRun, result);
      reportInputErrors(result, io);
      // A refused fix leaves a finding to deal with by hand, as a finding does for scan.
      setExit(result.notifications.some((n) => n.level === 'error') ? EXIT.error : outcome.refused.length > 0 ? EXIT.findings : EXIT.clean);
    });

  program
    .command('merge')
    .description('Merge the SARIF (or JSON) reports of many runs, one per account or shard, into one report; the same inputs in any order give the same bytes.')
    .argument('<files...>', 'mamori reports to merge: SARIF (--format sarif) or JSON (--format json), all of one format')
    .addOption(new Option('-f, --format <format>', 'format of the inputs and of the merged report').choices(['sarif', 'json']).default('sarif'))
    .option('-o, --output <file>', 'write the merged report to a file instead of standard output')
    .option('--category <id>', "SARIF: the merged run's category (automationDetails.id; default: the inputs' own when they agree, else mamori/)")
    .addOption(
      new Option(
        '--sarif-max-results <n>',
        "SARIF: keep at most this many results, the most severe (default 25000, GitHub's limit for a run; 0 keeps all)",
      ).argParser((v: string) => {
        if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError('not a whole number.');
        return Number(v);
      }),
    )
    .addHelpText(
      'after',
      afterHelpJa(ja ? 'merge' : '') ??
        `
SARIF inputs become one run: GitHub code scanning rejects an upload holding several runs of one
tool and category. Each account's results keep the account id in their properties and logical
locations. The run's execution is successful only if every input's was, and every input's
notifications are kept. Exact duplicates (a shard scanned twice) are kept once.

Examples:
  $ mamori merge shards/*.sarif --output mamori.sarif
  $ mamori merge --format json shards/*.json --output mamori.json`,
    )
    .action(async (files: string[], flags: { format: 'sarif' | 'json'; output?: string; category?: string; sarifMaxResults?: number }) => {
      const { readFile } = await import('node:fs/promises');
      const { MergeError, mergeJsonText, mergeSarifText, printable } = await import('@mamori/core/internal');
      const { prepareOutput } = await import('./output.js');
      const output = flags.output ? await prepareOutput(flags.output, { cwd: io.cwd }) : undefined;
      const inputs: { name: string; text: string }[] = [];
      for (const file of files) {
        try {
          inputs.push({ name: printable(file), text: await readFile(path.resolve(io.cwd, file), 'utf8') });
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          return usage(`cannot read ${printable(file)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
        }
      }
      let text: string;
      try {
        text =
          flags.format === 'json'
            ? mergeJsonText(inputs)
            : mergeSarifText(inputs, {
                ...(flags.category ? { category: flags.category } : {}),
                ...(flags.sarifMaxResults !== undefined ? { maxResults: flags.sarifMaxResults } : {}),
              });
      } catch (err) {
        if (err instanceof MergeError) return usage(`cannot merge: ${err.message}`);
        throw err;
      }
      if (output) {
        await output.write(text);
        io.stderr(`mamori: ${inputs.length} report(s) merged; ${flags.format} report written to ${output.shown}\n`);
      } else io.stdout(text);
    });

  program
    .command('init')
    .description('Write a starter mamori.config.yaml and a GitHub workflow that runs mamori on every pull request.')
    .option('--force', 'overwrite files that exist')
    .action(async (flags: { force?: boolean }) => {
      const { prepareOutput } = await import('./output.js');
      const { starterConfig, STARTER_WORKFLOW } = await import('./init.js');
      const files: [string, string][] = [
        ['mamori.config.yaml', starterConfig(lang)],
        [path.join('.github', 'workflows', 'mamori.yml'), STARTER_WORKFLOW],
      ];
      const exists = (abs: string): Promise<boolean> =>
        lstat(abs).then(
          () => true,
          () => false,
        );
      const writes: [string, OutputTarget, string][] = [];
      for (const [rel, text] of files) {
        // lstat: a link counts as there, even one that points nowhere (writing would create its target).
        if ((await exists(path.resolve(io.cwd, rel))) && !flags.force) {
          io.stderr(`mamori: ${say(lang, 'init.exists', { file: rel })}\n`);
          continue;
        }
        writes.push([rel, await prepareOutput(rel, { cwd: io.cwd }), text]);
      }
      for (const [rel, output, text] of writes) {
        await output.write(text);
        io.stdout(`${say(lang, 'init.wrote', { file: rel })}\n`);
      }
    });

  program
    .command('rules')
    .description('List the rule catalog.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: 'text' | 'json' }) => {
      const { rules: builtinRules } = await import('@mamori/rules');
      const { ruleTitle } = await import('@mamori/core');
      const { priceListWarning } = await import('@mamori/core/internal');
      const stale = priceListWarning();
      if (stale) io.stderr(`mamori: ${say(lang, 'warning', { text: stale })}\n`);
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
      const idWidth = builtinRules.reduce((w, r) => Math.max(w, r.id.length), 0);
      const nameWidth = builtinRules.reduce((w, r) => Math.max(w, r.name.length), 0);
      for (const r of builtinRules) io.stdout(`${r.id.padEnd(idWidth)}  ${r.name.padEnd(nameWidth)}  ${r.severity.padEnd(7)}  ${ruleTitle(r, lang)}\n`);
    });

  if (ja) helpInJapanese(program);
  return program;

  /** The scan's flags with a `--lang` given before the command (`mamori --lang ja scan`). */
  function withLang<F extends ScanFlags | Omit<ScanFlags, 'format' | 'failOn'>>(flags: F): F {
    return flags.lang || !explicitLang ? flags : { ...flags, lang: explicitLang };
  }
}

function formatList(): string {
  return Object.entries(FORMATS)
    .map(([name, r]) => `  ${name.padEnd(8)} ${r.description}`)
    .join('\n');
}

/** Runs the command line and returns the exit code; never throws for bad input. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.clean;
  const env = io.env ?? process.env;
  const given = argvLang(argv);
  const lang = resolveLang({ option: given.lang, env });
  setCommandLang(lang);
  if (given.invalid !== undefined) {
    io.stderr(`mamori: ${say(lang, 'lang.invalid', { choices: choiceList(LANGS, lang), value: given.invalid })}\n`);
    return EXIT.error;
  }
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    lang,
    given.lang,
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every other parse failure is a usage error.
      return err.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    // One line for the user; the stack only on request, for bug reports.
    const { USER_ERRORS } = await import('./cli.js');
    const { printable } = await import('@mamori/core/internal');
    const userError = USER_ERRORS.some((E) => err instanceof E);
    const detail =
      err instanceof Error && !userError && process.env.MAMORI_DEBUG ? (err.stack ?? err.message) : err instanceof Error ? err.message : String(err);
    // Messages quote file names and parse errors: each line is made printable, and only a stack keeps its lines.
    io.stderr(`mamori: ${detail.split('\n').map(printable).join('\n')}\n`);
    return EXIT.error;
  }
}
