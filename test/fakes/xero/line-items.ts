/**
 * One invoice line as Xero reads it: quantity × unit amount (less any discount) must agree with
 * the line amount, the account must exist, be ACTIVE and be usable on a document, the tax type
 * must be ACTIVE and allowed on that account's class, and tax is computed per line, rounded to
 * 2 dp (Inclusive: amount × rate / (100 + rate); Exclusive: amount × rate / 100).
 *
 * Confirmed Xero wording (quoted by integrators who met them): "The line total … does not match
 * the expected line total …", "Account code '…' is not a valid code for this document.",
 * "Account code '…' has been archived, or has been deleted. Each line item must reference a valid
 * account.", "The TaxType code '…' does not exist or cannot be used for this type of
 * transaction.", "The TaxType code '…' cannot be used with account code '…'.", "The quantity
 * value '…' is invalid. Quantity must not be less than zero.", "The discount rate '0.00' is
 * invalid. Discount must not be greater than the line total." (XeroAPI/Xero-OpenAPI#429: sent for
 * a DiscountAmount on a negative line). ASSUMPTION: a tax amount exactly half a cent rounds away
 * from zero (Xero documents rounding to 2 dp per line, not how ties go).
 *
 * A given TaxAmount replaces the computed tax: "This value can be overriden if the calculated
 * <TaxAmount> is not correct" (LineItem.TaxAmount in Xero's OpenAPI spec); "the percentage will
 * effectively not be used with a custom tax amount" (Xero staff, community.xero.com/developer/
 * discussion/39081). Xero checks overrides on bank transactions against the rate ("Tax amount
 * 52.23 is incorrect for INPUT2 tax type, should be 52.28", XeroAPI/xero-node#768) but accepts
 * them on invoices. What it refuses on an invoice line is not documented, so the sandbox is strict
 * (each marked ASSUMPTION, listed in the README): more than 2 decimals; any tax on a NoTax
 * document or with a 0% rate; tax of the opposite sign to the line; and, tax-inclusive, tax larger
 * than the line itself.
 */
import type { IdSource } from './ids';
import type { Account, AccountClass, InvoiceLine, InvoiceStatus, LineAmountTypes, OrganisationState, TaxRate } from './model';
import { readTracking } from './tracking-categories';
import { type Dec, XeroDecimal } from './wire';

/** What a line needs to know about the document it sits on. */
export interface LineContext {
  org: OrganisationState;
  lineAmountTypes: LineAmountTypes;
  status: InvoiceStatus;
  /** Decimal places kept on UnitAmount: 2, or 4 with `?unitdp=4`. */
  unitdp: number;
  ids: IdSource;
}

/** A number field read from JSON: absent, a decimal, or not a number at all. */
export function readDecimal(raw: unknown): Dec | undefined | 'invalid' {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return new XeroDecimal(String(raw));
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return new XeroDecimal(raw.trim());
  return 'invalid';
}

