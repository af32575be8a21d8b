/**
 * SettleSheet on the command line: `npm run --silent cli -- <command> ...`.
 * Exit codes: 0 ready, 1 not ready (the output says why), 2 the input cannot be read.
 */
import { defaults } from './commands/defaults';
import { summarize } from './commands/summarize';
import { templates } from './commands/templates';
import { CliError, type CommandIo } from './io';

const COMMANDS: Record<string, (args: string[], io: CommandIo) => number> = { summarize, defaults, templates };

const USAGE = `Usage:
  summarize FILE [--mapping MAPPING.csv]... [--template NAME] [--deposit AMOUNT CURRENCY] [--costs COSTS.csv] [--split off|carry|separate] [--status DRAFT|SUBMITTED|AUTHORISED] [--json]
  defaults [--template NAME]   print the shipped Mapping and Accounts tables as CSV
  templates [NAME]             list the regional templates, or show one`;

/** Runs one command line; returns the exit code. */
export function runCli(argv: string[], io: CommandIo): number {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`${name ? `Unknown command "${name}".\n` : ''}${USAGE}\n`);
    return 2;
  }
  try {
    return command(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message + '\n');
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  });
}
