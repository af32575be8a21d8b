// Properties that must hold for every valid settlement, checked on random ones: the documents add
// up to the total exactly (computed from the JSON Xero receives, with decimal.js as the oracle),
// no document total is negative, and split mode `carry` leaves one document equal to the deposit.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { defaultMapping } from '../../../src/core/mapping';
import { currencyDecimals, formatAmount } from '../../../src/core/money';
import { summariseSettlement, type SplitMode } from '../../../src/core/summary';
import { buildDocuments } from '../../../src/core/xero/documents';
import { aggregateOf, type LineSpec } from '../../support/build-aggregate';

const TRIPLES: [string, string, string, string][] = [
  ['Order', 'ItemPrice', 'Principal', 'Amazon.com'],
  ['Order', 'ItemPrice', 'Shipping', 'Amazon.com'],
  ['Refund', 'ItemPrice', 'Principal', 'Amazon.com'],
  ['Order', 'ItemFees', 'Commission', 'Amazon.com'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', 'Amazon.co.uk'],
  ['Order', 'Promotion', 'Shipping', 'Amazon.com'],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount', ''],
  ['other-transaction', 'other-transaction', 'Previous Reserve Amount Balance', ''],
  ['other-transaction', 'other-transaction', 'Payable to Amazon', ''],
  ['other-transaction', 'other-transaction', 'Storage Fee', ''],
];

const CURRENCIES = ['USD', 'JPY', 'GBP', 'KWD'];
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 5, 20);

const settlementArb = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  lines: fc.array(
    fc.record({
      triple: fc.constantFrom(...TRIPLES),
      day: fc.integer({ min: 0, max: 80 }),
      amount: fc.integer({ min: -5_000_000, max: 5_000_000 }),
    }),
    { minLength: 1, maxLength: 60 },
  ),
});

type RandomSettlement = { currency: string; lines: { triple: string[]; day: number; amount: number }[] };

function render({ currency, lines }: RandomSettlement) {
  const decimals = currencyDecimals(currency);
  const date = (day: number) => new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10);
  const specs: LineSpec[] = lines.map(({ triple, day, amount }) => [triple[0]!, triple[1]!, triple[2]!, date(day), formatAmount(amount, decimals), triple[3]!]);
  const days = lines.map((l) => l.day);
  const header = { currency, start: `${date(Math.min(...days))}T00:00:00Z`, end: `${date(Math.max(...days))}T23:00:00Z`, depositDate: `${date(Math.max(...days) + 2)}T00:00:00Z` };
  const exactTotal = lines.reduce((t, l) => t + BigInt(l.amount), 0n);
  return { specs, header, exactTotal: formatAmount(Number(exactTotal), decimals) };
}

/** What Xero would compute: Σ LineAmount of the JSON, signed back for bills. */
function postedTotal(invoice: { Type: string; LineItems: { LineAmount: number }[] }): Decimal {
  const sum = invoice.LineItems.reduce((t, l) => t.plus(String(l.LineAmount)), new Decimal(0));
  return invoice.Type === 'ACCPAY' ? sum.negated() : sum;
}

function documentsFor(value: RandomSettlement, split: SplitMode) {
  const { specs, header, exactTotal } = render(value);
  const summary = summariseSettlement(aggregateOf(specs, header), defaultMapping(), { split });
  const built = buildDocuments(summary, { status: 'DRAFT' });
  if (!built.ok) throw new Error(built.problems.join('; '));
  return { documents: built.documents, exactTotal, parts: summary.parts.length };
}

describe.each<SplitMode>(['off', 'carry', 'separate'])('split mode %s', (split) => {
  it('posts documents that add up to the settlement total exactly, none with a negative total', () => {
    fc.assert(
      fc.property(settlementArb, (value) => {
        const { documents, exactTotal } = documentsFor(value, split);
        let sum = new Decimal(0);
        for (const d of documents) {
          const posted = postedTotal(d.invoice);
          expect(posted.toString()).toBe(new Decimal(formatAmount(d.total, currencyDecimals(value.currency))).toString());
          // Xero refuses a negative total: the JSON's own sum must be ≥ 0.
          expect(postedTotal({ ...d.invoice, Type: 'ACCREC' }).isNegative()).toBe(false);
          sum = sum.plus(posted);
        }
        expect(sum.equals(exactTotal)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

it('split mode carry always leaves exactly one document carrying money, equal to the deposit', () => {
  fc.assert(
    fc.property(settlementArb, (value) => {
      const { documents, exactTotal } = documentsFor(value, 'carry');
      // Only a settlement whose every line is zero has nothing to post (and its deposit is zero).
      if (value.lines.every((l) => l.amount === 0)) {
        expect([documents, exactTotal]).toEqual([[], formatAmount(0, currencyDecimals(value.currency))]);
        return;
      }
      const last = documents.at(-1)!;
      expect(postedTotal(last.invoice).equals(exactTotal)).toBe(true);
      for (const d of documents.slice(0, -1)) expect(postedTotal(d.invoice).isZero()).toBe(true);
    }),
    { numRuns: 200 },
  );
});
