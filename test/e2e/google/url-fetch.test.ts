// The built add-on calling Xero through Google's UrlFetch: what Google refuses (its daily quota,
// the manifest's allow-list) is said in words and never retried as if the network had failed,
// and Google's /usercallback, run without the spreadsheet, still ends on a page that makes sense.
import type { PostResultDto } from '../../../src/api/types';
import { PROJECT_MANIFEST } from '../../fakes/google/manifest';
import { bundleSession, SALE_AND_FEE, useBuiltBundle, connect, importSettlement, saveApp, postAs } from '../../support/bundle-session';
import { settlementOf } from '../../support/settlements';
import { SELLER, UK, US } from '../../support/xero-apps-script';

const code = useBuiltBundle();

describe('UrlFetch refusals', () => {
  it('Google’s daily quota ends a post in words, and nothing is tried again', () => {
    const s = bundleSession(code());
    saveApp(s);
    const { finished } = importSettlement(s, settlementOf(SALE_AND_FEE));
    connect(s, SELLER);
    // The day's quota runs out after two more calls: the lookup before creating goes, then Google refuses.
    s.x.world.setUrlFetchCallsPerDay(s.x.world.urlFetchCallsToday(SELLER) + 2);
    const sent = s.x.requests().length;
    const result = postAs(s, SELLER, { settlementId: finished!.settlementId, mode: 'post' });
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain("Google's daily limit on SettleSheet's calls to Xero");
    expect(s.x.requests().length - sent).toBe(2);
    const log = s.x.world.inspect.grid('Log').values.filter((r) => r[2] === 'Post');
    expect(log.map((r) => [r[4], String(r[5]).includes('daily limit')])).toEqual([['Failed', true]]);
  });

  it('a manifest whose allow-list lacks Xero’s API names the entry to add, at once', () => {
    const manifest = { ...PROJECT_MANIFEST, urlFetchWhitelist: ['https://identity.xero.com/'] };
    const s = bundleSession(code(), { google: { manifest } });
    saveApp(s);
    const page = connect(s, SELLER);
    expect(page).toContain('Xero was not connected');
    expect(page).toContain('must add &quot;https://api.xero.com/&quot; to urlFetchWhitelist');
    expect(s.x.requests().filter((r) => r.url.startsWith('https://api.xero.com/'))).toEqual([]);
  });
});

describe('Google’s /usercallback, run without the spreadsheet', () => {
  it('names the one organisation and does not ask to choose it', () => {
    const s = bundleSession(code());
    saveApp(s);
    const page = connect(s, SELLER, [UK]);
    expect(page).toContain('Connected to Bramble &amp; Finch Trading Ltd');
    expect(page).not.toMatch(/1 organisations|Choose/);
    expect(s.run(SELLER, 'getConnectionStatus')).toMatchObject({ canPost: true, organisation: { tenantId: UK } });
  });

  it('asks to choose when there are several', () => {
    const s = bundleSession(code());
    saveApp(s);
    expect(connect(s, SELLER, [UK, US])).toContain('Your login reaches 2 organisations. Choose the one this spreadsheet posts to');
  });
});
