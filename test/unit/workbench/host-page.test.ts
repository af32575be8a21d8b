import { hostPage, sidebarPage } from '../../../src/workbench/host-page';

describe('the workbench pages', () => {
  const sidebarHtml = '<!DOCTYPE html><html><head><style>x</style></head><body><main id="app"></main><noscript>no</noscript><script>sidebar()</script></body></html>';

  it("puts the shim and the server's function names before the sidebar's own script", () => {
    const page = sidebarPage(sidebarHtml, 'shim()', ['beginImport', 'listSettlements']);
    expect(page.indexOf('__workbenchFunctions=["beginImport","listSettlements"]')).toBeLessThan(page.indexOf('shim()'));
    expect(page.indexOf('shim()')).toBeLessThan(page.indexOf('sidebar()'));
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('cannot be broken out of its script elements', () => {
    const page = sidebarPage(sidebarHtml, 'var s = "</script><img src=x>";', ['a</script>']);
    expect(page).not.toContain('</script><img');
    expect(page).not.toContain('a</script>');
    expect(hostPage({ demoFileName: 'x.txt', organisation: 'Org', user: 'u' }, '"</script>"')).not.toContain('"</script>"');
  });

  it('says it is a local sandbox, escaping the names it shows', () => {
    const page = hostPage({ demoFileName: 'demo".txt', organisation: '<b>Harbor</b>', user: 'seller@example.com' }, '');
    expect(page).toContain('Local sandbox.');
    expect(page).toContain('&lt;b&gt;Harbor&lt;/b&gt;');
    expect(page).toContain('data-file-name="demo&quot;.txt"');
  });
});
