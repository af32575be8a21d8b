// The contract with the real Xero (issue §5): every kind of document the engine produces matches
// xero-node's Invoice and LineItem models and the official OpenAPI schema, and every request the
// client sends uses paths, query parameters and headers the specs define.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as xeroNode from 'xero-node';
import { parse } from 'yaml';
import { COSTS_COLUMNS, planCogs, readCostsTable, type CogsSettings, type UnitsEntry, type XeroManualJournal } from '../../../src/core/cogs';
import { defaultMapping, defaultRules, templateAccounts } from '../../../src/core/mapping';
import type { XeroInvoice } from '../../../src/core/xero/invoice';
import { aggregateSettlement, summariseSettlement, type SettlementSummary } from '../../../src/core/summary';
import { buildDocuments, type PlannedDocument } from '../../../src/core/xero/documents';
import { settlementOf as detailedSettlement, type DetailedLineSpec } from '../../support/settlements';
import { selectXeroOrganisation, xeroAccountChoices, disconnectXero, xeroConnectUrl } from '../../../src/server/xero/entry-points';
import { postSettlementToXero } from '../../../src/server/xero/posting';
import type { HttpRequest } from '../../../src/xero/http';
import { createXeroWorld, HEADERS, MONTH_SPLIT, NEGATIVE, POSITIVE, SELLER, settlementOf, US } from '../../support/xero-apps-script';

afterEach(() => jest.restoreAllMocks());

const JPY: Parameters<typeof settlementOf>[0] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '12800'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-1280'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-09', '-355', ''],
];

// UK VAT the file states, with a refund whose net and tax disagree in sign on one account.
const STATED_TAX: Parameters<typeof settlementOf>[0] = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00', 'Amazon.co.uk'],
  ['Order', 'ItemPrice', 'Tax', '2025-08-02', '20.00', 'Amazon.co.uk', 'seller'],
  ['Refund', 'ItemPrice', 'Principal', '2025-08-03', '-30.00', 'Amazon.co.uk'],
  ['Refund', 'ItemPrice', 'Tax', '2025-08-03', '2.00', 'Amazon.co.uk', 'seller'],
];
const UK_VAT = { rules: defaultRules(), accounts: templateAccounts('uk-vat') };

/** A settlement of two marketplaces, FBA, merchant and multi-channel, tracked by both and split by marketplace. */
function trackedSettlement(): { summary: SettlementSummary; documents: PlannedDocument[] } {
  const lines: DetailedLineSpec[] = [
    { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '100.00'], fulfillmentId: 'AFN' },
    { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '40.00'], fulfillmentId: 'MFN' },
    { spec: ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-04', '-3.00', 'Non-Amazon US'], fulfillmentId: 'AFN' },
    { spec: ['Order', 'ItemPrice', 'Principal', '2025-08-05', '60.00', 'Amazon.com.mx'], fulfillmentId: 'AFN' },
    { spec: ['other-transaction', 'other-transaction', 'Subscription Fee', '2025-08-06', '-39.99', ''] },
  ];
  const summary = summariseSettlement(aggregateSettlement(detailedSettlement(lines, HEADERS.positive)), defaultMapping(), {
    split: 'off', splitByMarketplace: true,
    tracking: { marketplace: { category: 'Marketplace', options: {} }, channel: { category: 'Fulfilment', options: {} } },
  });
  const built = buildDocuments(summary, { status: 'DRAFT', contacts: { 'Amazon.com.mx': 'Amazon Mexico Services' } });
  if (!built.ok) throw new Error(built.problems.join(' '));
  return { summary, documents: built.documents };
}

