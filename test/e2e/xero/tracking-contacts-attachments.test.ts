// Issue 13 on the BUILT add-on ("Done when"): a pan-European EUR settlement (Amazon.de and
// Amazon.fr, FBA and merchant-fulfilled orders) read from its file, posted to the sandbox with
// tracking by marketplace and by fulfilment channel, a contact per marketplace and the summary
// attached to each document; posting again sends nothing; a lost answer never makes a second
// document or a second attachment; a tracking option the organisation lacks is reported before
// anything is sent; a failure to attach leaves the documents and can be retried; the original
// file can be attached too, once.
import { createHash } from 'node:crypto';
import { SettlementReader } from '../../../sidebar/reading/reader';
import type { BeginImportResult, PostResultDto, PreviewResult, SettingsDto } from '../../../src/api/types';
import { DEFAULT_APP, REGIONAL_TENANT_IDS, regionalOrganisations } from '../../fakes/xero';
import { builtBundle, bundleSession, connect, importFile, saveApp, type BundleSession } from '../../support/bundle-session';
import { renderRegionalFile, type RegionalFile } from '../../support/regional-files';
import { SELLER } from '../../support/xero-apps-script';

const DE = REGIONAL_TENANT_IDS.de;
const ID = '31000000001';

const fees = (commission: string, fba?: string): [string, string, string][] => [
  ['ItemFees', 'Commission', commission],
  ...(fba ? [['ItemFees', 'FBAPerUnitFulfillmentFee', fba] as [string, string, string]] : []),
];
const FILE: RegionalFile = {
  settlementId: ID, currency: 'EUR', marketplace: 'Amazon.de', start: '2025-08-01', end: '2025-08-14',
  orders: [
    { orderId: '302-0000001-0000001', date: '2025-08-02', fulfillmentId: 'AFN', amounts: [['ItemPrice', 'Principal', '119.00'], ...fees('-17.85', '-4.50')] },
    { orderId: '302-0000002-0000002', date: '2025-08-03', fulfillmentId: 'MFN', amounts: [['ItemPrice', 'Principal', '59.50'], ...fees('-8.93')] },
    { orderId: '402-0000003-0000003', date: '2025-08-04', fulfillmentId: 'AFN', marketplace: 'Amazon.fr', amounts: [['ItemPrice', 'Principal', '89.25'], ...fees('-13.39', '-4.10')] },
    { orderId: '402-0000004-0000004', date: '2025-08-05', fulfillmentId: 'MFN', marketplace: 'Amazon.fr', amounts: [['ItemPrice', 'Principal', '29.75'], ...fees('-4.46')] },
  ],
  accountLines: [
    { description: 'Storage Fee', date: '2025-08-10', amount: '-6.00' },
    { description: 'Subscription Fee', date: '2025-08-11', amount: '-39.00' },
  ],
};
const { text, total } = renderRegionalFile(FILE);

const SETTINGS: SettingsDto = {
  split: 'carry', documentStatus: 'DRAFT', contactName: '', template: 'eu-vat', cogs: 'off',
  tracking: { marketplace: { category: 'Marketplace', options: {} }, channel: { category: 'Fulfilment', options: {} } },
  contacts: { 'Amazon.de': 'Amazon EU S.à r.l. (DE)', 'Amazon.fr': 'Amazon EU S.à r.l. (FR)' },
  splitByMarketplace: true,
};

let code = '';
beforeAll(() => {
  code = builtBundle();
});
afterEach(() => jest.restoreAllMocks());

/** A German organisation's seller: app set up, connected, the template applied, the settings saved, the file imported. */
function ready(settings: SettingsDto = SETTINGS, scopes?: string): BundleSession {
  const s = bundleSession(code, { xero: { organisations: regionalOrganisations() } });
  saveApp(s);
  if (scopes) s.x.run(SELLER, () => PropertiesService.getScriptProperties().setProperty('XERO_SCOPES', scopes));
  connect(s, SELLER, [DE]);
  s.run(SELLER, 'saveSettings', { ...settings, applyTemplate: true });
  importFile(s, text);
  return s;
}

