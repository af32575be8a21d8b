import { count, dateTime, day, groupDigits, money, period } from '../../../sidebar/format';

describe('sidebar formatting', () => {
  it('groups thousands in decimal strings without turning them into numbers', () => {
    expect(groupDigits('1234567.80')).toBe('1,234,567.80');
    expect(groupDigits('-1000')).toBe('-1,000');
    expect(groupDigits('999.99')).toBe('999.99');
    // More digits than a double holds exactly stay exact.
    expect(groupDigits('90071992547409931.23')).toBe('90,071,992,547,409,931.23');
    expect(groupDigits('n/a')).toBe('n/a');
    expect(money('-321.69', 'USD')).toBe('-321.69 USD');
  });

  it('writes days unambiguously and says a shared year once', () => {
    expect(day('2025-06-05T22:07:18Z')).toBe('5 Jun 2025');
    expect(day('2025-12-31')).toBe('31 Dec 2025');
    expect(day('not a date')).toBe('not a date');
    expect(period('2025-06-24T07:12:40Z', '2025-07-08T07:12:40Z')).toBe('24 Jun – 8 Jul 2025');
    expect(period('2024-12-20', '2025-01-03')).toBe('20 Dec 2024 – 3 Jan 2025');
  });

  it('writes a moment as the workbook does, in the spreadsheet\'s time zone', () => {
    expect(dateTime('2025-07-10T14:07:59.123Z', 'Etc/UTC')).toBe('2025-07-10 14:07');
    // Late on the 30th in UTC is already the 1st in Berlin; midnight is 00, never 24.
    expect(dateTime('2026-11-30T23:49:47.995Z', 'Europe/Berlin')).toBe('2026-12-01 00:49');
    expect(dateTime('2026-11-30T14:49:47.995Z', 'America/Los_Angeles')).toBe('2026-11-30 06:49');
    expect(dateTime('2026-11-30T14:49:47.995Z', 'Not/AZone')).toBe('2026-11-30 14:49');
    expect(dateTime('yesterday')).toBe('yesterday');
  });

  it('counts with the right noun', () => {
    expect(count(1, 'line')).toBe('1 line');
    expect(count(0, 'line')).toBe('0 lines');
    expect(count(2000, 'sales invoice', 'sales invoices')).toBe('2,000 sales invoices');
  });
});
