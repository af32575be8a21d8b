// The BUILT add-on (dist/Code.js and dist/Sidebar.html) doing what a seller and an accountant do,
// against the Google fakes and the local Xero sandbox: every call is a separate execution of the
// bundle in its own script context, as in Apps Script.
import { importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope, PreviewResult, PostResultDto, SettlementListItem } from '../../src/api/types';
import { parseSettlement } from '../../src/core/settlement';
import { builtBundle, bundleSession, connect, importFile, mapInSheet, saveApp, signIn, type BundleSession, postAs } from '../support/bundle-session';
import { syntheticSettlement } from '../support/synthetic';
import { BOOKKEEPER, SELLER, US } from '../support/xero-apps-script';

let code = '';

beforeAll(() => {
  code = builtBundle();
});
afterEach(() => jest.restoreAllMocks());

const FORMULA_SKU = '=IMPORTXML("https://evil.example","//a")';
const NEW_FEE = 'Inventory Placement Service Fee';

/** A synthetic settlement file spanning a month end, with one unknown fee and a formula-looking SKU. */
function settlementFile(): string {
  const text = syntheticSettlement({ rows: 240, seed: 11, start: '2025-07-24', days: 14 }).renderV2();
  const rows = text.split('\n');
  const header = rows[0]!.split('\t');
  const sku = header.indexOf('sku');
  const description = header.indexOf('amount-description');
  let skuDone = false;
  let feeDone = false;
  for (let i = 2; i < rows.length; i++) {
    const cells = rows[i]!.split('\t');
    if (!skuDone && cells[sku]) {
      cells[sku] = FORMULA_SKU;
      skuDone = true;
    }
    if (!feeDone && cells[description] === 'Shipping label purchase') {
      cells[description] = NEW_FEE;
      feeDone = true;
    }
    rows[i] = cells.join('\t');
  }
  if (!skuDone || !feeDone) throw new Error('The synthetic file lacks a SKU or a shipping label purchase to edit');
  return rows.join('\n');
}

const session = (): BundleSession => bundleSession(code);