const preview = (s: BundleSession) => s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: ID });
// Post carries the fingerprint of the preview the person looked at (issue 9).
const post = (s: BundleSession) =>
  s.run<PostResultDto & { attachments?: string }>(SELLER, 'postSettlement', {
    settlementId: ID,
    mode: 'post',
    fingerprint: preview(s).fingerprint,
  });
const documents = (s: BundleSession) => s.x.sandbox.documents(DE).filter((d) => d.status !== 'DELETED');
const requests = (s: BundleSession, pattern: RegExp) => s.x.requests().filter((r) => pattern.test(`${r.method} ${new URL(r.url).pathname}`));
const tracked = (s: BundleSession) =>
  documents(s).map((d) => [d.invoiceNumber, d.contactName, d.lines.map((l) => `${l.accountCode} ${l.lineAmount} ${l.tracking.map((t) => t.Option).join('/')}`)]);

describe('tracking, contacts per marketplace and the summary attached, on the built add-on', () => {
  it('posts one document per marketplace, to its contact, every line tracked by marketplace and channel, the summary attached; posting again sends nothing', () => {
    const s = ready();
    const before = preview(s);
    expect(before.problems).toEqual([]);
    expect(before.canPost).toBe(true);
    expect(before.plan.map((d) => [d.invoiceNumber, d.contact, d.marketplace])).toEqual([
      [`AMZ-${ID}-DE`, 'Amazon EU S.à r.l. (DE)', 'Amazon.de'],
      [`AMZ-${ID}-FR`, 'Amazon EU S.à r.l. (FR)', 'Amazon.fr'],
    ]);
    // The Summary tab shows each line's tracking and the document that carries it.
    const summaryRows = s.x.world.inspect.grid('Summary').values.map((r) => r.slice(1, 3).join(' | '));
    expect(summaryRows).toContain(`Sales invoice AMZ-${ID}-FR dated 2025-08-14 | Sales (Marketplace: Amazon.fr · Fulfilment: FBA)`);
    expect(summaryRows).toContain(`Sales invoice AMZ-${ID}-DE dated 2025-08-14 | Storage (Marketplace: Amazon.de · Fulfilment: FBA)`);
    const result = post(s);
    expect(result.outcome).toBe('posted');
    expect(result.attachments).toBe(`The summary is attached to AMZ-${ID}-DE, AMZ-${ID}-FR.`);

    expect(tracked(s)).toEqual([
      [`AMZ-${ID}-DE`, 'Amazon EU S.à r.l. (DE)', [
        '201 119.00 Amazon.de/FBA',
        '201 59.50 Amazon.de/Merchant Fulfilled',
        // The subscription has no channel: tracked by marketplace only, under the main one.
        '405 -39.00 Amazon.de',
        '405 -17.85 Amazon.de/FBA',
        '405 -8.93 Amazon.de/Merchant Fulfilled',
        '406 -4.50 Amazon.de/FBA',
        '407 -6.00 Amazon.de/FBA',
      ]],
      [`AMZ-${ID}-FR`, 'Amazon EU S.à r.l. (FR)', [
        '201 89.25 Amazon.fr/FBA',
        '201 29.75 Amazon.fr/Merchant Fulfilled',
        '405 -13.39 Amazon.fr/FBA',
        '405 -4.46 Amazon.fr/Merchant Fulfilled',
        '406 -4.10 Amazon.fr/FBA',
      ]],
    ]);
    // Together the documents are the deposit, to the cent.
    expect(documents(s).reduce((sum, d) => sum + Math.round(Number(d.total) * 100), 0)).toBe(Math.round(Number(total) * 100));

    const [de] = documents(s);
    const files = s.x.sandbox.attachments(DE, de!.invoiceNumber);
    expect(files.map((f) => [f.fileName, f.mimeType])).toEqual([[`AMZ-${ID}-DE-summary.csv`, 'text/csv']]);
    const csv = files[0]!.text;
    expect(csv).toContain(`Settlement id,${ID}`);
    expect(csv).toContain('Period,2025-08-01 to 2025-08-14');
    expect(csv).toContain(`SettleSheet fingerprint of the settlement's lines (SHA-256 of the fields read, not of the file),${before.attachments!.contentHash}`);
    expect(csv).toContain('1,Sales,201,OUTPUT,Marketplace: Amazon.de · Fulfilment: FBA,119.00,0.00,1');
    expect(csv).toContain('Order,ItemPrice,Principal,Amazon.de,,Sales,1,119.00');
    expect(csv).toContain(`Deposit,${total}`);
    const after = preview(s);
    expect(after.attachments!.files.map((f) => [f.invoiceNumber, f.state])).toEqual([[`AMZ-${ID}-DE`, 'attached'], [`AMZ-${ID}-FR`, 'attached']]);
    expect(after.attachments!.missing).toEqual([]);

    const calls = s.x.requests().length;
    expect(post(s).outcome).toBe('already-posted');
    expect(s.x.requests()).toHaveLength(calls);
  });

  it('names the file the sidebar read by the SHA-256 of its bytes, as sha256sum gives it, beside the fingerprint of its lines', async () => {
    const s = bundleSession(code, { xero: { organisations: regionalOrganisations() } });
    saveApp(s);
    connect(s, SELLER, [DE]);
    s.run(SELLER, 'saveSettings', { ...SETTINGS, applyTemplate: true });
    // Saved with Windows line endings: other bytes than the text's, the same lines.
    const bytes = new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    const reader = new SettlementReader();
    const file = await SettlementReader.fileOf(new Blob([bytes]));
    const read = reader.read(file.text, 'settlement.txt', () => undefined, file.sha256);
    if (!read.ok) throw new Error(read.problems.join(' '));
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', read.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: reader.lines(0, read.begin.lineCount) });
    s.run(SELLER, 'finishImport', { importId: begun.importId, aggregate: read.aggregateDto, units: read.units });
    expect(post(s).outcome).toBe('posted');
    const csv = s.x.sandbox.attachments(DE, `AMZ-${ID}-DE`)[0]!.text;
    expect(csv).toContain(`File SHA-256 (of its bytes, as sha256sum gives it),${createHash('sha256').update(bytes).digest('hex')}\r\n`);
    expect(csv).toContain(`SettleSheet fingerprint of the settlement's lines (SHA-256 of the fields read, not of the file),${read.begin.contentHash}\r\n`);
  });

  it('a lost answer to the create and to an upload: one document and one attachment each, found by number and by file name', () => {
    const s = ready();
    s.x.sandbox.faults.add({ match: { method: 'PUT', path: '/api.xro/2.0/Invoices' }, times: 3, kind: { dropAfterCommit: true } });
    const first = post(s);
    expect(first.outcome).toBe('failed');
    expect(first.message).toContain('Xero may have created');
    expect(documents(s)).toHaveLength(2);

    s.x.sandbox.faults.add({ match: { method: 'PUT', path: /\/Attachments\//i }, times: 3, kind: { dropAfterCommit: true } });
    const second = post(s);
    expect(second.outcome).toBe('posted');
    expect(second.message).toContain(`AMZ-${ID}-DE-summary.csv was not attached to AMZ-${ID}-DE`);
    expect(second.message).toContain(`The summary is attached to AMZ-${ID}-FR.`);
    expect(preview(s).attachments!.missing).toEqual([`AMZ-${ID}-DE`]);

    const third = post(s);
    expect(third.attachments).toBe(`The summary is attached to AMZ-${ID}-DE.`);
    expect(documents(s)).toHaveLength(2);
    expect(documents(s).map((d) => s.x.sandbox.attachments(DE, d.invoiceNumber).length)).toEqual([1, 1]);
    // The lost upload was looked up by name and adopted, not sent a fourth time.
    expect(requests(s, /^PUT .*\/Attachments\//i)).toHaveLength(4);
    expect(requests(s, /^GET .*\/Attachments$/i)).toHaveLength(1);
    expect(requests(s, /^PUT \/api\.xro\/2\.0\/Invoices$/i)).toHaveLength(3);
  });

  it('reports a tracking option the organisation lacks (or archived) before anything is sent', () => {
    const s = ready({ ...SETTINGS, tracking: { ...SETTINGS.tracking, marketplace: { category: 'Marketplace', options: { 'Amazon.fr': 'France' } } } });
    s.x.sandbox.organisation(DE).trackingCategories[1]!.Options[1]!.Status = 'ARCHIVED';
    const shown = preview(s);
    expect(shown.canPost).toBe(false);
    expect(shown.problems).toEqual([
      expect.stringMatching(/^Tracking category "Marketplace" in Lindenhof Handel GmbH has no option "France"\. /),
      expect.stringMatching(/^Tracking category "Fulfilment" in Lindenhof Handel GmbH has no active option "Merchant Fulfilled" \(it is archived\)\. /),
    ]);
    const sent = s.x.requests().length;
    const result = post(s);
    expect(result.outcome).toBe('refused');
    expect(requests(s, /^PUT /).length).toBe(0);
    // Only reads: the organisation, its accounts, tax rates and tracking categories, read afresh.
    expect(s.x.requests().slice(sent).map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api.xro/2.0/Organisation', 'GET /api.xro/2.0/Accounts', 'GET /api.xro/2.0/TaxRates', 'GET /api.xro/2.0/TrackingCategories',
    ]);
    expect(documents(s)).toEqual([]);
  });

  it('a failure to attach leaves the documents in Xero, is shown, and is retried once the permission is granted', () => {
    const s = ready(SETTINGS, 'openid offline_access accounting.settings.read accounting.invoices accounting.contacts accounting.manualjournals');
    const result = post(s);
    expect(result.outcome).toBe('posted');
    expect(result.attachments).toContain('Connect to Xero again to grant it');
    expect(documents(s)).toHaveLength(2);
    const shown = preview(s);
    expect(shown.attachments!.missing).toEqual([`AMZ-${ID}-DE`, `AMZ-${ID}-FR`]);
    expect(shown.attachments!.files.map((f) => f.state)).toEqual(['failed', 'failed']);

    s.x.run(SELLER, () => PropertiesService.getScriptProperties().deleteProperty('XERO_SCOPES'));
    connect(s, SELLER, [DE]);
    const retried = post(s);
    expect(retried.outcome).toBe('posted');
    expect(retried.attachments).toBe(`The summary is attached to AMZ-${ID}-DE, AMZ-${ID}-FR.`);
    expect(documents(s).map((d) => s.x.sandbox.attachments(DE, d.invoiceNumber).length)).toEqual([1, 1]);
  });

  it('attaches the original settlement file to each document once, on request', () => {
    const s = ready();
    post(s);
    const file = { settlementId: ID, fileName: 'settlement.txt', base64: Buffer.from(text).toString('base64') };
    expect(s.run<{ message: string }>(SELLER, 'attachOriginalFile', file).message).toBe(`The settlement file is attached to AMZ-${ID}-DE, AMZ-${ID}-FR.`);
    expect(s.x.sandbox.attachments(DE, `AMZ-${ID}-FR`).map((a) => [a.fileName, a.mimeType, a.text === text])).toEqual([
      [`AMZ-${ID}-FR-summary.csv`, 'text/csv', false],
      [`Amazon-settlement-${ID}.txt`, 'text/plain', true],
    ]);
    const calls = s.x.requests().length;
    expect(s.run<{ message: string }>(SELLER, 'attachOriginalFile', file).message).toContain('already attached');
    expect(s.x.requests()).toHaveLength(calls);
    expect(s.x.world.inspect.grid('Log').values.filter((r) => r[2] === 'Attach file').map((r) => r[4])).toEqual(['OK', 'OK']);
  });

  it('keeps one document per part for several marketplaces when not split, addressed to the main marketplace’s contact, and says so', () => {
    const s = ready({ ...SETTINGS, splitByMarketplace: false });
    const shown = preview(s);
    expect(shown.plan.map((d) => [d.invoiceNumber, d.contact])).toEqual([[`AMZ-${ID}`, 'Amazon EU S.à r.l. (DE)']]);
    expect(shown.warnings).toContainEqual(
      'Each document is addressed to Amazon EU S.à r.l. (DE), the contact of Amazon.de (most of this settlement\'s lines), and also carries the lines of Amazon.fr. ' +
        'To give each marketplace its own document and contact, choose "One document per marketplace" in Settings.',
    );
    expect(post(s).outcome).toBe('posted');
    expect(documents(s).map((d) => [d.invoiceNumber, d.contactName, d.lines.length])).toEqual([[`AMZ-${ID}`, 'Amazon EU S.à r.l. (DE)', 12]]);
  });
});
