import { count, day, groupDigits, instant, money, period } from '../../../sidebar/format';

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
    expect(instant('2025-07-10T14:07:59.123Z')).toBe('10 Jul 2025, 14:07 UTC');
  });

  it('counts with the right noun', () => {
    expect(count(1, 'line')).toBe('1 line');
    expect(count(0, 'line')).toBe('0 lines');
    expect(count(2000, 'sales invoice', 'sales invoices')).toBe('2,000 sales invoices');
  });
});