describe('the add-on, built, end to end', () => {
  it('opens, imports, maps, connects, previews and posts exactly once', () => {
    const s = session();
    // Open the spreadsheet: onOpen runs before authorisation and only builds the menu.
    s.bundle.callWithoutAuthorization(SELLER, 'onOpen', { authMode: 'NONE' });
    const menu = s.x.world.inspect.ui().menus[0]!;
    expect(menu.entries.map((e) => ('caption' in e ? e.caption : '—'))).toContain('Open SettleSheet');
    s.bundle.callRaw(SELLER, 'showSidebar');
    expect(s.x.world.inspect.ui().sidebars[0]).toMatchObject({ title: 'SettleSheet' });

    // The deployer saved the Xero app's credentials once.
    saveApp(s);

    const { finished } = importFile(s, settlementFile());
    expect(finished).toMatchObject({ balanced: true, unmapped: 1, status: 'Needs mapping' });
    const settlementId = finished!.settlementId;

    let preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.unmapped.map((u) => u.amountDescription)).toEqual([NEW_FEE]);
    expect(preview.canPost).toBe(false);

    mapInSheet(s, NEW_FEE, 'FBA fees');
    // Transactions still says "Not mapped" for that line until the next preview refreshes it.
    preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.unmapped).toEqual([]);
    const tx = s.x.world.inspect.grid('Transactions');
    expect(tx.values.filter((r) => r[5] === NEW_FEE).map((r) => r[11])).toEqual(['FBA fees']);

    expect(connect(s, SELLER)).toContain('Connected to Harbor Lane Goods Inc');
    expect(s.run(SELLER, 'getConnectionStatus')).toMatchObject({ connected: true, canPost: true, organisation: { tenantId: US } });
    // Set an account the way the Accounts dropdown writes it: code and name.
    const accounts = s.x.world.inspect.grid('Accounts');
    const salesRow = accounts.values.findIndex((r) => r[0] === 'Sales') + 1;
    s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!.getRange(salesRow, 5).setValue('200 — Sales'));
    s.run(SELLER, 'refreshXeroAccounts');
    expect(s.x.world.inspect.grid('Accounts').values[salesRow - 1]!.slice(6, 8)).toEqual(['Sales', 'OK']);

    preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview.problems).toEqual([]);
    expect(preview.canPost).toBe(true);
    // Spanning July and August with the carry: July's document totals zero, August's is the deposit.
    expect(preview.plan.map((p) => [p.part, p.total])).toEqual([
      ['2025-07', '0.00'],
      ['2025-08', preview.settlement.total.replace('-', '')],
    ]);
    const salesLine = preview.parts.flatMap((p) => p.lines).find((l) => l.categories.includes('Sales'));
    expect(salesLine).toMatchObject({ accountCode: '200', accountName: 'Sales' });

    const posted = postAs(s, SELLER, { settlementId, mode: 'post' });
    expect(posted.outcome).toBe('posted');
    const held = s.x.sandbox.documents(US);
    expect(held.map((d) => [d.invoiceNumber, d.total])).toEqual(preview.plan.map((p) => [p.invoiceNumber, p.total]));

    const row = s.x.world.inspect.grid('Settlements').values.findIndex((r) => r[0] === settlementId) + 1;
    const settlementsRow = s.x.world.inspect.grid('Settlements').values[row - 1]!;
    expect(settlementsRow[10]).toBe('Posted');
    const numbers = preview.plan.map((p) => p.invoiceNumber).join(', ');
    expect(settlementsRow[11]).toBe(numbers);
    const firstLink = s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settlements')!.getRange(row, 12).getRichTextValue()!.getLinkUrl(0, preview.plan[0]!.invoiceNumber.length));
    expect(firstLink).toBe(`https://go.xero.com/organisationlogin/default.aspx?shortcode=!hL2mw&redirecturl=/AccountsReceivable/View.aspx?InvoiceID=${held[0]!.invoiceId}`);

    // Pressing Post again creates nothing.
    const again = postAs(s, SELLER, { settlementId, mode: 'post' });
    expect(again.outcome).toBe('already-posted');
    expect(s.x.sandbox.documents(US)).toHaveLength(held.length);
    const log = s.x.world.inspect.grid('Log').values.slice(1).filter((r) => r[0] !== '');
    expect(log.map((r) => [r[2], r[4]])).toEqual([
      ['Import', 'OK'],
      ['Post', 'OK'],
      ['Post', 'OK'],
    ]);
  });

  it('keeps a formula-looking SKU as text in Transactions', () => {
    const s = session();
    importFile(s, settlementFile());
    const grid = s.x.world.inspect.grid('Transactions');
    const row = grid.values.findIndex((r) => r[7] === FORMULA_SKU);
    expect(row).toBeGreaterThan(0);
    expect(grid.formulas[row]![7]).toBe('');
  });

  it('leaves nothing behind when a chunk fails and the import is cancelled', () => {
    const s = session();
    s.run(SELLER, 'listSettlements');
    const parsed = parseSettlement(settlementFile(), 'settlement.txt');
    if (!parsed.ok) throw new Error('unreadable');
    const payload = importPayload(parsed.settlement);
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', payload.begin);
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines.slice(0, 100) });
    const broken = payload.lines.slice(100, 200).map((l, i) => (i === 5 ? [l[0], 'not a date', ...l.slice(2)] : l));
    const failed = s.bundle.call<Envelope<unknown>>(SELLER, 'appendImportLines', { importId: begun.importId, offset: 100, lines: broken });
    expect(failed).toEqual({ ok: false, message: expect.stringContaining('could not read what the sidebar sent') });
    expect(s.run(SELLER, 'cancelImport', { importId: begun.importId })).toEqual({ cancelled: true });
    const visible = (tab: string) => s.x.world.inspect.grid(tab).values.slice(1).filter((r) => r.some((v) => v !== ''));
    expect(visible('Transactions')).toEqual([]);
    expect(visible('Settlements')).toEqual([]);
    expect(s.x.world.inspect.sheet('Transactions').hiddenRows).toEqual([]);
    expect(s.x.world.inspect.sheetNames()).not.toContain('_SettleSheet import');
    expect(s.run(SELLER, 'listSettlements')).toEqual([]);
  });

  it('re-posts a re-issued settlement only through Void and re-post, replacing what Xero holds', () => {
    const s = session();
    saveApp(s);
    const file = settlementFile();
    const { finished } = importFile(s, file);
    const settlementId = finished!.settlementId;
    mapInSheet(s, NEW_FEE, 'FBA fees');
    connect(s, SELLER);
    expect(postAs(s, SELLER, { settlementId, mode: 'post' }).outcome).toBe('posted');
    const first = s.x.sandbox.documents(US).map((d) => d.invoiceNumber);

    // Amazon re-issues the file with one amount changed: importing it asks first, then marks it.
    const reissued = file.replace(/\t(-?\d+\.\d\d)\t(\S*\t\d{4}-)/, (_m, amount: string, rest: string) => `\t${(Number(amount) + 1).toFixed(2)}\t${rest}`);
    expect(reissued).not.toBe(file);
    const totalLine = reissued.split('\n')[1]!.split('\t');
    totalLine[4] = (Number(totalLine[4]) + 1).toFixed(2);
    const balancedReissue = [reissued.split('\n')[0], totalLine.join('\t'), ...reissued.split('\n').slice(2)].join('\n');
    expect(importFile(s, balancedReissue).begun).toMatchObject({ status: 'needs-confirmation', posted: true });
    const parsed = parseSettlement(balancedReissue, 'settlement.txt');
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    const payload = importPayload(parsed.settlement);
    const begun = s.run<BeginImportResult>(SELLER, 'beginImport', { ...payload.begin, confirmReissue: true });
    if (begun.status !== 'ready') throw new Error(begun.status);
    s.run(SELLER, 'appendImportLines', { importId: begun.importId, offset: 0, lines: payload.lines });
    expect(s.run<SettlementListItem>(SELLER, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units }).status).toBe('Changed since posting');

    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId });
    expect(preview).toMatchObject({ changedSincePosting: true, canPost: false, revision: 1 });
    expect(preview.plan.map((p) => p.invoiceNumber)).toEqual(first.map((n) => `${n}-R2`));
    expect(postAs(s, SELLER, { settlementId, mode: 'post' }).outcome).toBe('refused');

    const reposted = postAs(s, SELLER, { settlementId, mode: 'void-and-repost', seenRevision: preview.revision });
    expect(reposted.outcome).toBe('posted');
    const byNumber = new Map(s.x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.status]));
    // The month part that carries its net forward was created approved (it totals zero): voided.
    // The draft that carried the deposit was deleted.
    expect(first.map((n) => byNumber.get(n))).toEqual(first.map((_, i) => (i < first.length - 1 ? 'VOIDED' : 'DELETED')));
    for (const p of preview.plan) expect(byNumber.get(p.invoiceNumber)).toBe(p.status);
    expect(preview.plan.map((p) => p.status)).toEqual(preview.plan.map((_, i) => (i < preview.plan.length - 1 ? 'AUTHORISED' : 'DRAFT')));
    const row = s.x.world.inspect.grid('Settlements').values.find((r) => r[0] === settlementId)!;
    expect(row[10]).toBe('Posted');
  });

  it('gives two people pressing Post at once one set of documents', () => {
    const s = session();
    saveApp(s);
    const { finished } = importFile(s, settlementFile());
    mapInSheet(s, NEW_FEE, 'Seller fees');
    connect(s, SELLER);
    connect(s, BOOKKEEPER);
    const settlementId = finished!.settlementId;
    let second: PostResultDto | undefined;
    // Both look at the same preview; while the seller's post is creating the documents, the
    // bookkeeper presses Post too.
    const { fingerprint } = s.run<PreviewResult>(BOOKKEEPER, 'previewSettlement', { settlementId });
    const stop = s.x.sandbox.onRequest((request) => {
      if (request.method === 'PUT' && second === undefined) {
        second = s.run<PostResultDto>(BOOKKEEPER, 'postSettlement', { settlementId, mode: 'post', fingerprint });
      }
    });
    const first = postAs(s, SELLER, { settlementId, mode: 'post' });
    stop();
    expect(first.outcome).toBe('posted');
    expect(second).toMatchObject({ outcome: 'busy', message: expect.stringContaining(SELLER) });
    const afterwards = postAs(s, BOOKKEEPER, { settlementId, mode: 'post' });
    expect(afterwards.outcome).toBe('already-posted');
    const held = s.x.sandbox.documents(US).filter((d) => d.status !== 'VOIDED' && d.status !== 'DELETED');
    expect(held.map((d) => d.invoiceNumber).sort()).toEqual(first.outcome === 'posted' ? first.documents.map((d) => d.invoiceNumber).sort() : []);
  });
});

