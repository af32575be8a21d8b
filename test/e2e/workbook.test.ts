// The BUILT add-on (dist/Code.js and dist/Sidebar.html) doing what a seller and an accountant do,
// against the Google fakes and the local Xero sandbox: every call is a separate execution of the
// bundle in its own script context, as in Apps Script.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunksOf, importPayload } from '../../src/api/import-payload';
import type { BeginImportResult, Envelope, PreviewResult, PostResultDto, SettlementListItem } from '../../src/api/types';
import { parseSettlement } from '../../src/core/settlement';
import { DEFAULT_APP } from '../fakes/xero';
import { bundleRunner, type BundleRunner } from '../support/bundle-runner';
import { syntheticSettlement } from '../support/synthetic';
import { BOOKKEEPER, createXeroWorld, SELLER, US, type XeroWorld } from '../support/xero-apps-script';

const root = path.join(__dirname, '../..');
let code = '';

beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
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

function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(envelope.message);
  return envelope.value;
}

interface Session {
  x: XeroWorld;
  bundle: BundleRunner;
  run: <T>(user: string, name: string, request?: unknown) => T;
}

function session(): Session {
  const x = createXeroWorld();
  x.world.htmlFiles = { Sidebar: readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8') };
  const bundle = bundleRunner(x.world, code);
  const run = <T>(user: string, name: string, request: unknown = {}) => unwrap(bundle.call<Envelope<T>>(user, name, request));
  return { x, bundle, run };
}

/** Imports a file the way the sidebar does: parse in the browser, then chunks. */
function importFile(s: Session, text: string, user = SELLER, chunk = 100): { begun: BeginImportResult; finished?: SettlementListItem } {
  const parsed = parseSettlement(text, 'settlement.txt');
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  const payload = importPayload(parsed.settlement);
  const begun = s.run<BeginImportResult>(user, 'beginImport', payload.begin);
  if (begun.status !== 'ready') return { begun };
  let offset = 0;
  for (const lines of chunksOf(payload.lines, Math.min(chunk, begun.chunkSize))) {
    s.run(user, 'appendImportLines', { importId: begun.importId, offset, lines });
    offset += lines.length;
  }
  return { begun, finished: s.run<SettlementListItem>(user, 'finishImport', { importId: begun.importId, aggregate: payload.aggregate, units: payload.units }) };
}

/** Connects a user through Xero's consent page and Google's /usercallback, calling the bundle's callback. */
function connect(s: Session, user: string, tenants = [US]): string {
  const { url } = s.run<{ url: string }>(user, 'getXeroConnectUrl');
  const location = s.x.sandbox.consent(url, { user: user === SELLER ? SELLER : user, tenants });
  const { functionName, event } = s.x.world.userCallback(Object.fromEntries(new URL(location).searchParams));
  return s.bundle.callRaw<{ getContent(): string }>(user, functionName, event).getContent();
}

/** The accountant picks a category in the Mapping tab, as a person would in Sheets. */
function mapInSheet(s: Session, description: string, category: string): void {
  const grid = s.x.world.inspect.grid('Mapping');
  const row = grid.values.findIndex((r) => r[2] === description) + 1;
  expect(row).toBeGreaterThan(1);
  s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!.getRange(row, 7).setValue(category));
}

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
    s.run(SELLER, 'saveXeroAppCredentials', { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });

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

    const posted = s.run<PostResultDto>(SELLER, 'postSettlement', { settlementId, mode: 'post' });
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
    const again = s.run<PostResultDto>(SELLER, 'postSettlement', { settlementId, mode: 'post' });
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
    expect(s.x.world.inspect.grid('_SettleSheet import').values.flat().filter((v) => v !== '')).toEqual([]);
    expect(s.run(SELLER, 'listSettlements')).toEqual([]);
  });

  it('re-posts a re-issued settlement only through Void and re-post, replacing what Xero holds', () => {
    const s = session();
    s.run(SELLER, 'saveXeroAppCredentials', { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
    const file = settlementFile();
    const { finished } = importFile(s, file);
    const settlementId = finished!.settlementId;
    mapInSheet(s, NEW_FEE, 'FBA fees');
    connect(s, SELLER);
    expect(s.run<PostResultDto>(SELLER, 'postSettlement', { settlementId, mode: 'post' }).outcome).toBe('posted');
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
    expect(s.run<PostResultDto>(SELLER, 'postSettlement', { settlementId, mode: 'post' }).outcome).toBe('refused');

    const reposted = s.run<PostResultDto>(SELLER, 'postSettlement', { settlementId, mode: 'void-and-repost', seenRevision: preview.revision });
    expect(reposted.outcome).toBe('posted');
    const byNumber = new Map(s.x.sandbox.documents(US).map((d) => [d.invoiceNumber, d.status]));
    for (const n of first) expect(byNumber.get(n)).toBe('DELETED');
    for (const p of preview.plan) expect(byNumber.get(p.invoiceNumber)).toBe('DRAFT');
    const row = s.x.world.inspect.grid('Settlements').values.find((r) => r[0] === settlementId)!;
    expect(row[10]).toBe('Posted');
  });

  it('gives two people pressing Post at once one set of documents', () => {
    const s = session();
    s.run(SELLER, 'saveXeroAppCredentials', { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
    const { finished } = importFile(s, settlementFile());
    mapInSheet(s, NEW_FEE, 'Seller fees');
    connect(s, SELLER);
    connect(s, BOOKKEEPER);
    const settlementId = finished!.settlementId;
    let second: PostResultDto | undefined;
    // While the seller's post is creating the documents, the bookkeeper presses Post too.
    const stop = s.x.sandbox.onRequest((request) => {
      if (request.method === 'PUT' && second === undefined) {
        second = s.run<PostResultDto>(BOOKKEEPER, 'postSettlement', { settlementId, mode: 'post' });
      }
    });
    const first = s.run<PostResultDto>(SELLER, 'postSettlement', { settlementId, mode: 'post' });
    stop();
    expect(first.outcome).toBe('posted');
    expect(second).toMatchObject({ outcome: 'busy', message: expect.stringContaining(SELLER) });
    const afterwards = s.run<PostResultDto>(BOOKKEEPER, 'postSettlement', { settlementId, mode: 'post' });
    expect(afterwards.outcome).toBe('already-posted');
    const held = s.x.sandbox.documents(US).filter((d) => d.status !== 'VOIDED' && d.status !== 'DELETED');
    expect(held.map((d) => d.invoiceNumber).sort()).toEqual(first.outcome === 'posted' ? first.documents.map((d) => d.invoiceNumber).sort() : []);
  });
});
