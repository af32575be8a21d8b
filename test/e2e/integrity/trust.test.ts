// Who can do what in a shared workbook, on the built bundle (issue 9 §1 and §2, issue 12 §3): Post
// sends exactly the plan the person confirmed, values from Xero stay text in cells, only the
// deployer sets the Xero app, rebinding the organisation is confirmed, logged and shown to everyone,
// and a settlement that was never posted can be removed whole.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConnectionStatusDto, Envelope, PostResultDto, PreviewResult, SettlementListItem } from '../../../src/api/types';
import { DEFAULT_APP, DEFAULT_USER } from '../../fakes/xero';
import { seedOrganisations } from '../../fakes/xero/seed';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleSession, connect, importSettlement, mapInSheet, saveApp, useBuiltBundle, type BundleSession } from '../../support/bundle-session';
import { between } from '../../support/interleave';
import { settlementOf } from '../../support/settlements';
import { isSheetsDataCall } from '../../fakes/google/cost';
import { workbookProblems } from '../../support/workbook-invariants';
import { BOOKKEEPER, BOOKKEEPER_XERO, HEADERS, MONTH_SPLIT, SELLER, UK, US } from '../../support/xero-apps-script';

const code = useBuiltBundle();
const MONTH_ID = HEADERS.monthSplit.settlementId;
const TWIN = 'c4e1a9d3-7b62-4f15-8e2a-9d3b5f7c1e99';

/** The month-spanning settlement imported and connected: its preview plans two documents. */
function ready(): BundleSession {
  const s = bundleSession(code());
  saveApp(s);
  importSettlement(s, settlementOf(MONTH_SPLIT, HEADERS.monthSplit));
  connect(s, SELLER);
  connect(s, BOOKKEEPER);
  return s;
}

const preview = (s: BundleSession, user = SELLER) => s.run<PreviewResult & { fingerprint?: string }>(user, 'previewSettlement', { settlementId: MONTH_ID });
const post = (s: BundleSession, fingerprint: string | undefined, user = SELLER) =>
  s.run<PostResultDto>(user, 'postSettlement', { settlementId: MONTH_ID, mode: 'post', fingerprint });
const open = (s: BundleSession) => s.x.sandbox.documents(US).filter((d) => d.status !== 'VOIDED' && d.status !== 'DELETED');

/** Calls a target that may not exist: its envelope, or what Apps Script said. */
function attempt(s: BundleSession, user: string, name: string, request: unknown): { ok: boolean; text: string } {
  try {
    const envelope = s.bundle.call<Envelope<unknown>>(user, name, request);
    return { ok: envelope.ok, text: JSON.stringify(envelope) };
  } catch (e) {
    return { ok: false, text: (e as Error).message };
  }
}

