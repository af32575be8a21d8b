// PUT /Invoices: each rule Xero applies, with a request that breaks it and one that passes, and
// the tax Xero computes per line, checked against sums worked by hand.
import { AU, UK, US, connect, json, messagesOf, newSandbox, putInvoices, ukInvoice } from './helpers';

function setup() {
  const { sandbox, clock } = newSandbox();
  const { accessToken } = connect(sandbox);
  const put = (tenant: string, ...invoices: Record<string, unknown>[]) => putInvoices(sandbox, accessToken, tenant, invoices);
  /** The created invoice's JSON; fails the test if Xero would refuse it. */
  const accepted = (invoice: Record<string, unknown>, tenant = UK) => {
    const response = put(tenant, invoice);
    expect(messagesOf(response)).toEqual([]);
    return json(response).Invoices[0];
  };
  /** The messages Xero would refuse the invoice with. */
  const refused = (invoice: Record<string, unknown>, tenant = UK) => messagesOf(put(tenant, invoice));
  return { sandbox, clock, accessToken, put, accepted, refused };
}

const line = (amount: number, account: string, taxType?: string, extra: Record<string, unknown> = {}) => ({
  Description: `line ${account}`, Quantity: 1, UnitAmount: amount, AccountCode: account, ...(taxType ? { TaxType: taxType } : {}), ...extra,
});

describe('tax per line, rounded to 2 dp', () => {
  it('Inclusive: tax = amount × 20/120 on each line; the total is exactly the sum of the lines', () => {
    const { accepted, sandbox } = setup();
    // By hand: 10.04 × 20/120 = 1.67333… → 1.67 per line, 5.01 for three (on the 30.12 sum it
    // would be 5.02); −5.00 × 20/120 = −0.8333… → −0.83; NONE adds nothing.
    // Total = 30.12 − 5.00 + 3.33 = 28.45; tax = 5.01 − 0.83 = 4.18; subtotal = 24.27.
    const invoice = accepted(ukInvoice({
      LineItems: [line(10.04, '201', 'OUTPUT2'), line(10.04, '201', 'OUTPUT2'), line(10.04, '201', 'OUTPUT2'), line(-5, '406', 'INPUT2'), line(3.33, '1210', 'NONE')],
    }));
    expect(invoice.LineItems.map((l: any) => l.TaxAmount)).toEqual([1.67, 1.67, 1.67, -0.83, 0]);
    expect([invoice.SubTotal, invoice.TotalTax, invoice.Total, invoice.AmountDue]).toEqual([24.27, 4.18, 28.45, 28.45]);
    expect(sandbox.documents(UK)[0]).toMatchObject({ subTotal: '24.27', totalTax: '4.18', total: '28.45' });
  });

  it('Exclusive: tax = amount × 20/100 on each line and is added on top', () => {
    const { accepted } = setup();
    // 10.04 × 0.2 = 2.008 → 2.01 per line, 6.03 for three (6.02 on the sum); total 30.12 + 6.03.
    const invoice = accepted(ukInvoice({ LineAmountTypes: 'Exclusive', LineItems: [line(10.04, '201'), line(10.04, '201'), line(10.04, '201')] }));
    expect([invoice.SubTotal, invoice.TotalTax, invoice.Total]).toEqual([30.12, 6.03, 36.15]);
  });

  it('rounds halves away from zero, for negative lines too', () => {
    const { accepted } = setup();
    // 0.15 × 20/120 = 0.025 → 0.03, and −0.15 → −0.03 (half-even would give 0.02).
    const invoice = accepted(ukInvoice({ LineItems: [line(1, '201'), line(0.15, '201'), line(-0.15, '406')] }));
    expect(invoice.LineItems.map((l: any) => l.TaxAmount)).toEqual([0.17, 0.03, -0.03]);
  });

  it('uses the account’s default tax type when a line names none, and the organisation’s own rates (AU GST 10%)', () => {
    const { accepted } = setup();
    const uk = accepted(ukInvoice({ LineItems: [line(60, '201')] }));
    expect(uk.LineItems[0]).toMatchObject({ TaxType: 'OUTPUT2', TaxAmount: 10 });
    const au = accepted(ukInvoice({ LineItems: [line(110, '201')] }), AU);
    expect(au.LineItems[0]).toMatchObject({ TaxType: 'OUTPUT', TaxAmount: 10 });
    expect(au.CurrencyCode).toBe('AUD');
  });

  it('NoTax: no tax at all', () => {
    const { accepted } = setup();
    const invoice = accepted(ukInvoice({ LineAmountTypes: 'NoTax', LineItems: [line(50, '201', 'OUTPUT2')] }));
    expect([invoice.TotalTax, invoice.Total]).toEqual([0, 50]);
  });

  it('writes money with 2 decimals and quantities with 4 on the wire', () => {
    const { put } = setup();
    const body = put(UK, ukInvoice()).body;
    expect(body).toContain('"Total":120.00');
    expect(body).toContain('"Quantity":1.0000');
    expect(body).toContain('"CurrencyRate":1.000000');
  });
});