/** One document of every kind the engine produces. */
function everyKindOfDocument(): { kind: string; invoice: XeroInvoice }[] {
  const kinds: [string, ReturnType<typeof settlementOf>][] = [
    ['sales invoice', settlementOf(POSITIVE, HEADERS.positive)],
    ['sales invoice with contact and link', settlementOf(POSITIVE, HEADERS.positive, { contactName: 'Amazon Services LLC', sourceUrl: 'https://docs.google.com/spreadsheets/d/abc/edit' })],
    ['bill', settlementOf(NEGATIVE, HEADERS.negative)],
    ['carry parts', settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' })],
    ['separate parts', settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'separate', status: 'AUTHORISED' })],
    ['JPY', settlementOf(JPY, { currency: 'JPY' }, { status: 'SUBMITTED' })],
    ['stated tax', settlementOf(STATED_TAX, { currency: 'GBP' }, { mapping: UK_VAT })],
    ['one rate for every part', settlementOf(MONTH_SPLIT, { ...HEADERS.monthSplit, currency: 'EUR' }, { split: 'carry', currencyRate: '0.912345' })],
    ['tracked, one per marketplace', trackedSettlement()],
  ];
  return kinds.flatMap(([kind, s]) => s.documents.map((d, i) => ({ kind: `${kind} #${i + 1}`, invoice: d.invoice })));
}

