// Layout 6 on the BUILT add-on: a workbook an earlier SettleSheet made has no Mapping rules and
// no Accounts rows for the sales whose tax Amazon remits. Opening it with this version adds the
// shipped rules (never over or beside a row a person edited) and, for a chosen template, that
// template's rows for the three categories, once; with "My own Accounts rows" the preview says
// those sales post as plain Sales until the Accounts tab has rows for them.
import type { PreviewResult, SettingsDto } from '../../src/api/types';
import { LAYOUT_VERSION } from '../../src/server/workbook/layout-upgrade';
import { renderRegionalFile, UK_FILE } from '../support/regional-files';
import { seedOrganisations, unlocked } from '../fakes/xero';
import { builtBundle, bundleSession, connect, importFile, saveApp, type BundleSession, postAs } from '../support/bundle-session';
import { SELLER, UK } from '../support/xero-apps-script';

let code = '';
// The UK file is dated 2024: its organisation has no lock dates (tax is the point here).
const session = () => bundleSession(code, { xero: { organisations: seedOrganisations().map(unlocked) } });
beforeAll(() => {
  code = builtBundle();
});
afterEach(() => jest.restoreAllMocks());

const REMITTED = /^(sales|refunds|promotions), tax remitted by amazon$/i;

function saveTemplate(s: BundleSession, template: string, applyTemplate: boolean): SettingsDto {
  s.run(SELLER, 'listSettlements');
  return s.run<SettingsDto>(SELLER, 'saveSettings', { split: 'carry', documentStatus: 'DRAFT', contactName: '', template, ...(applyTemplate ? { applyTemplate } : {}) });
}

/**
 * The workbook as layout 5 left it: no Mapping rule or Accounts row for the remitted categories,
 * and one rule a person wrote for one of their keys (refunds of such orders kept as plain Refunds).
 */
function asLayout5(s: BundleSession): void {
  s.x.run(SELLER, () => {
    const book = SpreadsheetApp.getActiveSpreadsheet();
    for (const name of ['Mapping', 'Accounts']) {
      const sheet = book.getSheetByName(name)!;
      const width = sheet.getLastColumn();
      const category = (sheet.getRange(1, 1, 1, width).getValues()[0] as string[]).indexOf('Category');
      const body = sheet.getRange(2, 1, sheet.getLastRow() - 1, width);
      const kept = body.getValues().filter((r) => !REMITTED.test(String(r[category])));
      if (name === 'Mapping') kept.push(['Refund', 'ItemPrice', 'Principal', '', 'Amazon', '', '', 'Refunds', '', '', 'my own choice']);
      body.clearContent();
      sheet.getRange(2, 1, kept.length, width).setValues(kept);
    }
    PropertiesService.getDocumentProperties().setProperty('settlesheet.layout', '5');
  });
}

const grid = (s: BundleSession, tab: string) => s.x.world.inspect.grid(tab).values.filter((r) => r.some((c) => c !== ''));
const upgradeLines = (s: BundleSession) => grid(s, 'Log').filter((r) => r[2] === 'Upgrade workbook');

