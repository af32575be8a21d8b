import { createHash } from 'node:crypto';
import { defaultMapping, defaultRules, templateAccounts, type Mapping } from '../../../src/core/mapping';
import { aggregateSettlement, summariseSettlement, type SplitMode } from '../../../src/core/summary';
import type { TrackingSettings } from '../../../src/core/tracking/tracking';
import { buildDocuments, type DocumentSettings } from '../../../src/core/xero/documents';
import { documentsFingerprint } from '../../../src/xero/posting-plan';
import { diffPostedLines, postedLinesOf } from '../../../src/core/changes';
import type { Crypto } from '../../../src/xero/ports';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';

const crypto = { sha256Hex: (text: string) => createHash('sha256').update(text).digest('hex') } as Crypto;

/** Two marketplaces, FBA and merchant orders, a multi-channel order and account-level lines. Deposit 307.50. */
const MIXED: DetailedLineSpec[] = [
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00'], fulfillmentId: 'AFN' },
  { spec: ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-02', '-5.00'], fulfillmentId: 'AFN' },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '60.00'], fulfillmentId: 'MFN' },
  { spec: ['Order', 'ItemFees', 'Commission', '2025-08-03', '-9.00'], fulfillmentId: 'MFN' },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-04', '150.00', 'Amazon.ca'], fulfillmentId: 'AFN' },
  { spec: ['Order', 'ItemFees', 'Commission', '2025-08-04', '-22.50', 'Amazon.ca'], fulfillmentId: 'AFN' },
  { spec: ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-05', '-3.00', 'Non-Amazon US'], fulfillmentId: 'AFN' },
  { spec: ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-06', '-4.00', ''] },
  { spec: ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-08-06', '-39.99', ''] },
  { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-07', '70.99'], fulfillmentId: 'AFN' },
];

const BOTH: TrackingSettings = {
  marketplace: { category: 'Marketplace', options: {} },
  channel: { category: 'Fulfilment', options: {} },
};

function plan(lines: DetailedLineSpec[], options: { tracking?: TrackingSettings; splitByMarketplace?: boolean; split?: SplitMode; end?: string; mapping?: Mapping; currency?: string } & Partial<DocumentSettings> = {}) {
  const { tracking, splitByMarketplace, split = 'off', end = '2025-08-14T00:00:00Z', mapping = defaultMapping(), currency = 'USD', ...settings } = options;
  const settlement = settlementOf(lines, { start: '2025-07-25T00:00:00Z', end, currency });
  const summary = summariseSettlement(aggregateSettlement(settlement), mapping, { split, ...(tracking ? { tracking } : {}), ...(splitByMarketplace ? { splitByMarketplace } : {}) });
  const built = buildDocuments(summary, { status: 'DRAFT', ...settings });
  if (!built.ok) throw new Error(built.problems.join(' '));
  return { summary, documents: built.documents };
}

const items = (d: ReturnType<typeof plan>['documents'][number]) =>
  d.invoice.LineItems.map((i) => `${i.AccountCode} ${i.LineAmount.toFixed(2)} ${(i.Tracking ?? []).map((t) => `${t.Name}=${t.Option}`).join(',')}`);

describe('tracking by marketplace and fulfilment channel', () => {
  it('makes one line per account × tax type × tracking options, and the document still equals the deposit', () => {
    const { summary, documents } = plan(MIXED, { tracking: BOTH });
    expect(summary.problems).toEqual([]);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.invoice.Contact.Name).toBe('Amazon.com');
    expect(items(documents[0]!)).toEqual([
      '201 150.00 Marketplace=Amazon.ca,Fulfilment=FBA',
      '201 170.99 Marketplace=Amazon.com,Fulfilment=FBA',
      '201 60.00 Marketplace=Amazon.com,Fulfilment=Merchant Fulfilled',
      '405 -22.50 Marketplace=Amazon.ca,Fulfilment=FBA',
      // The subscription has no channel: it is tracked by marketplace only (the main one).
      '405 -39.99 Marketplace=Amazon.com',
      '405 -9.00 Marketplace=Amazon.com,Fulfilment=Merchant Fulfilled',
      '406 -5.00 Marketplace=Amazon.com,Fulfilment=FBA',
      // The multi-channel order keeps its own marketplace and channel.
      '406 -3.00 Marketplace=Non-Amazon US,Fulfilment=Multi-channel',
      '407 -4.00 Marketplace=Amazon.com,Fulfilment=FBA',
    ]);
    expect(documents[0]!.total).toBe(summary.header.totalAmount);
  });

  it('uses the options chosen for each value, and leaves a value chosen as "not tracked" untracked', () => {
    const { documents } = plan(MIXED, {
      tracking: {
        marketplace: { category: 'Marketplace', options: { 'amazon.ca': 'Canada', 'Non-Amazon US': 'Amazon.com' } },
        channel: { category: 'Fulfilment', options: { fba: 'Amazon FBA', merchant: '', '': 'Account' } },
      },
    });
    expect(items(documents[0]!)).toEqual([
      '201 60.00 Marketplace=Amazon.com',
      '201 170.99 Marketplace=Amazon.com,Fulfilment=Amazon FBA',
      '201 150.00 Marketplace=Canada,Fulfilment=Amazon FBA',
      '405 -9.00 Marketplace=Amazon.com',
      '405 -39.99 Marketplace=Amazon.com,Fulfilment=Account',
      '405 -22.50 Marketplace=Canada,Fulfilment=Amazon FBA',
      '406 -5.00 Marketplace=Amazon.com,Fulfilment=Amazon FBA',
      '406 -3.00 Marketplace=Amazon.com,Fulfilment=Multi-channel',
      '407 -4.00 Marketplace=Amazon.com,Fulfilment=Amazon FBA',
    ]);
  });

  it('tracks one dimension alone, and nothing when neither has a category', () => {
    const channelOnly = plan(MIXED, { tracking: { channel: { category: 'Fulfilment', options: {} } } });
    expect(items(channelOnly.documents[0]!)[0]).toBe('201 320.99 Fulfilment=FBA');
    const off = plan(MIXED, { tracking: { marketplace: { category: ' ', options: {} } } });
    expect(items(off.documents[0]!)).toEqual(items(plan(MIXED).documents[0]!));
    expect(off.documents[0]!.untrackedItems).toBeUndefined();
  });

  it('refuses one category for both dimensions: Xero takes a category once on a line', () => {
    const settlement = settlementOf(MIXED);
    const summary = summariseSettlement(aggregateSettlement(settlement), defaultMapping(), {
      split: 'off', tracking: { marketplace: { category: 'Sales channel', options: {} }, channel: { category: 'sales channel ', options: {} } },
    });
    expect(summary.problems.map((p) => p.kind)).toEqual(['tracking']);
    expect(summary.problems[0]!.message).toContain('"Sales channel": Xero takes each category once on a line');
    expect(buildDocuments(summary, { status: 'DRAFT' }).ok).toBe(false);
  });

  it('leaves the posted fingerprint as it was: tracking, like the contact, is not what the books hold in numbers', () => {
    const untracked = plan(MIXED, { split: 'carry', end: '2025-08-14T00:00:00Z' });
    const tracked = plan(MIXED, { split: 'carry', tracking: BOTH });
    expect(tracked.documents[0]!.invoice.LineItems.length).toBeGreaterThan(untracked.documents[0]!.invoice.LineItems.length);
    expect(documentsFingerprint(tracked.documents, crypto)).toBe(documentsFingerprint(untracked.documents, crypto));
    // …while a change in the numbers still shows.
    const changed = plan([...MIXED.slice(0, -1), { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-07', '71.00'], fulfillmentId: 'AFN' }], { tracking: BOTH });
    expect(documentsFingerprint(changed.documents, crypto)).not.toBe(documentsFingerprint(tracked.documents, crypto));
  });

  it('keeps the fingerprint when tracking splits off a line whose stated tax and net disagree in sign', () => {
    // UK VAT the file states: a sale, an FBA refund, and a merchant refund whose net and VAT differ in sign.
    const ukLines: DetailedLineSpec[] = [
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00', 'Amazon.co.uk'], fulfillmentId: 'AFN', orderId: '202-1' },
      { spec: ['Order', 'ItemPrice', 'Tax', '2025-08-02', '20.00', 'Amazon.co.uk'], fulfillmentId: 'AFN', orderId: '202-1' },
      { spec: ['Refund', 'ItemPrice', 'Principal', '2025-08-03', '-50.00', 'Amazon.co.uk'], fulfillmentId: 'AFN', orderId: '202-2' },
      { spec: ['Refund', 'ItemPrice', 'Tax', '2025-08-03', '-10.00', 'Amazon.co.uk'], fulfillmentId: 'AFN', orderId: '202-2' },
      { spec: ['Refund', 'ItemPrice', 'Principal', '2025-08-03', '-30.00', 'Amazon.co.uk'], fulfillmentId: 'MFN', orderId: '202-3' },
      { spec: ['Refund', 'ItemPrice', 'Tax', '2025-08-03', '2.00', 'Amazon.co.uk'], fulfillmentId: 'MFN', orderId: '202-3' },
    ];
    const ukVat = { mapping: { rules: defaultRules(), accounts: templateAccounts('uk-vat') }, currency: 'GBP' };
    const untracked = plan(ukLines, ukVat);
    const tracked = plan(ukLines, { ...ukVat, tracking: BOTH });
    const refunds = (d: (typeof tracked.documents)[number]) => d.invoice.LineItems.filter((i) => i.AccountCode === '202').map((i) => `${i.LineAmount} ${i.TaxAmount}`);
    // Together the refunds' net and VAT agree in sign (one item); tracked apart, the merchant refund needs two.
    expect(refunds(untracked.documents[0]!)).toEqual(['-88 -8']);
    expect(refunds(tracked.documents[0]!)).toEqual(['-60 -10', '-30 0', '2 2']);
    expect(documentsFingerprint(tracked.documents, crypto)).toBe(documentsFingerprint(untracked.documents, crypto));
  });
});

describe('contacts per marketplace', () => {
  it('keeps one document per part for several marketplaces, addressed to the main marketplace’s contact', () => {
    const { documents } = plan(MIXED, { contacts: { 'Amazon.com': 'Amazon.com Services LLC', 'Amazon.ca': 'Amazon.com.ca ULC' } });
    expect(documents.map((d) => [d.invoice.InvoiceNumber, d.invoice.Contact.Name, d.marketplace])).toEqual([['AMZ-12345678901', 'Amazon.com Services LLC', undefined]]);
  });

  it('splits each part per Amazon marketplace when asked: each to its own contact, numbered by marketplace, together the deposit', () => {
    const { summary, documents } = plan(MIXED, { splitByMarketplace: true, contacts: { 'amazon.ca': 'Amazon.com.ca ULC' }, tracking: BOTH });
    expect(documents.map((d) => [d.invoice.InvoiceNumber, d.invoice.Contact.Name, d.marketplace, d.invoice.Type, (d.total / 100).toFixed(2)])).toEqual([
      ['AMZ-12345678901-US', 'Amazon.com', 'Amazon.com', 'ACCREC', '170.00'],
      ['AMZ-12345678901-CA', 'Amazon.com.ca ULC', 'Amazon.ca', 'ACCREC', '127.50'],
    ]);
    expect(documents[1]!.invoice.Reference).toBe('Amazon settlement 12345678901, Amazon.ca (2025-07-25 to 2025-08-14)');
    // The multi-channel order's fee goes with the main marketplace's document, not a bill of its own.
    expect(items(documents[0]!)).toContain('406 -3.00 Marketplace=Non-Amazon US,Fulfilment=Multi-channel');
    expect(documents.reduce((t, d) => t + d.total, 0)).toBe(summary.header.totalAmount);
  });

  it('carries each marketplace’s earlier month into its own last document', () => {
    const lines: DetailedLineSpec[] = [
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-07-28', '100.00'], fulfillmentId: 'AFN' },
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-07-29', '40.00', 'Amazon.ca'], fulfillmentId: 'AFN' },
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '60.00'], fulfillmentId: 'AFN' },
    ];
    const { summary, documents } = plan(lines, { split: 'carry', splitByMarketplace: true });
    expect(documents.map((d) => [d.invoice.InvoiceNumber, d.invoice.Status, (d.total / 100).toFixed(2)])).toEqual([
      ['AMZ-12345678901-2025-07-US', 'AUTHORISED', '0.00'],
      ['AMZ-12345678901-2025-07-CA', 'AUTHORISED', '0.00'],
      ['AMZ-12345678901-2025-08-US', 'DRAFT', '160.00'],
      ['AMZ-12345678901-2025-08-CA', 'DRAFT', '40.00'],
    ]);
    expect(documents.reduce((t, d) => t + d.total, 0)).toBe(summary.header.totalAmount);
  });

  it('numbers a one-marketplace settlement as before when split by marketplace', () => {
    const { documents } = plan([MIXED[0]!, MIXED[1]!], { splitByMarketplace: true });
    expect(documents.map((d) => [d.invoice.InvoiceNumber, d.marketplace])).toEqual([['AMZ-12345678901', undefined]]);
  });
});

describe('what a posted settlement said, document by document, when tracked and split by marketplace', () => {
  it('keeps each marketplace document’s own lines with their tracking, and tells a change in one document from the other', () => {
    const before = plan(MIXED, { tracking: BOTH, splitByMarketplace: true });
    const lines = postedLinesOf(before.summary, before.documents, { marketplace: 'Amazon.com' });
    expect(lines.documents.map((d) => d.marketplace)).toEqual(before.documents.map((d) => d.marketplace));
    const canadian = lines.documents.find((d) => d.marketplace === 'Amazon.ca')!;
    expect(canadian.lines.map((l) => [l.account, l.amount, l.tracking])).toEqual([
      ['201', 15000, 'Marketplace: Amazon.ca · Fulfilment: FBA'],
      ['405', -2250, 'Marketplace: Amazon.ca · Fulfilment: FBA'],
    ]);
    // Σ of each document's lines is its own total: no line counted in two documents.
    for (const d of lines.documents) expect(d.lines.reduce((t, l) => t + l.amount, 0)).toBe(d.total);

    // The Canadian commission moves to Seller fees' new account: only the Canadian document changed.
    const mapping = defaultMapping();
    const moved = { ...mapping, accounts: [...mapping.accounts, { category: 'Seller fees', marketplace: 'Amazon.ca', effectiveFrom: '', effectiveTo: '', accountCode: '404', taxType: 'NONE', origin: 'test' }] };
    const after = plan(MIXED, { tracking: BOTH, splitByMarketplace: true, mapping: moved });
    const diff = diffPostedLines(lines, postedLinesOf(after.summary, after.documents, { marketplace: 'Amazon.com' }));
    expect(diff.documents.map((d) => [d.part, d.marketplace])).toEqual([['2025-08', 'Amazon.ca']]);
  });
});
