/**
 * Seeded synthetic settlements for tests, property tests and the benchmark. One logical
 * settlement renders as Flat File V2 and as the old 36-column V1 with the same lines, in the date,
 * decimal, line-ending and BOM variants real files come in. Lines are regenerated from the seed
 * on every pass instead of being kept, so a million-row file costs its text and nothing more.
 */
import { type Minor, addMinor, currencyDecimals } from '../../../src/core/money';
import type { SettlementHeader, SettlementLine } from '../../../src/core/settlement';
import { digits, mulberry32, randomInt } from './random';
import { ChunkWriter, collect, DAY_SECONDS, isoInstant, RowFormat, utcDay, ymd, type RenderOptions } from './text';

export type { DateStyle, RenderOptions } from './text';
export { mulberry32 } from './random';

/** A settlement line as the parser should give it back (without its file line number). */
export type SyntheticLine = Omit<SettlementLine, 'line'>;

/** What kind of settlement to make. */
export interface SyntheticOptions {
  /** How many amount lines (V2 data rows). */
  rows: number;
  seed?: number;
  /** ISO code; amounts use its decimals (JPY none). Default USD. */
  currency?: string;
  /** First day of the period, `YYYY-MM-DD`. Default 2025-06-20 (so 14 days span a month end). */
  start?: string;
  /** Length of the period in days. Default 14. */
  days?: number;
  /** Marketplaces orders are spread over. Default: the currency's home marketplace. */
  marketplaces?: string[];
  /** Open with a released reserve and close with a new one held back. Default true. */
  reserves?: boolean;
  /** Sprinkle account-level fees (storage, subscription, inbound transport, …). Default true. */
  accountRows?: boolean;
  /** End with an inbound transport bill large enough to make the settlement negative. */
  negativeTotal?: boolean;
}

/** The Flat File V2 header as Amazon writes it (23 documented columns and `promotion-id`). */
export const V2_COLUMNS = [
  'settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency',
  'transaction-type', 'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name',
  'amount-type', 'amount-description', 'amount', 'fulfillment-id', 'posted-date', 'posted-date-time',
  'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku', 'quantity-purchased',
  'promotion-id',
];

/** The column order of a real 36-column V1 download. */
export const V1_COLUMNS = [
  'settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency',
  'transaction-type', 'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name',
  'shipment-fee-type', 'shipment-fee-amount', 'order-fee-type', 'order-fee-amount', 'fulfillment-id',
  'posted-date', 'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku',
  'quantity-purchased', 'price-type', 'price-amount', 'item-related-fee-type', 'item-related-fee-amount',
  'misc-fee-amount', 'other-fee-amount', 'other-fee-reason-description', 'promotion-id', 'promotion-type',
  'promotion-amount', 'direct-payment-type', 'direct-payment-amount', 'other-amount',
];

// Where V1 keeps a V2 amount-type: [type column, amount column] in V1_COLUMNS.
const V1_PAIR: Readonly<Record<string, readonly [number, number]>> = {
  ShipmentFees: [12, 13],
  ItemPrice: [23, 24],
  ItemFees: [25, 26],
  Promotion: [31, 32],
};
const V1_OTHER_AMOUNT = 35;

const HOME_MARKETPLACE: Readonly<Record<string, string>> = {
  USD: 'Amazon.com', CAD: 'Amazon.ca', GBP: 'Amazon.co.uk', EUR: 'Amazon.de', JPY: 'Amazon.co.jp',
  AUD: 'Amazon.com.au', MXN: 'Amazon.com.mx',
};

// Account-level charges and credits, with the range of their amount in minor units.
const ACCOUNT_LINES: ReadonlyArray<readonly [string, number, number]> = [
  ['Storage Fee', -9000, -500],
  ['Subscription Fee', -3999, -3999],
  ['FBAInboundTransportationFee', -30000, -800],
  ['StorageRenewalBilling', -4000, -100],
  ['DisposalComplete', -1500, -50],
  ['Refund Reimbursal', 100, 9000],
  ['Shipping label purchase', -2500, -400],
];

const OFFSETS = [0, 120, -420, 330, -180, 60];
// The `offset` style writes the summary row's dates in US Pacific daylight time.
const HEADER_OFFSET = -420;