describe('line amounts', () => {
  it('refuses a LineAmount that disagrees with Quantity × UnitAmount, accepts one that agrees', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ LineItems: [line(10, '201', 'OUTPUT2', { Quantity: 3, LineAmount: 30.01 })] }))).toEqual([
      'The line total 30.01 does not match the expected line total 30.00.',
    ]);
    expect(accepted(ukInvoice({ LineItems: [line(10, '201', 'OUTPUT2', { Quantity: 3, LineAmount: 30 })] })).Total).toBe(30);
  });

  it('derives UnitAmount from LineAmount when only the amount is given', () => {
    const { accepted } = setup();
    const invoice = accepted(ukInvoice({ LineItems: [{ Description: 'x', Quantity: 2, LineAmount: 25, AccountCode: '201' }] }));
    expect(invoice.LineItems[0]).toMatchObject({ UnitAmount: 12.5, LineAmount: 25 });
  });

  it('refuses a negative quantity', () => {
    const { refused } = setup();
    expect(refused(ukInvoice({ LineItems: [line(10, '201', 'OUTPUT2', { Quantity: -1 })] }))).toContain(
      "The quantity value '-1.0000' is invalid. Quantity must not be less than zero.",
    );
  });

  it('refuses DiscountAmount 0 on a negative line but allows it on a positive one', () => {
    const { refused, accepted } = setup();
    const negative = line(-5, '406', 'INPUT2', { DiscountAmount: 0 });
    expect(refused(ukInvoice({ LineItems: [line(100, '201'), negative] }))).toEqual([
      "The discount rate '0.00' is invalid. Discount must not be greater than the line total.",
    ]);
    expect(accepted(ukInvoice({ LineItems: [line(100, '201', 'OUTPUT2', { DiscountAmount: 0 }), line(-5, '406', 'INPUT2')] })).Total).toBe(95);
  });
});