describe('Post sends what the person confirmed', () => {
  const changes: [string, (s: BundleSession) => void][] = [
    ['the document status', (s) => s.run(BOOKKEEPER, 'saveSettings', { split: 'carry', documentStatus: 'AUTHORISED', contactName: '', template: '' })],
    ['the month split', (s) => s.run(BOOKKEEPER, 'saveSettings', { split: 'off', documentStatus: 'DRAFT', contactName: '', template: '' })],
    ['the contact', (s) => s.run(BOOKKEEPER, 'saveSettings', { split: 'carry', documentStatus: 'DRAFT', contactName: 'Someone Else Ltd', template: '' })],
    ['a mapping row', (s) => mapInSheet(s, 'Commission', 'FBA fees')],
  ];

  it.each(changes)('refuses when a collaborator changed %s after the preview, and posts what the new preview shows', (_what, change) => {
    const s = ready();
    const seen = preview(s);
    expect(seen.plan.map((p) => p.status)).toEqual(['AUTHORISED', 'DRAFT']);
    change(s);
    const result = post(s, seen.fingerprint);
    expect(result).toMatchObject({ message: expect.stringMatching(/the preview changed: look again/i) });
    expect(open(s)).toEqual([]);
    const again = preview(s);
    expect(again.fingerprint).not.toBe(seen.fingerprint);
    expect(post(s, again.fingerprint).outcome).toBe('posted');
    expect(open(s).map((d) => [d.invoiceNumber, d.status, d.total])).toEqual(again.plan.map((p) => [p.invoiceNumber, p.status, p.total]));
  });

  it('refuses when a collaborator moved the spreadsheet to another organisation', () => {
    // A second organisation just like the first (same base currency, same chart): nothing else would stop the post.
    const us = seedOrganisations().find((o) => o.tenantId === US)!;
    const twin = { ...us, tenantId: TWIN, profile: { ...us.profile, Name: 'Harbor Lane Outlet LLC', ShortCode: '!tW1n' } };
    const s = bundleSession(code(), { xero: { organisations: [...seedOrganisations(), twin], users: [{ ...DEFAULT_USER, tenantIds: [US, TWIN] }, { ...BOOKKEEPER_XERO, tenantIds: [US, TWIN] }] } });
    saveApp(s);
    importSettlement(s, settlementOf(MONTH_SPLIT, HEADERS.monthSplit));
    connect(s, SELLER, [US, TWIN]);
    connect(s, BOOKKEEPER, [US, TWIN]);
    s.run(SELLER, 'selectXeroOrganisation', { tenantId: US });
    const seen = preview(s);
    expect(seen.plan).toHaveLength(2);
    // The bookkeeper confirms the move while the seller looks at the preview made for the first organisation.
    s.run(BOOKKEEPER, 'selectXeroOrganisation', { tenantId: TWIN, replacing: US });
    expect(post(s, seen.fingerprint)).toMatchObject({ message: expect.stringMatching(/the preview changed: look again/i) });
    expect(s.x.sandbox.documents(TWIN)).toEqual([]);
    expect(open(s)).toEqual([]);
    // The new preview is made for the organisation it now posts to, and differs.
    expect(preview(s).fingerprint).not.toBe(seen.fingerprint);
  });

  it('refuses a post that carries no fingerprint at all', () => {
    const s = ready();
    expect(post(s, undefined)).toMatchObject({ message: expect.stringMatching(/the preview changed: look again/i) });
    expect(open(s)).toEqual([]);
  });
});

describe('values from Xero in cells', () => {
  it('are written as text, like file text: a forged account class never becomes a formula', () => {
    const s = bundleSession(code());
    saveApp(s);
    const org = s.x.sandbox.organisation(US);
    const template = org.accounts.find((a) => a.Status === 'ACTIVE' && a.Class === 'EXPENSE')!;
    org.accounts.push({ ...template, AccountID: 'f0f0f0f0-0000-4000-8000-000000000001', Code: '987', Name: 'Forged', Class: '=1+1' as never, Status: 'ACTIVE' });
    for (const rate of org.taxRates) if (rate.Status === 'ACTIVE') rate.Name = `=HYPERLINK("https://evil.example","${rate.Name}")`;
    connect(s, SELLER);
    const lists = s.x.world.inspect.grid('_SettleSheet Xero');
    expect(lists.values.flat()).toContain('=1+1');
    expect(lists.formulas.flat().filter((f) => f !== '')).toEqual([]);
  });
});

describe('the Xero app’s credentials', () => {
  it('cannot be set or replaced from the sidebar by anyone, and a refusal reveals nothing', () => {
    const s = bundleSession(code());
    s.run(SELLER, 'listSettlements');
    const status = s.run<ConnectionStatusDto>(BOOKKEEPER, 'getConnectionStatus');
    expect(status.configured).toBe(false);
    expect(status.message).toMatch(/Script properties/);
    // A collaborator tries first: nothing is saved.
    expect(attempt(s, BOOKKEEPER, 'saveXeroAppCredentials', { clientId: 'collaborator-app', clientSecret: 'collaborator-secret' }).ok).toBe(false);
    expect(s.x.world.inspect.properties('script')).toEqual({});
    // The deployer sets them in the Apps Script editor's Script properties.
    saveApp(s);
    const refused = attempt(s, SELLER, 'saveXeroAppCredentials', { clientId: 'other-app', clientSecret: 'other-secret', currentSecret: 'guess' });
    expect(refused.ok).toBe(false);
    expect(refused.text).not.toContain(DEFAULT_APP.clientId);
    expect(s.x.world.inspect.properties('script')).toMatchObject({ XERO_CLIENT_ID: DEFAULT_APP.clientId });
    expect(JSON.stringify(s.run(BOOKKEEPER, 'getConnectionStatus'))).not.toContain(DEFAULT_APP.clientId);
  });

  it('the sidebar carries no form for them', () => {
    const sidebar = readFileSync(path.join(__dirname, '../../../dist/Sidebar.html'), 'utf8');
    expect({ target: sidebar.includes('saveXeroAppCredentials'), field: sidebar.includes('Client secret') }).toEqual({ target: false, field: false });
  });
});

