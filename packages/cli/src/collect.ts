import type { AccountSnapshot } from '@mamori/core';
import type { Lang } from '@mamori/core/formats';
import { printable, snapshotText } from '@mamori/core/internal';
import type { CliIo } from './io.js';
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
