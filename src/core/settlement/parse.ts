/**
 * Reads a settlement flat file (V2, or the old V1 normalised to V2-shaped lines) into a Settlement,
 * or into the problems that stop it. Pure and synchronous: it runs the same in Apps Script, the
 * browser and Node, and it is lean enough for million-row files.
 */
import { type AmountProblem, type Minor, parseAmount } from '../money';
import { type AmountColumn, type Layout, layoutFromHeader } from './columns';
import { decodeSettlementBytes } from './decode';
import { LEADING_LINES, type LeadingLine, recogniseHeader } from './detect';
import { PostedDateReader } from './posted-dates';
import { DOWNLOAD_AGAIN, amountProblemText, quoteCell, settlementProblem } from './problems';
import { LineCursor, RowCells } from './scan';
import { SliceCache, detach, sameText } from './slice-cache';
import { readSummaryRow } from './summary-row';
import { finishSteps } from '../steps';
import type { ParseResult, SettlementHeader, SettlementLine, SettlementProblem } from './types';

/** Cheap problems (amounts, dates, foreign rows) are collected up to this many, first first. */
const MAX_PROBLEMS = 20;

/**
 * How often, in data rows, a long read says how far it is (a power of two minus one: a mask): a
 * step of parseSettlementInSteps, about ten milliseconds of work.
 */
const PROGRESS_EVERY = 0xfff;

/** Options of a read: `onProgress` hears the fraction of the text read, now and then. */
export interface ParseOptions {
  onProgress?: (fraction: number) => void;
}

/**
 * Reads a settlement file given as text or as the uploaded bytes; `source` is the file name used
 * in messages. Never throws for bad input: the answer is a settlement or the problems found.
 */
export function parseSettlement(input: string | Uint8Array, source: string, options: ParseOptions = {}): ParseResult {
  return finishSteps(parseSettlementInSteps(input, source), options.onProgress);
}

/**
 * parseSettlement a slice at a time: yields the fraction of the text read every few thousand data
 * rows (a few tens of milliseconds of work), so a page's thread can answer between slices.
 */
export function* parseSettlementInSteps(input: string | Uint8Array, source: string): Generator<number, ParseResult, void> {
  let text = typeof input !== 'string'
    ? decodeSettlementBytes(input)
    : input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Excel for Mac saves text with a bare CR ending each line; read those as line breaks too.
  if (text.indexOf('\n') < 0 && text.indexOf('\r') >= 0) text = text.replace(/\r/g, '\n');

  const leading = leadingLines(text);
  const headerLine = leading[0];
  if (headerLine === undefined) {
    return failed(settlementProblem('empty', source, 'The file is empty.', DOWNLOAD_AGAIN));
  }
  const recognised = recogniseHeader(source, leading);
  if ('code' in recognised) return failed(recognised);
  const layout = layoutFromHeader(recognised.names);
  if ('missing' in layout) {
    return failed(settlementProblem(
      'missing-columns', source,
      `The header has no ${layout.missing.join(', ')} column${layout.missing.length > 1 ? 's' : ''}.`,
      DOWNLOAD_AGAIN, headerLine.line,
    ));
  }

  const cursor = new LineCursor(text);
  cursor.advance(); // the header, already read
  if (!cursor.advance()) {
    return failed(settlementProblem(
      'missing-summary', source, 'The file ends after the header: the summary row and the data rows are missing.',
      DOWNLOAD_AGAIN, cursor.line,
    ));
  }
  const cells = new RowCells(text, layout.width);
  const shape = rowShapeProblem(cells.split(cursor.start, cursor.stop), layout, cursor, source);
  if (shape !== null) return failed(shape);
  const header = readSummaryRow(cells, layout, source, cursor.line);
  if (Array.isArray(header)) return { ok: false, problems: header };
  return yield* readDataRows(text, source, layout, header, cursor, cells);
}

function failed(problem: SettlementProblem): ParseResult {
  return { ok: false, problems: [problem] };
}

