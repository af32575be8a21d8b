// The built add-on under the scopes its manifest grants. Every faked method checks the scopes
// Google's reference says it needs, against the project's appsscript.json (the file clasp
// pushes), and throws Google's message when the manifest lacks them.
import { PROJECT_MANIFEST } from '../../fakes/google/manifest';
import { settlementOf } from '../../support/settlements';
import { bundleSession, SALE_AND_FEE, useBuiltBundle, importSettlement } from '../../support/bundle-session';
import { SELLER } from '../../support/xero-apps-script';

const code = useBuiltBundle();

const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const logWho = (s: ReturnType<typeof bundleSession>) => s.x.world.inspect.grid('Log').values.slice(1).filter((r) => r[0] !== '').map((r) => r[1]);

describe('the scopes the manifest grants', () => {
  it('are enough for the product: an import names the person from Google (userinfo.email)', () => {
    expect(PROJECT_MANIFEST.oauthScopes).toContain(USERINFO_EMAIL);
    const s = bundleSession(code());
    const { finished } = importSettlement(s, settlementOf(SALE_AND_FEE));
    expect(finished).toMatchObject({ importedBy: SELLER });
    expect(logWho(s)).toEqual([SELLER]);
  });

  it('without userinfo.email (an older deployment) nothing breaks: people are told apart by Google’s temporary key', () => {
    const manifest = { ...PROJECT_MANIFEST, oauthScopes: PROJECT_MANIFEST.oauthScopes!.filter((scope) => scope !== USERINFO_EMAIL) };
    const s = bundleSession(code(), { google: { manifest } });
    importSettlement(s, settlementOf(SALE_AND_FEE));
    importSettlement(s, settlementOf(SALE_AND_FEE, { settlementId: '222' }), { user: 'accountant@example.com' });
    const [seller, accountant] = logWho(s);
    expect(seller).toMatch(/^Google user \S{8}$/);
    expect(accountant).toMatch(/^Google user \S{8}$/);
    expect(seller).not.toBe(accountant);
    expect(String(seller)).not.toContain('seller');
  });

  it('are checked on every method: without script.container.ui the sidebar cannot open, with Google’s message', () => {
    const manifest = { ...PROJECT_MANIFEST, oauthScopes: PROJECT_MANIFEST.oauthScopes!.filter((scope) => !scope.endsWith('script.container.ui')) };
    const s = bundleSession(code(), { google: { manifest } });
    expect(() => s.bundle.callRaw(SELLER, 'showSidebar')).toThrow(
      'Specified permissions are not sufficient to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});
