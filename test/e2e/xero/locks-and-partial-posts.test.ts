// The BUILT add-on (dist/Code.js) against the sandbox where Xero's books are closed or refuse part
// of a settlement: a locked period is refused before anything is sent; a refusal after another part
// was created ends in a marked "partly posted" state with one action that resolves it, never a
// duplicate; documents with payments or credit notes are not voided; and the app's scopes and PKCE
// fail in tests exactly where they would fail in production.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostResultDto, PreviewResult, SettingsDto } from '../../../src/api/types';
import { DEFAULT_APP, TENANT_IDS } from '../../fakes/xero';
import type { LineSpec } from '../../support/build-aggregate';
import { bundleWorld, connectThroughBundle, importThroughBundle, type BundleWorld } from '../../support/bundle-xero';
import { settlementOf } from '../../support/settlements';
import { HEADERS, MONTH_SPLIT } from '../../support/xero-apps-script';

const root = path.join(__dirname, '../../..');
const US = TENANT_IDS.us;
let code = '';

beforeAll(() => {
  execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
});

const PUTS = 'PUT api.xero.com/api.xro/2.0/invoices';
const CARRY: SettingsDto = { split: 'carry', documentStatus: 'DRAFT', contactName: '', template: '' };

/** Connected to the US organisation, with one settlement imported; returns its id. */
function withSettlement(lines: readonly LineSpec[] = MONTH_SPLIT): { b: BundleWorld; id: string } {
  const b = bundleWorld(code);
  connectThroughBundle(b, [US]);
  const id = importThroughBundle(b, settlementOf(lines, HEADERS.monthSplit));
  return { b, id };
}

const preview = (b: BundleWorld, id: string) => b.run<PreviewResult>('previewSettlement', { settlementId: id });
// As the sidebar does: the press carries the fingerprint of the preview shown.
const post = (b: BundleWorld, id: string, mode: 'post' | 'void-and-repost' | 'void' = 'post', seenRevision?: number) =>
  b.run<PostResultDto>('postSettlement', { settlementId: id, mode, fingerprint: preview(b, id).fingerprint, ...(seenRevision === undefined ? {} : { seenRevision }) });
const held = (b: BundleWorld) => b.sandbox.documents(US).map((d) => `${d.invoiceNumber} ${d.status}`);
const settlementsRow = (b: BundleWorld, id: string) => b.world.inspect.grid('Settlements').values.find((r) => r[0] === id)!;
const logResults = (b: BundleWorld) => b.world.inspect.grid('Log').values.slice(1).filter((r) => r[0] !== '').map((r) => `${r[2]}: ${r[4]}`);

/** Presses Post on the month-split settlement Xero holds July of: August alone is created, and the settlement is whole. */
function expectFinished(b: BundleWorld, id: string): void {
  expect(post(b, id).outcome).toBe('posted');
  expect(b.sandbox.documents(US).map((d) => [d.invoiceNumber, d.total])).toEqual([
    ['AMZ-24288684723-2025-07', '0.00'],
    ['AMZ-24288684723-2025-08', '313.49'],
  ]);
  expect(b.sandbox.calls()[PUTS]).toBe(2);
  expect(preview(b, id).partlyPosted).toBeUndefined();
  expect(settlementsRow(b, id)[10]).toBe('Posted');
}

/** Archives an account in the organisation just before the next create call (after SettleSheet's checks). */
function archiveBeforeCreate(b: BundleWorld, code: string): { restore(): void } {
  const account = b.sandbox.organisation(US).accounts.find((a) => a.Code === code)!;
  const stop = b.sandbox.onRequest((request) => {
    if (request.method !== 'PUT') return;
    stop();
    account.Status = 'ARCHIVED';
  });
  return { restore: () => void (account.Status = 'ACTIVE') };
}