describe('accounts and tax types', () => {
  it('refuses an archived account and an unknown one; a bank account is not valid on a document', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ LineItems: [line(10, '409', 'INPUT2')] }))).toEqual([
      "Account code '409' has been archived, or has been deleted. Each line item must reference a valid account.",
    ]);
    expect(refused(ukInvoice({ LineItems: [line(10, '999', 'OUTPUT2')] }))).toEqual(["Account code '999' is not a valid code for this document."]);
    expect(refused(ukInvoice({ LineItems: [line(10, '090', 'NONE')] }))).toEqual(["Account code '090' is not a valid code for this document."]);
    expect(accepted(ukInvoice({ LineItems: [line(10, '405', 'INPUT2')] })).Total).toBe(10);
  });

  it('refuses an account the test archived after the fact', () => {
    const { refused, sandbox } = setup();
    sandbox.organisation(UK).accounts.find((a) => a.Code === '201')!.Status = 'ARCHIVED';
    expect(refused(ukInvoice())).toEqual([expect.stringContaining("Account code '201' has been archived")]);
  });

  it('refuses a deleted or unknown tax type, and a tax type the account’s class cannot take', () => {
    const { refused } = setup();
    expect(refused(ukInvoice({ LineItems: [line(10, '201', 'TAX001')] }))).toEqual([
      "The TaxType code 'TAX001' does not exist or cannot be used for this type of transaction.",
    ]);
    // OUTPUT is Australian; the UK organisation has no such rate.
    expect(refused(ukInvoice({ LineItems: [line(10, '201', 'OUTPUT')] }))).toEqual([
      "The TaxType code 'OUTPUT' does not exist or cannot be used for this type of transaction.",
    ]);
    expect(refused(ukInvoice({ LineItems: [line(10, '405', 'OUTPUT2')] }))).toEqual(["The TaxType code 'OUTPUT2' cannot be used with account code '405'."]);
    expect(refused(ukInvoice({ LineItems: [line(10, '201', 'INPUT2')] }))).toEqual(["The TaxType code 'INPUT2' cannot be used with account code '201'."]);
  });

  it('refuses a tax rate the test deactivated', () => {
    const { refused, sandbox } = setup();
    sandbox.organisation(UK).taxRates.find((t) => t.TaxType === 'OUTPUT2')!.Status = 'ARCHIVED';
    expect(refused(ukInvoice())).toEqual(["The TaxType code 'OUTPUT2' does not exist or cannot be used for this type of transaction."]);
  });
});

describe('the document', () => {
  it('needs Type ACCREC or ACCPAY', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ Type: 'ACCRECCREDIT' }))).toEqual(["'ACCRECCREDIT' is not an invoice Type; use ACCREC or ACCPAY."]);
    expect(refused(ukInvoice({ Type: undefined }))).toEqual(['Invoice Type must be specified (ACCREC or ACCPAY).']);
    expect(accepted(ukInvoice({ Type: 'ACCPAY', LineItems: [line(10, '405', 'INPUT2')] })).Type).toBe('ACCPAY');
  });

  it('finds or creates a contact by name, needs an existing ContactID, and needs some contact', () => {
    const { refused, accepted, sandbox } = setup();
    const first = accepted(ukInvoice({ Contact: { Name: 'Amazon' } }));
    const second = accepted(ukInvoice({ Contact: { Name: 'AMAZON' } }));
    expect(second.Contact.ContactID).toBe(first.Contact.ContactID);
    expect(accepted(ukInvoice({ Contact: { ContactID: first.Contact.ContactID } })).Contact.Name).toBe('Amazon');
    expect(refused(ukInvoice({ Contact: { ContactID: '6a0b1c2d-0000-4000-8000-000000000000' } }))).toEqual([
      "The contact with ContactID '6a0b1c2d-0000-4000-8000-000000000000' does not exist.",
    ]);
    expect(refused(ukInvoice({ Contact: undefined }))).toEqual(['Contact cannot be empty.']);
    expect(sandbox.organisation(UK).contacts.map((c) => c.Name)).toEqual(['Amazon']);
  });

  it('reads dates as YYYY-MM-DD or /Date()/, defaults Date to today, and refuses other forms', () => {
    const { refused, accepted } = setup();
    expect(accepted(ukInvoice({ Date: '/Date(1767830400000+0000)/' })).DateString).toBe('2026-01-08T00:00:00');
    expect(accepted(ukInvoice({ Date: undefined })).DateString).toBe('2026-01-15T00:00:00');
    expect(refused(ukInvoice({ Date: '15/01/2026' }))).toEqual(["The Date '15/01/2026' is not a valid date (use YYYY-MM-DD)."]);
    expect(refused(ukInvoice({ Date: '2026-02-30' }))).toEqual(["The Date '2026-02-30' is not a valid date (use YYYY-MM-DD)."]);
  });

  it('needs a due date to be approved, not to be a draft', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ Status: 'AUTHORISED', DueDate: undefined }))).toEqual(['Due date cannot be empty.']);
    expect(accepted(ukInvoice({ Status: 'DRAFT', DueDate: undefined })).Status).toBe('DRAFT');
    expect(accepted(ukInvoice({ Status: 'AUTHORISED' })).Status).toBe('AUTHORISED');
  });

  it('creates only DRAFT, SUBMITTED or AUTHORISED documents (DRAFT when no status is given)', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ Status: 'VOIDED' }))).toEqual(['Invoice not of valid status for creation']);
    expect(accepted(ukInvoice({ Status: 'SUBMITTED' })).Status).toBe('SUBMITTED');
    expect(accepted(ukInvoice({ Status: undefined })).Status).toBe('DRAFT');
  });

  it('takes LineAmountTypes Exclusive, Inclusive or NoTax (Exclusive when absent)', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ LineAmountTypes: 'Gross' }))).toEqual(["LineAmountTypes 'Gross' is not valid; use Exclusive, Inclusive or NoTax."]);
    expect(accepted(ukInvoice({ LineAmountTypes: undefined })).LineAmountTypes).toBe('Exclusive');
  });

  it('needs at least one line', () => {
    const { refused } = setup();
    expect(refused(ukInvoice({ LineItems: [] }))).toEqual(['An invoice must have at least one line item.']);
  });

  it('refuses a negative total, but takes negative lines on a positive invoice and a zero total', () => {
    const { refused, accepted } = setup();
    expect(refused(ukInvoice({ LineItems: [line(10, '201'), line(-10.01, '406')] }))).toEqual([
      'The Total for this document must be greater than or equal to zero.',
    ]);
    expect(accepted(ukInvoice({ LineItems: [line(10, '201'), line(-10, '406')] })).Total).toBe(0);
    expect(accepted(ukInvoice({ LineItems: [line(10, '201'), line(-9.99, '406')] })).Total).toBe(0.01);
  });
});