/** One cost of goods sold journal of every kind the engine produces. */
function everyKindOfJournal(): { kind: string; journal: XeroManualJournal }[] {
  const units = (sku: string, sold: number, returned = 0, postedDate = '2025-08-02'): UnitsEntry => ({ postedDate, sku, marketplace: 'Amazon.com', sold, returned, assumed: 0 });
  const costs = (currency = 'USD', cost = '4.10') => readCostsTable([[...COSTS_COLUMNS], ['MUG', cost, currency], ['00123', cost, currency]]);
  const kinds: [string, ReturnType<typeof settlementOf>, UnitsEntry[], ReturnType<typeof costs>, CogsSettings][] = [
    ['draft journal', settlementOf(POSITIVE, HEADERS.positive), [units('MUG', 3), units('00123', 1, 1)], costs(), { status: 'DRAFT' }],
    ['posted journal with link', settlementOf(POSITIVE, HEADERS.positive, { status: 'AUTHORISED' }), [units('MUG', 3)], costs(), { status: 'AUTHORISED', sourceUrl: 'https://docs.google.com/spreadsheets/d/abc/edit' }],
    ['returns over sales', settlementOf(POSITIVE, HEADERS.positive), [units('MUG', 0, 2)], costs(), { status: 'DRAFT' }],
    ['carry parts', settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' }), [units('MUG', 1, 0, '2025-07-28'), units('MUG', 2, 0, '2025-08-03')], costs(), { status: 'DRAFT' }],
    ['JPY', settlementOf(JPY, { currency: 'JPY' }), [units('MUG', 2)], costs('JPY', '333'), { status: 'DRAFT' }],
  ];
  return kinds.flatMap(([kind, s, u, c, settings]) => planCogs(s.summary, u, c, defaultMapping(), settings).journals.map((j, i) => ({ kind: `${kind} #${i + 1}`, journal: j.journal })));
}

describe("xero-node's models", () => {
  type Attribute = { name: string; baseName: string; type: string };
  const models = xeroNode as unknown as Record<string, { attributeTypeMap?: Attribute[] } & Record<string, unknown>>;

  /** The values of an enum named like `Invoice.StatusEnum` or `LineAmountTypes`, or undefined. */
  function enumValues(type: string): string[] | undefined {
    const [owner, inner] = type.split('.');
    const found = inner ? (models[owner!]?.[inner] as Record<string, unknown> | undefined) : models[owner!];
    if (!found || typeof found !== 'object' || 'attributeTypeMap' in found) return undefined;
    return Object.values(found).filter((v): v is string => typeof v === 'string');
  }

  /** Every field not in the model, of the wrong type, or outside its enum. */
  function problems(value: unknown, type: string, at: string): string[] {
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return Array.isArray(value) ? value.flatMap((v, i) => problems(v, array[1]!, `${at}[${i}]`)) : [`${at} is not an array`];
    if (type === 'string') return typeof value === 'string' ? [] : [`${at} is not a string`];
    if (type === 'number') return typeof value === 'number' ? [] : [`${at} is not a number`];
    const values = enumValues(type);
    if (values) return values.includes(value as string) ? [] : [`${at}: ${String(value)} is not one of ${type}`];
    const map = models[type]?.attributeTypeMap;
    if (!map) return [`${at}: unknown model ${type}`];
    const fields = new Map(map.map((a) => [a.baseName, a.type]));
    return Object.entries(value as Record<string, unknown>).flatMap(([key, field]) =>
      fields.has(key) ? problems(field, fields.get(key)!, `${at}.${key}`) : [`${at}.${key} is not a field of ${type}`],
    );
  }

  it('knows the models it checks against', () => {
    expect(problems({ Type: 'ACCREC', Bogus: 1 }, 'Invoice', 'x')).toEqual(['x.Bogus is not a field of Invoice']);
    expect(problems({ Status: 'POSTED' }, 'Invoice', 'x')).toEqual(['x.Status: POSTED is not one of Invoice.StatusEnum']);
    expect(problems({ LineItems: [{ Quantity: '1' }] }, 'Invoice', 'x')).toEqual(['x.LineItems[0].Quantity is not a number']);
  });

  it.each(everyKindOfDocument().map((d) => [d.kind, d.invoice] as const))('%s matches Invoice, Contact and LineItem', (_kind, invoice) => {
    expect(problems(invoice, 'Invoice', 'Invoice')).toEqual([]);
  });

  it.each(everyKindOfJournal().map((d) => [d.kind, d.journal] as const))('cost of goods sold %s matches ManualJournal and ManualJournalLine', (_kind, journal) => {
    expect(problems(journal, 'ManualJournal', 'ManualJournal')).toEqual([]);
  });
});

const specDir = path.join(__dirname, '../../../../shared/xero-openapi');
const haveSpec = existsSync(path.join(specDir, 'xero_accounting.yaml'));
if (!haveSpec) console.warn(`Skipping the OpenAPI contract checks: ${specDir} is absent`);
const describeWithSpec = haveSpec ? describe : describe.skip;

describeWithSpec('the official OpenAPI specs', () => {
  let accounting: any;
  let identity: any;
  let ajv: Ajv;

  beforeAll(() => {
    accounting = parse(readFileSync(path.join(specDir, 'xero_accounting.yaml'), 'utf8'));
    identity = parse(readFileSync(path.join(specDir, 'xero-identity.yaml'), 'utf8'));
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const format of ['double', 'int32', 'int64']) ajv.addFormat(format, true);
    ajv.addSchema({ $id: 'xero', components: accounting.components });
  });

  /** The schema a $ref names, followed to the end. */
  function resolve(schema: any): any {
    return schema?.$ref ? resolve(accounting.components.schemas[schema.$ref.split('/').pop()]) : schema;
  }

  /** Fields the schema does not define (the spec allows extra fields, so this is checked by hand). */
  function unknownFields(value: unknown, schema: any, at: string): string[] {
    const s = resolve(schema);
    if (Array.isArray(value)) return value.flatMap((item, i) => unknownFields(item, s?.items, `${at}[${i}]`));
    if (value === null || typeof value !== 'object' || !s?.properties) return [];
    return Object.entries(value).flatMap(([key, field]) => (key in s.properties ? unknownFields(field, s.properties[key], `${at}.${key}`) : [`${at}.${key}`]));
  }

  /** Checks a request body against a collection schema of the spec, extra fields included. */
  function validBody(body: unknown, schemaName: 'Invoices' | 'ManualJournals'): void {
    const validate = ajv.getSchema(`xero#/components/schemas/${schemaName}`)!;
    validate(body);
    expect(validate.errors ?? []).toEqual([]);
    expect(unknownFields(body, { $ref: `#/components/schemas/${schemaName}` }, '')).toEqual([]);
  }
  const validInvoicesBody = (body: unknown) => validBody(body, 'Invoices');
  const validJournalsBody = (body: unknown) => validBody(body, 'ManualJournals');

  it.each(everyKindOfDocument().map((d) => [d.kind, d.invoice] as const))('%s validates against the Invoices request schema', (_kind, invoice) => {
    validInvoicesBody({ Invoices: [invoice] });
  });

  it.each(everyKindOfJournal().map((d) => [d.kind, d.journal] as const))('cost of goods sold %s validates against the ManualJournals request schema', (_kind, journal) => {
    validJournalsBody({ ManualJournals: [journal] });
  });

  it('every request of posting, replacing and voiding cost of goods sold journals uses the spec’s paths and parameters, and its bodies validate', () => {
    const x = createXeroWorld();
    x.setUpApp();
    x.connect(SELLER);
    x.run(SELLER, () => selectXeroOrganisation(US));
    const s = settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry', status: 'AUTHORISED' });
    const cogs = (cost: string) => ({
      journals: planCogs(s.summary, [{ postedDate: '2025-07-28', sku: 'MUG', marketplace: 'Amazon.com', sold: 2, returned: 0, assumed: 0 }, { postedDate: '2025-08-03', sku: 'MUG', marketplace: 'Amazon.com', sold: 1, returned: 0, assumed: 0 }],
        readCostsTable([[...COSTS_COLUMNS], ['MUG', cost, 'USD']]), defaultMapping(), { status: 'AUTHORISED' }).journals,
      blocked: [],
    });
    const before = x.requests().length;
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post', cogs: cogs('4.10') })).kind).toBe('posted');
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void-and-repost', seenRevision: 1, cogs: cogs('4.20') })).kind).toBe('posted');
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'void', seenRevision: 1, cogs: cogs('4.20') })).kind).toBe('voided');
    const requests = x.requests().slice(before).filter((r) => r.url.includes('/ManualJournals'));
    const seen = new Set(requests.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/\/[0-9a-f-]{36}$/, '/{id}')}`));
    expect([...seen].sort()).toEqual(['GET /api.xro/2.0/ManualJournals', 'POST /api.xro/2.0/ManualJournals/{id}', 'PUT /api.xro/2.0/ManualJournals']);
    expect(requests.flatMap(requestProblems)).toEqual([]);
    for (const write of requests.filter((r) => r.method !== 'GET')) validJournalsBody(JSON.parse(write.body!));
    for (const put of requests.filter((r) => r.method === 'PUT')) expect(put.headers['idempotency-key']!.length).toBeLessThanOrEqual(128);
    expect(x.sandbox.journals(US).map((j) => j.status)).toEqual(['VOIDED', 'VOIDED', 'VOIDED', 'VOIDED']);
  });

  it('every request of posting with tracking, a contact per marketplace and attachments uses the spec’s paths and parameters, and its bodies validate', () => {
    const x = createXeroWorld();
    x.setUpApp();
    x.connect(SELLER);
    x.run(SELLER, () => selectXeroOrganisation(US));
    const s = trackedSettlement();
    const before = x.requests().length;
    const attachments = { source: { fileName: 'settlement.txt', contentHash: 'abc123' } };
    expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post', attachments })).kind).toBe('posted');
    const requests = x.requests().slice(before);
    const seen = new Set(requests.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/\/[0-9a-f-]{36}/, '/{id}').replace(/Attachments\/.+$/, 'Attachments/{file}')}`));
    expect([...seen].sort()).toEqual([
      'GET /api.xro/2.0/Accounts', 'GET /api.xro/2.0/Invoices', 'GET /api.xro/2.0/Organisation', 'GET /api.xro/2.0/TaxRates', 'GET /api.xro/2.0/TrackingCategories',
      'PUT /api.xro/2.0/Invoices', 'PUT /api.xro/2.0/Invoices/{id}/Attachments/{file}',
    ]);
    expect(requests.flatMap(requestProblems)).toEqual([]);
    const creates = requests.filter((r) => r.method === 'PUT' && r.url.includes('/Invoices?'));
    for (const create of creates) validInvoicesBody(JSON.parse(create.body!));
    expect(creates.flatMap((r) => JSON.parse(r.body!).Invoices.flatMap((i: XeroInvoice) => i.LineItems.flatMap((l) => l.Tracking ?? []))).length).toBeGreaterThan(0);
    for (const upload of requests.filter((r) => /\/Attachments\//.test(r.url))) {
      expect(upload.bodyEncoding).toBe('base64');
      expect(upload.headers['content-type']).toBe('text/csv');
      expect(upload.headers['idempotency-key']!.length).toBeLessThanOrEqual(128);
    }
  });

  it('the schema check catches a field Xero does not define and a wrong enum', () => {
    const validate = ajv.getSchema('xero#/components/schemas/Invoices')!;
    expect(validate({ Invoices: [{ Type: 'INVOICE' }] })).toBe(false);
    expect(unknownFields({ Invoices: [{ Type: 'ACCREC', Colour: 'red' }] }, { $ref: '#/components/schemas/Invoices' }, '')).toEqual(['.Invoices[0].Colour']);
  });

  /** The operation a request calls, with its parameters, or a reason it is not in the specs. */
  function operationOf(request: HttpRequest): { params: any[] } | string {
    const url = new URL(request.url);
    let spec: any;
    let pathName: string;
    if (url.origin === 'https://api.xero.com' && url.pathname.startsWith('/api.xro/2.0/')) {
      spec = accounting;
      pathName = url.pathname.slice('/api.xro/2.0'.length);
    } else if (url.origin === 'https://api.xero.com' && /^\/connections(\/|$)/i.test(url.pathname)) {
      spec = identity;
      pathName = url.pathname;
    } else {
      return `${url.origin}${url.pathname} is not an API of the specs`;
    }
    // Xero's paths are case-insensitive (the identity spec writes /Connections, Xero documents /connections).
    // Two templates can match one path (/Attachments/{AttachmentID} and /{FileName}): the one with the method is meant.
    const templates = Object.keys(spec.paths).filter((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`, 'i').test(pathName));
    const template = templates.find((p) => spec.paths[p][request.method.toLowerCase()]) ?? templates[0];
    if (!template) return `${pathName} is not a path of the spec`;
    const operation = spec.paths[template][request.method.toLowerCase()];
    if (!operation) return `${request.method} ${template} is not an operation of the spec`;
    const deref = (p: any) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p);
    return { params: [...(spec.paths[template].parameters ?? []), ...(operation.parameters ?? [])].map(deref) };
  }

  // Standard HTTP headers the specs leave to HTTP and to the OAuth2 security scheme.
  const STANDARD_HEADERS = new Set(['authorization', 'accept', 'content-type']);

  function requestProblems(request: HttpRequest): string[] {
    const url = new URL(request.url);
    if (request.url.split('?')[0] === accounting.components.securitySchemes.OAuth2.flows.authorizationCode.tokenUrl) {
      const form = new URLSearchParams(request.body);
      const allowed: Record<string, string[]> = {
        // RFC 6749 §4.1.3 and RFC 7636 §4.5; the client authenticates with HTTP Basic (§2.3.1).
        authorization_code: ['grant_type', 'code', 'redirect_uri', 'code_verifier'],
        refresh_token: ['grant_type', 'refresh_token'],
      };
      const fields = allowed[form.get('grant_type') ?? ''];
      if (!fields || request.method !== 'POST') return [`token request ${request.method} ${form.get('grant_type')}`];
      return [...form.keys()].filter((k) => !fields.includes(k)).map((k) => `token request field ${k}`);
    }
    const operation = operationOf(request);
    if (typeof operation === 'string') return [operation];
    const named = (where: string) => operation.params.filter((p) => p.in === where).map((p) => String(p.name).toLowerCase());
    const query = [...url.searchParams.keys()].filter((k) => !named('query').includes(k.toLowerCase())).map((k) => `query parameter ${k}`);
    const headers = Object.keys(request.headers).filter((h) => !STANDARD_HEADERS.has(h) && !named('header').includes(h)).map((h) => `header ${h}`);
    const missing = operation.params.filter((p) => p.in === 'header' && p.required && request.headers[String(p.name).toLowerCase()] === undefined).map((p) => `missing ${p.name}`);
    return [...query, ...headers, ...missing].map((p) => `${request.method} ${url.pathname}: ${p}`);
  }

  it('every request of a whole journey uses paths, query parameters and headers the specs define', () => {
    const x = createXeroWorld();
    x.setUpApp();
    const started = x.run(SELLER, () => xeroConnectUrl());
    if (!started.ok) throw new Error(started.failure.message);
    const authorize = new URL(started.value.url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(accounting.components.securitySchemes.OAuth2.flows.authorizationCode.authorizationUrl);
    expect([...authorize.searchParams.keys()].sort()).toEqual(['client_id', 'code_challenge', 'code_challenge_method', 'redirect_uri', 'response_type', 'scope', 'state']);
    // Scopes from the spec's list, plus offline_access (Xero's OAuth docs) and the granular
    // accounting.invoices and accounting.manualjournals (DOMAIN.md §2; the 16.1.0 spec predates granular scopes).
    const known = new Set([...Object.keys(accounting.components.securitySchemes.OAuth2.flows.authorizationCode.scopes), 'offline_access', 'accounting.invoices', 'accounting.manualjournals']);
    expect(authorize.searchParams.get('scope')!.split(' ').filter((s) => !known.has(s))).toEqual([]);

    x.connect(SELLER);
    x.run(SELLER, () => selectXeroOrganisation(US));
    x.run(SELLER, () => xeroAccountChoices(true));
    const positive = settlementOf(POSITIVE, HEADERS.positive, { status: 'AUTHORISED' });
    for (const s of [positive, settlementOf(NEGATIVE, HEADERS.negative), settlementOf(MONTH_SPLIT, HEADERS.monthSplit, { split: 'carry' })]) {
      expect(x.run(SELLER, () => postSettlementToXero({ summary: s.summary, documents: s.documents, mode: 'post' })).kind).toBe('posted');
    }
    x.world.advanceClock(31 * 60_000);
    expect(x.run(SELLER, () => postSettlementToXero({ summary: positive.summary, documents: positive.documents, mode: 'void-and-repost', seenRevision: 1 })).kind).toBe('posted');
    x.run(SELLER, () => disconnectXero());

    const requests = x.requests();
    const seen = new Set(requests.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/\/[0-9a-f-]{36}$/, '/{id}')}`));
    expect([...seen].sort()).toEqual([
      'DELETE /connections/{id}',
      'GET /api.xro/2.0/Accounts',
      'GET /api.xro/2.0/Currencies',
      'GET /api.xro/2.0/Invoices',
      'GET /api.xro/2.0/Organisation',
      'GET /api.xro/2.0/TaxRates',
      'GET /connections',
      'POST /api.xro/2.0/Invoices/{id}',
      'POST /connect/token',
      'PUT /api.xro/2.0/Invoices',
    ]);
    expect(requests.flatMap(requestProblems)).toEqual([]);
    // Creates and status changes both send an Invoices body.
    for (const write of requests.filter((r) => r.url.includes('/Invoices') && r.method !== 'GET')) validInvoicesBody(JSON.parse(write.body!));
    for (const r of requests.filter((q) => q.url.startsWith('https://api.xero.com/api.xro/'))) {
      expect(r.headers).toMatchObject({ accept: 'application/json', 'xero-tenant-id': US });
      expect(r.headers['authorization']).toMatch(/^Bearer \S+$/);
    }
    for (const put of requests.filter((r) => r.method === 'PUT')) expect(put.headers['idempotency-key']!.length).toBeLessThanOrEqual(128);
  });

  it('the request check catches a parameter or header the spec does not define', () => {
    const request = (url: string, headers: Record<string, string> = {}): HttpRequest => ({ method: 'GET', url, headers: { 'xero-tenant-id': 't', ...headers } });
    expect(requestProblems(request('https://api.xero.com/api.xro/2.0/Invoices?InvoiceNumber=A'))).toEqual(['GET /api.xro/2.0/Invoices: query parameter InvoiceNumber']);
    expect(requestProblems(request('https://api.xero.com/api.xro/2.0/Accounts', { 'x-tenant': 't' }))).toEqual(['GET /api.xro/2.0/Accounts: header x-tenant']);
    expect(requestProblems({ method: 'GET', url: 'https://api.xero.com/api.xro/2.0/Accounts', headers: {} })).toEqual(['GET /api.xro/2.0/Accounts: missing xero-tenant-id']);
    expect(requestProblems(request('https://api.xero.com/api.xro/2.0/Bogus'))).toEqual(['/Bogus is not a path of the spec']);
  });
});