describe('binding the spreadsheet to another organisation', () => {
  function twoOrganisations(): BundleSession {
    const s = bundleSession(code(), { xero: { users: [DEFAULT_USER, { ...BOOKKEEPER_XERO, tenantIds: [US, UK] }] } });
    saveApp(s);
    connect(s, SELLER, [US]);
    connect(s, BOOKKEEPER, [US, UK]);
    expect(s.run<ConnectionStatusDto>(BOOKKEEPER, 'getConnectionStatus').organisation?.tenantId).toBe(US);
    return s;
  }

  it('asks for confirmation naming both organisations, logs who and when, and every sidebar shows the change once', () => {
    const s = twoOrganisations();
    const asked = s.run<ConnectionStatusDto & { confirmRebind?: { message: string } }>(BOOKKEEPER, 'selectXeroOrganisation', { tenantId: UK });
    expect(asked.organisation?.tenantId).toBe(US);
    expect(asked.confirmRebind?.message).toMatch(/Harbor Lane Goods Inc[\s\S]*Bramble & Finch Trading Ltd/);
    expect(s.run<ConnectionStatusDto>(SELLER, 'getConnectionStatus').organisation?.tenantId).toBe(US);

    const done = s.run<ConnectionStatusDto>(BOOKKEEPER, 'selectXeroOrganisation', { tenantId: UK, replacing: US });
    expect(done.organisation).toMatchObject({ tenantId: UK, boundBy: BOOKKEEPER });
    const log = s.x.world.inspect.grid('Log').values.slice(1).filter((r) => r[0] !== '');
    const line = log.find((r) => /Harbor Lane Goods Inc/.test(String(r[5])) && /Bramble & Finch Trading Ltd/.test(String(r[5])));
    expect(line).toBeDefined();
    expect(line![1]).toBe(BOOKKEEPER);
    expect(line![0]).toBeInstanceOf(Date);

    const seen = s.run<ConnectionStatusDto & { organisationChanged?: { from: { name: string }; to: { name: string }; by: string } }>(SELLER, 'getConnectionStatus');
    expect(seen.organisationChanged).toMatchObject({ from: { name: 'Harbor Lane Goods Inc' }, to: { name: 'Bramble & Finch Trading Ltd' }, by: BOOKKEEPER });
    expect(s.run<{ organisationChanged?: unknown }>(SELLER, 'getConnectionStatus').organisationChanged).toBeUndefined();
  });

  it('moves and logs the move as one: a collaborator moving it back in between cannot leave the Log saying otherwise than the binding', () => {
    const s = bundleSession(code(), { xero: { users: [{ ...DEFAULT_USER, tenantIds: [US, UK] }, { ...BOOKKEEPER_XERO, tenantIds: [US, UK] }] } });
    saveApp(s);
    connect(s, SELLER, [US, UK]);
    s.run(SELLER, 'selectXeroOrganisation', { tenantId: US });
    connect(s, BOOKKEEPER, [US, UK]);
    // The seller moves it back while the bookkeeper's move is between its binding and its Log line.
    let meanwhile: { ok: boolean; text: string } | undefined;
    const stop = between(s.x.world, { name: isSheetsDataCall, user: BOOKKEEPER }, () => {
      meanwhile = attempt(s, SELLER, 'selectXeroOrganisation', { tenantId: US, replacing: UK });
    });
    s.run(BOOKKEEPER, 'selectXeroOrganisation', { tenantId: UK, replacing: US });
    stop();
    expect(meanwhile).toBeDefined();
    const bound = s.run<ConnectionStatusDto>(SELLER, 'getConnectionStatus').organisation!.name;
    const moves = s.x.world.inspect.grid('Log').values.filter((r) => r[2] === 'Change organisation').map((r) => String(r[5]));
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.at(-1)).toContain(`now posts to ${bound}`);
  });

  it('refuses a confirmation made against an organisation that is no longer the bound one', () => {
    const s = twoOrganisations();
    const stale = attempt(s, BOOKKEEPER, 'selectXeroOrganisation', { tenantId: UK, replacing: UK });
    expect(s.run<ConnectionStatusDto>(SELLER, 'getConnectionStatus').organisation?.tenantId).toBe(US);
    expect(stale.text).toMatch(/Harbor Lane Goods Inc/);
  });
});

