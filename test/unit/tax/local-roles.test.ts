// What a line alone says about who remits its tax (issue 9 review, point 3): the server's check of
// the roles the browser sends. Whatever the honest classification gives must pass it, in every
// region's file; what the line alone rules out must not.
import { importPayload } from '../../../src/api/import-payload';
import { parseSettlement } from '../../../src/core/settlement';
import { impossibleTaxRole, splitShareFits, type LineTaxRole, type TaxLineFacts } from '../../../src/core/tax';
import { AU_FILE, CA_FILE, DE_FILE, renderRegionalFile, UK_FILE, US_FILE } from '../../support/regional-files';

const line = (amountType: string, amountDescription: string, orderId = '111-1'): TaxLineFacts => ({ orderId, transactionType: 'Order', amountType, amountDescription, amount: 100 });

describe('impossibleTaxRole', () => {
  it.each([
    ['US', US_FILE],
    ['CA', CA_FILE],
    ['UK', UK_FILE],
    ['DE', DE_FILE],
    ['AU', AU_FILE],
  ])('passes every role the classification gives a %s file', (_region, file) => {
    const parsed = parseSettlement(renderRegionalFile(file).text, 'file.txt');
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    const { lines } = importPayload(parsed.settlement);
    const facts = parsed.settlement.lines.map((l) => ({ ...l, amount: Number(l.amount) }));
    expect(lines.some((l) => l[9] !== '')).toBe(true);
    expect(impossibleTaxRole(facts, lines.map((l) => l[9]))).toBeUndefined();
  });

  it.each<[string, TaxLineFacts, LineTaxRole, readonly LineTaxRole[] | undefined]>([
    ['withheld tax as the seller’s', line('ItemWithheldTax', 'MarketplaceFacilitatorVAT-Principal'), 'seller', ['amazon']],
    ['low-value goods tax under another amount type, as no tax', line('ItemPrice', 'LowValueGoodsTax-Shipping'), '', ['amazon']],
    ['any description under ItemWithheldTax, as split', line('ItemWithheldTax', 'Something New'), 'amazon+seller', ['amazon']],
    ['tax stated on a fee as Amazon’s', line('ItemFees', 'TaxAmount', ''), 'amazon', ['seller']],
    ['collected tax without an order as Amazon’s', line('ItemPrice', 'Tax', ''), 'amazon', ['seller']],
    ['a fee as the seller’s tax', line('ItemFees', 'Commission'), 'seller', ['']],
    ['a fee as Amazon’s', line('ItemFees', 'Commission'), 'amazon', ['']],
    ['collected tax of an order as Amazon’s', line('ItemPrice', 'Tax'), 'amazon', undefined],
    ['collected tax of an order as split', line('ItemPrice', 'ShippingTax'), 'amazon+seller', undefined],
    ['a promotion’s tax as the seller’s', line('Promotion', 'TaxDiscount'), 'seller', undefined],
    ['a sale line as Amazon’s (its order’s tax remitted by Amazon)', line('ItemPrice', 'Principal'), 'amazon', undefined],
    ['a promotion as Amazon’s', line('Promotion', 'Shipping'), 'amazon', undefined],
    ['a sale line as the seller’s', line('ItemPrice', 'GiftWrap'), 'seller', ['', 'amazon']],
  ])('%s', (_what, facts, role, allowed) => {
    const found = impossibleTaxRole([line('ItemPrice', 'Principal'), facts], ['', role]);
    expect(found?.allowed).toEqual(allowed);
    if (found) expect(found.index).toBe(1);
  });
});

describe('splitShareFits', () => {
  it('takes a part of the line, of its sign, and nothing else', () => {
    expect([splitShareFits(1200, 700), splitShareFits(-1200, -700)]).toEqual([true, true]);
    expect([splitShareFits(1200, 1200), splitShareFits(1200, 0), splitShareFits(1200, -700), splitShareFits(1200, 1300)]).toEqual([false, false, false, false]);
  });
});
