/**
 * The organisation's reference data (base currency, short code, lock dates, accounts, tax rates,
 * enabled currencies), cached in the spreadsheet's cache, and the checks a settlement's documents
 * must pass against it before anything is sent: Xero would refuse them one document at a time,
 * and a refusal halfway through a settlement is exactly what posting must avoid.
 */
import { codeWithName } from '../core/mapping/tables';
import { builtInCategory } from '../core/mapping/categories';
import type { SettlementSummary } from '../core/summary/types';
import type { PlannedDocument } from '../core/xero/documents';
import type { XeroAccount, XeroClient } from './client';
import { success, type XeroResult } from './errors';
import { lockDateProblems } from './lock-dates';
import type { CachePort, Clock } from './ports';
import { checkStatedTaxAndRates } from './tax-and-rate-checks';
import { checkTracking } from './tracking-checks';
import { parseJson, utf8Length } from './wire';

import type { ReferenceData } from './reference-data';

export type { ReferenceData } from './reference-data';

/** How long reference data stays cached; posting always fetches it afresh. */
export const REFERENCE_CACHE_SECONDS = 3600;

// CacheService refuses values over 100 KB; a chart too large to cache is simply fetched each time.
const MAX_CACHE_VALUE_BYTES = 100 * 1024;

function cacheKey(tenantId: string): string {
  return `xero.reference.${tenantId}`;
}

/**
 * The organisation's reference data, from the cache unless `refresh` is set or nothing is cached.
 * A fresh fetch replaces the cached copy. Posting passes the settlement's `currency`: when it is
 * the organisation's base currency the list of currencies is not needed, so that call is saved
 * (the cached list is kept; without one, the incomplete answer is not cached). With `tracking`
 * the tracking categories are read too (one more call; a cached copy without them gets them).
 */
export function loadReference(
  client: XeroClient,
  tenantId: string,
  cache: CachePort | undefined,
  clock: Clock,
  options: { refresh: boolean; currency?: string; tracking?: boolean },
): XeroResult<ReferenceData> {
  const read = cache ? (parseJson(cache.get(cacheKey(tenantId)) ?? '') as ReferenceData | undefined) : undefined;
  const cached = read && read.tenantId === tenantId ? read : undefined;
  if (!options.refresh && cached && (!options.tracking || cached.trackingCategories)) return success(cached);
  if (!options.refresh && cached) {
    const tracking = client.trackingCategories();
    if (!tracking.ok) return tracking;
    const completed = { ...cached, trackingCategories: tracking.value };
    store(cache, completed);
    return success(completed);
  }
  const organisation = client.organisation();
  if (!organisation.ok) return organisation;
  const accounts = client.accounts();
  if (!accounts.ok) return accounts;
  const taxRates = client.taxRates();
  if (!taxRates.ok) return taxRates;
  const { name, baseCurrency, shortCode, periodLockDate, endOfYearLockDate } = organisation.value;
  const inBase = options.currency !== undefined && options.currency === baseCurrency;
  const currencies = inBase ? success(cached?.currencies ?? [baseCurrency]) : client.currencies();
  if (!currencies.ok) return currencies;
  const tracking = options.tracking ? client.trackingCategories() : success(cached?.trackingCategories);
  if (!tracking.ok) return tracking;
  const reference: ReferenceData = {
    tenantId,
    organisationName: name,
    baseCurrency,
    ...(shortCode ? { shortCode } : {}),
    ...(periodLockDate ? { periodLockDate } : {}),
    ...(endOfYearLockDate ? { endOfYearLockDate } : {}),
    accounts: accounts.value,
    taxRates: taxRates.value,
    currencies: currencies.value,
    ...(tracking.value ? { trackingCategories: tracking.value } : {}),
    fetchedAt: new Date(clock.now()).toISOString(),
  };
  if (!inBase || cached) store(cache, reference);
  return success(reference);
}

/** Caches reference data, or forgets it when it is too big to cache. */
function store(cache: CachePort | undefined, reference: ReferenceData): void {
  if (!cache) return;
  const text = JSON.stringify(reference);
  if (utf8Length(text) < MAX_CACHE_VALUE_BYTES) cache.put(cacheKey(reference.tenantId), text, REFERENCE_CACHE_SECONDS);
  else cache.remove(cacheKey(reference.tenantId));
}

const ACCOUNT_CLASSES_OUTSIDE_BALANCE_SHEET = ['REVENUE', 'EXPENSE'];

function describeAccount(account: XeroAccount): string {
  return codeWithName(account.code, account.name);
}

