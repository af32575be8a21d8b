/**
 * What crosses `google.script.run` between the sidebar and the server. Only plain data: money as
 * decimal strings in the currency's decimals, dates as ISO strings (a `Date` makes the call fail).
 * Shared by the server (which implements it) and the sidebar (which calls it through one typed
 * wrapper), so both sides change together. This file has the settlements, the preview, posting
 * and the targets; the import, cost of goods sold, the connection and settings, and what changed
 * since posting have their own files, all re-exported here.
 */
import type { SplitMode } from '../core/summary/types';
import type { TaxRemitter } from '../core/tax/classify';
import type { DocumentStatus } from '../core/xero/invoice';
import type { PostingChangesDto } from './changes-types';
import type { CogsPreviewDto } from './cogs-types';
import type { AppendLinesRequest, BeginImportRequest, Decimal, FinishImportRequest } from './import-types';
import type { ConnectionStatusDto, SaveSettingsRequest, SettingsDto, TrackingChoicesDto } from './settings-types';

export type * from './changes-types';
export type * from './cogs-types';
export type * from './import-types';
export type * from './settings-types';

/** An import in progress another begin ran into. */
export interface StalledImportDto {
  importId: string;
  /** Who started it. */
  user: string;
  settlementId: string;
  received: number;
  lines: number;
  /** Since its last chunk. */
  idleSeconds: number;
  /** This person may take it over or cancel it now (they started it, or it has been idle two minutes). */
  canTakeOver: boolean;
}

/** How an import can start. */
export type BeginImportResult =
  /** `received`: lines already there (an import taken over continues from there). */
  | { status: 'ready'; importId: string; chunkSize: number; received?: number }
  | { status: 'unchanged'; settlement: SettlementListItem }
  | { status: 'needs-confirmation'; message: string; posted: boolean }
  | { status: 'busy'; message: string; stalled?: StalledImportDto };

/** The status a settlement shows in the Settlements tab and the sidebar. */
export type SettlementStatus = 'Imported' | 'Needs mapping' | 'Needs attention' | 'Ready' | 'Posted' | 'Partly posted' | 'Failed' | 'Changed since posting';

/** A document SettleSheet created in Xero. */
export interface PostedDocumentDto {
  part: string;
  invoiceNumber: string;
  invoiceId: string;
  type: 'ACCREC' | 'ACCPAY';
  status: string;
  /** As Xero shows it: positive (a bill's total is the flipped part total). */
  total: Decimal;
  url: string;
}

/** A part of a settlement Xero refused while it took others. */
export interface MissingPartDto {
  part: string;
  invoiceNumber: string;
  type: 'ACCREC' | 'ACCPAY';
  /** As Xero would show it (positive). */
  total: Decimal;
  /** What Xero said, in the settlement's words. */
  reasons: string[];
}

/**
 * A settlement Xero holds only part of, and the ONE action that resolves it: `finish` posts what
 * is missing, `void-and-repost` replaces what Xero holds (the settlement changed since), `void`
 * takes back what Xero holds (a missing part cannot be posted: its period is locked).
 */
export interface PartlyPostedDto {
  held: PostedDocumentDto[];
  missing: MissingPartDto[];
  action: 'finish' | 'void-and-repost' | 'void';
  /** Why that action, in words. */
  why: string;
}

/** One imported settlement, as listed. */
export interface SettlementListItem {
  settlementId: string;
  source: string;
  format: 'v1' | 'v2';
  marketplaces: string[];
  currency: string;
  start: string;
  end: string;
  depositDate: string;
  total: Decimal;
  lines: number;
  balanced: boolean;
  unmapped: number;
  status: SettlementStatus;
  importedAt: string;
  importedBy: string;
  documents: PostedDocumentDto[];
  postedAt?: string;
  postedBy?: string;
  /** The last post attempt's failure, in words. */
  lastError?: string;
}

/** Amazon lines of one triple and marketplace inside a summary line. */
export interface LineSourceDto {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  marketplace: string;
  remittedBy: TaxRemitter;
  category: string;
  rows: number;
  amount: Decimal;
}

