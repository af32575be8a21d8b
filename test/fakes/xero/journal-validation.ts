/**
 * Reads one manual journal of a PUT (or POST) /ManualJournals body the way Xero validates it.
 *
 * Xero's Manual Journals page (developer.xero.com/documentation/api/accounting/manualjournals):
 * Narration is mandatory; "The JournalLines element must contain at least two individual
 * JournalLine sub-elements"; a line needs LineAmount ("Debits are positive, credits are negative")
 * and AccountCode; TaxType overrides the account's default tax; Date "Defaults to the current date";
 * LineAmountTypes is "NoTax by default"; system accounts ("accounts receivable, accounts payable &
 * retained earnings") and bank accounts cannot be used ("a 400 validation error"). The statuses are
 * DRAFT, POSTED, VOIDED, DELETED and ARCHIVED (Manual Journal Status Codes; the OpenAPI enum).
 * Confirmed wording: "The total debits (100.00) must equal total credits (-10.00)" and the warning
 * "Account code '476' has been removed as it does not match a recognised account." (both in the
 * official OpenAPI spec's example), "The status 'VOID' cannot be applied to the document" (quoted
 * in XeroAPI/xero-mcp-server#99). Tax types are checked as on invoice lines (line-items.ts).
 *
 * ASSUMPTION: a journal dated in a locked period is refused as a draft too (Xero Central lets
 * drafts of invoices, bills and expense claims into a locked period and does not name journals:
 * the strict reading), with the invoices' lock message; after removing an unrecognised account
 * code Xero refuses the line as having none; the wording of the other refusals (a missing
 * narration, fewer than two lines, a bank or system account, an unknown status) is the sandbox's.
 */
import type { IdSource } from './ids';
import { readDay } from './invoice-validation';
import { checkTaxRate, readDecimal, readText } from './line-items';
import { readTracking } from './tracking-categories';
import { lockedForPosting, type UserRole } from './lock-dates';
import type { Account, JournalLineRecord, LineAmountTypes, ManualJournalRecord, ManualJournalStatus, OrganisationState } from './model';
import { EMPTY_GUID } from './invoice-validation';
import { type Dec, XeroDecimal, msToDay } from './wire';

/** What validating a journal needs besides the journal. */
export interface JournalContext {
  org: OrganisationState;
  ids: IdSource;
  now: number;
  role: UserRole;
}

/** A journal read from a request: what would be stored, why it cannot be, and Xero's warnings. */
export interface JournalCandidate {
  record: ManualJournalRecord;
  errors: string[];
  warnings: string[];
}

const CREATABLE: readonly ManualJournalStatus[] = ['DRAFT', 'POSTED'];
const LINE_AMOUNT_TYPES: readonly LineAmountTypes[] = ['Exclusive', 'Inclusive', 'NoTax'];
// Bank accounts and these ledgers are Xero's own: "you can't use [them] when entering manual journals".
const NOT_FOR_JOURNALS = new Set(['DEBTORS', 'CREDITORS', 'RETAINEDEARNINGS']);

function checkAccount(code: string, org: OrganisationState, errors: string[], warnings: string[]): Account | undefined {
  const account = org.accounts.find((a) => a.Code.toLowerCase() === code.toLowerCase());
  if (!account) {
    warnings.push(`Account code '${code}' has been removed as it does not match a recognised account.`);
    errors.push('Account code must be specified.');
    return undefined;
  }
  if (account.Type === 'BANK' || NOT_FOR_JOURNALS.has(account.SystemAccount ?? '')) {
    errors.push(`Account code '${account.Code}' is not a valid code for this document.`);
    return undefined;
  }
  if (account.Status !== 'ACTIVE') {
    errors.push(`Account code '${account.Code}' has been archived, or has been deleted. Each line item must reference a valid account.`);
    return undefined;
  }
  return account;
}

