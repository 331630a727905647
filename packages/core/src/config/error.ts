/** Thrown when a configuration cannot be read or is invalid; the message names the file and lists every problem with its key path. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}
