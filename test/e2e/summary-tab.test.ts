// The Summary tab in the seller's words (issue 12, §4), on the BUILT add-on: where the money went
// (paid into the bank or taken from the card), each document's lines led by category, "No tax"
// rather than NONE, lines that come to zero folded into one note, a carried month saying where its
// money went, the Amazon lines behind each line description first, and a line type without a
// category named by its description.
import type { PreviewResult } from '../../src/api/types';
import { TENANT_IDS } from '../fakes/xero';
import { builtBundle, bundleWorld, connectThroughBundle, importThroughBundle } from '../support/bundle-xero';
import { settlementOf } from '../support/settlements';

const bundle = builtBundle();
const summaryRows = (b: ReturnType<typeof bundleWorld>) => b.world.inspect.grid('Summary').displayValues.map((r) => r.join('|').replace(/\|+$/, ''));

describe('the Summary tab', () => {
  it('says a month-split settlement in the seller’s words', () => {
    const b = bundleWorld(bundle());
    connectThroughBundle(b, [TENANT_IDS.us]);
    const id = importThroughBundle(b, settlementOf([
      ['Order', 'ItemPrice', 'Principal', '2025-07-28', '60.00'],
      // Tax Amazon collected and withheld in one order: it nets to zero.
      { spec: ['Order', 'ItemPrice', 'Tax', '2025-07-28', '4.80'], orderId: '111-0000001-0000001' },
      { spec: ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '2025-07-28', '-4.80'], orderId: '111-0000001-0000001' },
      ['Order', 'ItemPrice', 'Principal', '2025-08-03', '40.00'],
      ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-05', '-4.00', ''],
      ['other-transaction', 'other-transaction', 'Brand New Fee', '2025-08-06', '-1.25', ''],
    ], { settlementId: '31000000001', start: '2025-07-25T00:00:00Z', end: '2025-08-08T00:00:00Z', depositDate: '2025-08-10T00:00:00Z' }));
    b.run<PreviewResult>('previewSettlement', { settlementId: id });
    const rows = summaryRows(b);
    expect(rows[0]).toBe('Settlement 31000000001|Amazon.com|2025-07-25 to 2025-08-08|Amazon paid 94.75 USD into your bank on 2025-08-10|USD|94.75');
    expect(rows).toContain('Paid into your bank (the settlement\'s total)|||||94.75|Balanced');
    expect(rows).toContain('Month|Document|Category|Account|Tax type|Amount|Amazon lines|Made of (description, Amazon’s codes, marketplace: lines, amount)');
    // Not postable yet: Brand New Fee has no category.
    expect(rows).toContain('July 2025|Not postable yet|Sales|201 — Amazon Sales|No tax|60.00|1|Principal (Order / ItemPrice), Amazon.com: 1 line, 60.00');
    expect(rows).toContain('July 2025|Not postable yet|Also Marketplace facilitator tax: 0.00 USD (2 Amazon lines that cancel out; not on the document)');
    expect(rows).toContain('August 2025|Not postable yet|Storage|407 — Amazon Storage Fees|No tax|-4.00|1|Storage Fee (other-transaction): 1 line, -4.00');
    expect(rows).toContain('Needs a category|Amazon’s codes|Marketplaces|||Amount|Amazon lines|Choose a category for it in the sidebar or in the Mapping tab (its row is highlighted).');
    expect(rows).toContain('Brand New Fee|other-transaction / other-transaction / Brand New Fee||||-1.25|1');
    expect(rows.join('\n')).not.toMatch(/\bNONE\b|\|0\.00\|/);

    // Mapped, the documents are named and the carried month says where its money went.
    const mapping = b.world.inspect.grid('Mapping').values;
    const row = mapping.findIndex((r) => r[2] === 'Brand New Fee') + 1;
    b.world.run('seller@example.com', (g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!.getRange(row, mapping[0]!.indexOf('Category') + 1).setValue('Seller fees'));
    b.run<PreviewResult>('previewSettlement', { settlementId: id });
    const mapped = summaryRows(b);
    expect(mapped).toContain('July 2025|Sales invoice AMZ-31000000001-2025-07 dated 2025-07-31|Carried forward to August 2025|2010 — Amazon Settlement Carried Forward|No tax|-60.00||The month’s net, carried forward so one document equals the deposit');
    expect(mapped).toContain('July 2025|Sales invoice AMZ-31000000001-2025-07 dated 2025-07-31|Document total (the month\'s net is carried forward to August 2025)|||0.00');
    expect(mapped).toContain('August 2025|Sales invoice AMZ-31000000001-2025-08 dated 2025-08-08|Brought forward from July 2025|2010 — Amazon Settlement Carried Forward|No tax|60.00||July 2025’s net, brought in so this document equals the deposit');
    expect(mapped).toContain('August 2025|Sales invoice AMZ-31000000001-2025-08 dated 2025-08-08|Document total|||94.75');
  });

  it('says a negative settlement as money Amazon took from the card, posted as a bill', () => {
    const b = bundleWorld(bundle());
    const id = importThroughBundle(b, settlementOf([
      ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-08-06', '-39.99', ''],
    ], { settlementId: '31000000002', start: '2025-08-01T00:00:00Z', end: '2025-08-14T00:00:00Z', depositDate: '2025-08-16T00:00:00Z' }));
    b.run<PreviewResult>('previewSettlement', { settlementId: id });
    const rows = summaryRows(b);
    expect(rows[0]).toBe('Settlement 31000000002||2025-08-01 to 2025-08-14|Amazon took 39.99 USD from your card on 2025-08-16|USD|-39.99');
    expect(rows).toContain('From gross sales to what Amazon took|||||Amount');
    expect(rows).toContain('Taken from your card (the settlement\'s total)|||||-39.99|Balanced');
    expect(rows).toContain('Whole settlement|Bill AMZ-31000000002 dated 2025-08-14|Document total (a bill: Xero shows these lines with their signs flipped)|||-39.99');
  });
});