describe('lock dates', () => {
  it('a settlement whose earlier part is in a locked period is refused before anything is created, and posts as one document', () => {
    const { b, id } = withSettlement();
    // The adviser closed July in Xero.
    b.sandbox.organisation(US).profile.PeriodLockDate = '2025-07-31';
    b.run('refreshXeroAccounts');
    const shown = preview(b, id);
    expect(shown.canPost).toBe(false);
    expect(shown.problems).toEqual([
      "The July 2025 part (sales invoice AMZ-24288684723-2025-07, dated 2025-07-31) is dated on or before Harbor Lane Goods Inc's period lock date (2025-07-31). " +
        'SettleSheet posts nothing into a locked period, even for advisers, whom Xero would let: an adviser in the organisation (you, if you are one) moves the period lock date (in Xero: Accounting › Advanced › Financial settings), then post again. ' +
        'Or post the settlement as one document dated 2025-08-08: set the month split to "off" in SettleSheet\'s settings.',
    ]);
    const refused = post(b, id);
    expect(refused).toMatchObject({ outcome: 'refused', problems: shown.problems });
    expect(b.sandbox.calls()[PUTS]).toBeUndefined();
    expect(b.sandbox.calls()['GET api.xero.com/api.xro/2.0/invoices']).toBeUndefined();
    expect(held(b)).toEqual([]);

    // What the message offers: one document, dated after the lock.
    b.run('saveSettings', { ...CARRY, split: 'off' });
    expect(post(b, id).outcome).toBe('posted');
    expect(b.sandbox.documents(US).map((d) => [d.invoiceNumber, d.date, d.total])).toEqual([['AMZ-24288684723', '2025-08-08', '313.49']]);
  });
});

describe('partly posted', () => {
  it('a forced refusal of the last part after the first was created is marked, shown with one action, and finished without a duplicate', () => {
    const { b, id } = withSettlement();
    // Storage (account 407) is only in August: archived after the checks, only August is refused.
    const storage = archiveBeforeCreate(b, '407');
    const result = post(b, id);
    expect(result).toMatchObject({
      outcome: 'partly-posted',
      documents: [{ invoiceNumber: 'AMZ-24288684723-2025-07', status: 'AUTHORISED' }],
      missing: [{ part: '2025-08', invoiceNumber: 'AMZ-24288684723-2025-08', type: 'ACCREC', total: '313.49' }],
    });
    expect(result.message).toContain('Settlement 24288684723 is only partly posted: Harbor Lane Goods Inc holds AMZ-24288684723-2025-07 (2025-07), but Xero refused AMZ-24288684723-2025-08 (2025-08).');
    expect(held(b)).toEqual(['AMZ-24288684723-2025-07 AUTHORISED']);
    expect(settlementsRow(b, id)[10]).toBe('Partly posted');
    expect(settlementsRow(b, id)[11]).toBe('AMZ-24288684723-2025-07');
    expect(logResults(b)).toEqual(['Import: OK', 'Post: Partly posted']);

    const shown = preview(b, id).partlyPosted!;
    expect(shown).toMatchObject({
      action: 'finish',
      held: [{ invoiceNumber: 'AMZ-24288684723-2025-07', url: expect.stringContaining('shortcode=!hL2mw') }],
      missing: [{ invoiceNumber: 'AMZ-24288684723-2025-08', reasons: [expect.stringContaining("Account code '407' has been archived")] }],
    });
    expect(shown.why).toBe('Once what Xero refused is fixed, "Finish posting" creates only AMZ-24288684723-2025-08: never a second copy of AMZ-24288684723-2025-07.');

    // The one action: Finish posting (Post again), after the account is restored in Xero.
    storage.restore();
    expectFinished(b, id);
    expect(post(b, id).outcome).toBe('already-posted');
    expect(b.sandbox.documents(US)).toHaveLength(2);
  });

  it('when the part already in Xero falls in a period locked afterwards, finishing creates only the refused part: Xero holds the other', () => {
    const { b, id } = withSettlement();
    // Storage (account 407) is only in August: archived after the checks, only August is refused.
    const storage = archiveBeforeCreate(b, '407');
    expect(post(b, id)).toMatchObject({ outcome: 'partly-posted', documents: [{ invoiceNumber: 'AMZ-24288684723-2025-07' }], missing: [{ part: '2025-08' }] });
    // Meanwhile the adviser locks July, which Xero already holds: August alone is still open.
    b.sandbox.organisation(US).profile.PeriodLockDate = '2025-07-31';
    storage.restore();
    b.run('refreshXeroAccounts');
    const shown = preview(b, id);
    expect(shown.partlyPosted).toMatchObject({ action: 'finish', held: [{ invoiceNumber: 'AMZ-24288684723-2025-07' }] });
    expect(shown.problems).toEqual([]);
    expect(shown.canPost).toBe(true);

    expectFinished(b, id);
  });

  it('when the missing part falls in a locked period, the one action voids what was posted; posting whole then works', () => {
    // A refund (account 202) only in July: archived after the checks, only July is refused and
    // August, which brings July's carry back, is created alone.
    const lines: LineSpec[] = [
      ['Order', 'ItemPrice', 'Principal', '2025-07-28', '150.00'],
      ['Refund', 'ItemPrice', 'Principal', '2025-07-29', '-10.00'],
      ['Order', 'ItemPrice', 'Principal', '2025-08-03', '220.00'],
      ['Order', 'ItemFees', 'Commission', '2025-08-03', '-33.01'],
    ];
    const { b, id } = withSettlement(lines);
    archiveBeforeCreate(b, '202');
    expect(post(b, id)).toMatchObject({ outcome: 'partly-posted', documents: [{ invoiceNumber: 'AMZ-24288684723-2025-08' }], missing: [{ part: '2025-07' }] });
    // Meanwhile the adviser locks July: the refused part can no longer be posted.
    b.sandbox.organisation(US).profile.PeriodLockDate = '2025-07-31';
    b.run('refreshXeroAccounts');
    const shown = preview(b, id);
    expect(shown.partlyPosted).toMatchObject({ action: 'void', held: [{ invoiceNumber: 'AMZ-24288684723-2025-08' }] });
    expect(shown.partlyPosted!.why).toContain('AMZ-24288684723-2025-07 is dated 2025-07-31, on or before the period lock date (2025-07-31), so Xero will not take it until the lock date moves.');

    const voided = post(b, id, 'void', shown.revision);
    expect(voided).toMatchObject({ outcome: 'voided', message: expect.stringContaining('AMZ-24288684723-2025-08 (Deleted)') });
    expect(held(b)).toEqual(['AMZ-24288684723-2025-08 DELETED']);
    // Nothing is in Xero now, and the settlement cannot be posted as it is (July is locked, 202 archived): not Ready.
    expect(settlementsRow(b, id)[10]).toBe('Needs attention');
    expect(logResults(b)).toEqual(['Import: OK', 'Post: Partly posted', 'Void what was posted: OK']);

    b.sandbox.organisation(US).accounts.find((a) => a.Code === '202')!.Status = 'ACTIVE';
    b.run('saveSettings', { ...CARRY, split: 'off' });
    expect(post(b, id).outcome).toBe('posted');
    expect(held(b)).toEqual(['AMZ-24288684723-2025-08 DELETED', 'AMZ-24288684723-R2 DRAFT']);
  });
});

