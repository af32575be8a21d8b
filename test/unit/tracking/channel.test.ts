import { existsSync, readFileSync } from 'node:fs';
import { parseSettlement } from '../../../src/core/settlement';
import { aggregateSettlement } from '../../../src/core/summary';
import { channelOf, type ChannelFields } from '../../../src/core/tracking/channel';
import { sampleFiles } from '../../support/samples';
import { settlementOf } from '../../support/settlements';

const line = (fields: Partial<ChannelFields>): ChannelFields => ({
  fulfillmentId: '', marketplace: 'Amazon.com', transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Principal', ...fields,
});

describe('channelOf', () => {
  it('reads AFN and MFN, whatever their case or spaces', () => {
    expect(channelOf(line({ fulfillmentId: 'AFN' }))).toBe('fba');
    expect(channelOf(line({ fulfillmentId: 'MFN' }))).toBe('merchant');
    expect(channelOf(line({ fulfillmentId: ' mfn ' }))).toBe('merchant');
    expect(channelOf(line({ fulfillmentId: 'afn' }))).toBe('fba');
  });

  it('puts a Non-Amazon marketplace (multi-channel fulfilment) before the fulfillment-id Amazon writes on it', () => {
    expect(channelOf(line({ marketplace: 'Non-Amazon CA', fulfillmentId: 'AFN' }))).toBe('mcf');
    expect(channelOf(line({ marketplace: 'non-amazon US', fulfillmentId: '' }))).toBe('mcf');
    expect(channelOf(line({ marketplace: 'Non-Amazon', fulfillmentId: 'AFN' }))).toBe('fba');
  });

  it('tells lines without a fulfillment-id by their type', () => {
    const account = (amountDescription: string) => line({ marketplace: '', transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription });
    expect(channelOf(account('Storage Fee'))).toBe('fba');
    expect(channelOf(account('FBAInboundTransportationFee'))).toBe('fba');
    expect(channelOf(account('Inbound Transportation Fee'))).toBe('fba');
    expect(channelOf(account('WAREHOUSE_DAMAGE'))).toBe('fba');
    expect(channelOf(line({ amountType: 'FBA Inventory Reimbursement', amountDescription: 'WAREHOUSE_LOST' }))).toBe('fba');
    expect(channelOf(line({ transactionType: 'Shipment', amountType: 'Shipment-Fees', amountDescription: 'FBAPerOrderFulfillmentFee' }))).toBe('fba');
    expect(channelOf(account('Shipping label purchase'))).toBe('merchant');
    expect(channelOf(account('Subscription Fee'))).toBe('');
    expect(channelOf(account('Current Reserve Amount'))).toBe('');
    expect(channelOf(line({ transactionType: 'ServiceFee', amountType: 'Cost of Advertising', amountDescription: 'TransactionTotalAmount' }))).toBe('');
    // An unknown value falls back to the line type, like a blank one.
    expect(channelOf(line({ fulfillmentId: 'XYZ' }))).toBe('');
  });
});

describe('the aggregate keeps the channel', () => {
  it('keeps FBA and merchant lines of one line type apart, and counts rows as before', () => {
    const settlement = settlementOf([
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '30.00'], fulfillmentId: 'AFN' },
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '20.00'], fulfillmentId: 'MFN' },
      { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '5.00'], fulfillmentId: 'AFN' },
      { spec: ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-02', '-1.00', ''] },
    ]);
    const { entries, lines } = aggregateSettlement(settlement);
    expect(lines).toBe(4);
    expect(entries.map((e) => [e.amountDescription, e.channel, e.amount, e.rows])).toEqual([
      ['Principal', 'fba', 3500, 2],
      ['Principal', 'merchant', 2000, 1],
      ['Storage Fee', 'fba', -100, 1],
    ]);
  });

  const ca = sampleFiles().find((f) => f.name.includes('50034020328'));
  (ca && existsSync(ca.path) ? it : it.skip)('puts the real file’s Non-Amazon CA order in multi-channel and its Amazon.ca orders in FBA', () => {
    const parsed = parseSettlement(new Uint8Array(readFileSync(ca!.path)), ca!.name);
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    const { entries } = aggregateSettlement(parsed.settlement);
    const channels = new Map<string, Set<string>>();
    for (const e of entries) channels.set(e.marketplace, (channels.get(e.marketplace) ?? new Set()).add(e.channel));
    expect([...channels.get('Non-Amazon CA')!]).toEqual(['mcf']);
    expect([...channels.get('Amazon.ca')!].sort()).toEqual(['', 'fba']);
    // The money is the same whatever the channels: the aggregate still adds up to the total.
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(parsed.settlement.header.totalAmount);
  });
});
