// Issue 11 §5: a file re-saved by a spreadsheet program in a day-first locale. Its slash dates are
// read right when the file says which order they are in, and refused when it does not.
import { parseSettlement } from '../../../src/core/settlement';
import { SUMMARY, V1_HEADER, V2_HEADER, settlementText, v2Line, type Row } from './files';

// SUMMARY's period runs from 20 June to 4 July 2025.
function parse(rows: Row[], header = V2_HEADER) {
  return parseSettlement(settlementText(header, [SUMMARY, ...rows]), 'resaved.txt');
}

const days = (result: ReturnType<typeof parse>) => (result.ok ? result.settlement.lines.map((l) => l.postedDate) : result.problems.map((p) => p.message));

describe('posted-date re-saved with day-first slashes', () => {
  it('uses posted-date-time, the unambiguous column, when both are there (09/06/25 beside 2025-06-09 …)', () => {
    const result = parse([
      v2Line({ amount: '1.00', 'posted-date': '25/06/25', 'posted-date-time': '2025-06-25 05:23:19 UTC' }),
      v2Line({ amount: '2.00', 'posted-date': '01/07/25', 'posted-date-time': '2025-07-01 08:00:00 UTC' }),
      v2Line({ amount: '3.00', 'posted-date': '09/06/25', 'posted-date-time': '2025-06-09 05:23:19 UTC' }),
    ]);
    expect(days(result)).toEqual(['2025-06-25', '2025-07-01', '2025-06-09']);
  });

  it('refuses a row whose two date columns name different days, naming the line and both cells', () => {
    const result = parse([v2Line({ amount: '1.00', 'posted-date': '09/06/25', 'posted-date-time': '2025-06-10 05:23:19 UTC' })]);
    expect(result.ok).toBe(false);
    expect(days(result)).toEqual([expect.stringMatching(/^resaved\.txt, line 3, column posted-date: posted-date "09\/06\/25" and posted-date-time "2025-06-10 05:23:19 UTC" name different days\. A spreadsheet program/)]);
  });

  it('reads day-first dates day first when one of them can only be read that way (25/06/25)', () => {
    const result = parse([
      v2Line({ amount: '1.00', 'posted-date': '25/06/25' }),
      v2Line({ amount: '2.00', 'posted-date': '01/07/25' }),
    ]);
    expect(days(result)).toEqual(['2025-06-25', '2025-07-01']);
  });

  it("keeps Amazon's month-first order when the file's own dates say so (06/25/25)", () => {
    const result = parse([
      v2Line({ amount: '1.00', 'posted-date': '06/25/25' }),
      v2Line({ amount: '2.00', 'posted-date': '07/01/25' }),
    ]);
    expect(days(result)).toEqual(['2025-06-25', '2025-07-01']);
  });

  it('lets the settlement period decide when every date could be either (07/01/25 is 1 July, not 7 January)', () => {
    expect(days(parse([v2Line({ amount: '1.00', 'posted-date': '07/01/25' }), v2Line({ amount: '2.00', 'posted-date': '07/02/25' })]))).toEqual(['2025-07-01', '2025-07-02']);
    expect(days(parse([v2Line({ amount: '1.00', 'posted-date': '01/07/25' }), v2Line({ amount: '2.00', 'posted-date': '02/07/25' })]))).toEqual(['2025-07-01', '2025-07-02']);
  });

  it('refuses dates whose order nothing in the file decides', () => {
    // 06/07/25 is 7 June or 6 July: both inside an eight-week first settlement (1 June – 27 July).
    const long = { ...SUMMARY, 'settlement-start-date': '2025-06-01T00:00:00+00:00', 'settlement-end-date': '2025-07-27T00:00:00+00:00' };
    const result = parseSettlement(settlementText(V2_HEADER, [long, v2Line({ amount: '1.00', 'posted-date': '06/07/25' })]), 'resaved.txt');
    expect(days(result)).toEqual([expect.stringMatching(/line 3, column posted-date: posted-date "06\/07\/25" could be 2025-06-07 or 2025-07-06, and nothing in the file says which\./)]);
  });

  it('refuses a file that mixes both orders', () => {
    const result = parse([v2Line({ amount: '1.00', 'posted-date': '25/06/25' }), v2Line({ amount: '2.00', 'posted-date': '06/26/25' })]);
    expect(days(result)).toEqual([expect.stringContaining('posted-date mixes month-first dates ("06/26/25" on line 4) and day-first dates ("25/06/25" on line 3)')]);
  });

  it('decides the order for the whole file, also for a V1 row carrying several amounts', () => {
    const v1 = (cells: Row): Row => ({ 'settlement-id': '111', 'transaction-type': 'Order', 'order-id': '1', 'marketplace-name': 'Amazon.com', ...cells });
    const result = parse([
      v1({ 'posted-date': '02/07/25', 'price-type': 'Principal', 'price-amount': '10.00', 'item-related-fee-type': 'Commission', 'item-related-fee-amount': '-1.50' }),
      v1({ 'posted-date': '30/06/25', 'price-type': 'Principal', 'price-amount': '5.00' }),
    ], V1_HEADER);
    expect(days(result)).toEqual(['2025-07-02', '2025-07-02', '2025-06-30']);
  });

  it('refuses a summary row whose slash dates could be either day', () => {
    const result = parseSettlement(settlementText(V2_HEADER, [{ ...SUMMARY, 'settlement-start-date': '06/07/2025' }, v2Line({ amount: '100.00' })]), 'resaved.txt');
    expect(days(result)).toEqual([expect.stringContaining('column settlement-start-date: "06/07/2025" could be 2025-06-07 or 2025-07-06')]);
  });
});
