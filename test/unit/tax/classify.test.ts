// Who remits a tax line's tax (issue 11 §1): decided per order from the lines themselves.
import { importPayload } from '../../../src/api/import-payload';
import { parseSettlement } from '../../../src/core/settlement';
import { aggregateLines } from '../../../src/core/summary';
import { classifyTax, sharesOf, type TaxLineFacts, type TaxRemitter } from '../../../src/core/tax';
import { CA_FILE, renderRegionalFile, UK_FILE } from '../../support/regional-files';

type Spec = [orderId: string, transactionType: string, amountType: string, amountDescription: string, amount: number];

const facts = (specs: Spec[]): TaxLineFacts[] =>
  specs.map(([orderId, transactionType, amountType, amountDescription, amount]) => ({ orderId, transactionType, amountType, amountDescription, amount }));

/** Each line's shares as `[who, amount]` pairs. */
function shares(specs: Spec[]): [TaxRemitter, number][][] {
  const lines = facts(specs);
  const tax = classifyTax(lines);
  return lines.map((l, i) => sharesOf(tax, i, l.amount).map((s) => [s.remittedBy, s.amount]));
}

describe('classifyTax', () => {
  it('gives Amazon the US tax its withheld lines cancel, order by order and charge by charge', () => {
    expect(shares([
      ['A', 'Order', 'ItemPrice', 'Principal', 10000],
      ['A', 'Order', 'ItemPrice', 'Tax', 825],
      ['A', 'Order', 'ItemPrice', 'ShippingTax', 41],
      ['A', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -825],
      ['A', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', -41],
      ['A', 'Order', 'ItemFees', 'Commission', -1500],
    ])).toEqual([
      [['amazon', 10000]], [['amazon', 825]], [['amazon', 41]], [['amazon', -825]], [['amazon', -41]], [['', -1500]],
    ]);
  });

  it("labels Amazon's the sale lines and promotions of a charge whose collected tax Amazon remits entirely, and only those", () => {
    const who = (specs: Spec[]) => shares(specs).map((s) => s.map(([w]) => w).join('+'));
    // Deemed-supplier VAT on the item; shipping carries no tax: its sale and promotion stay unlabelled.
    expect(who([
      ['K', 'Order', 'ItemPrice', 'Principal', 1000],
      ['K', 'Order', 'ItemPrice', 'Tax', 200],
      ['K', 'Order', 'ItemPrice', 'Shipping', 300],
      ['K', 'Order', 'Promotion', 'Principal', -100],
      ['K', 'Order', 'Promotion', 'Shipping', -300],
      ['K', 'Order', 'ItemFees', 'MarketplaceFacilitatorVAT-Principal', -200],
      ['K', 'Order', 'ItemFees', 'Commission', -150],
    ])).toEqual(['amazon', 'amazon', '', 'amazon', '', 'amazon', '']);
    // GST the seller owes beside PST Amazon remits (one split line, or two lines): the seller's rate stays.
    expect(who([
      ['L', 'Order', 'ItemPrice', 'Principal', 5000],
      ['L', 'Order', 'ItemPrice', 'Tax', 600],
      ['L', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -350],
      ['M', 'Order', 'ItemPrice', 'Principal', 10000],
      ['M', 'Order', 'ItemPrice', 'Tax', 500],
      ['M', 'Order', 'ItemPrice', 'Tax', 700],
      ['M', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -700],
    ])).toEqual(['', 'amazon+seller', 'amazon', '', 'seller', 'amazon', 'amazon']);
    // A refund is its own group: its sale lines follow its own tax.
    expect(who([
      ['N', 'Refund', 'ItemPrice', 'Principal', -1000],
      ['N', 'Refund', 'ItemPrice', 'Tax', -200],
      ['N', 'Refund', 'ItemWithheldTax', 'MarketplaceFacilitatorVAT-Principal', 200],
      ['O', 'Order', 'ItemPrice', 'Principal', 1000],
      ['O', 'Order', 'ItemPrice', 'Tax', 200],
    ])).toEqual(['amazon', 'amazon', 'amazon', '', 'seller']);
  });

  it('gives the seller the tax no withheld line cancels (Amazon.ca tax collection service, UK VAT)', () => {
    expect(shares([
      ['B', 'Order', 'ItemPrice', 'Principal', 10000],
      ['B', 'Order', 'ItemPrice', 'Tax', 1300],
      ['C', 'Refund', 'ItemPrice', 'Tax', -1300],
    ])).toEqual([[['', 10000]], [['seller', 1300]], [['seller', -1300]]]);
  });

  it('tells the two kinds apart inside one order: a withheld line claims the tax line of its amount', () => {
    expect(shares([
      ['D', 'Order', 'ItemPrice', 'Tax', 500],
      ['D', 'Order', 'ItemPrice', 'Tax', 700],
      ['D', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -700],
    ])).toEqual([[['seller', 500]], [['amazon', 700]], [['amazon', -700]]]);
  });

  it('splits one tax line when Amazon withholds only part of it (GST the seller owes, PST Amazon remits)', () => {
    expect(shares([
      ['E', 'Order', 'ItemPrice', 'Tax', 600],
      ['E', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -350],
    ])).toEqual([[['amazon', 350], ['seller', 250]], [['amazon', -350]]]);
  });

  it('matches within one transaction type and charge: an order\'s refund and its shipping are their own groups', () => {
    expect(shares([
      ['F', 'Order', 'ItemPrice', 'Tax', 100],
      ['F', 'Order', 'ItemPrice', 'ShippingTax', 20],
      ['F', 'Refund', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', 100],
      ['F', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', -20],
    ])).toEqual([[['seller', 100]], [['amazon', 20]], [['amazon', 100]], [['amazon', -20]]]);
  });

  it('reads UK/EU deemed-supplier VAT and AU low-value goods GST as withheld, and a promotion\'s tax discount as collected', () => {
    expect(shares([
      ['G', 'Order', 'ItemPrice', 'Tax', 200],
      ['G', 'Order', 'ItemFees', 'MarketplaceFacilitatorVAT-Principal', -200],
      ['H', 'Order', 'ItemPrice', 'Tax', 1000],
      ['H', 'Order', 'ItemWithheldTax', 'LowValueGoodsTax-Principal', -1000],
      ['I', 'Order', 'ItemPrice', 'Tax', 1000],
      ['I', 'Order', 'Promotion', 'TaxDiscount', -100],
      ['I', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -900],
    ]).map((s) => s.map(([who]) => who))).toEqual([['amazon'], ['amazon'], ['amazon'], ['amazon'], ['amazon'], ['amazon'], ['amazon']]);
  });

  it('leaves a withheld line that cancels nothing as Amazon\'s (the clearing check reports it)', () => {
    expect(shares([['J', 'Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -825]])).toEqual([[['amazon', -825]]]);
  });

  it('gives the seller tax Amazon states on its fees, and tax of a line without an order', () => {
    expect(shares([
      ['', 'ServiceFee', 'OtherFees', 'TaxAmount', -1809],
      ['', 'ServiceFee', 'Cost of Advertising', 'TaxAmount', -1809],
      ['', 'Order', 'ItemPrice', 'Tax', 100],
    ]).map((s) => s.map(([who]) => who))).toEqual([['seller'], ['seller'], ['seller']]);
  });

  it('compares spellings without case, as the mapping does', () => {
    expect(shares([
      ['K', 'order', 'itemprice', 'tax', 100],
      ['K', 'Order', 'ItemWithheldTax', 'marketplacefacilitatortax-principal', -100],
    ]).map((s) => s.map(([who]) => who))).toEqual([['amazon'], ['amazon']]);
  });
});

describe('aggregateLines', () => {
  it.each([['Canada (split lines)', CA_FILE], ['UK (deemed-supplier sales)', UK_FILE]])('%s: gives a server holding the staged lines the aggregate the browser sent, split lines counted once', (_, file) => {
    const parsed = parseSettlement(renderRegionalFile(file).text, 'file.txt');
    if (!parsed.ok) throw new Error('unreadable');
    const payload = importPayload(parsed.settlement);
    // The staged rows, read back as the server would: text fields and the amount in minor units.
    // (The fulfillment-id is staged with the lines too: issue 9 carries it in each line.)
    const staged = payload.lines.map(([, postedDate, transactionType, amountType, amountDescription, orderId, , marketplace, amount], i) => ({
      postedDate, transactionType, amountType, amountDescription, orderId, marketplace, fulfillmentId: parsed.settlement.lines[i]!.fulfillmentId, amount: Math.round(Number(amount) * 100),
    }));
    const derived = aggregateLines(staged);
    expect(derived.lines).toBe(payload.lines.length);
    expect(derived.entries.map((e) => [e.postedDate, e.transactionType, e.amountType, e.amountDescription, e.marketplace, (e.amount / 100).toFixed(2), e.rows, e.remittedBy, e.channel]))
      .toEqual(payload.aggregate);
    // A split line's rows are counted once, on the seller's share (Amazon's share has 0 rows).
    if (file === CA_FILE) expect(payload.aggregate.filter((e) => e[3] === 'Tax' && e[7] === 'amazon').map((e) => e[6])).toContain(0);
    // Each line's role travels on the wire (line[9]): a sale whose tax Amazon remits says so too.
    const remittedSale = payload.lines.filter((l) => l[4] === 'Principal' && l[9] === 'amazon').map((l) => l[5]);
    expect(remittedSale).toEqual(file === UK_FILE ? ['203-0000003-0000002', '028-0000003-0000004'] : []);
  });
});
