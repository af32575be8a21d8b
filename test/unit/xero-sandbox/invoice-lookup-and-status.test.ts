// Finding documents before posting (GET /Invoices filters) and changing their status afterwards
// (approve, void, delete), with Xero's rules for which changes are allowed.
import type { HttpResponse } from '../../../src/xero/http';
import { UK, api, connect, json, messagesOf, newSandbox, putInvoices, ukInvoice } from './helpers';

function setup() {
  const { sandbox, clock } = newSandbox();
  const { accessToken } = connect(sandbox);
  const create = (overrides: Record<string, unknown>) => json(putInvoices(sandbox, accessToken, UK, [ukInvoice(overrides)])).Invoices[0];
  const get = (path: string) => api(sandbox, accessToken, UK, 'GET', path);
  const setStatus = (invoiceId: string, Status: string) =>
    api(sandbox, accessToken, UK, 'POST', `/Invoices/${invoiceId}`, { Invoices: [{ InvoiceID: invoiceId, Status }] });
  return { sandbox, clock, accessToken, create, get, setStatus };
}

const numbersOf = (response: HttpResponse) => json(response).Invoices.map((i: any) => i.InvoiceNumber);

describe('GET /Invoices', () => {
  it('filters by InvoiceNumbers, Statuses and where=Reference=="…"', () => {
    const { create, get, setStatus } = setup();
    create({ InvoiceNumber: 'S-1', Reference: 'Settlement 111' });
    const voided = create({ InvoiceNumber: 'S-2', Reference: 'Settlement 222', Status: 'AUTHORISED' });
    create({ InvoiceNumber: 'S-3', Reference: 'Settlement 222' });
    setStatus(voided.InvoiceID, 'VOIDED');
    expect(numbersOf(get('/Invoices?InvoiceNumbers=S-1,S-3'))).toEqual(['S-1', 'S-3']);
    expect(numbersOf(get(`/Invoices?where=${encodeURIComponent('Reference=="Settlement 222"')}`))).toEqual(['S-2', 'S-3']);
    expect(numbersOf(get(`/Invoices?where=${encodeURIComponent('Reference=="Settlement 222"')}&Statuses=DRAFT,SUBMITTED,AUTHORISED`))).toEqual(['S-3']);
    expect(numbersOf(get(`/Invoices?where=${encodeURIComponent('Reference=="settlement 222"')}`))).toEqual([]);
  });

  it('leaves line items out of a plain list and includes them with paging, 100 a page', () => {
    const { create, get } = setup();
    create({ InvoiceNumber: 'P-1' });
    expect(json(get('/Invoices')).Invoices[0].LineItems).toEqual([]);
    const paged = json(get('/Invoices?page=1'));
    expect(paged.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, itemCount: 1 });
    expect(paged.Invoices[0].LineItems).toHaveLength(1);
  });

  it('finds one document by InvoiceID or by number, and answers 404 otherwise', () => {
    const { create, get } = setup();
    const created = create({ InvoiceNumber: 'ONE-1' });
    expect(json(get(`/Invoices/${created.InvoiceID}`)).Invoices[0].InvoiceNumber).toBe('ONE-1');
    expect(json(get('/Invoices/ONE-1')).Invoices[0].InvoiceID).toBe(created.InvoiceID);
    expect(get('/Invoices/3f2b8c1a-0000-4000-8000-000000000000').status).toBe(404);
  });
});