describe('currencies', () => {
  it('refuses a currency the organisation has not enabled', () => {
    const { refused } = setup();
    expect(refused(ukInvoice({ CurrencyCode: 'EUR' }))).toEqual([
      "The currency 'EUR' is not enabled for this organisation. Add it under Settings > Currencies (multi-currency plans only).",
    ]);
  });

  it('takes an enabled foreign currency at the given or the seeded rate, and refuses it once the test disables it', () => {
    const { refused, accepted, sandbox } = setup();
    const usInvoice = (extra: Record<string, unknown>) =>
      ukInvoice({ LineAmountTypes: 'NoTax', LineItems: [line(100, '201', 'NONE')], CurrencyCode: 'CAD', ...extra });
    expect(accepted(usInvoice({}), US).CurrencyRate).toBe(1.36);
    expect(accepted(usInvoice({ CurrencyRate: 1.3512 }), US).CurrencyRate).toBe(1.3512);
    const org = sandbox.organisation(US);
    org.currencies = org.currencies.filter((c) => c.Code !== 'CAD');
    expect(refused(usInvoice({}), US)).toEqual([expect.stringContaining("The currency 'CAD' is not enabled")]);
  });
});

describe('invoice numbers', () => {
  it('are unique among sales invoices, ignoring case, but not among bills', () => {
    const { refused, accepted } = setup();
    accepted(ukInvoice({ InvoiceNumber: 'AMZ-2026-01' }));
    expect(refused(ukInvoice({ InvoiceNumber: 'amz-2026-01' }))).toEqual(['Invoice # must be unique.']);
    const bill = { Type: 'ACCPAY', InvoiceNumber: 'AMZ-2026-01', LineItems: [line(10, '405', 'INPUT2')] };
    expect(accepted(ukInvoice(bill)).InvoiceNumber).toBe('AMZ-2026-01');
    expect(accepted(ukInvoice(bill)).InvoiceNumber).toBe('AMZ-2026-01');
  });

  it('clash within one request too', () => {
    const { put } = setup();
    const response = put(UK, ukInvoice({ InvoiceNumber: 'A-1' }), ukInvoice({ InvoiceNumber: 'A-1' }));
    expect(messagesOf(response, 0)).toEqual([]);
    expect(messagesOf(response, 1)).toEqual(['Invoice # must be unique.']);
  });

  it('are generated for sales invoices without one; bills keep none; Reference is kept on sales invoices only', () => {
    const { accepted } = setup();
    expect(accepted(ukInvoice()).InvoiceNumber).toBe('INV-0001');
    expect(accepted(ukInvoice()).InvoiceNumber).toBe('INV-0002');
    const bill = accepted(ukInvoice({ Type: 'ACCPAY', LineItems: [line(10, '405', 'INPUT2')] }));
    expect(bill.InvoiceNumber).toBe('');
    expect(bill.Reference).toBeUndefined();
  });
});

