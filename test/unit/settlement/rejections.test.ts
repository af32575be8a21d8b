import fc from 'fast-check';
import { type SettlementProblem, parseSettlement } from '../../../src/core/settlement';
import { SUMMARY, V1_HEADER, V2_HEADER, dataRow, settlementText, v2Line } from './files';

const DOWNLOAD_AGAIN =
  'Download the settlement again from Seller Central (Payments → All Statements → Download Flat File V2) and upload the original file.';

function problemsOf(input: string | Uint8Array, source = 'settlement.txt'): SettlementProblem[] {
  const result = parseSettlement(input, source);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

/** The only problem of a file, without its message (checked separately where it matters). */
function onlyProblem(input: string | Uint8Array): Omit<SettlementProblem, 'message'> {
  const problems = problemsOf(input);
  expect(problems).toHaveLength(1);
  const { message: _message, ...rest } = problems[0]!;
  return rest;
}

const v2 = (...rows: Parameters<typeof settlementText>[1]): string => settlementText(V2_HEADER, [SUMMARY, ...rows]);

describe('parseSettlement rejects what it cannot read', () => {
  it.each([
    ['no bytes', new Uint8Array(0)],
    ['no text', ''],
    ['only blank lines', '\n\r\n  \n\t\n'],
    ['only a byte order mark', Uint8Array.from([0xef, 0xbb, 0xbf])],
  ])('an empty file (%s)', (_name, input) => {
    expect(onlyProblem(input)).toEqual({ code: 'empty' });
    expect(problemsOf(input)[0]?.message).toBe(`settlement.txt: The file is empty. ${DOWNLOAD_AGAIN}`);
  });

  it('the XML settlement report', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<AmazonEnvelope><Message><SettlementReport/></Message></AmazonEnvelope>';
    expect(onlyProblem(xml)).toEqual({ code: 'xml', line: 1 });
    expect(problemsOf(xml)[0]?.message).toMatch(/^settlement\.txt, line 1: This is an XML \(or web page\) file, not the settlement flat file\..*Download Flat File V2/);
  });

  it('the Date Range transaction report, by its preamble', () => {
    const report = [
      '"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions"',
      '"All amounts in USD, unless specified"',
      '"Definitions:"',
      '"date/time","settlement id","type","order id","sku","description","quantity","marketplace","total"',
      '"Jan 1, 2018 12:09:07 AM PST","8187473701","Order","111-1234567-1234567","SKU-1","Widget","1","amazon.com","12.34"',
    ].join('\n');
    expect(onlyProblem(report)).toEqual({ code: 'date-range-report', line: 1 });
    expect(problemsOf(report)[0]?.message).toMatch(/Date Range transaction report, not a settlement.*Download Flat File V2/);
  });

  it('the Date Range transaction report without its preamble, by its header', () => {
    const report = 'date/time,settlement id,type,order id,sku,description,quantity,total\n"Jan 1, 2018",8187473701,Order,1,2,3,1,12.34\n';
    expect(onlyProblem(report)).toEqual({ code: 'date-range-report', line: 1 });
  });

  it('the Payments "Transaction view" export', () => {
    const view = [
      '"Date","Transaction type","Order ID","Product Details","Total product charges","Total promotional rebates","Amazon fees","Other","Total (USD)"',
      '"Jun 30, 2025","Order Payment","111-1234567-1234567","Widget","$12.34","$0.00","-$3.10","$0.00","$9.24"',
    ].join('\r\n');
    expect(onlyProblem(view)).toEqual({ code: 'transaction-view', line: 1 });
  });

  it.each([
    [',', 'commas'],
    [';', 'semicolons'],
  ])('a settlement saved again with %s between the columns', (separator, word) => {
    const text = v2(v2Line({ amount: '1.00' })).replace(/\t/g, separator);
    expect(onlyProblem(text)).toEqual({ code: 'comma-separated', line: 1 });
    expect(problemsOf(text)[0]?.message).toContain(`saved again with ${word} between the columns`);
  });

  it.each([
    ['plain text', 'Dear seller,\nyour statement is ready.\n'],
    ['another tab-separated report', 'sku\tasin\tprice\tquantity\nSKU-1\tB000000\t12.34\t3\n'],
  ])('a file that is no settlement at all (%s)', (_name, text) => {
    expect(onlyProblem(text)).toEqual({ code: 'not-a-settlement', line: 1 });
  });

  it('a header without some required columns, listing them', () => {
    const header = V2_HEADER.filter((name) => name !== 'amount' && name !== 'posted-date');
    const text = settlementText(header, [SUMMARY]);
    expect(onlyProblem(text)).toEqual({ code: 'missing-columns', line: 1 });
    expect(problemsOf(text)[0]?.message).toBe(
      `settlement.txt, line 1: The header has no posted-date, amount columns. ${DOWNLOAD_AGAIN}`,
    );
  });

  it('a V1 header with an amount column but not its type column', () => {
    const header = V1_HEADER.filter((name) => name !== 'price-type');
    expect(problemsOf(settlementText(header, [SUMMARY]))[0]?.message).toContain('The header has no price-type column.');
  });

  it('a file whose second row is a data row, not the summary row', () => {
    const text = settlementText(V2_HEADER, [v2Line({ amount: '1.00' }), v2Line({ amount: '2.00' })]);
    expect(onlyProblem(text)).toEqual({ code: 'missing-summary', line: 2 });
  });

  it('a file that ends after its header', () => {
    expect(onlyProblem(`${V2_HEADER.join('\t')}\n`)).toEqual({ code: 'missing-summary', line: 1 });
  });

  it('unreadable summary values, one problem for each', () => {
    const text = settlementText(V2_HEADER, [{
      ...SUMMARY, 'settlement-start-date': 'Jan 1, 2018', 'deposit-date': '2025-02-30', 'total-amount': 'abc', currency: 'US',
    }]);
    expect(problemsOf(text).map(({ message: _m, ...rest }) => rest)).toEqual([
      { code: 'bad-summary', line: 2, column: 'currency' },
      { code: 'bad-summary', line: 2, column: 'total-amount' },
      { code: 'bad-summary', line: 2, column: 'settlement-start-date' },
      { code: 'bad-summary', line: 2, column: 'deposit-date' },
    ]);
    expect(problemsOf(text)[3]?.message).toBe(
      `settlement.txt, line 2, column deposit-date: "2025-02-30" is not a real date and time. ${DOWNLOAD_AGAIN}`,
    );
  });

  it('a summary row without a settlement id', () => {
    const text = settlementText(V2_HEADER, [{ ...SUMMARY, 'settlement-id': '' }]);
    expect(onlyProblem(text)).toEqual({ code: 'bad-summary', line: 2, column: 'settlement-id' });
  });

  it('rows of another settlement', () => {
    const text = v2(v2Line({ amount: '1.00' }), { ...v2Line({ amount: '2.00' }), 'settlement-id': '222' });
    expect(onlyProblem(text)).toEqual({ code: 'other-settlement', line: 4, column: 'settlement-id' });
    expect(problemsOf(text)[0]?.message).toMatch(/^settlement\.txt, line 4, column settlement-id: This row belongs to settlement "222", but the file's summary row is settlement 111\. Upload each settlement as its own file/);
  });

  it('a data row repeating another currency than the summary row\'s', () => {
    expect(onlyProblem(v2(v2Line({ amount: '1.00', currency: 'EUR' })))).toEqual({ code: 'other-currency', line: 3, column: 'currency' });
  });

  it('an amount that cannot be read, saying where and what to do', () => {
    const text = v2(v2Line({ amount: '1.00' }), v2Line({ amount: '2.00' }), v2Line({ amount: '3.00' }), v2Line({ amount: '4.00' }), v2Line({ amount: '12,3,4' }));
    expect(problemsOf(text)).toEqual([{
      code: 'bad-amount',
      line: 7,
      column: 'amount',
      message: `settlement.txt, line 7, column amount: "12,3,4" is not an amount. ${DOWNLOAD_AGAIN}`,
    }]);
  });

  it.each([
    ['USD', '1.005', '"1.005" has more decimals than USD amounts have (2).'],
    ['JPY', '1200.50', '"1200.50" has more decimals than JPY amounts have (0).'],
    ['USD', '12345678901234567890', '"12345678901234567890" is too large to be an amount.'],
  ])('a %s amount of %s, refused rather than rounded', (currency, amount, what) => {
    const text = settlementText(V2_HEADER, [{ ...SUMMARY, currency, 'total-amount': '0' }, v2Line({ amount })]);
    expect(problemsOf(text)[0]?.message).toBe(`settlement.txt, line 3, column amount: ${what} ${DOWNLOAD_AGAIN}`);
  });

  it('a V1 amount that cannot be read names its own column', () => {
    const text = settlementText(V1_HEADER, [SUMMARY, dataRow({
      'transaction-type': 'Order', 'posted-date': '2025-06-25T00:00:00+00:00', 'price-type': 'Principal', 'price-amount': 'n/a',
    })]);
    expect(onlyProblem(text)).toEqual({ code: 'bad-amount', line: 3, column: 'price-amount' });
  });

  it.each([
    ['31.02.2025', 'is not a real date and time'],
    ['Feb 1, 2025', 'is not a date in a form Amazon writes'],
  ])('a posted date of %s', (date, what) => {
    const text = v2(v2Line({ amount: '1.00', 'posted-date': date }));
    expect(onlyProblem(text)).toEqual({ code: 'bad-date', line: 3, column: 'posted-date' });
    expect(problemsOf(text)[0]?.message).toContain(what);
  });

  it('a row with an amount but no posted date at all', () => {
    const text = v2(v2Line({ amount: '1.00', 'posted-date': '', 'posted-date-time': '' }));
    expect(onlyProblem(text)).toEqual({ code: 'bad-date', line: 3, column: 'posted-date' });
    expect(problemsOf(text)[0]?.message).toContain('The date is blank.');
  });

  it('collects up to 20 cheap problems, first first', () => {
    const rows = Array.from({ length: 30 }, (_, i) => v2Line({ amount: i % 2 === 0 ? 'x' : '1.00', 'posted-date': i % 3 === 0 ? 'never' : '2025-06-25' }));
    const problems = problemsOf(v2(...rows));
    expect(problems).toHaveLength(20);
    // A row with a bad date is reported for its date only; its amount is not read.
    // Rows i = 0, 1, 2, … sit on lines 3, 4, 5, …; i = 0 has both a bad date and a bad amount.
    expect(problems.slice(0, 5).map((p) => [p.code, p.line])).toEqual([
      ['bad-date', 3], ['bad-amount', 5], ['bad-date', 6], ['bad-amount', 7], ['bad-date', 9],
    ]);
    const lines = problems.map((p) => p.line as number);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('a last line cut off by an interrupted download', () => {
    const text = v2(v2Line({ amount: '1.00' }), v2Line({ amount: '2.00' }));
    const cut = text.slice(0, text.lastIndexOf('\t', text.length - 30));
    expect(onlyProblem(cut)).toEqual({ code: 'truncated', line: 4 });
    expect(problemsOf(cut)[0]?.message).toMatch(/line 4: The file ends in the middle of a row \(it has \d+ of the header's 24 columns\): the download was cut off\./);
  });

  it('a short row that is followed by a line break is damaged, not cut off', () => {
    const text = v2(v2Line({ amount: '1.00' }), v2Line({ amount: '2.00' }));
    const lines = text.split('\n');
    lines[2] = lines[2]!.split('\t').slice(0, 10).join('\t');
    expect(onlyProblem(lines.join('\n'))).toEqual({ code: 'field-count', line: 3 });
  });

  it('a row with more columns than the header, and stops there', () => {
    const text = v2(v2Line({ amount: '1.00', 'promotion-id': 'P\textra' }), v2Line({ amount: 'bad' }));
    expect(onlyProblem(text)).toEqual({ code: 'field-count', line: 3 });
    expect(problemsOf(text)[0]?.message).toContain('This row has 25 columns but the header has 24.');
  });

  it('never throws, whatever the input', () => {
    const header = V2_HEADER.join('\t');
    const cell = fc.oneof(fc.constantFrom('', '111', 'USD', '1.00', '2025-06-25', 'Order', '\t', '\n', '\r\n', ' '), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.boolean(), fc.array(cell, { maxLength: 80 }), fc.uint8Array({ maxLength: 40 }), (withHeader, cells, noise) => {
      const text = (withHeader ? `${header}\n` : '') + cells.join('\t');
      for (const input of [text, noise]) {
        const result = parseSettlement(input, 'fuzz.txt');
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.message.startsWith('fuzz.txt')).toBe(true);
        }
      }
    }));
  });
});
