import { runAction } from './action.js';

// Entry of the GitHub Action's single-file bundle (dist/action/index.mjs).
// The runner reads workflow commands from stdout and stderr alike, and `::stop-commands::` holds only
// for lines it reads after it, in order: everything, a library's warning included, goes to stdout.
const stdoutWrite = process.stdout.write.bind(process.stdout);
process.stderr.write = stdoutWrite as typeof process.stderr.write;
process.exitCode = await runAction(process.env, {
  stdout: (t) => stdoutWrite(t),
  stderr: (t) => stdoutWrite(t),
});
