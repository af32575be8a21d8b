// The sandbox's responses checked against Xero's own OpenAPI schemas (../shared/xero-openapi):
// every body validates, and every field the sandbox writes is one the spec defines.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { UK, US, api, connect, json, newSandbox, putInvoices, ukInvoice } from './helpers';

const specPath = path.join(__dirname, '../../../../shared/xero-openapi/xero_accounting.yaml');
const haveSpec = existsSync(specPath);
const describeWithSpec = haveSpec ? describe : describe.skip;
if (!haveSpec) console.warn(`Skipping Xero spec conformance: ${specPath} is absent`);

// The envelope fields are in Xero's examples but not in the collection schemas.
const ENVELOPE = new Set(['Id', 'Status', 'ProviderName', 'DateTimeUTC']);
// Fields Xero's own examples show (and real responses carry) that its schemas leave out:
// DateString/DueDateString beside the /Date()/ values, ValidationErrors on each line item.
const IN_EXAMPLES_ONLY = new Set(['Invoice.DateString', 'Invoice.DueDateString', 'LineItem.ValidationErrors']);

describeWithSpec(`responses conform to ${path.basename(specPath)}`, () => {
  let schemas: Record<string, any>;
  let ajv: Ajv;

  beforeAll(() => {
    const spec = parse(readFileSync(specPath, 'utf8'));
    schemas = spec.components.schemas;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const format of ['double', 'int32', 'int64']) ajv.addFormat(format, true);
    ajv.addSchema({ $id: 'xero', components: spec.components });
  });

  /** The schema a $ref names, with that name. */
  function resolve(schema: any, name = ''): { schema: any; name: string } {
    if (!schema?.$ref) return { schema, name };
    const target = schema.$ref.split('/').pop();
    return resolve(schemas[target], target);
  }

  /** Paths of fields in `value` that the schema does not define (the spec allows extras, so check). */
  function unknownFields(value: unknown, schema: any, at: string): string[] {
    const { schema: s, name } = resolve(schema);
    if (Array.isArray(value)) return value.flatMap((item, i) => unknownFields(item, s?.items, `${at}[${i}]`));
    if (value === null || typeof value !== 'object' || !s?.properties) return [];
    return Object.entries(value).flatMap(([key, field]) => {
      if ((at === '' && ENVELOPE.has(key)) || IN_EXAMPLES_ONLY.has(`${name}.${key}`)) return [];
      if (!(key in s.properties)) return [`${at}.${key}`];
      return unknownFields(field, s.properties[key], `${at}.${key}`);
    });
  }

  function conforms(body: unknown, schemaName: string, checkFields = true): void {
    const validate = ajv.getSchema(`xero#/components/schemas/${schemaName}`) ?? ajv.compile({ $ref: `xero#/components/schemas/${schemaName}` });
    const valid = validate(body);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    if (checkFields) expect(unknownFields(body, { $ref: `#/components/schemas/${schemaName}` }, '')).toEqual([]);
  }

  function world() {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox);
    return { sandbox, accessToken };
  }

  it('PUT /Invoices (a created invoice and a refused one, summarizeErrors=false)', () => {
    const { sandbox, accessToken } = world();
    const response = putInvoices(sandbox, accessToken, UK, [
      ukInvoice({ InvoiceNumber: 'C-1', LineItems: [{ Description: 'Sales', Quantity: 2, UnitAmount: 10.5, AccountCode: '201', TaxType: 'OUTPUT2', DiscountRate: 10, Tracking: [{ Name: 'Marketplace', Option: 'Amazon.co.uk' }] }] }),
      ukInvoice({ CurrencyCode: 'EUR' }),
    ]);
    conforms(json(response), 'Invoices');
  });

  it('GET /Invoices with paging, and a bill in another currency', () => {
    const { sandbox, accessToken } = world();
    putInvoices(sandbox, accessToken, US, [ukInvoice({ Type: 'ACCPAY', CurrencyCode: 'EUR', LineItems: [{ Description: 'Fees', UnitAmount: 12, AccountCode: '405' }] })]);
    conforms(json(api(sandbox, accessToken, US, 'GET', '/Invoices?page=1')), 'Invoices');
  });

  it('GET /Invoices with payments and credit notes allocated, one of them PAID', () => {
    const { sandbox, accessToken } = world();
    putInvoices(sandbox, accessToken, UK, [ukInvoice({ Status: 'AUTHORISED', InvoiceNumber: 'P-1' }), ukInvoice({ Status: 'AUTHORISED', InvoiceNumber: 'P-2' })]);
    sandbox.allocate(UK, 'P-1', 'payment', '120');
    sandbox.allocate(UK, 'P-2', 'credit-note', '20');
    const body = json(api(sandbox, accessToken, UK, 'GET', '/Invoices?page=1'));
    expect(body.Invoices.map((i: any) => i.Status)).toEqual(['PAID', 'AUTHORISED']);
    conforms(body, 'Invoices');
  });

  it('a 400 ValidationException', () => {
    const { sandbox, accessToken } = world();
    const response = putInvoices(sandbox, accessToken, UK, [ukInvoice({ LineItems: [{ UnitAmount: 1, AccountCode: '409' }] })], { summarize: true });
    expect(response.status).toBe(400);
    const body = json(response);
    // The Element schema lists only ids; Xero's Elements are the whole documents, so their fields
    // are checked against the Invoice schema instead.
    conforms(body, 'Error', false);
    for (const element of body.Elements) conforms(element, 'Invoice');
  });

  it('PUT and GET /ManualJournals (a created journal, a refused one with a warning, a page with lines)', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: 'openid offline_access accounting.settings.read accounting.manualjournals' });
    const lines = [{ Description: 'Cost of goods sold', LineAmount: 12.5, AccountCode: '310', TaxType: 'NONE' }, { Description: 'Inventory', LineAmount: -12.5, AccountCode: '630', TaxType: 'NONE' }];
    const created = api(sandbox, accessToken, UK, 'PUT', '/ManualJournals?summarizeErrors=false', {
      ManualJournals: [
        { Narration: 'COGS', Date: '2026-01-10', Status: 'POSTED', LineAmountTypes: 'NoTax', Url: 'https://docs.google.com/x', JournalLines: lines },
        { Narration: 'refused', JournalLines: [{ LineAmount: 1, AccountCode: '476' }, { LineAmount: -2, AccountCode: '630' }] },
      ],
    });
    conforms(json(created), 'ManualJournals');
    conforms(json(api(sandbox, accessToken, UK, 'GET', '/ManualJournals?page=1')), 'ManualJournals');
    conforms(json(api(sandbox, accessToken, UK, 'GET', '/ManualJournals')), 'ManualJournals');
  });

  it('GET /TrackingCategories (with archived ones), and an invoice line carrying two', () => {
    const { sandbox, accessToken } = world();
    conforms(json(api(sandbox, accessToken, US, 'GET', '/TrackingCategories?includeArchived=true')), 'TrackingCategories');
    const created = putInvoices(sandbox, accessToken, US, [ukInvoice({ LineItems: [{ Description: 'Sales', UnitAmount: 10, AccountCode: '201', TaxType: 'NONE', Tracking: [{ Name: 'Marketplace', Option: 'Amazon.ca' }, { Name: 'Fulfilment', Option: 'FBA' }] }] })]);
    expect(json(created).Invoices[0].LineItems[0].Tracking).toHaveLength(2);
    conforms(json(created), 'Invoices');
  });

  it('PUT and GET /Invoices/{InvoiceID}/Attachments', () => {
    const { sandbox } = newSandbox();
    const { accessToken } = connect(sandbox, { scope: 'openid offline_access accounting.settings.read accounting.invoices accounting.contacts accounting.attachments' });
    const id = json(putInvoices(sandbox, accessToken, UK, [ukInvoice()])).Invoices[0].InvoiceID;
    const uploaded = sandbox.handle({
      method: 'PUT', url: `https://api.xero.com/api.xro/2.0/Invoices/${id}/Attachments/summary.csv`,
      headers: { authorization: `Bearer ${accessToken}`, 'xero-tenant-id': UK, 'content-type': 'text/csv' }, body: 'a,b',
    });
    conforms(json(uploaded), 'Attachments');
    conforms(json(api(sandbox, accessToken, UK, 'GET', `/Invoices/${id}/Attachments`)), 'Attachments');
  });

  it.each([
    ['/Accounts', 'Accounts'],
    ['/TaxRates', 'TaxRates'],
    ['/Organisation', 'Organisations'],
    ['/Currencies', 'Currencies'],
  ])('GET %s', (endpoint, schemaName) => {
    const { sandbox, accessToken } = world();
    for (const tenant of [UK, US]) conforms(json(api(sandbox, accessToken, tenant, 'GET', endpoint)), schemaName);
  });

  it('GET /connections has exactly the fields of the identity spec’s Connection', () => {
    const identity = parse(readFileSync(path.join(path.dirname(specPath), 'xero-identity.yaml'), 'utf8'));
    const { sandbox, accessToken } = world();
    const [connection] = json(sandbox.handle({ method: 'GET', url: 'https://api.xero.com/connections', headers: { authorization: `Bearer ${accessToken}` } }));
    // Field names only: Xero's own example writes createdDateUtc without a zone, which the
    // spec's date-time format would refuse.
    expect(Object.keys(connection).sort()).toEqual(Object.keys(identity.components.schemas.Connection.properties).sort());
  });
});