describe('POST /Invoices/{InvoiceID} status changes', () => {
  it('voids an AUTHORISED invoice: AmountDue drops to 0 and the document stays listed', () => {
    const { create, setStatus, sandbox } = setup();
    const invoice = create({ Status: 'AUTHORISED' });
    const response = setStatus(invoice.InvoiceID, 'VOIDED');
    expect(response.status).toBe(200);
    expect(json(response).Invoices[0]).toMatchObject({ Status: 'VOIDED', AmountDue: 0, Total: 120 });
    expect(sandbox.documents(UK)[0]).toMatchObject({ status: 'VOIDED', amountDue: '0.00', total: '120.00' });
  });

  it('deletes a DRAFT or SUBMITTED invoice', () => {
    const { create, setStatus } = setup();
    expect(json(setStatus(create({ Status: 'DRAFT' }).InvoiceID, 'DELETED')).Invoices[0].Status).toBe('DELETED');
    expect(json(setStatus(create({ Status: 'SUBMITTED' }).InvoiceID, 'DELETED')).Invoices[0].Status).toBe('DELETED');
  });

  it.each([
    ['DRAFT', 'VOIDED'],
    ['SUBMITTED', 'VOIDED'],
    ['AUTHORISED', 'DELETED'],
  ])('refuses %s → %s with Xero’s message', (from, to) => {
    const { create, setStatus, sandbox } = setup();
    const invoice = create({ Status: from });
    const response = setStatus(invoice.InvoiceID, to);
    expect(response.status).toBe(400);
    expect(json(response)).toMatchObject({ Type: 'ValidationException' });
    expect(json(response).Elements[0].ValidationErrors).toEqual([{ Message: 'Invoice not of valid status for modification' }]);
    expect(sandbox.documents(UK)[0]!.status).toBe(from);
  });

  it('refuses any change to a VOIDED or DELETED document', () => {
    const { create, setStatus } = setup();
    const voided = create({ Status: 'AUTHORISED' });
    setStatus(voided.InvoiceID, 'VOIDED');
    expect(setStatus(voided.InvoiceID, 'AUTHORISED').status).toBe(400);
    const deleted = create({});
    setStatus(deleted.InvoiceID, 'DELETED');
    expect(setStatus(deleted.InvoiceID, 'DELETED').status).toBe(400);
  });

  it('approves a draft after checking it again: an account archived since blocks it', () => {
    const { create, setStatus, sandbox } = setup();
    const draft = create({ Status: 'DRAFT' });
    sandbox.organisation(UK).accounts.find((a) => a.Code === '201')!.Status = 'ARCHIVED';
    const blocked = setStatus(draft.InvoiceID, 'AUTHORISED');
    expect(blocked.status).toBe(400);
    expect(json(blocked).Elements[0].ValidationErrors[0].Message).toContain("'201' has been archived");
    sandbox.organisation(UK).accounts.find((a) => a.Code === '201')!.Status = 'ACTIVE';
    expect(json(setStatus(draft.InvoiceID, 'AUTHORISED')).Invoices[0].Status).toBe('AUTHORISED');
  });

  it('ignores other fields when voiding (clients send back what they read) but refuses edits otherwise', () => {
    const { create, get, sandbox, accessToken } = setup();
    const invoice = create({ Status: 'AUTHORISED' });
    const read = json(get(`/Invoices/${invoice.InvoiceID}`)).Invoices[0];
    const post = (body: Record<string, unknown>) => api(sandbox, accessToken, UK, 'POST', `/Invoices/${invoice.InvoiceID}`, { Invoices: [body] });
    expect(post({ ...read, Reference: 'edited', Status: 'AUTHORISED' }).status).toBe(400);
    expect(json(post({ ...read, Status: 'VOIDED' })).Invoices[0].Status).toBe('VOIDED');
  });
});

describe('numbers after voiding and deleting', () => {
  it('a voided sales invoice keeps its number taken; a deleted one frees it', () => {
    const { create, setStatus, accessToken, sandbox } = setup();
    const voided = create({ InvoiceNumber: 'V-1', Status: 'AUTHORISED' });
    setStatus(voided.InvoiceID, 'VOIDED');
    expect(messagesOf(putInvoices(sandbox, accessToken, UK, [ukInvoice({ InvoiceNumber: 'V-1' })]))).toEqual(['Invoice # must be unique.']);
    const deleted = create({ InvoiceNumber: 'D-1' });
    setStatus(deleted.InvoiceID, 'DELETED');
    expect(messagesOf(putInvoices(sandbox, accessToken, UK, [ukInvoice({ InvoiceNumber: 'D-1' })]))).toEqual([]);
  });
});
