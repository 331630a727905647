/** What the command needs from its process, so tests and the GitHub Action can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stdout is a terminal that takes colour. */
  color: boolean;
  /** Whether stderr is a terminal: only then is a progress line drawn. */
  stderrIsTTY?: boolean;
  /** The environment a scan reads its region from (AWS_REGION, AWS_DEFAULT_REGION). Defaults to the process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    color: process.stdout.isTTY && !('NO_COLOR' in process.env) ? true : 'FORCE_COLOR' in process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/**
 * A reader that stops early (`mamori rules | head -3`) closes the pipe; the next write then fails
 * with EPIPE. That is not an error worth a stack trace: stop quietly. Other stream errors still throw.
 */
export function exitQuietlyOnEpipe(stream: NodeJS.EventEmitter, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

/** Exit codes, as documented in `mamori --help`. */
export const EXIT = { clean: 0, findings: 1, error: 2, incomplete: 3 } as const;
