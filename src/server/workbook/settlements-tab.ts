/**
 * The Settlements tab: one row per imported settlement with its status and, once posted, links
 * to its documents in Xero. The row is found by settlement id each time, so people may sort it.
 */
import type { PostedDocumentDto, SettlementStatus } from '../../api/types';
import { currencyDecimals, parseAmount, amountToNumber } from '../../core/money';
import type { SettlementRecord } from '../registry';
import { ownText, textCell } from './cells';
import { SETTLEMENT_COLUMNS } from './layout';
import { whenText } from './when';
import type { Workbook } from './workbook';

const WIDTH = SETTLEMENT_COLUMNS.length;
const DOCUMENTS_COLUMN = SETTLEMENT_COLUMNS.indexOf('Xero documents') + 1;

/** What the tab shows about a settlement's posting. */
export interface PostingView {
  status: SettlementStatus;
  documents: PostedDocumentDto[];
  postedAt?: string;
  postedBy?: string;
}

function rowOf(record: SettlementRecord, posting: PostingView, timeZone: string): (string | number)[] {
  const h = record.header;
  const total = parseAmount(h.totalAmount, currencyDecimals(h.currency));
  return [
    textCell(record.settlementId),
    textCell(record.marketplaces.join(', ')),
    textCell(h.currency),
    textCell(h.start.slice(0, 10)),
    textCell(h.end.slice(0, 10)),
    textCell(h.depositDate.slice(0, 10)),
    typeof total === 'number' ? amountToNumber(total, currencyDecimals(h.currency)) : textCell(h.totalAmount),
    record.lines,
    record.balanced ? 'Yes' : 'No',
    record.unmapped,
    posting.status,
    textCell(posting.documents.map((d) => d.invoiceNumber).join(', ')),
    textCell(whenText(posting.postedAt ?? '', timeZone)),
    textCell(posting.postedBy ?? ''),
    textCell(whenText(record.importedAt, timeZone)),
    textCell(record.importedBy),
    textCell(record.source),
  ];
}

/** The row number of a settlement in the tab, or 0. */
function findRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, settlementId: string, timeZone: string): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const ids = sheet.getRange(2, 1, last - 1, 1).getValues();
  const i = ids.findIndex((r) => ownText(r[0], timeZone) === settlementId);
  return i < 0 ? 0 : i + 2;
}

/** Writes a settlement's row: appended when new (no read needed), else updated in place. */
export function writeSettlementRow(workbook: Workbook, record: SettlementRecord, posting: PostingView, isNew: boolean): void {
  const sheet = workbook.tab('settlements');
  const values = rowOf(record, posting, workbook.timeZone);
  const row = isNew ? 0 : findRow(sheet, record.settlementId, workbook.timeZone);
  if (row === 0) {
    sheet.appendRow(values);
    if (posting.documents.length) linkDocuments(sheet.getRange(sheet.getLastRow(), DOCUMENTS_COLUMN), posting.documents);
    return;
  }
  sheet.getRange(row, 1, 1, WIDTH).setValues([values]);
  if (posting.documents.length) linkDocuments(sheet.getRange(row, DOCUMENTS_COLUMN), posting.documents);
}

/** Turns the documents cell into links that open each document in Xero. */
function linkDocuments(cell: GoogleAppsScript.Spreadsheet.Range, documents: PostedDocumentDto[]): void {
  const text = documents.map((d) => d.invoiceNumber).join(', ');
  const builder = SpreadsheetApp.newRichTextValue().setText(text);
  let at = 0;
  for (const d of documents) {
    builder.setLinkUrl(at, at + d.invoiceNumber.length, d.url);
    at += d.invoiceNumber.length + 2;
  }
  cell.setRichTextValue(builder.build());
}