/** The first few non-blank lines, trimmed, for telling a settlement from other reports. */
function leadingLines(text: string): LeadingLine[] {
  const cursor = new LineCursor(text);
  const lines: LeadingLine[] = [];
  while (lines.length < LEADING_LINES && cursor.advance()) {
    lines.push({ text: text.slice(cursor.start, cursor.stop).trim(), line: cursor.line });
  }
  return lines;
}

/** A row whose field count differs from the header's: a cut-off download or a damaged file. */
function rowShapeProblem(count: number, layout: Layout, cursor: LineCursor, source: string): SettlementProblem | null {
  if (count === layout.width) return null;
  if (count < layout.width && !cursor.hasNewline) {
    return settlementProblem(
      'truncated', source,
      `The file ends in the middle of a row (it has ${count} of the header's ${layout.width} columns): the download was cut off.`,
      DOWNLOAD_AGAIN, cursor.line,
    );
  }
  return settlementProblem(
    'field-count', source,
    `This row has ${count} columns but the header has ${layout.width}.`,
    DOWNLOAD_AGAIN, cursor.line,
  );
}

/** Reads every row after the summary row into lines; the hot loop of a million-row file. */
function* readDataRows(
  text: string,
  source: string,
  layout: Layout,
  header: SettlementHeader,
  cursor: LineCursor,
  cells: RowCells,
): Generator<number, ParseResult, void> {
  const { starts, ends } = cells;
  const { currency, decimals, settlementId } = header;
  const amountColumns = layout.amounts;
  const transactionTypes = new SliceCache(text, sameText);
  const amountTypes = new SliceCache(text, sameText);
  const descriptions = new SliceCache(text, sameText);
  const marketplaces = new SliceCache(text, sameText);
  const skus = new SliceCache(text, sameText);
  const fulfillmentIds = new SliceCache(text, sameText);
  const dates = new PostedDateReader(text, layout, source);

  const lines: SettlementLine[] = [];
  const problems: SettlementProblem[] = [];
  let dataRows = 0;
  let rowsWithoutAmount = 0;
  // The lines of one order follow each other: they share one order-id string.
  let orderId = '';
  const quantities = new ItemQuantities(cells, layout);

  rows: while (cursor.advance()) {
    dataRows++;
    if ((dataRows & PROGRESS_EVERY) === 0) yield cursor.stop / text.length;
    const line = cursor.line;
    const shape = rowShapeProblem(cells.split(cursor.start, cursor.stop), layout, cursor, source);
    if (shape !== null) {
      problems.push(shape);
      break;
    }
    if (!cells.equals(layout.settlementId, settlementId)) {
      problems.push(otherSettlementProblem(cells.cell(layout.settlementId), settlementId, source, line));
      if (problems.length >= MAX_PROBLEMS) break;
      continue;
    }
    // The summary row alone carries the currency; a file may repeat it on data rows.
    if (!cells.isBlank(layout.currency) && !cells.equals(layout.currency, currency)) {
      const rowCurrency = cells.cell(layout.currency);
      if (rowCurrency.toUpperCase() !== currency) {
        problems.push(settlementProblem(
          'other-currency', source,
          `This row is in ${quoteCell(rowCurrency)} but the settlement is in ${currency}; a settlement has one currency.`,
          DOWNLOAD_AGAIN, line, 'currency',
        ));
        if (problems.length >= MAX_PROBLEMS) break;
        continue;
      }
    }

    let hasAmount = false;
    for (let k = 0; k < amountColumns.length; k++) {
      const at = (amountColumns[k] as AmountColumn).amount;
      if (starts[at] !== ends[at]) {
        hasAmount = true;
        break;
      }
    }
    // A row without any amount moves no money: V1 writes one per order item to carry the
    // quantity. A V2 row with a blank amount is treated the same way (counted, no line), so a
    // blank cell is never mistaken for a zero amount nor rejected as unreadable.
    const quantity = readQuantity(text, starts, ends, layout.quantity);
    if (quantity === BAD_QUANTITY) {
      problems.push(settlementProblem(
        'bad-quantity', source, `${quoteCell(cells.cell(layout.quantity))} is not a whole number of units.`, DOWNLOAD_AGAIN,
        line, 'quantity-purchased',
      ));
      if (problems.length >= MAX_PROBLEMS) break;
      continue;
    }
    if (!hasAmount) {
      rowsWithoutAmount++;
      if (quantity !== undefined) quantities.remember(quantity);
      continue;
    }

    const postedDate = dates.read(cells, line);
    if (typeof postedDate !== 'string') {
      problems.push(postedDate);
      if (problems.length >= MAX_PROBLEMS) break;
      continue;
    }
    const transactionType = transactionTypes.get(starts[layout.transactionType] as number, ends[layout.transactionType] as number);
    const marketplace = layout.marketplace < 0 ? '' : marketplaces.get(starts[layout.marketplace] as number, ends[layout.marketplace] as number);
    const sku = layout.sku < 0 ? '' : skus.get(starts[layout.sku] as number, ends[layout.sku] as number);
    const fulfillmentId = layout.fulfillmentId < 0 ? '' : fulfillmentIds.get(starts[layout.fulfillmentId] as number, ends[layout.fulfillmentId] as number);
    if (layout.orderId >= 0 && !cells.equals(layout.orderId, orderId)) orderId = detach(cells.cell(layout.orderId));
    const units = quantity ?? quantities.recall();

    const firstLine = lines.length;
    for (let k = 0; k < amountColumns.length; k++) {
      const column = amountColumns[k] as AmountColumn;
      const as = starts[column.amount] as number;
      const ae = ends[column.amount] as number;
      if (as === ae) continue;
      const amount = readAmount(text, as, ae, decimals);
      if (typeof amount === 'string') {
        problems.push(settlementProblem(
          'bad-amount', source, amountProblemText(text.slice(as, ae), amount, currency, decimals), DOWNLOAD_AGAIN,
          line, layout.names[column.amount],
        ));
        if (problems.length >= MAX_PROBLEMS) break rows;
        continue;
      }
      const amountType = column.typeIndex < 0
        ? column.fixedType
        : amountTypes.get(starts[column.typeIndex] as number, ends[column.typeIndex] as number);
      const di = column.descriptionIndex;
      const amountDescription = di < 0 || starts[di] === ends[di]
        ? column.fallbackDescription
        : descriptions.get(starts[di] as number, ends[di] as number);
      // Keep every line the same shape, fields in one order: a million of them stay compact.
      const settlementLine: SettlementLine = {
        line,
        postedDate,
        transactionType: column.accountLevel ? 'other-transaction' : transactionType,
        amountType,
        amountDescription,
        amount,
        orderId,
        sku,
        marketplace,
        fulfillmentId,
        quantity: units,
      };
      lines.push(settlementLine);
    }
    dates.produced(firstLine, lines.length - firstLine);
  }

  if (problems.length === 0) {
    const order = dates.finish(lines, header);
    if (order) problems.push(order);
  }
  if (problems.length > 0) return { ok: false, problems };
  const warnings = outsidePeriodWarnings(lines, header, source);
  return {
    ok: true,
    settlement: { source, format: layout.format, header, lines, dataRows, rowsWithoutAmount },
    warnings,
  };
}

