// "Check this installation" on the built add-on, against the Google fakes and the Xero sandbox
// with a Demo Company: every check passes where the fakes behave as documented, the Demo Company
// post creates one DRAFT invoice and deletes it, and nothing of the person's data changes.
import type { PostResultDto } from '../../../src/api/types';
import type { SelfCheckReport } from '../../../src/server/self-check/report';
import { demoCompanySeed, seedOrganisations, TENANT_IDS } from '../../fakes/xero';
import { bundleSession, SALE_AND_FEE, useBuiltBundle, connect, importSettlement, saveApp, type BundleSession, postAs } from '../../support/bundle-session';
import { settlementOf } from '../../support/settlements';
import { SELLER, US } from '../../support/xero-apps-script';

const code = useBuiltBundle();

/** A spreadsheet in use: a settlement imported and posted, connected to `tenant`. */
function inUse(options: Parameters<typeof bundleSession>[1], tenant: string): BundleSession {
  const s = bundleSession(code(), { ...options, xero: { organisations: [...seedOrganisations(), demoCompanySeed()] } });
  saveApp(s);
  const { finished } = importSettlement(s, settlementOf(SALE_AND_FEE));
  connect(s, SELLER, [tenant]);
  if (tenant === US) expect(postAs(s, SELLER, { settlementId: finished!.settlementId, mode: 'post' }).outcome).toBe('posted');
  return s;
}

/** Everything a person's data is: every tab but the Log, and the document's and person's properties. */
function userData(s: BundleSession) {
  const { inspect } = s.x.world;
  return {
    tabs: inspect.sheetNames().filter((n) => n !== 'Log').map((n) => [n, inspect.grid(n).values, inspect.sheet(n).maxRows]),
    document: inspect.properties('document'),
    user: inspect.properties({ user: SELLER }),
  };
}

function fromMenu(s: BundleSession, answer: 'YES' | 'NO'): string {
  s.x.world.answerAlert = (alert) => (alert.title === 'Check this installation' ? answer : 'OK');
  s.bundle.callRaw(SELLER, 'checkInstallationFromMenu');
  const shown = s.x.world.inspect.ui().dialogs.at(-1)!;
  expect(shown.title).toBe('SettleSheet installation check');
  return shown.content;
}

describe.each(['keep', 'strip'] as const)('Check this installation (an apostrophe in @ cells: %s)', (mode) => {
  it('passes every check in the Demo Company, posts one DRAFT invoice there and deletes it, and changes no data', () => {
    const s = inUse({ google: { apostropheInTextCells: mode } }, TENANT_IDS.demo);
    const before = userData(s);
    const page = fromMenu(s, 'YES');
    expect(page).toContain('Everything SettleSheet relies on works here.');
    expect(page).not.toContain('>FAIL<');
    expect(page).toContain(mode === 'keep' ? 'the apostrophe is KEPT as part of the text' : 'the apostrophe is dropped');
    expect(page).toContain('largest value accepted: 8000 bytes');
    expect(page).toContain('Demo Company (UK) (GBP); period lock 2025-09-30, end-of-year lock 2025-03-31');
    const held = s.x.sandbox.documents(TENANT_IDS.demo);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ status: 'DELETED', invoiceNumber: expect.stringMatching(/^SETTLESHEET-CHECK-/) });
    expect(userData(s)).toEqual(before);
    const log = s.x.world.inspect.grid('Log').values.filter((r) => r[2] === 'Check this installation');
    expect(log.map((r) => r[4])).toEqual(['OK']);
    expect(String(log[0]![5])).toContain('PASS Xero Demo Company: create, find and delete one DRAFT invoice');
  });
});

describe('Check this installation', () => {
  it('never posts to an organisation that is not the Demo Company, even when told it is', () => {
    const s = inUse({}, US);
    const documents = s.x.sandbox.documents(US).length;
    const page = fromMenu(s, 'YES');
    expect(page).toContain('Harbor Lane Goods Inc is not Xero&#39;s Demo Company');
    expect(s.x.sandbox.documents(US)).toHaveLength(documents);
  });

  it('runs from the script editor as settlesheetSelfTest, logging its report', () => {
    const s = inUse({}, US);
    const report = s.bundle.callRaw<SelfCheckReport>(SELLER, 'settlesheetSelfTest');
    expect(report.ok).toBe(true);
    const outcome = (name: RegExp) => report.checks.find((c) => name.test(c.name))?.outcome;
    expect(outcome(/container\.ui/)).toBe('skipped');
    expect(outcome(/Demo Company/)).toBe('skipped');
    expect(outcome(/usercallback/)).toBe('pass');
    expect(report.checks.find((c) => /usercallback/.test(c.name))!.figure).toContain('absent (null)');
    expect(s.x.world.inspect.logs().map((l) => l.message).join('\n')).toContain('SettleSheet installation check');
  });

  it('times what an import does with one chunk: its write of 6,500 lines × 15 columns, and inserting, hiding, showing and deleting its rows', () => {
    const s = inUse({}, US);
    const report = s.bundle.callRaw<SelfCheckReport>(SELLER, 'settlesheetSelfTest');
    const names = report.checks.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Writing one 6,500-line import chunk (97,500 cells)', "Inserting, hiding, showing and deleting 6,500 rows (what an import does to its lines' rows)"]));
    expect(report.checks.find((c) => c.name.startsWith('Writing one'))).toMatchObject({ outcome: 'pass', figure: expect.stringContaining('(the test fakes assume 2955 ms)') });
    expect(report.checks.find((c) => c.name.startsWith('Inserting'))!.figure).toMatch(/^insert \d+ ms, hide \d+ ms, show \d+ ms, delete \d+ ms \(the test fakes assume 2955 ms each\)$/);
    // SettleSheet no longer moves lines: the check times nothing it does not do.
    expect(names.filter((n) => /moveTo/.test(n))).toEqual([]);
  });

  it('fails, saying why, where Google refuses what SettleSheet needs', () => {
    // An old manifest: no userinfo.email, and the allow-list lacks Xero's identity host.
    const manifest = { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui', 'https://www.googleapis.com/auth/script.external_request'], urlFetchWhitelist: ['https://api.xero.com/'] };
    const strict = bundleSession(code(), { google: { manifest } });
    const report = strict.bundle.callRaw<SelfCheckReport>(SELLER, 'settlesheetSelfTest');
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => c.outcome === 'fail').map((c) => c.name);
    expect(failed).toEqual(expect.arrayContaining(["UrlFetch to Xero's identity host"]));
    expect(report.checks.find((c) => c.name.includes('userinfo.email'))).toMatchObject({ outcome: 'fail', detail: expect.stringContaining('Specified permissions are not sufficient to call Session.getActiveUser') });
  });
});
