import { join } from 'node:path';
import type { AccountSnapshot } from '@mamori/core';
import type { Lang } from '@mamori/core/formats';
import { printable, snapshotText } from '@mamori/core/internal';
import { type CliIo, EXIT } from './io.js';
import { commandLang, say } from './messages.js';
import type { AccountFlags } from './options.js';
import { prepareOutput } from './output.js';
import { progressLine } from './progress.js';

export type Collector = typeof import('@mamori/collector');

const PACKAGE = '@mamori/collector';

/**
 * The collector and the AWS SDK it brings are a package of their own, loaded only to collect: a
 * template scan neither installs nor loads them. Missing, the command says what to install.
 */
export async function loadCollector(command: string, load: () => Promise<Collector> = () => import('@mamori/collector')): Promise<Collector> {
  try {
    return await load();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // Only the package itself missing: a broken install of one of its own dependencies says what it is.
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !new RegExp(`['"]${PACKAGE}['"]`).test(e.message ?? '')) throw err;
    throw new Error(say(commandLang(), 'collect.missing', { command, package: PACKAGE }));
  }
}

/**
 * Collects a snapshot with a progress line on a terminal, writes it, and says what it did. An
 * interrupt (SIGINT, SIGTERM) stops the collection and the snapshot is written with what was read;
 * a second one exits at once.
 */
export async function collectTo(
  io: CliIo,
  file: string,
  flags: AccountFlags,
  { collectSnapshot }: Collector,
  lang: Lang = 'en',
): Promise<{ snapshot: AccountSnapshot; seconds: number; calls: number }> {
  // Before the collection: a place that cannot be written must not cost minutes of AWS calls first.
  const output = await prepareOutput(file, { cwd: io.cwd });
  const progress = progressLine(
    { write: io.stderr, isTTY: io.stderrIsTTY === true, quiet: flags.quiet === true, lang },
    `mamori: ${say(lang, 'progress.label')}`,
  );
  let calls = 0;
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    // The second one: exit now, as the shell expects of an interrupt, with nothing written.
    if (stop.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
    progress.clear();
    io.stderr(`mamori: ${say(lang, 'collect.signal', { signal })}\n`);
    stop.abort();
  };
  const options: Parameters<typeof collectSnapshot>[0] = {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.region.length > 0 ? { regions: flags.region } : {}),
    ...(flags.allRegions ? { allRegions: true } : {}),
    ...(flags.deadline ? { deadline: flags.deadline } : {}),
    ...(flags.requestTimeout ? { requestTimeout: flags.requestTimeout * 1000 } : {}),
    ...(flags.connectTimeout ? { connectTimeout: flags.connectTimeout * 1000 } : {}),
    signal: stop.signal,
    onProgress: (p) => {
      calls = p.total;
      progress.update(p);
    },
    onNotice: (message) => {
      if (flags.quiet) return;
      progress.clear();
      io.stderr(`mamori: ${message}\n`);
    },
  };
  const started = performance.now();
  let snapshot: AccountSnapshot;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    snapshot = await collectSnapshot(options);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.end();
  }
  const seconds = (performance.now() - started) / 1000;
  await output.write(snapshotText(snapshot));
  if (!flags.quiet) {
    const failed = snapshot.errors.length > 0 ? say(lang, 'collect.failedCalls', { count: snapshot.errors.length }) : '';
    const data = {
      account: printable(snapshot.accountId),
      count: snapshot.regions.length,
      regions: printable(snapshot.regions.join(', ')),
      seconds: seconds.toFixed(1),
      failed,
      file: output.shown,
    };
    io.stderr(`mamori: ${say(lang, 'collect.done', data)}\n`);
  }
  return { snapshot, seconds, calls };
}

/** `collect --org`: what it is given beyond an account's flags. */
export interface OrgFlags extends AccountFlags {
  roleName: string;
  externalId?: string;
  sessionName?: string;
  accounts?: string[];
  outDir: string;
  accountConcurrency?: number;
}

/** The summary `collect --org` writes beside the snapshots. */
export const ORG_SUMMARY_FILE = 'mamori-org-summary.json';

/**
 * Collects an organisation's accounts into `flags.outDir`, one snapshot per account named by its id
 * (`<id>.json`), and a summary of what happened to each account (`mamori-org-summary.json`): collected,
 * failed (a role that could not be assumed), skipped (not active). Returns the exit code: 3 when an
 * account failed or one asked for is not in the organisation, or (without --allow-incomplete) when a
 * snapshot is incomplete.
 */
