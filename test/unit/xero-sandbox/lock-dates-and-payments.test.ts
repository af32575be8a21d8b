// What an organisation's books refuse: documents in a locked period (its lock dates, with the
// adviser's exception) and voiding a document that has payments or credit notes allocated.
import { DEFAULT_USER, type SandboxUser } from '../../fakes/xero';
import { UK, US, api, connect, json, messagesOf, newSandbox, putInvoices, ukInvoice } from './helpers';

const ADVISER: SandboxUser = { userId: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', email: 'adviser@example.com', givenName: 'Ada', familyName: 'Adviser', role: 'adviser' };

function setup() {
  const { sandbox, clock } = newSandbox({ users: [DEFAULT_USER, ADVISER] });
  const { accessToken } = connect(sandbox);
  const create = (overrides: Record<string, unknown>, token = accessToken) => putInvoices(sandbox, token, UK, [ukInvoice(overrides)]);
  const setStatus = (invoiceId: string, Status: string, token = accessToken) =>
    api(sandbox, token, UK, 'POST', `/Invoices/${invoiceId}`, { Invoices: [{ InvoiceID: invoiceId, Status }] });
  return { sandbox, clock, accessToken, create, setStatus };
}

describe('lock dates', () => {
  it('GET /Organisation shows each lock date as /Date(…)/ only when set', () => {
    const { sandbox, accessToken } = setup();
    expect(json(api(sandbox, accessToken, UK, 'GET', '/Organisation')).Organisations[0]).toMatchObject({
      ShortCode: '!bF7kq',
      EndOfYearLockDate: `/Date(${Date.UTC(2025, 2, 31)}+0000)/`,
      PeriodLockDate: `/Date(${Date.UTC(2025, 8, 30)}+0000)/`,
    });
    sandbox.organisation(US).profile.PeriodLockDate = undefined;
    expect(json(api(sandbox, accessToken, US, 'GET', '/Organisation')).Organisations[0]).not.toHaveProperty('PeriodLockDate');
  });

  it('refuses an AUTHORISED document dated on or before the period lock date, and takes the day after', () => {
    const { create, sandbox } = setup();
    // The UK organisation's period lock date is 2025-09-30.
    expect(messagesOf(create({ Status: 'AUTHORISED', Date: '2025-09-30' }))).toEqual(['The document date cannot be before the period lock date, currently set at 30-Sep-2025']);
    expect(messagesOf(create({ Status: 'AUTHORISED', Date: '2025-03-31' }))).toEqual(['The document date cannot be before the end of year lock date, currently set at 31-Mar-2025']);
    expect(messagesOf(create({ Status: 'AUTHORISED', Date: '2025-10-01' }))).toEqual([]);
    expect(sandbox.documents(UK).map((d) => d.date)).toEqual(['2025-10-01']);
  });

  it('lets drafts and submitted documents sit in a locked period, but not be approved there', () => {
    const { create, setStatus } = setup();
    const draft = json(create({ Status: 'DRAFT', Date: '2025-09-15' })).Invoices[0];
    expect(draft.HasErrors).toBe(false);
    expect(json(create({ Status: 'SUBMITTED', Date: '2025-09-15' })).Invoices[0].HasErrors).toBe(false);
    const approve = setStatus(draft.InvoiceID, 'AUTHORISED');
    expect(approve.status).toBe(400);
    expect(json(approve).Elements[0].ValidationErrors).toEqual([{ Message: 'The document date cannot be before the period lock date, currently set at 30-Sep-2025' }]);
  });

  it('binds advisers by the end of year lock only', () => {
    const { sandbox, create } = setup();
    const adviser = connect(sandbox, { tenants: [UK], user: ADVISER.email }).accessToken;
    expect(messagesOf(create({ Status: 'AUTHORISED', Date: '2025-09-30' }, adviser))).toEqual([]);
    expect(messagesOf(create({ Status: 'AUTHORISED', Date: '2025-03-31' }, adviser))).toEqual(['The document date cannot be before the end of year lock date, currently set at 31-Mar-2025']);
  });

  it('refuses voiding or deleting a document once its period is locked', () => {
    const { sandbox, create, setStatus } = setup();
    const authorised = json(create({ Status: 'AUTHORISED', Date: '2025-10-15' })).Invoices[0];
    const draft = json(create({ Status: 'DRAFT', Date: '2025-10-16' })).Invoices[0];
    // The adviser locks October afterwards.
    sandbox.organisation(UK).profile.PeriodLockDate = '2025-10-31';
    for (const [document, status] of [[authorised, 'VOIDED'], [draft, 'DELETED']] as const) {
      const refused = setStatus(document.InvoiceID, status);
      expect(refused.status).toBe(400);
      expect(json(refused).Elements[0].ValidationErrors).toEqual([{ Message: 'Document cannot be edited as it is currently dated before period lock date' }]);
    }
    expect(sandbox.documents(UK).map((d) => d.status)).toEqual(['AUTHORISED', 'DRAFT']);
  });
});

describe('payments and credit notes', () => {
  it('a payment shows as AmountPaid, a credit note as AmountCredited; covering the total makes it PAID', () => {
    const { sandbox, create, accessToken } = setup();
    const invoice = json(create({ Status: 'AUTHORISED', InvoiceNumber: 'PAY-1' })).Invoices[0];
    sandbox.allocate(UK, 'PAY-1', 'payment', '100');
    sandbox.allocate(UK, invoice.InvoiceID, 'credit-note', '5.50');
    const partly = json(api(sandbox, accessToken, UK, 'GET', '/Invoices?InvoiceNumbers=PAY-1')).Invoices[0];
    expect(partly).toMatchObject({ Status: 'AUTHORISED', AmountPaid: 100, AmountCredited: 5.5, AmountDue: 14.5, Total: 120 });
    expect(partly.Payments).toEqual([{ PaymentID: expect.any(String), Date: expect.stringMatching(/^\/Date\(\d+\+0000\)\/$/), Amount: 100 }]);
    expect(() => sandbox.allocate(UK, 'PAY-1', 'payment', '15')).toThrow(/exceeds the amount outstanding/);
    sandbox.allocate(UK, 'PAY-1', 'payment', '14.50');
    expect(sandbox.documents(UK)[0]).toMatchObject({ status: 'PAID', amountPaid: '114.50', amountCredited: '5.50', amountDue: '0.00' });
  });

  it('a document with a payment or a credit note allocated cannot be voided until they are removed', () => {
    const { sandbox, create, setStatus } = setup();
    const paid = json(create({ Status: 'AUTHORISED', InvoiceNumber: 'PAID-1' })).Invoices[0];
    const credited = json(create({ Status: 'AUTHORISED', InvoiceNumber: 'CRED-1' })).Invoices[0];
    sandbox.allocate(UK, 'PAID-1', 'payment', '120');
    sandbox.allocate(UK, 'CRED-1', 'credit-note', '20');
    expect(json(setStatus(paid.InvoiceID, 'VOIDED')).Elements[0].ValidationErrors).toEqual([
      { Message: 'Invoice not of valid status for modification' },
      { Message: 'This document cannot be edited as it has a payment or credit note allocated to it.' },
    ]);
    expect(json(setStatus(credited.InvoiceID, 'VOIDED')).Elements[0].ValidationErrors).toEqual([
      { Message: 'This document cannot be edited as it has a payment or credit note allocated to it.' },
    ]);
    sandbox.removeAllocations(UK, 'PAID-1');
    sandbox.removeAllocations(UK, 'CRED-1');
    expect(setStatus(paid.InvoiceID, 'VOIDED').status).toBe(200);
    expect(setStatus(credited.InvoiceID, 'VOIDED').status).toBe(200);
  });

  it('payments need an AUTHORISED document', () => {
    const { sandbox, create } = setup();
    create({ Status: 'DRAFT', InvoiceNumber: 'D-1' });
    expect(() => sandbox.allocate(UK, 'D-1', 'payment', '1')).toThrow(/only be made against Authorised documents/);
  });
});