/**
 * Everything in the documents the organisation would refuse or the product forbids, in words a
 * person can act on; empty when they can be posted. Checks the lock dates (lock-dates.ts), every
 * account code (exists, ACTIVE, allowed on invoice lines), every tax type (exists, ACTIVE, allowed
 * for the account's class), the currency (base or enabled), and that no balance-sheet category
 * posts to income or expense. Only `toCreate` is checked (still-to-create.ts): what Xero already
 * holds of the settlement is not sent again.
 */
export function checkDocuments(
  summary: SettlementSummary,
  documents: readonly PlannedDocument[],
  reference: ReferenceData,
  toCreate: readonly PlannedDocument[] = documents,
): string[] {
  const org = reference.organisationName;
  const problems = new Set<string>(lockDateProblems(summary, documents, reference, org, toCreate));
  const currency = summary.header.currency;
  if (currency !== reference.baseCurrency && !reference.currencies.includes(currency)) {
    problems.add(
      `The settlement is in ${currency}, but ${org} works in ${reference.baseCurrency} and does not have ${currency} enabled. ` +
        `Add ${currency} in Xero (Settings › Currencies; it needs a plan with multi-currency), then post again.`,
    );
  }
  for (const problem of checkStatedTaxAndRates(toCreate, reference)) problems.add(problem);
  for (const problem of checkTracking(toCreate, reference)) problems.add(problem);
  const lines = summary.parts.flatMap((p) => p.lines).filter((l) => l.amount !== 0);
  const categoriesOf = (code: string) => {
    const names = new Set(lines.filter((l) => l.accountCode.toLowerCase() === code.toLowerCase()).flatMap((l) => l.categories));
    return names.size > 0 ? ` (used for ${[...names].join(', ')})` : '';
  };
  const accountOf = (code: string) => reference.accounts.find((a) => a.code.toLowerCase() === code.toLowerCase());
  const fix = 'Choose another in the Accounts tab';

  for (const item of toCreate.flatMap((d) => d.invoice.LineItems)) {
    const account = accountOf(item.AccountCode);
    if (!account) {
      problems.add(`Account code ${item.AccountCode}${categoriesOf(item.AccountCode)} does not exist in ${org}. ${fix}, or add the account in Xero.`);
    } else if (account.status !== 'ACTIVE') {
      problems.add(`Account ${describeAccount(account)}${categoriesOf(account.code)} is ${account.status} in ${org}. ${fix}, or restore the account in Xero.`);
    } else if (!account.postable) {
      problems.add(`Account ${describeAccount(account)}${categoriesOf(account.code)} is a bank or system account, which Xero does not allow on invoice lines. ${fix}.`);
    }
    const rate = reference.taxRates.find((t) => t.taxType.toUpperCase() === item.TaxType.toUpperCase());
    if (!rate) {
      problems.add(`Tax rate ${item.TaxType}${categoriesOf(item.AccountCode)} does not exist in ${org}. Choose one of its tax rates in the Accounts tab.`);
    } else if (rate.status !== 'ACTIVE') {
      problems.add(`Tax rate ${codeWithName(rate.taxType, rate.name)}${categoriesOf(item.AccountCode)} is ${rate.status} in ${org}. Choose an active tax rate in the Accounts tab.`);
    } else if (account && account.status === 'ACTIVE' && account.class && !rate.appliesTo.includes(account.class)) {
      problems.add(
        `Tax rate ${codeWithName(rate.taxType, rate.name)} cannot be used with account ${describeAccount(account)} (an account of class ${account.class}) in ${org}. ` +
          'Choose a tax rate meant for that kind of account in the Accounts tab.',
      );
    }
  }

  for (const line of lines) {
    const account = accountOf(line.accountCode);
    if (!account || !ACCOUNT_CLASSES_OUTSIDE_BALANCE_SHEET.includes(account.class)) continue;
    for (const category of line.categories.filter((c) => builtInCategory(c)?.balanceSheet)) {
      problems.add(
        `${category} is money held or moved, not income or expense, but it is mapped to ${describeAccount(account)} (an account of class ${account.class}). ` +
          'Map it to a balance-sheet account (an asset or a liability) in the Accounts tab.',
      );
    }
  }
  return [...problems];
}

/** The accounts a line may post to, as the Accounts tab's dropdown shows them (`200 — Sales`). */
export function accountChoices(reference: ReferenceData): string[] {
  return reference.accounts.filter((a) => a.status === 'ACTIVE' && a.postable).map((a) => codeWithName(a.code, a.name));
}

/** The active tax rates, as the Accounts tab's dropdown shows them (`OUTPUT2 — 20% (VAT on Income)`). */
export function taxRateChoices(reference: ReferenceData): string[] {
  return reference.taxRates.filter((t) => t.status === 'ACTIVE').map((t) => codeWithName(t.taxType, t.name));
}
