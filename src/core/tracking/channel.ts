/**
 * The fulfilment channel of a settlement line: Fulfilled by Amazon, fulfilled by the seller
 * (merchant), Amazon's multi-channel fulfilment of an order from another sales channel, or none
 * (account-level money such as a subscription, advertising or a reserve).
 *
 * What Amazon writes (DOMAIN.md §1; the real Amazon.ca files in ../shared/samples/amazon):
 * - `fulfillment-id` is `AFN` (Amazon Fulfillment Network) on an Amazon-fulfilled order's lines and
 *   `MFN` (Merchant Fulfillment Network) on a seller-fulfilled one's; account-level rows leave it
 *   blank. Every order line of the real files carries AFN; MFN is Amazon's documented other value
 *   ("Merchant Fulfilled (MFN), Amazon Fulfilled (AFN) and Multi-Channel Fulfillment (non Amazon)
 *   orders will all be included in the one settlement report. Orders are labeled by their
 *   abbreviations": SellerCloud, "Amazon Settlements", help.sellercloud.com/article/a6n8C9D3bg;
 *   the settlement field list at iamyourfather.cn/53 gives `AFN MFN` as the column's values).
 * - A multi-channel fulfilment order shows as marketplace `Non-Amazon CA` (order id `S01-…`, a
 *   0.00 Principal and the FBA fee), with fulfillment-id AFN (real file 50034020328, lines 37–39):
 *   the marketplace decides it, before the fulfillment-id.
 * - Lines without a fulfillment-id are told by their type: the FBA services (storage, inbound,
 *   removal and disposal fees, per-order FBA shipment fees, FBA inventory reimbursements) are
 *   FBA's; Buy Shipping labels are bought for orders the seller ships; anything else has none.
 *
 * A2X keeps the split in accounts ("How do I separate my sales by FBA and Merchant fulfilled",
 * support.a2xaccounting.com/en/articles/1158559) and can track only marketplaces; SettleSheet
 * can track the channel too, as a Xero tracking category (core/tracking/tracking.ts).
 */

/** `fba`, `merchant`, `mcf` (multi-channel fulfilment), or '' when a line has no channel. */
export type Channel = '' | 'fba' | 'merchant' | 'mcf';

/** Every channel, the one-less ('') last. */
export const CHANNELS: readonly Channel[] = ['fba', 'merchant', 'mcf', ''];

/** What each channel is called where people read it. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  fba: 'Fulfilled by Amazon (FBA)',
  merchant: 'Fulfilled by you (merchant)',
  mcf: 'Multi-channel fulfilment',
  '': 'No channel (account-level lines)',
};

/**
 * The option a channel is tracked under until someone chooses another: what the market tools'
 * help pages call them ("FBA", "Merchant Fulfilled", A2X 1158559). Account-level lines are not
 * tracked by channel unless someone chooses an option for them.
 */
export const DEFAULT_CHANNEL_OPTIONS: Readonly<Record<Channel, string>> = {
  fba: 'FBA',
  merchant: 'Merchant Fulfilled',
  mcf: 'Multi-channel',
  '': '',
};

/** The fields of a line its channel depends on. */
export interface ChannelFields {
  fulfillmentId: string;
  marketplace: string;
  transactionType: string;
  amountType: string;
  amountDescription: string;
}

// Line types of Amazon's FBA services, lower-cased: amount types, then descriptions.
const FBA_AMOUNT_TYPES = new Set(['shipmentfees', 'shipment-fees', 'fba inventory reimbursement', 'fba inbound placement service fee', 'inbound defect fee']);
const FBA_DESCRIPTIONS = new Set([
  'storage fee', 'storagerenewalbilling', 'lowinventorylevelfee', 'disposalcomplete', 'removalcomplete',
  'inbound transportation fee', 'fba inbound placement service fee',
  // FBA inventory reimbursement reasons (V2 amount descriptions; V1 transaction types).
  'reversal_reimbursement', 'warehouse_damage', 'warehouse_lost', 'cs_error_items', 'missing_from_inbound', 'incorrect_fees_items',
]);
const MERCHANT_DESCRIPTIONS = new Set(['shipping label purchase']);

/** True for a marketplace Amazon writes for multi-channel fulfilment orders (`Non-Amazon CA`). */
export function isNonAmazonMarketplace(marketplace: string): boolean {
  return marketplace.length > 10 && marketplace.slice(0, 10).toLowerCase() === 'non-amazon';
}

/** The fulfilment channel of one line (see the module comment for the rules and their sources). */
export function channelOf(line: ChannelFields): Channel {
  if (line.marketplace !== '' && isNonAmazonMarketplace(line.marketplace)) return 'mcf';
  const id = line.fulfillmentId;
  if (id === 'AFN') return 'fba';
  if (id === 'MFN') return 'merchant';
  if (id !== '') {
    const upper = id.trim().toUpperCase();
    if (upper === 'AFN') return 'fba';
    if (upper === 'MFN') return 'merchant';
  }
  if (line.transactionType.toLowerCase() === 'fbafees' || FBA_AMOUNT_TYPES.has(line.amountType.toLowerCase())) return 'fba';
  const description = line.amountDescription.toLowerCase();
  if (description.startsWith('fba') || FBA_DESCRIPTIONS.has(description)) return 'fba';
  if (MERCHANT_DESCRIPTIONS.has(description)) return 'merchant';
  return '';
}

/** Reads a channel written in a cell or sent over the wire; undefined when it is not one. */
export function readChannel(text: string): Channel | undefined {
  const value = text.trim().toLowerCase();
  return (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : undefined;
}