/** A text field read from JSON (numbers are accepted, as Xero's deserializer does). */
export function readText(raw: unknown): string | undefined {
  if (typeof raw === 'number') return String(raw);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

const CAN_APPLY: Readonly<Record<AccountClass, keyof TaxRate>> = {
  ASSET: 'CanApplyToAssets', EQUITY: 'CanApplyToEquity', EXPENSE: 'CanApplyToExpenses',
  LIABILITY: 'CanApplyToLiabilities', REVENUE: 'CanApplyToRevenue',
};

// Bank accounts and the ledgers Xero posts to itself cannot be coded on an invoice line.
const NOT_FOR_DOCUMENTS = new Set(['DEBTORS', 'CREDITORS', 'GST']);

function checkAccount(code: string | undefined, org: OrganisationState, errors: string[]): Account | undefined {
  if (code === undefined) return undefined;
  const account = org.accounts.find((a) => a.Code.toLowerCase() === code.toLowerCase());
  if (!account || account.Type === 'BANK' || NOT_FOR_DOCUMENTS.has(account.SystemAccount ?? '')) {
    errors.push(`Account code '${code}' is not a valid code for this document.`);
    return undefined;
  }
  if (account.Status !== 'ACTIVE') {
    errors.push(`Account code '${account.Code}' has been archived, or has been deleted. Each line item must reference a valid account.`);
    return undefined;
  }
  return account;
}

/** The tax rate a line may use on this account, or undefined after saying why not (shared with journal lines). */
export function checkTaxRate(taxType: string | undefined, account: Account | undefined, org: OrganisationState, errors: string[]): TaxRate | undefined {
  if (taxType === undefined) return undefined;
  const rate = org.taxRates.find((t) => t.TaxType.toUpperCase() === taxType.toUpperCase());
  if (!rate || rate.Status !== 'ACTIVE') {
    errors.push(`The TaxType code '${taxType}' does not exist or cannot be used for this type of transaction.`);
    return undefined;
  }
  if (account && rate[CAN_APPLY[account.Class]] !== true) {
    errors.push(`The TaxType code '${rate.TaxType}' cannot be used with account code '${account.Code}'.`);
    return undefined;
  }
  return rate;
}

/** The checks on a TaxAmount the client gives (see the module comment: each is an assumption). */
function checkTaxAmount(tax: Dec, lineAmount: Dec, rate: TaxRate | undefined, lineAmountTypes: LineAmountTypes, errors: string[]): void {
  const shown = tax.toFixed();
  // ASSUMPTION: money fields carry 2 decimals; Xero is not documented to round a third away.
  if (tax.decimalPlaces() > 2) {
    errors.push(`The TaxAmount '${shown}' has more than 2 decimal places.`);
    return;
  }
  if (tax.isZero()) return;
  // ASSUMPTION: a document whose amounts carry no tax cannot carry tax on a line.
  if (lineAmountTypes === 'NoTax') errors.push(`A TaxAmount (${shown}) cannot be given on a document whose LineAmountTypes is NoTax.`);
  // ASSUMPTION: a 0% rate cannot carry tax (Xero would have nothing to report it under).
  else if (rate && new XeroDecimal(rate.EffectiveRate).isZero()) errors.push(`The TaxAmount ${shown} cannot be used with TaxType '${rate.TaxType}', whose rate is 0%.`);
  // ASSUMPTION: a line's tax has the line's sign and, tax-inclusive, is part of the line.
  else if (tax.isNegative() !== lineAmount.isNegative() || lineAmount.isZero()) errors.push(`The TaxAmount ${shown} has the opposite sign to the line amount ${lineAmount.toFixed(2)}.`);
  else if (lineAmountTypes === 'Inclusive' && tax.abs().greaterThan(lineAmount.abs())) errors.push(`The TaxAmount ${shown} is larger than the tax-inclusive line amount ${lineAmount.toFixed(2)}.`);
}

/** Reads, checks and prices one line; `errors` says what Xero would refuse in it. */
export function readLine(raw: Record<string, unknown>, ctx: LineContext): { line: InvoiceLine; errors: string[] } {
  const errors: string[] = [];
  const number = (field: string): Dec | undefined => {
    const value = readDecimal(raw[field]);
    if (value === 'invalid') {
      errors.push(`The ${field} value '${String(raw[field])}' is not a number.`);
      return undefined;
    }
    return value;
  };
  const quantity = (number('Quantity') ?? new XeroDecimal(1)).toDecimalPlaces(4);
  if (quantity.isNegative() && !quantity.isZero()) {
    errors.push(`The quantity value '${quantity.toFixed(4)}' is invalid. Quantity must not be less than zero.`);
  }
  const unitGiven = number('UnitAmount')?.toDecimalPlaces(ctx.unitdp);
  const lineGiven = number('LineAmount')?.toDecimalPlaces(2);
  const discountRate = number('DiscountRate');
  const discountAmount = number('DiscountAmount')?.toDecimalPlaces(2);

  const gross = unitGiven !== undefined ? quantity.times(unitGiven).toDecimalPlaces(2) : lineGiven;
  let expected = unitGiven !== undefined ? gross : undefined;
  if (discountAmount !== undefined && gross !== undefined) {
    if (gross.isNegative() || discountAmount.greaterThan(gross)) {
      errors.push(`The discount rate '${discountAmount.toFixed(2)}' is invalid. Discount must not be greater than the line total.`);
    }
    if (expected !== undefined) expected = expected.minus(discountAmount);
  } else if (discountRate !== undefined && expected !== undefined) {
    expected = expected.times(new XeroDecimal(100).minus(discountRate)).dividedBy(100).toDecimalPlaces(2);
  }
  if (lineGiven !== undefined && expected !== undefined && !lineGiven.equals(expected)) {
    errors.push(`The line total ${lineGiven.toFixed(2)} does not match the expected line total ${expected.toFixed(2)}.`);
  }
  const lineAmount = lineGiven ?? expected ?? new XeroDecimal(0);
  const unitAmount = unitGiven ?? (quantity.isZero() ? new XeroDecimal(0) : lineAmount.dividedBy(quantity).toDecimalPlaces(ctx.unitdp));

  const accountCode = readText(raw['AccountCode']);
  // Drafts may leave a line uncoded; approving one needs every priced line coded.
  if (accountCode === undefined && ctx.status !== 'DRAFT' && !lineAmount.isZero()) {
    errors.push('Account code must be specified.');
  }
  const account = checkAccount(accountCode, ctx.org, errors);
  const taxTypeGiven = readText(raw['TaxType']);
  const rate = checkTaxRate(taxTypeGiven ?? account?.TaxType, account, ctx.org, errors);
  const taxGiven = number('TaxAmount');
  if (taxGiven !== undefined) checkTaxAmount(taxGiven, lineAmount, rate, ctx.lineAmountTypes, errors);
  let taxAmount = new XeroDecimal(0);
  if (ctx.lineAmountTypes !== 'NoTax' && rate) {
    const percent = new XeroDecimal(rate.EffectiveRate);
    const computed =
      ctx.lineAmountTypes === 'Inclusive'
        ? lineAmount.times(percent).dividedBy(percent.plus(100))
        : lineAmount.times(percent).dividedBy(100);
    // Xero lets a client override the computed tax of a line ("This value can be overriden if the
    // calculated TaxAmount is not correct", LineItem docs).
    taxAmount = taxGiven ?? computed.toDecimalPlaces(2);
  }
  return {
    errors,
    line: {
      lineItemId: ctx.ids.uuid(),
      description: typeof raw['Description'] === 'string' ? raw['Description'] : undefined,
      quantity,
      unitAmount,
      accountCode: account?.Code ?? accountCode,
      accountId: account?.AccountID,
      taxType: rate?.TaxType ?? taxTypeGiven ?? account?.TaxType,
      taxAmount,
      lineAmount,
      discountRate: discountAmount === undefined ? discountRate : undefined,
      discountAmount,
      tracking: readTracking(raw['Tracking'], ctx.org, errors),
    },
  };
}