describe('payments and credit notes', () => {
  it('Void and re-post is refused while a credit note is allocated, naming it; nothing is changed in Xero', () => {
    const { b, id } = withSettlement();
    b.run('saveSettings', { ...CARRY, documentStatus: 'AUTHORISED' });
    expect(post(b, id).outcome).toBe('posted');
    b.sandbox.allocate(US, 'AMZ-24288684723-2025-08', 'credit-note', '20');
    const result = post(b, id, 'void-and-repost', 1);
    expect(result.outcome).toBe('refused');
    expect(result.outcome === 'refused' && result.problems[0]).toContain('AMZ-24288684723-2025-08 has credit notes of 20.00 USD allocated in Xero. Xero does not void a document with payments or credit notes allocated');
    expect(b.sandbox.documents(US).map((d) => [d.invoiceNumber, d.total])).toEqual([
      ['AMZ-24288684723-2025-07', '0.00'],
      ['AMZ-24288684723-2025-08', '313.49'],
    ]);
  });
});

describe("the app's scopes and PKCE, as production would treat them", () => {
  it('a XERO_SCOPES override asking for the broad accounting.transactions fails at Xero\'s sign-in (apps created from 2 March 2026)', () => {
    const b = bundleWorld(code);
    expect(() => connectThroughBundle(b, [US], { XERO_SCOPES: 'openid offline_access accounting.transactions accounting.settings.read' })).toThrow(
      /invalid_scope: 'accounting\.transactions' is not available to apps created on or after 2 March 2026/,
    );
  });

  it('an app that refuses PKCE with its secret cannot be signed in to until XERO_PKCE is off', () => {
    const app = { ...DEFAULT_APP, pkceWithSecret: 'refused' as const };
    expect(() => connectThroughBundle(bundleWorld(code, { apps: [app] }), [US])).toThrow(/not registered for PKCE/);
    const b = bundleWorld(code, { apps: [app] });
    connectThroughBundle(b, [US], { XERO_PKCE: 'off' });
    expect(b.run('getConnectionStatus')).toMatchObject({ connected: true, canPost: true });
  });
});