describe('the sidebar’s own targets, built', () => {
  const triple = { transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: NEW_FEE };
  const mappingRow = (s: BundleSession, description: string) => s.x.world.inspect.grid('Mapping').values.findIndex((r) => r[2] === description) + 1;
  const logRows = (s: BundleSession) => s.x.world.inspect.grid('Log').values.slice(1).filter((r) => r[0] !== '');

  it('writes a category chosen in the sidebar into its Mapping row, found afresh, and never over someone else’s choice', () => {
    const s = session();
    const { finished } = importFile(s, settlementFile());
    const settlementId = finished!.settlementId;
    // Someone adds a row at the top of Mapping between the preview and the choice: the row moves.
    s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!.insertRowsBefore(2, 1));
    const chosen = s.run<{ row: number; category: string; written: boolean }>(SELLER, 'chooseCategory', { ...triple, category: 'fba FEES' });
    expect(chosen).toEqual({ row: mappingRow(s, NEW_FEE), category: 'FBA fees', written: true });
    const category = s.x.world.inspect.grid('Mapping').values[0]!.indexOf('Category');
    expect(s.x.world.inspect.grid('Mapping').values[chosen.row - 1]![category]).toBe('FBA fees');
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId }).unmapped).toEqual([]);
    expect(logRows(s).at(-1)!.slice(2, 6)).toEqual(['Choose category', '', 'OK', `${NEW_FEE} (other-transaction) now counts as FBA fees (Mapping row ${chosen.row}), in every settlement.`]);

    // A colleague's stale sidebar offers another category: the first choice stands, and is said.
    const late = s.run<{ row: number; category: string; written: boolean }>(BOOKKEEPER, 'chooseCategory', { ...triple, category: 'Storage' });
    expect(late).toEqual({ row: chosen.row, category: 'FBA fees', written: false });
    expect(s.x.world.inspect.grid('Mapping').values[chosen.row - 1]![category]).toBe('FBA fees');

    // A line type with no row yet gets one, with its category.
    const fresh = { transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Returns Processing Fee' };
    const added = s.run<{ row: number; written: boolean }>(SELLER, 'chooseCategory', { ...fresh, category: 'Seller fees' });
    expect(added.written).toBe(true);
    // Transaction type, amount type, description, then marketplace, tax remitted by and dates blank.
    expect(s.x.world.inspect.grid('Mapping').values[added.row - 1]!.slice(0, category + 1)).toEqual([...Object.values(fresh), '', '', '', '', 'Seller fees']);
  });

  it('refuses a category the Accounts tab does not have, or one kept for the accountant, and writes nothing', () => {
    const s = session();
    importFile(s, settlementFile());
    const before = s.x.world.inspect.grid('Mapping').values;
    const refused = (category: string) => s.bundle.call<Envelope<unknown>>(SELLER, 'chooseCategory', { ...triple, category });
    expect(refused('Snacks')).toEqual({ ok: false, message: '"Snacks" is not a category in the Accounts tab any more. Press Refresh and choose again.' });
    expect(refused('Loans')).toMatchObject({ ok: false, message: expect.stringContaining('set it in the Mapping tab itself') });
    expect(refused('Carried forward')).toMatchObject({ ok: false });
    expect(s.x.world.inspect.grid('Mapping').values).toEqual(before);
  });

  it('fills the Accounts lists when the organisation is connected, once, without Refresh accounts', () => {
    const s = session();
    saveApp(s);
    s.run(SELLER, 'listSettlements');
    expect(s.x.world.inspect.grid('_SettleSheet Xero').values.slice(1).flat().filter((v) => v !== '')).toEqual([]);
    // One organisation: the sidebar's next status read after the sign-in binds it and fills the lists.
    signIn(s, SELLER);
    const status = s.run<{ listsLoaded?: { accounts: number; taxRates: number } }>(SELLER, 'getConnectionStatus');
    expect(status.listsLoaded?.accounts).toBeGreaterThan(10);
    const lists = s.x.world.inspect.grid('_SettleSheet Xero').values;
    expect(lists.slice(1).map((r) => r[0])).toContain('201 — Amazon Sales');
    const accounts = s.x.world.inspect.grid('Accounts').values;
    expect(accounts.find((r) => r[0] === 'Sales')!.slice(6, 8)).toEqual(['Amazon Sales', 'OK']);
    // The dropdowns read that list.
    const dropdown = s.x.world.inspect.grid('Accounts', 'E2').validations[0]![0]!;
    expect(dropdown.values).toMatch(/^'_SettleSheet Xero'!A2:A\d*$/);

    const xeroCalls = () => s.x.world.inspect.requests().filter((r) => /\/(Accounts|TaxRates)\b/.test(r.url)).length;
    const calls = xeroCalls();
    expect(s.run<{ listsLoaded?: unknown }>(SELLER, 'getConnectionStatus').listsLoaded).toBeUndefined();
    expect(xeroCalls()).toBe(calls);
  });

  it('writes Posted at and Imported at as the Log writes When, in the spreadsheet’s time zone, with one money style and singular counts', () => {
    const s = session();
    s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone('Pacific/Auckland'));
    saveApp(s);
    const { finished } = importFile(s, settlementFile());
    const settlementId = finished!.settlementId;
    s.run(SELLER, 'chooseCategory', { ...triple, category: 'FBA fees' });
    connect(s, SELLER);
    s.run(SELLER, 'getConnectionStatus');
    expect(postAs(s, SELLER, { settlementId, mode: 'post' }).outcome).toBe('posted');

    const settlements = s.x.world.inspect.grid('Settlements');
    const header = settlements.values[0]!;
    const row = settlements.displayValues.find((r) => r[0] === settlementId)!;
    const log = s.x.world.inspect.grid('Log');
    const postLog = log.displayValues.findIndex((r) => r[2] === 'Post');
    // The post happened at one moment of the world's clock: the Log's When and Posted at say it alike.
    expect(row[header.indexOf('Posted at')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[header.indexOf('Posted at')]).toBe(log.displayValues[postLog]![0]);
    expect(row[header.indexOf('Imported at')]).toBe(log.displayValues[log.displayValues.findIndex((r) => r[2] === 'Import')]![0]);
    // Auckland is ahead of UTC: the instant is not written as UTC.
    const when = log.values[postLog]![0] as Date;
    expect(row[header.indexOf('Posted at')]).not.toBe(when.toISOString().slice(0, 16).replace('T', ' '));

    const details = String(log.values[postLog]![5]);
    // July's part carries its net forward (0.00, approved at once); August's is the deposit, a draft.
    expect(details).toMatch(/^In Harbor Lane Goods Inc: AMZ-\S+-2025-07 \(sales invoice, 0\.00 USD · Approved\), Xero id \S+; AMZ-\S+-2025-08 \(sales invoice, [\d,]+\.\d\d USD · Draft\), Xero id /);
    expect(details).not.toMatch(/USD \d|DRAFT/);
    expect(String(log.values.find((r) => r[2] === 'Import')![5])).toMatch(/ 1 kind of line has no category yet: .+\. Its row was added to the Mapping tab, highlighted\.$/);
  });

  it('tells the sidebar what Xero holds now, for the Void and re-post confirmation, after someone approved the drafts', () => {
    const s = session();
    saveApp(s);
    const { finished } = importFile(s, settlementFile());
    const settlementId = finished!.settlementId;
    expect(s.run<{ documents: unknown[] }>(SELLER, 'documentsInXero', { settlementId })).toEqual({ documents: [] });
    s.run(SELLER, 'chooseCategory', { ...triple, category: 'FBA fees' });
    connect(s, SELLER);
    postAs(s, SELLER, { settlementId, mode: 'post' });
    for (const invoice of s.x.sandbox.organisation(US).invoices) invoice.status = 'AUTHORISED';
    const now = s.run<{ documents: { invoiceNumber: string; status: string }[] }>(SELLER, 'documentsInXero', { settlementId });
    expect(now.documents.map((d) => d.status)).toEqual(['AUTHORISED', 'AUTHORISED']);
    // The spreadsheet's record still says what they were when posted (the carried month approved at
    // once, the last a draft); only Xero knows the draft was approved since.
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId }).settlement.documents.map((d) => d.status)).toEqual(['AUTHORISED', 'DRAFT']);
  });
});