describe('removing a settlement (issue 12 §3)', () => {
  const FEE: LineSpec = ['other-transaction', 'other-transaction', 'Brand New Fee', '2025-08-05', '-1.00', ''];
  const one = () => settlementOf([{ spec: ['Order', 'ItemPrice', 'Principal', '2025-08-02', '40.00'], sku: 'ONLY-IN-ONE', quantity: 2 }, FEE], { settlementId: '30000000051' });
  const two = () => settlementOf([{ spec: ['Order', 'ItemPrice', 'Principal', '2025-08-03', '25.00'], sku: 'IN-TWO', quantity: 1 }], { settlementId: '30000000052' });
  const rowsSeenIn = (s: BundleSession, tab: string, id: string) => s.x.world.inspect.grid(tab).values.filter((r) => r.some((v) => String(v).includes(`settlement ${id}`)));

  it('removes a settlement never posted whole: records, Transactions, aggregates, units, and the Mapping and Costs rows only it added; logged', () => {
    const s = bundleSession(code());
    importSettlement(s, one());
    importSettlement(s, two());
    s.run(SELLER, 'previewSettlement', { settlementId: '30000000051' });
    s.run(SELLER, 'previewSettlement', { settlementId: '30000000052' });
    expect(rowsSeenIn(s, 'Mapping', '30000000051')).toHaveLength(1);
    expect(rowsSeenIn(s, 'Costs', '30000000051')).toHaveLength(1);

    const removed = attempt(s, BOOKKEEPER, 'removeSettlement', { settlementId: '30000000051' });
    expect(removed.ok).toBe(true);
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements').map((l) => l.settlementId)).toEqual(['30000000052']);
    for (const tab of ['Transactions', '_SettleSheet aggregates', '_SettleSheet units', 'Settlements', '_SettleSheet records']) {
      expect({ tab, rows: s.x.world.inspect.grid(tab).values.filter((r) => r.some((v) => String(v).includes('30000000051'))) }).toEqual({ tab, rows: [] });
    }
    expect(rowsSeenIn(s, 'Mapping', '30000000051')).toEqual([]);
    expect(rowsSeenIn(s, 'Costs', '30000000051')).toEqual([]);
    expect(rowsSeenIn(s, 'Costs', '30000000052')).toHaveLength(1);
    const log = s.x.world.inspect.grid('Log').values.filter((r) => r[3] === '30000000051');
    expect(log.at(-1)!.slice(1, 5)).toEqual([BOOKKEEPER, 'Remove', '30000000051', 'OK']);
    expect(s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: '30000000052' }).settlement.total).toBe('25.00');
    expect(workbookProblems(s.x.world)).toEqual([]);
  });

  it('refuses to remove a settlement Xero holds, and changes nothing', () => {
    const s = ready();
    const seen = preview(s);
    expect(post(s, seen.fingerprint).outcome).toBe('posted');
    const removed = attempt(s, SELLER, 'removeSettlement', { settlementId: MONTH_ID });
    expect(removed.ok).toBe(false);
    expect(removed.text).toMatch(/Void what was posted/);
    expect(s.run<SettlementListItem[]>(SELLER, 'listSettlements').map((l) => l.settlementId)).toEqual([MONTH_ID]);
    expect(workbookProblems(s.x.world, s.x.sandbox, US)).toEqual([]);
  });
});
