/**
 * `Logger` and `console`: lines are recorded in the world (`world.inspect.logs()`) instead of
 * printed, so tests can check that nothing secret was logged.
 */
import { format } from 'node:util';
import { SERVICE } from './boundary';

/** A logged line. */
export interface LogLine {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  user: string;
}

/** The `Logger` of one execution; `Logger.log(format, ...values)` fills `%s` placeholders. */
export function createLogger(lines: LogLine[], user: string) {
  const own: string[] = [];
  const logger = {
    [SERVICE]: 'Logger',
    /** Logs a line. */
    log(data: unknown, ...values: unknown[]) {
      const message = values.length > 0 ? format(String(data), ...values) : typeof data === 'string' ? data : format(data);
      own.push(message);
      lines.push({ source: 'Logger', level: 'log', message, user });
      return logger;
    },
    /** This execution's log. */
    getLog: () => own.join('\n'),
    /** Forgets this execution's log. */
    clear(): void {
      own.length = 0;
    },
  };
  return logger;
}

/** The `console` of one execution. */
export function createConsole(lines: LogLine[], user: string) {
  const at = (level: LogLine['level']) => (...args: unknown[]): void => {
    lines.push({ source: 'console', level, message: format(...args), user });
  };
  return { [SERVICE]: 'console', log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
