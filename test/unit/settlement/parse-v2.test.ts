import fc from 'fast-check';
import { parseAmount } from '../../../src/core/money';
import { type ParseResult, type Settlement, parseSettlement } from '../../../src/core/settlement';
import { SUMMARY, V2_HEADER, dataRow, settlementText, v2Line } from './files';

function settlementOf(result: ParseResult): Settlement {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.settlement;
}

const ORDER = [
  v2Line({ 'amount-description': 'Principal', amount: '129.99', 'posted-date': '2025-06-25' }),
  v2Line({ 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '-19.50', 'posted-date': '2025-06-25' }),
  dataRow({
    'transaction-type': 'other-transaction', 'amount-type': 'other-transaction',
    'amount-description': 'Current Reserve Amount', amount: '-10.49', 'posted-date': '2025-07-04',
  }),
];

describe('parseSettlement on Flat File V2', () => {
  it('reads the summary row and one line per data row', () => {
    const result = parseSettlement(settlementText(V2_HEADER, [SUMMARY, ...ORDER]), 'settlement.txt');
    expect(result.ok && result.warnings).toEqual([]);
    const settlement = settlementOf(result);
    expect(settlement.format).toBe('v2');
    expect(settlement.source).toBe('settlement.txt');
    expect(settlement.header).toEqual({
      settlementId: '111',
      start: '2025-06-20T22:00:00Z',
      end: '2025-07-04T22:00:00Z',
      depositDate: '2025-07-06T22:00:00Z',
      totalAmount: 10000,
      currency: 'USD',
      decimals: 2,
    });
    expect(settlement.dataRows).toBe(3);
    expect(settlement.rowsWithoutAmount).toBe(0);
    expect(settlement.lines).toEqual([
      {
        line: 3, postedDate: '2025-06-25', transactionType: 'Order', amountType: 'ItemPrice',
        amountDescription: 'Principal', amount: 12999, orderId: '114-8829371-4410258', sku: 'NX-HD-1200',
        marketplace: 'Amazon.com', fulfillmentId: 'AFN',
      },
      {
        line: 4, postedDate: '2025-06-25', transactionType: 'Order', amountType: 'ItemFees',
        amountDescription: 'Commission', amount: -1950, orderId: '114-8829371-4410258', sku: 'NX-HD-1200',
        marketplace: 'Amazon.com', fulfillmentId: 'AFN',
      },
      {
        line: 5, postedDate: '2025-07-04', transactionType: 'other-transaction', amountType: 'other-transaction',
        amountDescription: 'Current Reserve Amount', amount: -1049, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
      },
    ]);
  });

  it('finds columns by name, whatever their order, case or surrounding spaces', () => {
    const shuffled = [...V2_HEADER].reverse();
    const text = settlementText(shuffled, [SUMMARY, ...ORDER]);
    const renamed = text.replace(/^[^\n]*/, (header) => header.split('\t').map((name) => ` ${name.toUpperCase()} `).join('\t'));
    const expected = settlementOf(parseSettlement(settlementText(V2_HEADER, [SUMMARY, ...ORDER]), 'a.txt'));
    expect(settlementOf(parseSettlement(renamed, 'a.txt'))).toEqual(expected);
  });

  it('accepts CRLF, blank lines anywhere and a missing last line break, counting file lines', () => {
    const rows = [SUMMARY, ...ORDER].map((row) => V2_HEADER.map((name) => row[name] ?? '').join('\t'));
    const text = ['', V2_HEADER.join('\t'), rows[0], '', '   ', rows[1], '\t\t', rows[2], '', rows[3]].join('\r\n');
    const settlement = settlementOf(parseSettlement(text, 'crlf.txt'));
    expect(settlement.lines.map((line) => line.line)).toEqual([6, 8, 10]); // 1 blank, 2 header, 3 summary, 4–5 blank, 7 and 9 blank
    expect(settlement.lines.map((line) => line.amount)).toEqual([12999, -1950, -1049]);
    expect(settlement.lines[2]?.amountDescription).toBe('Current Reserve Amount');
    expect(settlement.dataRows).toBe(3);
  });

  it('accepts the bare CR line ends of a file saved by Excel for Mac', () => {
    const text = settlementText(V2_HEADER, [SUMMARY, ...ORDER], '\r');
    const settlement = settlementOf(parseSettlement(text, 'mac.txt'));
    expect(settlement.lines.map((line) => [line.line, line.amount])).toEqual([[3, 12999], [4, -1950], [5, -1049]]);
  });

  it('trims every cell: amounts carry trailing spaces in real files', () => {
    const text = settlementText(V2_HEADER, [
      { ...SUMMARY, 'total-amount': ' 32.09 ', currency: ' usd ' },
      v2Line({ 'transaction-type': ' Order ', amount: '32.09    ', sku: ' NX-1 ', 'posted-date': ' 2025-06-25 ' }),
    ]);
    const settlement = settlementOf(parseSettlement(text, 'spaces.txt'));
    expect(settlement.header.totalAmount).toBe(3209);
    expect(settlement.header.currency).toBe('USD');
    expect(settlement.lines[0]).toMatchObject({ transactionType: 'Order', amount: 3209, sku: 'NX-1', postedDate: '2025-06-25' });
  });

  it('keeps raw case of the triple and marketplace', () => {
    const text = settlementText(V2_HEADER, [
      SUMMARY, v2Line({ 'marketplace-name': 'amazon.com', 'amount-type': 'Shipment-Fees', amount: '1.00' }),
    ]);
    expect(settlementOf(parseSettlement(text, 'a.txt')).lines[0]).toMatchObject({
      marketplace: 'amazon.com', amountType: 'Shipment-Fees',
    });
  });

  it('counts a data row with a blank amount without making a line', () => {
    const text = settlementText(V2_HEADER, [SUMMARY, v2Line({ amount: '' }), v2Line({ amount: '0.00' })]);
    const settlement = settlementOf(parseSettlement(text, 'a.txt'));
    expect(settlement.dataRows).toBe(2);
    expect(settlement.rowsWithoutAmount).toBe(1);
    // A written zero is an amount; only a blank cell is none.
    expect(settlement.lines.map((line) => [line.line, line.amount])).toEqual([[4, 0]]);
  });

  it('takes the posted date from posted-date-time when posted-date is blank', () => {
    const text = settlementText(V2_HEADER, [
      SUMMARY, v2Line({ 'posted-date': '', 'posted-date-time': '2025-06-30T23:30:00-02:00', amount: '1.00' }),
    ]);
    expect(settlementOf(parseSettlement(text, 'a.txt')).lines[0]?.postedDate).toBe('2025-07-01');
  });

  it('accepts the currency repeated on data rows when it is the summary row\'s', () => {
    const text = settlementText(V2_HEADER, [SUMMARY, v2Line({ currency: 'USD', amount: '1.00' }), v2Line({ currency: 'usd', amount: '2.00' })]);
    expect(settlementOf(parseSettlement(text, 'a.txt')).lines.map((line) => line.amount)).toEqual([100, 200]);
  });

  it('reads amounts with the currency\'s decimals: JPY has none', () => {
    const text = settlementText(V2_HEADER, [
      { ...SUMMARY, currency: 'JPY', 'total-amount': '1200' },
      v2Line({ amount: '1500' }), v2Line({ amount: '-300' }),
    ]);
    const settlement = settlementOf(parseSettlement(text, 'jp.txt'));
    expect(settlement.header).toMatchObject({ currency: 'JPY', decimals: 0, totalAmount: 1200 });
    expect(settlement.lines.map((line) => line.amount)).toEqual([1500, -300]);
  });

  it('reads dot and comma decimals mixed in one file', () => {
    const text = settlementText(V2_HEADER, [
      { ...SUMMARY, 'total-amount': '1141,18' },
      v2Line({ amount: '1016.08' }), v2Line({ amount: '125,10' }), v2Line({ amount: '-1.234,56' }), v2Line({ amount: '7' }),
    ]);
    const settlement = settlementOf(parseSettlement(text, 'eu.txt'));
    expect(settlement.header.totalAmount).toBe(114118);
    expect(settlement.lines.map((line) => line.amount)).toEqual([101608, 12510, -123456, 700]);
  });

  it('reads every amount as parseAmount does, plain ones included (which it reads in place)', () => {
    const amount = fc.oneof(
      fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((minor) => {
        const digits = (minor < 0n ? -minor : minor).toString().padStart(3, '0');
        return `${minor < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
      }),
      fc.stringMatching(/^[-+]?[0-9]{0,4}([.,][0-9]{0,3})?$/),
      fc.constantFrom('-0.00', '0', '.5', '-.50', '5.', '1.005', '1.050', '00012.30', '1,234.56', '-', '.'),
    ).filter((cell) => cell !== ''); // a blank cell is no amount at all (tested above)
    fc.assert(fc.property(amount, (cell) => {
      const expected = parseAmount(cell, 2);
      const result = parseSettlement(settlementText(V2_HEADER, [SUMMARY, v2Line({ amount: cell })]), 'a.txt');
      if (typeof expected === 'string') {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'bad-amount', line: 3, column: 'amount' });
      } else {
        expect(settlementOf(result).lines[0]?.amount).toBe(expected);
      }
    }));
  });

  it('strips a byte order mark from text and from bytes, and reads windows-1252 bytes', () => {
    const text = settlementText(V2_HEADER, [SUMMARY, v2Line({ sku: 'CAFÉ-1', amount: '1.00' })]);
    expect(settlementOf(parseSettlement(`\uFEFF${text}`, 'bom.txt')).lines[0]?.sku).toBe('CAFÉ-1');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(settlementOf(parseSettlement(new Uint8Array(utf8), 'bom.txt')).lines[0]?.sku).toBe('CAFÉ-1');
    const cp1252 = new Uint8Array(Buffer.from(text, 'latin1')); // É is 0xC9 in both Latin-1 and windows-1252
    expect(settlementOf(parseSettlement(cp1252, 'ansi.txt')).lines[0]?.sku).toBe('CAFÉ-1');
  });

  it('reads a settlement without data rows', () => {
    const text = settlementText(V2_HEADER, [{ ...SUMMARY, 'total-amount': '0.00' }]);
    const settlement = settlementOf(parseSettlement(text, 'quiet.txt'));
    expect(settlement.lines).toEqual([]);
    expect(settlement.dataRows).toBe(0);
  });

  it('warns, once, about lines posted outside the settlement period, and keeps them', () => {
    const text = settlementText(V2_HEADER, [
      SUMMARY,
      v2Line({ amount: '1.00', 'posted-date': '2025-06-19' }),
      v2Line({ amount: '2.00', 'posted-date': '2025-06-20' }),
      v2Line({ amount: '3.00', 'posted-date': '2025-07-04' }),
      v2Line({ amount: '4.00', 'posted-date': '2025-07-05' }),
    ]);
    const result = parseSettlement(text, 'edges.txt');
    expect(settlementOf(result).lines).toHaveLength(4);
    expect(result.ok && result.warnings).toEqual([
      'edges.txt: 2 lines were posted outside the settlement period 2025-06-20 to 2025-07-04 ' +
        "(the first on line 3, posted 2025-06-19). They keep their own posted date and are posted in the settlement's first or last part, so no document is dated outside its period.",
    ]);
  });

  it('gives every line the same fields in the same order', () => {
    const text = settlementText(V2_HEADER, [SUMMARY, ...ORDER]);
    const keys = settlementOf(parseSettlement(text, 'a.txt')).lines.map((line) => Object.keys(line).join());
    expect(new Set(keys)).toEqual(new Set([
      'line,postedDate,transactionType,amountType,amountDescription,amount,orderId,sku,marketplace,fulfillmentId,quantity',
    ]));
  });

  it('keeps the raw fulfillment-id cell of each line (AFN, MFN, or blank)', () => {
    const text = settlementText(V2_HEADER, [
      SUMMARY,
      v2Line({ 'amount-description': 'Principal', amount: '60.00', 'posted-date': '2025-06-25', 'fulfillment-id': 'AFN' }),
      v2Line({ 'amount-description': 'Principal', amount: '50.00', 'posted-date': '2025-06-25', 'fulfillment-id': 'MFN' }),
      dataRow({ 'transaction-type': 'other-transaction', 'amount-type': 'other-transaction', 'amount-description': 'Storage Fee', amount: '-10.00', 'posted-date': '2025-07-04' }),
    ]);
    expect(settlementOf(parseSettlement(text, 'a.txt')).lines.map((l) => l.fulfillmentId)).toEqual(['AFN', 'MFN', '']);
  });
});