/** Everything a row needs beyond its line: when and how it was written. */
interface RowFacts {
  /** Posted instant, seconds since 1970 UTC. */
  postedAt: number;
  /** Minutes east of UTC to write the posted date in (the `offset` style). */
  offset: number;
  /** First line of an order: V1 writes a quantity-only row before it. */
  opensOrder: boolean;
  quantity: number;
  shipmentId: string;
  orderItemCode: string;
}

/** Makes a seeded synthetic settlement; the same options always give the same settlement. */
export function syntheticSettlement(options: SyntheticOptions): SyntheticSettlement {
  return new SyntheticSettlement(options);
}

/** A synthetic settlement: its header, its exact total, its lines and its renderings. */
export class SyntheticSettlement {
  readonly header: SettlementHeader;
  /** Σ of all lines, exactly; also the header's total-amount. */
  readonly total: Minor;
  /** Orders in the settlement: the V1 rendering has one quantity-only row per order. */
  readonly orders: number;
  private readonly settings: Required<SyntheticOptions>;
  private readonly startAt: number;
  private readonly endAt: number;
  private readonly depositAt: number;
  /** The amount of the closing line that makes the total negative (0 when not asked). */
  private readonly negativeLine: Minor;

  constructor(options: SyntheticOptions) {
    const currency = options.currency ?? 'USD';
    this.settings = {
      rows: options.rows,
      seed: options.seed ?? 1,
      currency,
      start: options.start ?? '2025-06-20',
      days: options.days ?? 14,
      marketplaces: options.marketplaces ?? [HOME_MARKETPLACE[currency] ?? 'Amazon.com'],
      reserves: options.reserves ?? true,
      accountRows: options.accountRows ?? true,
      negativeTotal: options.negativeTotal ?? false,
    };
    const fixed = (this.settings.reserves ? 2 : 0) + (this.settings.negativeTotal ? 1 : 0);
    if (!Number.isInteger(options.rows) || options.rows < fixed + 1) {
      throw new RangeError(`A synthetic settlement with these options needs at least ${fixed + 1} rows`);
    }
    const random = mulberry32(this.settings.seed ^ 0x5eed);
    this.startAt = Date.UTC(...ymd(this.settings.start)) / 1000 + 79200 + randomInt(random, 0, 3599);
    this.endAt = this.startAt + this.settings.days * DAY_SECONDS;
    this.depositAt = this.endAt + 2 * DAY_SECONDS;
    const settlementId = String(randomInt(random, 20_000_000_000, 29_999_999_999));

    let sum = 0;
    let orders = 0;
    this.negativeLine = 0;
    this.forEachRow((line, facts) => {
      sum = addMinor(sum, line.amount);
      if (facts.opensOrder) orders++;
    });
    if (this.settings.negativeTotal) {
      // The closing line leaves the settlement owing Amazon 100 to 50,000 minor units.
      this.negativeLine = -sum - randomInt(random, 100, 50000);
      sum = addMinor(sum, this.negativeLine);
    }
    this.total = sum;
    this.orders = orders;
    const decimals = currencyDecimals(currency);
    this.header = {
      settlementId,
      start: isoInstant(this.startAt),
      end: isoInstant(this.endAt),
      depositDate: isoInstant(this.depositAt),
      totalAmount: sum,
      currency,
      decimals,
    };
  }

  /** All lines, in file order (fine for tests; the benchmark streams the text instead). */
  lines(): SyntheticLine[] {
    const lines: SyntheticLine[] = [];
    this.forEachRow((line) => lines.push(line));
    return lines;
  }

  /** The settlement as a Flat File V2 text. */
  renderV2(options: RenderOptions = {}): string {
    return collect((sink) => this.writeV2(options, sink));
  }

  /** The settlement as a 36-column V1 text. */
  renderV1(options: RenderOptions = {}): string {
    return collect((sink) => this.writeV1(options, sink));
  }

