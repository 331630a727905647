#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep the compiled code of the modules on disk between runs (in the system's
// temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off). The README's Speed section has what it saves.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// `mamori --version` answers without loading the command line or the scanner; everything else
// goes through the command line, which loads what a command needs when it runs.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { cliVersion } = await import('./version.js');
  process.stdout.write(`${cliVersion()}\n`);
} else {
  const { exitQuietlyOnEpipe } = await import('./io.js');
  exitQuietlyOnEpipe(process.stdout);
  const { main } = await import('./main.js');
  const code = await main(args);
  process.exitCode = code;
  // The command is done: a timer or socket a library left behind must not keep it running. Flush, then exit.
  const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
