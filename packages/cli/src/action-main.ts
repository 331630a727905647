import { runAction } from './action.js';

// Entry of the GitHub Action's single-file bundle (dist/action/index.mjs).
process.exitCode = await runAction(process.env, {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