  /** Writes the V2 text in chunks of about 64 KB, holding nothing else. */
  writeV2(options: RenderOptions, sink: (chunk: string) => void): void {
    const format = new RowFormat(options, this.header.decimals);
    const { settlementId, currency } = this.header;
    const rowCurrency = options.currencyOnDataRows ? currency : '';
    const out = new ChunkWriter(sink, format.newline);
    if (options.bom) out.add('\uFEFF');
    out.row(V2_COLUMNS.join('\t'));
    out.row(this.summaryRow(V2_COLUMNS.length, format));
    let n = 0;
    this.forEachRow((line, facts) => {
      const isOrder = line.orderId !== '';
      const fields = [
        settlementId, '', '', '', '', rowCurrency,
        line.transactionType, line.orderId, line.orderId, '', facts.shipmentId, line.marketplace,
        line.amountType, line.amountDescription, format.amount(line.amount, n++), isOrder ? 'AFN' : '',
        format.postedDate(facts.postedAt, facts.offset), format.instant(facts.postedAt, facts.offset),
        facts.orderItemCode, '', '', line.sku, isOrder ? String(facts.quantity) : '', '',
      ];
      out.row(fields.join('\t'));
    });
    out.end(options.trailingNewline ?? true);
  }

  /**
   * Writes the V1 text: one row per line (amount in its type's column pair, account-level lines
   * as a row named after the description with the amount in other-amount), plus a quantity-only
   * row opening each order, as real V1 files have.
   */
  writeV1(options: RenderOptions, sink: (chunk: string) => void): void {
    const format = new RowFormat(options, this.header.decimals);
    const out = new ChunkWriter(sink, format.newline);
    if (options.bom) out.add('\uFEFF');
    out.row(V1_COLUMNS.join('\t'));
    out.row(this.summaryRow(V1_COLUMNS.length, format));
    const fields: string[] = new Array<string>(V1_COLUMNS.length).fill('');
    let n = 0;
    this.forEachRow((line, facts) => {
      fields.fill('');
      fields[0] = this.header.settlementId;
      const isOrder = line.orderId !== '';
      fields[6] = line.transactionType;
      fields[7] = line.orderId;
      fields[8] = line.orderId;
      fields[10] = facts.shipmentId;
      fields[11] = line.marketplace;
      fields[16] = isOrder ? 'AFN' : '';
      fields[17] = format.v1PostedDate(facts.postedAt, facts.offset);
      fields[18] = facts.orderItemCode;
      fields[21] = line.sku;
      if (facts.opensOrder) {
        fields[22] = String(facts.quantity);
        out.row(fields.join('\t'));
        fields[22] = '';
      }
      const amount = format.amount(line.amount, n++);
      if (line.amountType === 'other-transaction') {
        fields[6] = line.amountDescription;
        fields[V1_OTHER_AMOUNT] = amount;
      } else {
        const pair = V1_PAIR[line.amountType];
        if (pair === undefined) throw new Error(`V1 has no column for amount-type ${line.amountType}`);
        fields[pair[0]] = line.amountDescription;
        fields[pair[1]] = amount;
      }
      out.row(fields.join('\t'));
    });
    out.end(options.trailingNewline ?? true);
  }

  private summaryRow(width: number, format: RowFormat): string {
    const fields = new Array<string>(width).fill('');
    fields[0] = this.header.settlementId;
    fields[1] = format.instant(this.startAt, HEADER_OFFSET);
    fields[2] = format.instant(this.endAt, HEADER_OFFSET);
    fields[3] = format.instant(this.depositAt, HEADER_OFFSET);
    fields[4] = format.amount(this.total, 0);
    fields[5] = this.settings.currency;
    return fields.join('\t');
  }

