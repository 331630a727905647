#!/usr/bin/env node
import { main } from './cli.js';
import { exitQuietlyOnEpipe } from './io.js';

exitQuietlyOnEpipe(process.stdout);
const code = await main(process.argv.slice(2));
process.exitCode = code;
// The command is done: a timer or socket a library left behind must not keep it running. Flush, then exit.
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
