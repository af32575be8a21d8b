/**
 * Small phrases shared by every place that talks to people (server messages, the sidebar, the
 * command line), so the same thing is always said the same way.
 */

/** `1 line`, `2 lines`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A wait in the largest whole unit that says it: `45 seconds`, `3 minutes`, `2 hours`. */
export function waitWords(seconds: number): string {
  if (seconds < 120) return count(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return count(Math.ceil(seconds / 60), 'minute');
  return count(Math.ceil(seconds / 3600), 'hour');
}
