/**
 * The connected organisation's accounts and tax rates in the workbook: the hidden list the
 * Accounts tab's dropdowns read, and the Accounts tab's "Account name in Xero" and "Check" columns,
 * which mark any code or tax type the organisation does not have.
 */
import { codeFromCell, codeWithName } from '../../core/mapping/tables';
import type { ReferenceData } from '../../xero/reference';
import { accountChoices, taxRateChoices } from '../../xero/reference';
import { textCell } from './cells';
import type { Workbook } from './workbook';

/** Rewrites the hidden list of active accounts and tax rates the dropdowns offer. */
export function writeXeroLists(workbook: Workbook, reference: ReferenceData): { accounts: number; taxRates: number } {
  const sheet = workbook.tab('xero');
  const accounts = accountChoices(reference);
  const taxRates = taxRateChoices(reference);
  const rows = Math.max(accounts.length, taxRates.length, 1);
  const values = Array.from({ length: rows }, (_, i) => {
    const account = reference.accounts.find((a) => codeWithName(a.code, a.name) === accounts[i]);
    const rate = reference.taxRates.find((t) => codeWithName(t.taxType, t.name) === taxRates[i]);
    // Everything from Xero is untrusted text, written as file text is (cells.ts): a forged class or
    // status stays text, never a formula.
    return [textCell(accounts[i] ?? ''), textCell(account?.status ?? ''), textCell(account?.class ?? ''), textCell(taxRates[i] ?? ''), textCell(rate?.status ?? '')];
  });
  const body = sheet.getMaxRows() - 1;
  if (rows > body) sheet.insertRowsAfter(sheet.getMaxRows(), rows - body);
  sheet.getRange(2, 1, Math.max(body, rows), 5).clearContent();
  sheet.getRange(2, 1, rows, 5).setValues(values);
  return { accounts: accounts.length, taxRates: taxRates.length };
}

/** What is wrong with one Accounts row in this organisation, or `OK`. */
function checkRow(code: string, taxType: string, reference: ReferenceData): { name: string; check: string } {
  const account = reference.accounts.find((a) => a.code.toLowerCase() === code.toLowerCase());
  const rate = reference.taxRates.find((t) => t.taxType.toUpperCase() === taxType.toUpperCase());
  const problems: string[] = [];
  if (!account) problems.push(`account ${code} is not in ${reference.organisationName}`);
  else if (account.status !== 'ACTIVE') problems.push(`account ${code} is ${account.status}`);
  else if (!account.postable) problems.push(`account ${code} is a bank or system account`);
  if (!rate) problems.push(`tax type ${taxType} is not in ${reference.organisationName}`);
  else if (rate.status !== 'ACTIVE') problems.push(`tax type ${taxType} is ${rate.status}`);
  const check = problems.length ? problems.join('; ').replace(/^./, (c) => c.toUpperCase()) : 'OK';
  return { name: account?.name ?? '', check };
}

/** Fills the Accounts tab's name and check columns for every row, from the organisation's data. */
export function markAccounts(workbook: Workbook, accountsTable: string[][], reference: ReferenceData): void {
  const [header = [], ...body] = accountsTable;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [code, tax, name, check] = [col('Account code'), col('Tax type'), col('Account name in Xero'), col('Check')];
  if (body.length === 0 || code < 0 || tax < 0 || name < 0 || check !== name + 1) return;
  const values = body.map((r) => {
    const c = codeFromCell(r[code] ?? '');
    const t = codeFromCell(r[tax] ?? '');
    if (!c && !t) return ['', ''];
    const result = checkRow(c, t, reference);
    return [textCell(result.name), textCell(result.check)];
  });
  workbook.tab('accounts').getRange(2, name + 1, values.length, 2).setValues(values);
}
