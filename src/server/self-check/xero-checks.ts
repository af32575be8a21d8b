/**
 * The Xero side of the self-check, when this person is connected: the organisation's settings
 * (its lock dates decide which document dates Xero refuses), its accounts and tax rates; and,
 * only when the person confirmed the organisation is Xero's Demo Company (and its name says so),
 * one DRAFT invoice under a unique number, found by that number, then deleted. Real books are
 * never touched.
 */
import type { XeroInvoice } from '../../core/xero/invoice';
import type { XeroClient, XeroOrganisation } from '../../xero/client';
import { openXeroSession } from '../../xero/connection';
import type { XeroEnvironment } from '../../xero/environment';
import { appsScriptEnvironment } from '../xero/environment';
import { check, timed, type CheckResult } from './report';

const DEMO_NAME = /^Demo Company\b/;

function lockDates(org: XeroOrganisation): string {
  return `period lock ${org.periodLockDate ?? 'none'}, end-of-year lock ${org.endOfYearLockDate ?? 'none'}`;
}

/** The test invoice: one line of 1.00 in the base currency, to a revenue account and rate the organisation has. */
function testInvoice(client: XeroClient, org: XeroOrganisation, number: string): XeroInvoice | string {
  const accounts = client.accounts();
  const rates = client.taxRates();
  if (!accounts.ok) return accounts.failure.message;
  if (!rates.ok) return rates.failure.message;
  const account = accounts.value.find((a) => a.status === 'ACTIVE' && a.postable && a.class === 'REVENUE');
  const rate = rates.value.find((t) => t.status === 'ACTIVE' && t.appliesTo.includes('REVENUE'));
  if (!account || !rate) return 'the organisation has no active revenue account and tax rate to use';
  const today = new Date().toISOString().slice(0, 10);
  return {
    Type: 'ACCREC',
    Contact: { Name: 'SettleSheet installation check' },
    Date: today,
    DueDate: today,
    LineAmountTypes: 'Inclusive',
    InvoiceNumber: number,
    Reference: "SettleSheet's installation check (deleted at once)",
    CurrencyCode: org.baseCurrency,
    Status: 'DRAFT',
    LineItems: [{ Description: 'SettleSheet installation check: safe to delete', Quantity: 1, UnitAmount: 1, LineAmount: 1, AccountCode: account.code, TaxType: rate.taxType }],
  };
}

/** Creates, finds and deletes one DRAFT invoice in the Demo Company. */
function demoPost(env: XeroEnvironment, client: XeroClient, org: XeroOrganisation): Omit<CheckResult, 'name'> {
  const number = `SETTLESHEET-CHECK-${env.crypto.randomBase64Url(6)}`;
  const invoice = testInvoice(client, org, number);
  if (typeof invoice === 'string') return { outcome: 'fail', figure: 'nothing created', detail: invoice };
  const created = timed(() => client.createInvoices([invoice], `settlesheet-check-${number}`));
  const [first] = created.value.ok ? created.value.value : [];
  if (!created.value.ok || !first?.ok) {
    const why = !created.value.ok ? created.value.failure.message : first && !first.ok ? first.problems.map((p) => p.message).join(' ') : 'no answer';
    return { outcome: 'fail', figure: 'Xero did not create the invoice', detail: why };
  }
  const id = first.document.invoiceId;
  const found = timed(() => client.invoicesByNumber([number]));
  const deleted = timed(() => client.setStatus(id, 'DELETED', `settlesheet-check-delete-${number}`));
  if (!deleted.value.ok || deleted.value.value.status !== 'DELETED') {
    return { outcome: 'fail', figure: `created ${number} but could not delete it`, detail: `Delete ${number} in Xero by hand. ${deleted.value.ok ? '' : deleted.value.failure.message}` };
  }
  const seen = found.value.ok && found.value.value.some((d) => d.invoiceId === id);
  return {
    outcome: seen ? 'pass' : 'fail',
    figure: `${number}: created in ${created.ms} ms, ${seen ? 'found by number' : 'NOT found by number'} in ${found.ms} ms, deleted in ${deleted.ms} ms`,
  };
}

/** The Xero checks (skipped when this person is not connected to the spreadsheet's organisation). */
export function xeroChecks(confirmedDemo: boolean): CheckResult[] {
  const env = appsScriptEnvironment();
  const session = openXeroSession(env);
  if (!session.ok) return [{ name: 'Xero', outcome: 'skipped', figure: 'not checked', detail: session.failure.message }];
  const { client } = session.value;
  const org = client.organisation();
  const results: CheckResult[] = [
    check('Xero organisation and lock dates', () =>
      org.ok ? { outcome: 'pass', figure: `${org.value.name} (${org.value.baseCurrency}); ${lockDates(org.value)}` } : { outcome: 'fail', figure: 'not read', detail: org.failure.message },
    ),
    check('Xero accounts and tax rates', () => {
      const accounts = client.accounts();
      const rates = client.taxRates();
      if (!accounts.ok || !rates.ok) return { outcome: 'fail', figure: 'not read', detail: (!accounts.ok ? accounts : rates.ok ? undefined : rates)?.failure.message ?? '' };
      const active = (items: { status: string }[]) => items.filter((i) => i.status === 'ACTIVE').length;
      return { outcome: 'pass', figure: `${active(accounts.value)} active accounts, ${active(rates.value)} active tax rates` };
    }),
  ];
  const name = 'Xero Demo Company: create, find and delete one DRAFT invoice';
  if (!org.ok) return results;
  if (!confirmedDemo) {
    results.push({ name, outcome: 'skipped', figure: 'not asked to', detail: "Only when you confirm the connected organisation is Xero's Demo Company." });
  } else if (!DEMO_NAME.test(org.value.name)) {
    results.push({ name, outcome: 'skipped', figure: `${org.value.name} is not Xero's Demo Company`, detail: 'Nothing was posted: real books are never touched.' });
  } else {
    results.push(check(name, () => demoPost(env, client, org.value)));
  }
  return results;
}