  /** Generates the lines from the seed, in file order, with the facts each row is written from. */
  private forEachRow(visit: (line: SyntheticLine, facts: RowFacts) => void): void {
    const s = this.settings;
    const random = mulberry32(s.seed);
    const skus = Array.from({ length: 40 }, (_, i) => `SKU-${String.fromCharCode(65 + (i % 26))}${1000 + i * 37}`);
    const tail = (s.reserves ? 1 : 0) + (s.negativeTotal ? 1 : 0);
    const body = s.rows - tail;
    const span = this.endAt - this.startAt;
    let emitted = 0;
    const account = (description: string, amount: Minor, postedAt: number): void => {
      emit({
        postedDate: utcDay(postedAt), transactionType: 'other-transaction', amountType: 'other-transaction',
        amountDescription: description, amount, orderId: '', sku: '', marketplace: '', fulfillmentId: '',
      }, { postedAt, offset: 0, opensOrder: false, quantity: 0, shipmentId: '', orderItemCode: '' });
    };
    const emit = (line: SyntheticLine, facts: RowFacts): void => {
      visit(line, facts);
      emitted++;
    };

    if (s.reserves) account('Previous Reserve Amount Balance', randomInt(random, 1000, 90000), this.startAt);
    while (emitted < body) {
      // Time moves forward through the period, so a day's rows come together as in real files.
      const postedAt = this.startAt + Math.floor((emitted / body) * span) + randomInt(random, 0, 600);
      const pick = random();
      if (s.accountRows && pick < 0.02) {
        const [description, low, high] = ACCOUNT_LINES[randomInt(random, 0, ACCOUNT_LINES.length - 1)]!;
        account(description, randomInt(random, low, high), postedAt);
        continue;
      }
      const refund = pick < 0.12;
      const orderId = `${randomInt(random, 111, 114)}-${digits(random, 7)}-${digits(random, 7)}`;
      const quantity = randomInt(random, 1, 3);
      const principal = randomInt(random, 500, 20000) * quantity;
      const facts: RowFacts = {
        postedAt,
        offset: OFFSETS[randomInt(random, 0, OFFSETS.length - 1)]!,
        opensOrder: true,
        quantity,
        shipmentId: refund ? '' : `D${digits(random, 8)}`,
        orderItemCode: digits(random, 14),
      };
      const postedDate = utcDay(postedAt);
      const transactionType = refund ? 'Refund' : 'Order';
      const sku = skus[randomInt(random, 0, skus.length - 1)]!;
      const marketplace = s.marketplaces[randomInt(random, 0, s.marketplaces.length - 1)]!;
      const parts: Array<[string, string, Minor]> = refund
        ? [
            ['ItemPrice', 'Principal', -principal],
            ['ItemFees', 'Commission', Math.round((principal * 15) / 100)],
            ['ItemFees', 'RefundCommission', -Math.min(500, Math.round((principal * 3) / 100))],
          ]
        : orderParts(random, principal, quantity);
      for (const [amountType, amountDescription, amount] of parts) {
        if (emitted >= body) break;
        emit({ postedDate, transactionType, amountType, amountDescription, amount, orderId, sku, marketplace, quantity, fulfillmentId: 'AFN' }, facts);
        facts.opensOrder = false;
      }
    }
    if (s.reserves) account('Current Reserve Amount', -randomInt(random, 1000, 90000), this.endAt);
    if (s.negativeTotal) account('FBAInboundTransportationFee', this.negativeLine, this.endAt);
  }
}

/** The lines of one order: price, fees and sometimes shipping, tax and promotions. */
function orderParts(random: () => number, principal: Minor, quantity: number): Array<[string, string, Minor]> {
  const parts: Array<[string, string, Minor]> = [['ItemPrice', 'Principal', principal]];
  if (random() < 0.25) {
    const shipping = randomInt(random, 299, 999);
    parts.push(['ItemPrice', 'Shipping', shipping]);
    if (random() < 0.5) parts.push(['Promotion', 'Shipping', -shipping]);
  }
  if (random() < 0.4) parts.push(['ItemPrice', 'Tax', Math.round((principal * 8) / 100)]);
  parts.push(['ItemFees', 'Commission', -Math.round((principal * 15) / 100)]);
  if (random() < 0.7) parts.push(['ItemFees', 'FBAPerUnitFulfillmentFee', -randomInt(random, 300, 900) * quantity]);
  if (random() < 0.3) parts.push(['ItemFees', 'DigitalServicesFee', -Math.round((principal * 3) / 1000)]);
  if (random() < 0.1) parts.push(['Promotion', 'Principal', -randomInt(random, 100, 1000)]);
  if (random() < 0.05) parts.push(['ShipmentFees', 'FBATransportationFee', -randomInt(random, 100, 900)]);
  return parts;
}
