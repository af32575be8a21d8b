import fc from 'fast-check';
import { type ParseResult, type Settlement, parseSettlement } from '../../../src/core/settlement';
import { type RenderOptions, type SyntheticLine, syntheticSettlement } from '../../support/synthetic';

function settlementOf(result: ParseResult): Settlement {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.settlement;
}

const withoutLineNumbers = (settlement: Settlement): SyntheticLine[] =>
  settlement.lines.map(({ line: _line, ...rest }) => rest);

const sum = (lines: SyntheticLine[]): number => lines.reduce((total, line) => total + line.amount, 0);

describe('the synthetic settlement generator', () => {
  it('is deterministic: the same seed gives the same file, another seed another file', () => {
    const a = syntheticSettlement({ rows: 200, seed: 7 }).renderV2();
    expect(syntheticSettlement({ rows: 200, seed: 7 }).renderV2()).toBe(a);
    expect(syntheticSettlement({ rows: 200, seed: 8 }).renderV2()).not.toBe(a);
  });

  it('makes exactly the rows asked for, totalling its header', () => {
    const settlement = syntheticSettlement({ rows: 500, seed: 3 });
    const lines = settlement.lines();
    expect(lines).toHaveLength(500);
    expect(sum(lines)).toBe(settlement.total);
    expect(settlement.header.totalAmount).toBe(settlement.total);
  });

  it('spans a month end by default and keeps every line inside the period', () => {
    const settlement = syntheticSettlement({ rows: 400, seed: 5 });
    const months = new Set(settlement.lines().map((line) => line.postedDate.slice(0, 7)));
    expect([...months].sort()).toEqual(['2025-06', '2025-07']);
    for (const line of settlement.lines()) {
      expect(line.postedDate >= settlement.header.start.slice(0, 10) && line.postedDate <= settlement.header.end.slice(0, 10)).toBe(true);
    }
  });

  it('can owe Amazon: a negative total, still the sum of its lines', () => {
    const settlement = syntheticSettlement({ rows: 300, seed: 11, negativeTotal: true });
    expect(settlement.total).toBeLessThan(0);
    expect(sum(settlement.lines())).toBe(settlement.total);
  });

  it('opens with a released reserve and closes with a new one held back', () => {
    const lines = syntheticSettlement({ rows: 50, seed: 2 }).lines();
    expect(lines[0]).toMatchObject({ amountDescription: 'Previous Reserve Amount Balance' });
    expect(lines[0]!.amount).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ amountDescription: 'Current Reserve Amount' });
    expect(lines.at(-1)!.amount).toBeLessThan(0);
  });

  it('writes JPY amounts without decimals', () => {
    const text = syntheticSettlement({ rows: 30, seed: 4, currency: 'JPY' }).renderV2();
    const amounts = text.split('\n').slice(2, -1).map((row) => row.split('\t')[14]);
    expect(amounts.every((amount) => /^-?\d+$/.test(amount ?? ''))).toBe(true);
  });
});

describe('parseSettlement on synthetic settlements', () => {
  it('reads the V1 and V2 renderings of one settlement into identical lines', () => {
    for (const [seed, currency] of [[1, 'USD'], [2, 'GBP'], [3, 'JPY'], [4, 'EUR']] as const) {
      const settlement = syntheticSettlement({ rows: 400, seed, currency, negativeTotal: seed % 2 === 0 });
      const v1 = settlementOf(parseSettlement(settlement.renderV1(), 'v1.txt'));
      const v2 = settlementOf(parseSettlement(settlement.renderV2(), 'v2.txt'));
      expect(v1.format).toBe('v1');
      expect(v2.format).toBe('v2');
      expect(withoutLineNumbers(v1)).toEqual(withoutLineNumbers(v2));
      expect(v1.header).toEqual(v2.header);
      // V1 opens each order with a quantity-only row, which carries no money.
      expect(v1.rowsWithoutAmount).toBe(settlement.orders);
      expect(v2.rowsWithoutAmount).toBe(0);
    }
  });

  it('gives back exactly the lines and total written, in every file variant', () => {
    const options = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      rows: fc.integer({ min: 4, max: 120 }),
      currency: fc.constantFrom('USD', 'GBP', 'EUR', 'JPY', 'CAD', 'KWD'),
      start: fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      days: fc.integer({ min: 1, max: 62 }),
      marketplaces: fc.subarray(['Amazon.com', 'Amazon.ca', 'Non-Amazon CA', 'Amazon.com.mx'], { minLength: 1 }),
      reserves: fc.boolean(),
      accountRows: fc.boolean(),
      negativeTotal: fc.boolean(),
    });
    const variant: fc.Arbitrary<RenderOptions & { layout: 'v1' | 'v2'; bytes: boolean }> = fc.record({
      layout: fc.constantFrom('v1', 'v2'),
      dates: fc.constantFrom('utc', 'iso', 'offset', 'eu', 'us'),
      decimals: fc.constantFrom('dot', 'comma', 'mixed'),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      trailingNewline: fc.boolean(),
      currencyOnDataRows: fc.boolean(),
      bytes: fc.boolean(),
    });
    fc.assert(fc.property(options, variant, (settlementOptions, { layout, bytes, ...render }) => {
      const settlement = syntheticSettlement(settlementOptions);
      const text = layout === 'v1' ? settlement.renderV1(render) : settlement.renderV2(render);
      const input = bytes ? new Uint8Array(Buffer.from(text, 'utf8')) : text;
      const result = parseSettlement(input, 'synthetic.txt');
      // US slash dates (MM/DD/YY) whose every posted date reads two ways, with nothing in the file to
      // decide, are refused rather than guessed (issue 11): the only refusal this property allows.
      const undecidable = render.dates === 'us' && settlement.lines().every((l) => {
        const [, month, day] = l.postedDate.split('-').map(Number) as [number, number, number];
        return day <= 12 && day !== month;
      });
      if (!result.ok && undecidable) {
        expect(result.problems.map((p) => p.message).join(' ')).toMatch(/could be \d{4}-\d\d-\d\d or \d{4}-\d\d-\d\d, and nothing in the file says which/);
        return;
      }
      const parsed = settlementOf(result);
      expect(parsed.format).toBe(layout);
      expect(parsed.header).toEqual(settlement.header);
      expect(withoutLineNumbers(parsed)).toEqual(settlement.lines());
      expect(sum(withoutLineNumbers(parsed))).toBe(settlement.total);
    }), { numRuns: 150 });
  });
});
