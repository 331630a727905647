import { existsSync } from 'node:fs';

/** Whether the browser tests run, skip (with the reason shown) or fail. */
export type BrowserPlan = { run: true; executablePath: string } | { run: false; fail: boolean; reason: string };

/** CI services set CI=true; `CI=false` or `CI=0` is a person opting out on their own machine. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/**
 * Debian's Chromium, as .ci/run installs it, or the one CHROMIUM_PATH names. Without it, a person's
 * run skips the browser tests and says why; a CI run fails, so CI never goes green untested.
 */
export function browserPlan(env: NodeJS.ProcessEnv, exists: (file: string) => boolean = existsSync): BrowserPlan {
  const executablePath = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (exists(executablePath)) return { run: true, executablePath };
  const reason = `no browser at ${executablePath}: install chromium or set CHROMIUM_PATH`;
  return isCI(env) ? { run: false, fail: true, reason: `${reason} (required when CI is set)` } : { run: false, fail: false, reason };
}