/** A line of a part: one account and tax type. */
export interface SummaryLineDto {
  kind: 'mapped' | 'carry-out' | 'carry-in';
  categories: string[];
  accountCode: string;
  /** From the connected organisation, when known. */
  accountName?: string;
  taxType: string;
  amount: Decimal;
  /** Tax the settlement states inside `amount`, sent as the line's TaxAmount when the tax type carries tax. */
  statedTax: Decimal;
  /** `amount` in the organisation's base currency at the settlement's rate, when it is foreign. */
  amountBase?: Decimal;
  rows: number;
  sources: LineSourceDto[];
  /** The Xero tracking options the line posts under (absent when untracked). */
  tracking?: { category: string; option: string }[];
  /** When documents are split by marketplace: the marketplace whose document carries the line. */
  documentMarketplace?: string;
  /** Sources left out of `sources` to keep the preview small (the largest are listed). */
  sourcesMore?: number;
}

/** A part (a month, or the whole settlement). */
export interface PartDto {
  key: string;
  from: string;
  to: string;
  documentDate: string;
  total: Decimal;
  /** `total` in the organisation's base currency at the settlement's rate, when it is foreign. */
  totalBase?: Decimal;
  lines: SummaryLineDto[];
}

/** A foreign-currency settlement's one rate, and the deposit it comes from. */
export interface ExchangeDto {
  /** The organisation's base currency (what the deposit is in). */
  baseCurrency: string;
  /** The deposit that reached the bank, as entered; absent until someone enters it. */
  deposit?: Decimal;
  /** Units of the settlement's currency per unit of base currency, used on every document. */
  rate?: string;
  /** The settlement's total at `rate`: equals `deposit` unless no 6-decimal rate gives it. */
  converted?: Decimal;
}

/** A document Post will create, said the way the confirmation shows it. */
export interface PlannedDocumentDto {
  part: string;
  type: 'ACCREC' | 'ACCPAY';
  invoiceNumber: string;
  date: string;
  dueDate: string;
  /** Positive, as Xero will show it. */
  total: Decimal;
  currency: string;
  status: DocumentStatus;
  lineCount: number;
  /** The Xero contact it is addressed to. */
  contact?: string;
  /** The marketplace it is for, when documents are split by marketplace. */
  marketplace?: string;
}

/** Amazon lines no rule matches yet. */
export interface UnmappedDto {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  remittedBy: TaxRemitter;
  marketplaces: string[];
  rows: number;
  amount: Decimal;
}

/** Everything the settlement detail shows, computed from the current Mapping and Accounts tabs. */
export interface PreviewResult {
  settlement: SettlementListItem;
  split: SplitMode;
  check: { sumOfRows: Decimal; difference: Decimal; documentsTotal: Decimal; balanced: boolean };
  reconciliation: { label: string; amount: Decimal }[];
  parts: PartDto[];
  unmapped: UnmappedDto[];
  /** Reasons Post is refused, in words (unmapped line types are in `unmapped`, not repeated here). */
  problems: string[];
  /** Worth knowing but not blocking (e.g. not connected, so accounts could not be checked). */
  warnings: string[];
  plan: PlannedDocumentDto[];
  canPost: boolean;
  /** Posted before, and the documents would now differ: only "Void and re-post" can post. */
  changedSincePosting: boolean;
  /** The posted revision the person is looking at (0 when never posted); pass it back to Void and re-post. */
  revision: number;
  /** Set when Xero holds only part of the settlement. */
  partlyPosted?: PartlyPostedDto;
  /** For a settlement in a currency other than the organisation's: its rate and deposit. */
  exchange?: ExchangeDto;
  /** Cost of goods sold: units by SKU per part and the journals. */
  cogs?: CogsPreviewDto;
  /** The spreadsheet's time zone, for showing when it was posted as the Settlements tab does. */
  timeZone?: string;
  /** The files attached to the documents in Xero, and what the next post attaches. */
  attachments?: AttachmentsDto;
  /** When it changed since posting: what, line by line. */
  changes?: PostingChangesDto;
  /**
   * The fingerprint of what Post would send now (documents, journals, settings, mapping, what
   * Xero holds): Post and Void and re-post carry it back and are refused if it changed.
   */
  fingerprint?: string;
  /** Lists cut short to keep the answer small: how many more there are of each. */
  more?: { unmapped?: number; problems?: number; warnings?: number };
}

/** A file on a document in Xero, as SettleSheet attached it (or tried to). */
export interface AttachmentDto {
  invoiceNumber: string;
  fileName: string;
  kind: 'summary' | 'original';
  state: 'sending' | 'attached' | 'failed';
  /** Why the last attempt failed, in words. */
  error?: string;
}

