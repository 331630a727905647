export { exitCodeFor, type FailOn, type Format, render } from './cli.js';
export { type CliIo, EXIT, processIo } from './io.js';
export { main } from './main.js';