/**
 * Says how many lines were posted outside the settlement's period. They are kept with their own
 * posted date and posted in the settlement's first or last part (summary/parts.ts).
 */
function outsidePeriodWarnings(lines: readonly SettlementLine[], header: SettlementHeader, source: string): string[] {
  const startDay = header.start.slice(0, 10);
  const endDay = header.end.slice(0, 10);
  let outside = 0;
  let first: SettlementLine | undefined;
  for (const line of lines) {
    if (line.postedDate >= startDay && line.postedDate <= endDay) continue;
    outside++;
    first ??= line;
  }
  if (first === undefined) return [];
  return [
    `${source}: ${outside} line${outside > 1 ? 's were' : ' was'} posted outside the settlement period ` +
      `${startDay} to ${endDay} (the first on line ${first.line}, posted ${first.postedDate}). ` +
      'They keep their own posted date and are posted in the settlement\'s first or last part, so no document is dated outside its period.',
  ];
}

function otherSettlementProblem(rowId: string, settlementId: string, source: string, line: number): SettlementProblem {
  if (rowId === '') {
    return settlementProblem('other-settlement', source, 'This row has no settlement id.', DOWNLOAD_AGAIN, line, 'settlement-id');
  }
  return settlementProblem(
    'other-settlement', source,
    `This row belongs to settlement ${quoteCell(rowId)}, but the file's summary row is settlement ${settlementId}.`,
    'Upload each settlement as its own file, exactly as downloaded from Seller Central (Payments → All Statements → Download Flat File V2).',
    line, 'settlement-id',
  );
}

