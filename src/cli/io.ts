/** How commands talk to the terminal, so tests can run them without a process. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** A problem with the command's input: printed on stderr, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}