describe('summarizeErrors', () => {
  const good = ukInvoice({ InvoiceNumber: 'GOOD-1' });
  const bad = ukInvoice({ InvoiceNumber: 'BAD-1', LineItems: [line(10, '409', 'INPUT2')] });

  it('false: 200 with each document echoed, the good one created and the bad one not', () => {
    const { put, sandbox } = setup();
    const response = put(UK, good, bad);
    expect(response.status).toBe(200);
    const [created, failed] = json(response).Invoices;
    expect(created).toMatchObject({ HasErrors: false, StatusAttributeString: 'OK', InvoiceNumber: 'GOOD-1', ValidationErrors: [] });
    expect(created.InvoiceID).not.toBe('00000000-0000-0000-0000-000000000000');
    expect(failed).toMatchObject({ HasErrors: true, StatusAttributeString: 'ERROR', InvoiceID: '00000000-0000-0000-0000-000000000000' });
    expect(failed.ValidationErrors).toEqual([{ Message: expect.stringContaining("'409' has been archived") }]);
    expect(sandbox.documents(UK).map((d) => d.invoiceNumber)).toEqual(['GOOD-1']);
  });

  it('absent: 400 ValidationException naming only the failing documents, while the valid ones ARE created', () => {
    const { sandbox, accessToken } = setup();
    const response = putInvoices(sandbox, accessToken, UK, [good, bad], { summarize: true });
    expect(response.status).toBe(400);
    const body = json(response);
    expect(body).toMatchObject({ ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred' });
    expect(body.Elements).toHaveLength(1);
    expect(body.Elements[0]).toMatchObject({ InvoiceNumber: 'BAD-1', HasErrors: true });
    expect(body.Elements[0].ValidationErrors[0].Message).toContain("'409' has been archived");
    // As integrators found (XeroAPI/xero-ruby#247): the call failed, yet GOOD-1 is in Xero.
    expect(sandbox.documents(UK).map((d) => d.invoiceNumber)).toEqual(['GOOD-1']);
  });

  it('absent and all valid: 200 with the created documents', () => {
    const { sandbox, accessToken } = setup();
    const response = putInvoices(sandbox, accessToken, UK, [good], { summarize: true });
    expect(response.status).toBe(200);
    expect(json(response).Invoices[0].StatusAttributeString).toBe('OK');
  });

  it('unreadable JSON: 400 PostDataInvalidException', () => {
    const { sandbox, accessToken } = setup();
    const response = sandbox.handle({
      method: 'PUT', url: 'https://api.xero.com/api.xro/2.0/Invoices',
      headers: { authorization: `Bearer ${accessToken}`, 'xero-tenant-id': UK, 'content-type': 'application/json' }, body: '{"Invoices":[',
    });
    expect(response.status).toBe(400);
    expect(json(response).Type).toBe('PostDataInvalidException');
  });
});