/** The attachments of a settlement's documents. */
export interface AttachmentsDto {
  /** The summary CSV is attached after each post (the spreadsheet's setting). */
  enabled: boolean;
  files: AttachmentDto[];
  /** Documents in Xero whose summary is not attached yet: "Attach again" (Post) attaches them. */
  missing: string[];
  /** The imported file's fingerprint: the sidebar checks a file chosen to attach is the same one. */
  contentHash: string;
}

/** A person's choice of category for a line type, from the sidebar. */
export interface CategoryChoiceRequest {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  /** For a tax line: who remits its tax (its Mapping row is kept apart from the other kind's). */
  remittedBy?: TaxRemitter;
  category: string;
}

/** Where the choice was written, or who chose before. */
export interface CategoryChoiceResult {
  /** The Mapping tab's row that now holds the category. */
  row: number;
  /** The category the row holds: the one chosen, or what someone else chose first. */
  category: string;
  /** False when the row already had a category (someone else chose it first): nothing was written. */
  written: boolean;
}

/** What pressing Post (or Void and re-post) did. */
export type PostResultDto =
  | {
      outcome: 'posted' | 'already-posted';
      message: string;
      documents: PostedDocumentDto[];
      /** What happened to the cost of goods sold journals, in words (absent when nothing did). */
      journal?: string;
      /** What happened to the attachments, in words (absent when nothing did). */
      attachments?: string;
    }
  | { outcome: 'partly-posted'; message: string; documents: PostedDocumentDto[]; missing: MissingPartDto[] }
  | { outcome: 'voided'; message: string }
  | { outcome: 'refused'; message: string; problems: string[] }
  | { outcome: 'busy' | 'rate-limited' | 'reconnect' | 'failed'; message: string; retryAfterSeconds?: number };

/** Every server call returns this envelope, so expected failures arrive as words, not exceptions. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The `google.script.run` targets: name → (request) → result. The server exports a top-level
 * function of each name; the sidebar's wrapper is typed by this map.
 */
export interface ServerApi {
  beginImport(request: BeginImportRequest): BeginImportResult;
  appendImportLines(request: AppendLinesRequest): { received: number };
  finishImport(request: FinishImportRequest): SettlementListItem;
  /** `imported`: the import had already been committed and was finished instead. */
  cancelImport(request: { importId: string }): { cancelled: boolean; imported?: SettlementListItem };
  listSettlements(request: Record<string, never>): SettlementListItem[];
  previewSettlement(request: { settlementId: string }): PreviewResult;
  postSettlement(request: { settlementId: string; mode: 'post' | 'void-and-repost' | 'void'; seenRevision?: number; fingerprint?: string }): PostResultDto;
  /** Removes a settlement Xero holds nothing of from the workbook (records, rows, what only it added). */
  removeSettlement(request: { settlementId: string }): { removed: boolean; message: string };
  revealInMapping(request: { transactionType: string; amountType: string; amountDescription: string; remittedBy?: TaxRemitter }): { row: number };
  chooseCategory(request: CategoryChoiceRequest): CategoryChoiceResult;
  documentsInXero(request: { settlementId: string }): { documents: { invoiceNumber: string; status: string }[] };
  getMappingTables(request: Record<string, never>): { mapping: string[][]; accounts: string[][] };
  getConnectionStatus(request: Record<string, never>): ConnectionStatusDto;
  getXeroConnectUrl(request: Record<string, never>): { url: string };
  /** `replacing`: the organisation the person confirmed moving away from (asked for when one is bound). */
  selectXeroOrganisation(request: { tenantId: string; replacing?: string }): ConnectionStatusDto;
  disconnectXero(request: Record<string, never>): ConnectionStatusDto;
  refreshXeroAccounts(request: Record<string, never>): { organisation: string; accounts: number; taxRates: number };
  getSettings(request: Record<string, never>): SettingsDto;
  saveSettings(request: SaveSettingsRequest): SettingsDto;
  /** Records (or, with a blank amount, clears) the amount a foreign-currency settlement's deposit brought in base currency. */
  saveDeposit(request: { settlementId: string; amount: Decimal }): { saved: boolean };
  /** The organisation's tracking categories and the marketplaces seen, for the tracking settings. */
  getTrackingChoices(request: Record<string, never>): TrackingChoicesDto;
  /** Attaches the original settlement file (chosen again in the sidebar) to the settlement's documents in Xero. */
  attachOriginalFile(request: { settlementId: string; fileName: string; base64: string }): { message: string; attached: boolean };
}

/** The name of a server target. */
export type ServerFunction = keyof ServerApi;
