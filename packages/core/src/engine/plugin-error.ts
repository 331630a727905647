/** Thrown by `scan` when a plugin or a declarative rule file cannot be loaded or holds an invalid rule; the message names it. */
export class PluginError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}