/** What `readQuantity` answers for a cell that is not a whole number. */
const BAD_QUANTITY = -1;

/**
 * The `quantity-purchased` of the current row: undefined when blank (or the column is absent),
 * BAD_QUANTITY when it is not a whole number (`2`, and `2.0` as spreadsheets re-save it, are read).
 */
function readQuantity(text: string, starts: Int32Array, ends: Int32Array, column: number): number | undefined {
  if (column < 0) return undefined;
  const start = starts[column] as number;
  const end = ends[column] as number;
  if (start === end) return undefined;
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  if (i === start) return BAD_QUANTITY;
  if (i < end && text.charCodeAt(i) === 46) for (i++; i < end && text.charCodeAt(i) === 48; i++);
  return i === end && value <= 1_000_000_000 ? value : BAD_QUANTITY;
}

/**
 * V1's quantity rows: Amazon writes an order item's `quantity-purchased` on a row without an
 * amount, before the item's amount rows (real V1 files show it so). The quantity is kept for the
 * item (transaction type, order, order-item-code, SKU) and given to its amount rows that carry none.
 * Only the current order's items are kept: an order's rows follow each other.
 */
class ItemQuantities {
  private readonly byItem = new Map<string, number>();
  private order = '';

  constructor(
    private readonly cells: RowCells,
    private readonly layout: Layout,
  ) {}

  private key(): string {
    const { cells, layout } = this;
    return `${cells.cell(layout.transactionType)}\t${cells.cell(layout.orderItemCode)}\t${cells.cell(layout.sku)}`;
  }

  /** The current row has no amount and this quantity. */
  remember(quantity: number): void {
    const order = this.cells.cell(this.layout.orderId);
    if (order !== this.order) {
      this.byItem.clear();
      this.order = order;
    }
    this.byItem.set(this.key(), quantity);
  }

  /** The quantity a quantity row gave the current row's item, if any. */
  recall(): number | undefined {
    if (this.byItem.size === 0 || this.cells.cell(this.layout.orderId) !== this.order) return undefined;
    return this.byItem.get(this.key());
  }
}

/**
 * Reads the amount in `text[start, end)`. Nearly every cell is a plain `-123.45` with the
 * currency's decimals: those are read in place, without cutting a string per line; anything else
 * (comma decimals, thousands separators, fewer decimals) goes to parseAmount, which has the rules.
 */
function readAmount(text: string, start: number, end: number, decimals: number): Minor | AmountProblem {
  let i = start;
  const negative = text.charCodeAt(i) === 45; // -
  if (negative) i++;
  const point = decimals === 0 ? end : end - decimals - 1;
  let value = 0;
  // Up to 15 digits cannot overflow the exact integer range.
  if (point > i && end - i <= 16 && (decimals === 0 || text.charCodeAt(point) === 46)) {
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
      else if (i !== point || c !== 46) break; // .
    }
    if (i === end) return negative && value !== 0 ? -value : value;
  }
  return parseAmount(text.slice(start, end), decimals);
}

