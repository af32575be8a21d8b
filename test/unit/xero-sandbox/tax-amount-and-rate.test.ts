// The sandbox reads a line's TaxAmount and an invoice's CurrencyRate as Xero does, and refuses
// what the README lists as its assumptions about them.
import { connect, json, messagesOf, newSandbox, putInvoices, UK, ukInvoice, US } from './helpers';

function post(invoice: Record<string, unknown>, tenant = UK) {
  const { sandbox } = newSandbox();
  const { accessToken } = connect(sandbox);
  const response = putInvoices(sandbox, accessToken, tenant, [invoice]);
  return { messages: messagesOf(response), invoice: json(response).Invoices[0], held: sandbox.documents(tenant) };
}

const line = (fields: Record<string, unknown>) => ({ Description: 'Amazon sales', Quantity: 1, UnitAmount: 120, AccountCode: '201', TaxType: 'OUTPUT2', ...fields });

describe('TaxAmount on an invoice line', () => {
  it('overrides the tax Xero would compute (LineItem.TaxAmount in the OpenAPI spec)', () => {
    const { messages, invoice, held } = post(ukInvoice({ LineItems: [line({ UnitAmount: 131.99, TaxAmount: 22 })] }));
    expect(messages).toEqual([]);
    expect(invoice).toMatchObject({ Total: 131.99, TotalTax: 22, SubTotal: 109.99 });
    expect(held[0]!.lines[0]!.taxAmount).toBe('22.00');
  });

  it('computes the tax per line when none is given (1/6 of a 20% inclusive line)', () => {
    expect(post(ukInvoice({ LineItems: [line({ UnitAmount: 131.99 })] })).invoice.TotalTax).toBe(22);
  });

  it.each([
    ['more than 2 decimals', line({ TaxAmount: 20.001 }), "The TaxAmount '20.001' has more than 2 decimal places."],
    ['tax on a 0% rate', line({ TaxType: 'NONE', TaxAmount: 20 }), "The TaxAmount 20 cannot be used with TaxType 'NONE', whose rate is 0%."],
    ['tax of the opposite sign', line({ TaxAmount: -20 }), 'The TaxAmount -20 has the opposite sign to the line amount 120.00.'],
    ['tax larger than the inclusive line', line({ TaxAmount: 121 }), 'The TaxAmount 121 is larger than the tax-inclusive line amount 120.00.'],
  ])('refuses %s (ASSUMPTION)', (_what, item, message) => {
    expect(post(ukInvoice({ LineItems: [item] })).messages).toEqual([message]);
  });

  it('refuses tax on a document whose amounts carry none (ASSUMPTION), and accepts a zero TaxAmount anywhere', () => {
    expect(post(ukInvoice({ LineAmountTypes: 'NoTax', LineItems: [line({ TaxAmount: 20 })] })).messages).toEqual(['A TaxAmount (20) cannot be given on a document whose LineAmountTypes is NoTax.']);
    expect(post(ukInvoice({ LineItems: [line({ TaxType: 'NONE', TaxAmount: 0 })] })).messages).toEqual([]);
  });
});

describe('CurrencyRate', () => {
  const eur = (rate: unknown) => ukInvoice({ CurrencyCode: 'EUR', CurrencyRate: rate, LineItems: [{ Description: 'Sales', Quantity: 1, UnitAmount: 100, AccountCode: '201', TaxType: 'NONE' }] });

  it('keeps the rate a foreign invoice gives, up to 6 decimals ("max length = [18].[6]")', () => {
    const { messages, held } = post(eur(0.912345), US);
    expect(messages).toEqual([]);
    expect(held[0]!.currencyRate).toBe('0.912345');
  });

  it('refuses a rate with more than 6 decimals (ASSUMPTION: refused, not rounded)', () => {
    expect(post(eur(0.9123456), US).messages).toEqual(["The CurrencyRate '0.9123456' is longer than Xero takes (18 digits and 6 decimals at most)."]);
  });

  it('uses the day\'s rate when none is given, and 1 for a base-currency invoice whatever is sent', () => {
    expect(post(eur(undefined), US).held[0]!.currencyRate).toBe('0.920000');
    expect(post(ukInvoice({ CurrencyRate: 1.5 })).held[0]!.currencyRate).toBe('1.000000');
  });
});
