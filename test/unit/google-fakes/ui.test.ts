// The Ui and HtmlService: menus, sidebars, dialogs and alerts, recorded for tests to check.
import { createGoogleFakes } from '../../fakes/google';

describe('Ui and HtmlService', () => {
  it('records the add-on menu; adding it again replaces it', () => {
    const world = createGoogleFakes();
    for (let open = 0; open < 2; open++) {
      const ui = world.globalsFor({ user: 'a@example.com', authMode: 'NONE' }).SpreadsheetApp.getUi();
      ui.createAddonMenu().addItem('Open SettleSheet', 'showSidebar').addSeparator().addItem('Help', 'showHelp').addToUi();
    }
    expect(world.inspect.ui().menus).toEqual([{
      title: 'Add-on',
      entries: [{ caption: 'Open SettleSheet', functionName: 'showSidebar' }, { separator: true }, { caption: 'Help', functionName: 'showHelp' }],
    }]);
  });

  it('shows registered HTML files in sidebars and dialogs', () => {
    const world = createGoogleFakes({ htmlFiles: { Sidebar: '<!DOCTYPE html><p>hi</p>' } });
    const g = world.globalsFor({ user: 'a@example.com' });
    const page = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('SettleSheet');
    g.SpreadsheetApp.getUi().showSidebar(page);
    g.SpreadsheetApp.getUi().showModalDialog(g.HtmlService.createHtmlOutput('<b>x</b>').setWidth(400).setHeight(300), 'Review');
    const { sidebars, dialogs } = world.inspect.ui();
    expect(sidebars).toEqual([{ kind: 'sidebar', title: 'SettleSheet', content: '<!DOCTYPE html><p>hi</p>', width: undefined, height: undefined, user: 'a@example.com' }]);
    expect(dialogs[0]).toMatchObject({ kind: 'modal dialog', title: 'Review', content: '<b>x</b>', width: 400, height: 300 });
    expect(g.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toContain('hi');
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(() => g.SpreadsheetApp.getUi().showSidebar('<p>' as never)).toThrow("don't match the method signature");
  });

  it('answers alerts with the world answerer and returns the Button enum', () => {
    const world = createGoogleFakes({ answerAlert: (a) => (a.prompt.startsWith('Post') ? 'NO' : 'OK') });
    const ui = world.globalsFor({ user: 'a@example.com' }).SpreadsheetApp.getUi();
    expect(ui.alert('Post 3 invoices to Xero?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Title', 'Body', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.OK);
    expect(world.inspect.ui().alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['', 'Post 3 invoices to Xero?', 'YES_NO', 'NO'], ['', 'Done', 'OK', 'OK'], ['Title', 'Body', 'OK_CANCEL', 'OK'],
    ]);
    world.answerAlert = () => 'YES';
    expect(() => ui.alert('Only OK')).toThrow('not one of its buttons');
  });
});