export async function collectOrgTo(io: CliIo, flags: OrgFlags, { collectOrganization }: Collector): Promise<number> {
  const dir = flags.outDir;
  // Before the first call: a folder that cannot be written must not cost an organisation's calls.
  const summaryOut = await prepareOutput(join(dir, ORG_SUMMARY_FILE), { cwd: io.cwd });
  const progress = progressLine({ write: io.stderr, isTTY: io.stderrIsTTY === true, quiet: flags.quiet === true }, 'mamori: collecting the organisation');
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
    progress.clear();
    io.stderr(`mamori: ${signal}: stopping; each account's snapshot will hold what was read so far (again to exit at once)\n`);
    stop.abort();
  };
  const say = (line: string): void => {
    if (flags.quiet) return;
    progress.clear();
    io.stderr(`mamori: ${line}\n`);
  };
  let incomplete = false;
  const started = performance.now();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let summary: Awaited<ReturnType<Collector['collectOrganization']>>;
  try {
    summary = await collectOrganization({
      roleName: flags.roleName,
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
      ...(flags.sessionName ? { sessionName: flags.sessionName } : {}),
      ...(flags.accounts ? { accounts: flags.accounts } : {}),
      ...(flags.accountConcurrency ? { accountConcurrency: flags.accountConcurrency } : {}),
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.region.length > 0 ? { regions: flags.region } : {}),
      ...(flags.allRegions ? { allRegions: true } : {}),
      ...(flags.deadline ? { deadline: flags.deadline } : {}),
      ...(flags.requestTimeout ? { requestTimeout: flags.requestTimeout * 1000 } : {}),
      ...(flags.connectTimeout ? { connectTimeout: flags.connectTimeout * 1000 } : {}),
      signal: stop.signal,
      onProgress: (p) => progress.update(p),
      onNotice: (message, accountId) => say(accountId ? `${accountId}: ${message}` : message),
      onAccount: async (outcome) => {
        const who = `account ${outcome.id}${outcome.name ? ` (${printable(outcome.name)})` : ''}`;
        if (outcome.status === 'collected') {
          const file = join(dir, `${outcome.id}.json`);
          const out = await prepareOutput(file, { cwd: io.cwd });
          await out.write(snapshotText(outcome.snapshot));
          const failed = outcome.snapshot.errors.length;
          if (outcome.snapshot.incomplete) incomplete = true;
          say(`${who}: collected in ${outcome.seconds.toFixed(1)} s${failed > 0 ? `, ${failed} failed call(s) recorded` : ''}; written to ${out.shown}`);
        } else if (outcome.status === 'failed') {
          // Said even with --quiet: an account not collected is never passed over in silence.
          progress.clear();
          io.stderr(`mamori: ${who}: NOT collected: ${outcome.error.operation} failed with ${outcome.error.code}: ${printable(outcome.error.message)}\n`);
        } else {
          say(`${who}: skipped: ${printable(outcome.reason)}`);
        }
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.end();
  }
  await summaryOut.write(
    `${JSON.stringify({ mamoriOrganizationSummary: 1, ...summary, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }, null, 2)}\n`,
  );
  const count = (status: string): number => summary.accounts.filter((a) => a.status === status).length;
  const failed = count('failed');
  const seconds = (performance.now() - started) / 1000;
  const parts = [`${count('collected')} collected`, `${failed} failed`, `${count('skipped')} skipped`];
  if (summary.notInOrganization.length > 0) parts.push(`${summary.notInOrganization.length} not in the organisation (${summary.notInOrganization.join(', ')})`);
  // The summary line is said even with --quiet when something was not collected.
  if (!flags.quiet || failed > 0 || summary.notInOrganization.length > 0) {
    io.stderr(
      `mamori: organisation of ${summary.callerAccountId}: ${summary.accounts.length} account(s): ${parts.join(', ')}; ${summary.calls} calls in ${seconds.toFixed(1)} s; summary written to ${summaryOut.shown}\n`,
    );
  }
  if (failed > 0 || summary.notInOrganization.length > 0) return EXIT.incomplete;
  if (stop.signal.aborted) return EXIT.incomplete;
  return incomplete && !flags.allowIncomplete ? EXIT.incomplete : EXIT.clean;
}
