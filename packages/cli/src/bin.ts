#!/usr/bin/env node
import { main } from './cli.js';
import { exitQuietlyOnEpipe } from './io.js';

exitQuietlyOnEpipe(process.stdout);
process.exitCode = await main(process.argv.slice(2));