describe('a workbook made before the tax-remitted-by-Amazon categories', () => {
  it("gains the shipped rules and the UK template's rows once, keeps a person's rule, and then posts a deemed-supplier sale without output VAT", () => {
    const s = session();
    saveTemplate(s, 'uk-vat', true);
    const shippedRules = grid(s, 'Mapping').filter((r) => REMITTED.test(String(r[7])));
    const shippedAccounts = grid(s, 'Accounts').filter((r) => REMITTED.test(String(r[0]))).map((r) => r.slice(0, 6));
    expect(shippedAccounts).toContainEqual(['Sales, tax remitted by Amazon', '', '', '', '201', 'ZERORATEDOUTPUT']);
    asLayout5(s);

    s.run(SELLER, 'listSettlements');
    expect(s.x.world.inspect.properties('document')['settlesheet.layout']).toBe(String(LAYOUT_VERSION));
    const mapping = grid(s, 'Mapping');
    // Every shipped rule but the one whose key the person's row has, which stays as they wrote it.
    const key = (r: readonly unknown[]) => r.slice(0, 5).join('|').toLowerCase();
    expect(mapping.filter((r) => REMITTED.test(String(r[7]))).map(key).sort()).toEqual(shippedRules.map(key).filter((k) => k !== 'refund|itemprice|principal||amazon').sort());
    expect(mapping.filter((r) => key(r) === 'refund|itemprice|principal||amazon')).toEqual([['Refund', 'ItemPrice', 'Principal', '', 'Amazon', '', '', 'Refunds', '', '', 'my own choice']]);
    expect(grid(s, 'Accounts').filter((r) => REMITTED.test(String(r[0]))).map((r) => r.slice(0, 6))).toEqual(shippedAccounts);
    const logged = upgradeLines(s);
    expect(logged.map((r) => r[5])).toEqual([`Upgraded the workbook: added ${shippedRules.length - 1} Mapping rules for sales, refunds and promotions whose tax Amazon remits and ${shippedAccounts.length} Accounts rows from the template "United Kingdom, VAT registered" for their categories.`]);

    // Run again (a second upgrade of the same tabs): nothing added, nothing logged.
    const [mappingBefore, accountsBefore] = [grid(s, 'Mapping'), grid(s, 'Accounts')];
    s.x.run(SELLER, () => PropertiesService.getDocumentProperties().setProperty('settlesheet.layout', '5'));
    s.run(SELLER, 'listSettlements');
    expect(grid(s, 'Mapping')).toEqual(mappingBefore);
    expect(grid(s, 'Accounts')).toEqual(accountsBefore);
    expect(upgradeLines(s)).toHaveLength(1);

    const { finished } = importFile(s, renderRegionalFile(UK_FILE).text);
    saveApp(s);
    connect(s, SELLER, [UK]);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.problems).toEqual([]);
    expect(preview.warnings.filter((w) => /post as plain/.test(w))).toEqual([]);
    const sales = preview.parts.flatMap((p) => p.lines).filter((l) => l.accountCode === '201');
    // The deemed-supplier sale (10.00) leaves the 20% sales for the zero-rated line, beside the Amazon.de one.
    expect(sales.map((l) => [l.taxType, l.statedTax, l.amount])).toEqual([['OUTPUT2', '20.00', '120.00'], ['OUTPUT2', '9.00', '54.00'], ['ZERORATEDOUTPUT', '0.00', '40.00']]);
    expect(postAs(s, SELLER, { settlementId: finished!.settlementId, mode: 'post' }).outcome).toBe('posted');
    const posted = s.x.sandbox.documents(UK).flatMap((d) => d.lines).filter((l) => l.accountCode === '201');
    expect(posted.map((l) => [l.taxType, l.taxAmount])).toContainEqual(['ZERORATEDOUTPUT', '0.00']);
  });

  it("with the person's own Accounts rows adds the rules only, and the preview says the sales post as plain Sales", () => {
    const s = session();
    saveTemplate(s, 'uk-vat', true);
    saveTemplate(s, 'own', false);
    asLayout5(s);
    const accountsBefore = grid(s, 'Accounts');

    s.run(SELLER, 'listSettlements');
    expect(grid(s, 'Accounts')).toEqual(accountsBefore);
    expect(grid(s, 'Mapping').some((r) => r[7] === 'Sales, tax remitted by Amazon')).toBe(true);
    expect(upgradeLines(s).map((r) => r[5])).toEqual([expect.stringMatching(/Mapping rules .*Settings says you keep your own Accounts rows, so the Accounts tab got no rows for "Sales, tax remitted by Amazon"/)]);

    const { finished } = importFile(s, renderRegionalFile(UK_FILE).text);
    saveApp(s);
    connect(s, SELLER, [UK]);
    const preview = s.run<PreviewResult>(SELLER, 'previewSettlement', { settlementId: finished!.settlementId });
    expect(preview.warnings).toContainEqual(expect.stringMatching(/^2 lines \(40\.00 GBP\) of orders whose tax Amazon remits post as plain Sales, with your own tax rate, until the Accounts tab gets rows for "Sales, tax remitted by Amazon"/));
    expect(preview.problems).toEqual([]);
    const sales = preview.parts.flatMap((p) => p.lines).filter((l) => l.accountCode === '201');
    // The deemed-supplier sale (10.00) joins the August sales at 20%; the Amazon.de sale is zero-rated by its own Sales row.
    expect(sales.map((l) => [l.taxType, l.statedTax, l.amount])).toEqual([['OUTPUT2', '20.00', '120.00'], ['OUTPUT2', '9.00', '64.00'], ['ZERORATEDOUTPUT', '0.00', '30.00']]);
  });

  it('gives a Mapping tab older than the Tax remitted by column that column, so the rules claim only the sales whose tax Amazon remits', () => {
    const s = session();
    saveTemplate(s, 'uk-vat', true);
    asLayout5(s);
    s.x.run(SELLER, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mapping')!.deleteColumns(5, 1));
    const rowsBefore = grid(s, 'Mapping').length;

    s.run(SELLER, 'listSettlements');
    const [header, ...body] = grid(s, 'Mapping');
    const remitter = header!.indexOf('Tax remitted by');
    expect(remitter).toBe(header!.length - 1);
    const added = body.slice(rowsBefore - 1);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((r) => REMITTED.test(String(r[header!.indexOf('Category')])) && r[remitter] === 'Amazon')).toBe(true);
    expect(body.slice(0, rowsBefore - 1).every((r) => r[remitter] === '')).toBe(true);
  });

  it('writes nothing into an Accounts tab whose header was cleared, and does not say it added rows', () => {
    const s = session();
    saveTemplate(s, 'uk-vat', true);
    asLayout5(s);
    s.x.run(SELLER, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!;
      sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).clearContent();
    });

    s.run(SELLER, 'listSettlements');
    expect(grid(s, 'Accounts')).toEqual([]);
    expect(upgradeLines(s).map((r) => String(r[5])).join(' ')).not.toMatch(/Accounts row/);
  });
});
