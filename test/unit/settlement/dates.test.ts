import fc from 'fast-check';
import { parseSettlementDate } from '../../../src/core/settlement';

describe('parseSettlementDate', () => {
  it.each([
    // V1 files fetched through the API
    ['2025-06-05T22:07:18+00:00', '2025-06-05T22:07:18Z'],
    ['2025-06-05T22:07:18Z', '2025-06-05T22:07:18Z'],
    ['2025-06-05T22:07:18.123Z', '2025-06-05T22:07:18Z'],
    ['2025-06-05T22:07:18.5+00:00', '2025-06-05T22:07:18Z'],
    ['2025-06-05T22:07', '2025-06-05T22:07:00Z'],
    // EU marketplaces' V2
    ['14.03.2023 07:49:55 UTC', '2023-03-14T07:49:55Z'],
    ['14.03.2023', '2023-03-14T00:00:00Z'],
    // V2 as Amazon describes it
    ['2026-06-17 08:14:22 UTC', '2026-06-17T08:14:22Z'],
    ['2026-06-17 08:14:22 GMT', '2026-06-17T08:14:22Z'],
    ['2026-06-17', '2026-06-17T00:00:00Z'],
    // posted-date as Amazon describes it
    ['03/14/23', '2023-03-14T00:00:00Z'],
    ['03/14/2023', '2023-03-14T00:00:00Z'],
    ['3/4/2023', '2023-03-04T00:00:00Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(parseSettlementDate(text)).toEqual({ instant, day: instant.slice(0, 10) });
  });

  it.each([
    // A positive offset can put the UTC instant on the previous day, month and year.
    ['2025-01-01T01:30:00+02:00', '2024-12-31T23:30:00Z'],
    ['2025-03-01T00:15:00+0100', '2025-02-28T23:15:00Z'],
    ['2024-03-01T00:15:00+01', '2024-02-29T23:15:00Z'],
    // A negative one can put it on the next day.
    ['2025-06-30T20:00:00-07:00', '2025-07-01T03:00:00Z'],
    ['2025-06-05T12:00:00+05:30', '2025-06-05T06:30:00Z'],
  ])('converts %s to UTC %s', (text, instant) => {
    expect(parseSettlementDate(text)).toEqual({ instant, day: instant.slice(0, 10) });
  });

  it.each([
    '2025-02-29', '2023-02-29T10:00:00Z', '31.04.2025', '13/01/25', '00/10/25', '2025-06-00',
    '2025-06-05T24:00:00Z', '2025-06-05T23:60:00Z', '2025-06-05 23:59:60 UTC', '2025-06-05T22:07:18+25:00',
    '1969-12-31',
  ])('refuses %s, which is no real date and time', (text) => {
    expect(parseSettlementDate(text)).toBe('no-such-date');
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseSettlementDate('2024-02-29')).toEqual({ instant: '2024-02-29T00:00:00Z', day: '2024-02-29' });
    expect(parseSettlementDate('29.02.2000')).toEqual({ instant: '2000-02-29T00:00:00Z', day: '2000-02-29' });
    expect(parseSettlementDate('29.02.2100')).toBe('no-such-date');
  });

  it.each([
    '', 'Jan 1, 2018', '2025/06/05', '2025-6-5', '14.03.23', '2025-06-05T22:07:18 UTC', '2025-06-05 22:07:18',
    '2025-06-05 22:07:18 PST', 'yesterday', '20250605',
  ])('does not recognise %j', (text) => {
    expect(parseSettlementDate(text)).toBe('unknown-format');
  });

  it('gives the same instant for any offset a moment is written in', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }),
      fc.integer({ min: -12 * 60, max: 14 * 60 }),
      (seconds, offset) => {
        const local = new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const utc = `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
        expect(parseSettlementDate(`${local}${zone}`)).toEqual({ instant: utc, day: utc.slice(0, 10) });
      },
    ));
  });
});
