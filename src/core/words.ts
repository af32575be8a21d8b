/**
 * Small phrases shared by every place that talks to people (server messages, the sidebar, the
 * command line), so the same thing is always said the same way.
 */

/** `1 line`, `2 lines`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A wait in the largest whole unit that says it: `45 seconds`, `3 minutes`, `2 hours`. */
export function waitWords(seconds: number): string {
  if (seconds < 120) return count(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return count(Math.ceil(seconds / 60), 'minute');
  return count(Math.ceil(seconds / 3600), 'hour');
}

/** A decimal string with thousands grouped: `-1234567.80` → `-1,234,567.80`. Text that is not a decimal comes back unchanged. */
export function groupDigits(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign = '', units = '', fraction = ''] = m;
  return `${sign}${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** Money as SettleSheet writes it everywhere: the amount, then the currency: `1,234.56 USD`. */
export function moneyText(amount: string, currency: string): string {
  return `${groupDigits(amount)} ${currency}`;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting approval',
  AUTHORISED: 'Approved',
  PAID: 'Paid',
  POSTED: 'Posted',
  VOIDED: 'Voided',
  DELETED: 'Deleted',
};

/** A Xero document status in the words Xero's screens use: `AUTHORISED` → `Approved`. */
export function documentStatusWords(status: string): string {
  return STATUS_WORDS[status.toUpperCase()] ?? status;
}

/** A Xero document in one line, the same in the sidebar and the Log: `AMZ-1 (sales invoice, 866.41 USD · Draft)`. */
export function documentWords(document: { type: 'ACCREC' | 'ACCPAY'; invoiceNumber: string; total: string; status: string }, currency: string): string {
  const kind = document.type === 'ACCPAY' ? 'bill' : 'sales invoice';
  return `${document.invoiceNumber} (${kind}, ${moneyText(document.total, currency)} · ${documentStatusWords(document.status)})`;
}

/**
 * How far the lines of a file are from Amazon's total, said plainly:
 * `the lines come to 0.01 USD less than the total`. `difference` is lines − total, formatted.
 */
export function differenceWords(difference: string, currency: string): string {
  const negative = difference.startsWith('-');
  return `the lines come to ${moneyText(negative ? difference.slice(1) : difference, currency)} ${negative ? 'less' : 'more'} than the total`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month part's key as people say it: `2025-06` → `June 2025` (anything else unchanged). */
export function monthWords(key: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(key);
  const name = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : key;
}

/**
 * An Amazon line type as a person reads it: its description first, the file's other codes after
 * (`Principal (Order / ItemPrice)`, `Storage Fee (other-transaction)`), and, for a tax line, whose
 * tax it is.
 */
export function lineTypeWords(t: { transactionType: string; amountType: string; amountDescription: string; remittedBy?: string }): string {
  const name = t.amountDescription || t.amountType || t.transactionType;
  const codes = [...new Set([t.transactionType, t.amountType].filter((c) => c !== '' && c !== name))].join(' / ');
  const tax = t.remittedBy === 'seller' ? 'tax you owe' : t.remittedBy === 'amazon' ? 'tax Amazon remits' : '';
  const aside = [codes, tax].filter((w) => w !== '').join(', ');
  return aside ? `${name} (${aside})` : name;
}
