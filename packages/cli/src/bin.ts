#!/usr/bin/env node
// `mamori --version` answers without loading the command line or the scanner; everything else
// goes through the command line, which loads what a command needs when it runs.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { cliVersion } = await import('./version.js');
  process.stdout.write(`${cliVersion()}\n`);
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main(args);
}
