// The built add-on under the scopes its manifest grants. Every faked method checks the scopes
// Google's reference says it needs, against the project's appsscript.json (the file clasp
// pushes), and throws Google's message when the manifest lacks them.
import { PROJECT_MANIFEST } from '../../fakes/google/manifest';
import { settlementOf } from '../../support/settlements';
import { builtBundle, bundleSession, importSettlement } from '../../support/bundle-session';
import { SELLER } from '../../support/xero-apps-script';

let code = '';
beforeAll(() => {
  code = builtBundle();
});
afterEach(() => jest.restoreAllMocks());

const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const LINES = [
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
] as const;

const logWho = (s: ReturnType<typeof bundleSession>) => s.x.world.inspect.grid('Log').values.slice(1).filter((r) => r[0] !== '').map((r) => r[1]);

describe('the scopes the manifest grants', () => {
  it('are enough for the product: an import names the person from Google (userinfo.email)', () => {
    expect(PROJECT_MANIFEST.oauthScopes).toContain(USERINFO_EMAIL);
    const s = bundleSession(code);
    const { finished } = importSettlement(s, settlementOf(LINES));
    expect(finished).toMatchObject({ importedBy: SELLER });
    expect(logWho(s)).toEqual([SELLER]);
  });

  it('without userinfo.email (an older deployment) nothing breaks: people are told apart by Google’s temporary key', () => {
    const manifest = { ...PROJECT_MANIFEST, oauthScopes: PROJECT_MANIFEST.oauthScopes!.filter((scope) => scope !== USERINFO_EMAIL) };
    const s = bundleSession(code, { google: { manifest } });
    importSettlement(s, settlementOf(LINES));
    importSettlement(s, settlementOf(LINES, { settlementId: '222' }), { user: 'accountant@example.com' });
    const [seller, accountant] = logWho(s);
    expect(seller).toMatch(/^Google user \S{8}$/);
    expect(accountant).toMatch(/^Google user \S{8}$/);
    expect(seller).not.toBe(accountant);
    expect(String(seller)).not.toContain('seller');
  });

  it('are checked on every method: without script.container.ui the sidebar cannot open, with Google’s message', () => {
    const manifest = { ...PROJECT_MANIFEST, oauthScopes: PROJECT_MANIFEST.oauthScopes!.filter((scope) => !scope.endsWith('script.container.ui')) };
    const s = bundleSession(code, { google: { manifest } });
    expect(() => s.bundle.callRaw(SELLER, 'showSidebar')).toThrow(
      'Specified permissions are not sufficient to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});
