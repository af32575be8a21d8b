/**
 * What the Log's When column shows for a moment (`2026-11-30 14:49`, in a time zone), worked out
 * here with the runtime's Intl, apart from the product's own formatters, for tests to compare with.
 */
export function logWhen(instant: string | number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
