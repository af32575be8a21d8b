/**
 * The checks a settlement's cost of goods sold journals must pass against the organisation before
 * anything is sent: Xero would refuse them, or take them in a way that is wrong for the books. Each
 * problem stops the journals only; the documents are checked on their own (reference.ts).
 */
import { COGS_CATEGORY, INVENTORY_CATEGORY } from '../core/mapping/categories';
import { codeWithName } from '../core/mapping/tables';
import type { PlannedJournal } from '../core/cogs/plan';
import type { SettlementSummary } from '../core/summary/types';
import { lockOf } from './lock-dates';
import type { ReferenceData } from './reference';

// Xero's Manual Journals page: "system accounts (accounts receivable, accounts payable & retained
// earnings) and bank accounts" cannot be used in a manual journal.
const NOT_FOR_JOURNALS = ['DEBTORS', 'CREDITORS', 'RETAINEDEARNINGS'];

/** Everything the organisation would refuse (or the books should not get) in the journals; empty when they can be posted. */
export function checkJournals(summary: SettlementSummary, journals: readonly PlannedJournal[], reference: ReferenceData): string[] {
  if (journals.length === 0) return [];
  const org = reference.organisationName;
  const problems = new Set<string>();
  const { currency } = summary.header;
  if (currency !== reference.baseCurrency) {
    problems.add(
      `Xero posts manual journals in ${org}'s base currency (${reference.baseCurrency}), and this settlement is in ${currency}: SettleSheet does not convert costs, so it cannot post this settlement's cost of goods sold. ` +
        'Book it by hand in Xero, or turn cost of goods sold off for this spreadsheet.',
    );
  }
  for (const journal of journals) {
    const lock = lockOf(journal.journal.Date, reference);
    if (lock) {
      problems.add(
        `The journal ${journal.key} is dated ${journal.journal.Date}, on or before ${org}'s ${lock.kind} lock date (${lock.date}). ` +
          'Ask whoever can move the lock date in Xero (Accounting › Advanced › Financial settings), then post again.',
      );
    }
    journal.journal.JournalLines.forEach((line, i) => {
      const category = journal.lines[i]?.category ?? '';
      const fix = `Choose another for "${category}" in the Accounts tab`;
      const account = reference.accounts.find((a) => a.code.toLowerCase() === line.AccountCode.toLowerCase());
      if (!account) {
        problems.add(`Account code ${line.AccountCode} (used for ${category}) does not exist in ${org}. ${fix}, or add the account in Xero.`);
        return;
      }
      const named = codeWithName(account.code, account.name);
      if (account.status !== 'ACTIVE') problems.add(`Account ${named} (used for ${category}) is ${account.status} in ${org}. ${fix}, or restore the account in Xero.`);
      else if (account.type === 'BANK' || NOT_FOR_JOURNALS.includes(account.systemAccount ?? '')) problems.add(`Account ${named} is a bank or system account, which Xero does not allow in a manual journal. ${fix}.`);
      else if (category === COGS_CATEGORY && account.class !== 'EXPENSE') problems.add(`${COGS_CATEGORY} is an expense, but it is mapped to ${named} (an account of class ${account.class}). Map it to an expense or direct costs account in the Accounts tab.`);
      else if (category === INVENTORY_CATEGORY && account.class !== 'ASSET') problems.add(`${INVENTORY_CATEGORY} is stock you own, but it is mapped to ${named} (an account of class ${account.class}). Map it to an inventory or current asset account in the Accounts tab.`);
      const rate = reference.taxRates.find((t) => t.taxType.toUpperCase() === line.TaxType.toUpperCase());
      if (!rate) problems.add(`Tax rate ${line.TaxType} (used for ${category}) does not exist in ${org}. Choose one of its tax rates in the Accounts tab.`);
      else if (rate.status !== 'ACTIVE') problems.add(`Tax rate ${codeWithName(rate.taxType, rate.name)} (used for ${category}) is ${rate.status} in ${org}. Choose an active tax rate in the Accounts tab.`);
      else if (account.class && !rate.appliesTo.includes(account.class)) problems.add(`Tax rate ${codeWithName(rate.taxType, rate.name)} cannot be used with account ${named} in ${org}. Choose a tax rate meant for that kind of account in the Accounts tab.`);
      else if (Number(rate.rate) !== 0) {
        // Moving stock value between your own accounts is not a supply: a taxed rate would put it on the tax return.
        problems.add(`Tax rate ${codeWithName(rate.taxType, rate.name)} (${rate.rate}%) is used for ${category}, but moving stock into cost of goods sold carries no tax. Choose a no-tax rate (e.g. "No VAT", "BAS Excluded", "Tax Exempt") for it in the Accounts tab.`);
      }
    });
  }
  return [...problems];
}
