export { exitCodeFor, type FailOn, type Format, main, render } from './cli.js';
export { type CliIo, EXIT, processIo } from './io.js';