function readJournalLine(raw: Record<string, unknown>, ctx: JournalContext, lineAmountTypes: LineAmountTypes, errors: string[], warnings: string[]): JournalLineRecord {
  const amount = readDecimal(raw['LineAmount']);
  if (amount === 'invalid') errors.push(`The LineAmount value '${String(raw['LineAmount'])}' is not a number.`);
  const lineAmount = amount instanceof XeroDecimal ? amount.toDecimalPlaces(2) : new XeroDecimal(0);
  const code = readText(raw['AccountCode']);
  if (code === undefined) errors.push('Account code must be specified.');
  const account = code === undefined ? undefined : checkAccount(code, ctx.org, errors, warnings);
  const taxGiven = readText(raw['TaxType']);
  const rate = checkTaxRate(taxGiven ?? account?.TaxType, account, ctx.org, errors);
  let taxAmount = new XeroDecimal(0);
  if (lineAmountTypes !== 'NoTax' && rate) {
    const percent = new XeroDecimal(rate.EffectiveRate);
    const computed = lineAmountTypes === 'Inclusive' ? lineAmount.times(percent).dividedBy(percent.plus(100)) : lineAmount.times(percent).dividedBy(100);
    taxAmount = computed.toDecimalPlaces(2);
  }
  return {
    description: typeof raw['Description'] === 'string' ? raw['Description'] : undefined,
    lineAmount,
    // An unrecognised code is removed (the warning says so); any other is kept as sent.
    accountCode: account?.Code ?? (code !== undefined && ctx.org.accounts.some((a) => a.Code.toLowerCase() === code.toLowerCase()) ? code : undefined),
    accountId: account?.AccountID,
    taxType: rate?.TaxType ?? taxGiven ?? account?.TaxType,
    taxAmount,
    tracking: readTracking(raw['Tracking'], ctx.org, errors),
  };
}

/** Σ of the positive and of the negative line amounts. */
export function debitsAndCredits(lines: readonly JournalLineRecord[]): { debits: Dec; credits: Dec } {
  let debits = new XeroDecimal(0);
  let credits = new XeroDecimal(0);
  for (const line of lines) {
    if (line.lineAmount.isPositive()) debits = debits.plus(line.lineAmount);
    else credits = credits.plus(line.lineAmount);
  }
  return { debits, credits };
}

/** Reads one journal of a request; the candidate's `errors` are empty when Xero would accept it. */
export function validateJournal(raw: unknown, ctx: JournalContext, existing?: ManualJournalRecord): JournalCandidate {
  const fields = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const errors: string[] = [];
  const warnings: string[] = [];

  const narration = readText(fields['Narration']);
  if (narration === undefined) errors.push('Narration is mandatory: describe the journal.');

  const statusText = readText(fields['Status']);
  let status: ManualJournalStatus = 'DRAFT';
  if (statusText !== undefined) {
    if ((CREATABLE as readonly string[]).includes(statusText)) status = statusText as ManualJournalStatus;
    else errors.push(`The status '${statusText}' cannot be applied to the document`);
  }

  const day = readDay(fields['Date']);
  if (day === 'invalid') errors.push(`The Date '${String(fields['Date'])}' is not a valid date (use YYYY-MM-DD).`);
  const date = typeof day === 'string' && day !== 'invalid' ? day : msToDay(ctx.now);
  const locked = lockedForPosting(ctx.org.profile, date, ctx.role);
  if (locked) errors.push(locked);

  const typesText = readText(fields['LineAmountTypes']);
  const lineAmountTypes = typesText === undefined ? 'NoTax' : LINE_AMOUNT_TYPES.find((t) => t.toLowerCase() === typesText.toLowerCase());
  if (!lineAmountTypes) errors.push(`LineAmountTypes '${typesText}' is not valid; use Exclusive, Inclusive or NoTax.`);

  const rawLines = Array.isArray(fields['JournalLines']) ? (fields['JournalLines'] as unknown[]) : [];
  if (rawLines.length < 2) errors.push('The JournalLines element must contain at least two individual JournalLine sub-elements.');
  const lines = rawLines.map((line) =>
    readJournalLine(line !== null && typeof line === 'object' ? (line as Record<string, unknown>) : {}, ctx, lineAmountTypes ?? 'NoTax', errors, warnings),
  );
  const { debits, credits } = debitsAndCredits(lines);
  if (!debits.plus(credits).isZero()) errors.push(`The total debits (${debits.toFixed(2)}) must equal total credits (${credits.toFixed(2)})`);

  const record: ManualJournalRecord = {
    manualJournalId: existing?.manualJournalId ?? EMPTY_GUID,
    narration: narration ?? '',
    date,
    status,
    lineAmountTypes: lineAmountTypes ?? 'NoTax',
    ...(typeof fields['Url'] === 'string' ? { url: fields['Url'] } : {}),
    showOnCashBasisReports: fields['ShowOnCashBasisReports'] === false || fields['ShowOnCashBasisReports'] === 'false' ? false : true,
    lines,
    updatedAt: ctx.now,
  };
  return { record, errors, warnings };
}
