// The built bundle is what Apps Script runs: prove its entry points are plain top-level functions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';

const dist = path.join(__dirname, '../../dist');

describe('dist/Code.js', () => {
  const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');

  it('declares onOpen and onInstall as global functions, as Apps Script needs', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: 'Code.js' });
    for (const name of ['onOpen', 'onInstall', 'showSidebar']) {
      expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('onOpen adds the add-on menu through the Ui service', () => {
    const items: string[][] = [];
    const menu = {
      addItem(caption: string, fn: string) { items.push([caption, fn]); return menu; },
      addSeparator() { return menu; },
      addToUi() { items.push(['<added>']); },
    };
    const context = vm.createContext({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) },
    });
    vm.runInContext(code, context);
    vm.runInContext('onInstall({ authMode: "NONE" })', context);
    expect(items[0]).toEqual(['Open SettleSheet', 'showSidebar']);
    expect(items.at(-1)).toEqual(['<added>']);
    // Every menu item must name a function the bundle really declares at the top level.
    for (const [, fn] of items.slice(0, -1)) {
      expect(typeof (context as Record<string, unknown>)[fn!]).toBe('function');
    }
  });

  // Every server call re-evaluates the whole bundle. At 257 KB (identifiers minified) that takes
  // about 5 ms in V8 (`npm run bench` measures it), a sixth of one Sheets call; the ceiling keeps
  // growth a decision rather than a drift.
  it('stays under 300 KB: every server call re-evaluates the whole bundle', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(300 * 1024);
  });

  it('uses no syntax newer than ES2020', () => {
    // Apps Script's V8 is safe with ES2020; class fields and `??=` (ES2022/2021) are not promised.
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  it('ships a manifest with the narrow scopes and Xero on the URL allow-list', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(manifest.urlFetchWhitelist).toEqual(['https://identity.xero.com/', 'https://api.xero.com/']);
  });

  it('builds a self-contained sidebar page', () => {
    const html = readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
  });
});
