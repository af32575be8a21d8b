// Call counters prove batching; inspection must not disturb them; AuthMode.NONE only builds menus.
import { createGoogleFakes, SHEETS_SERVICES } from '../../fakes/google';

describe('call counters', () => {
  it('count every call by Service.method, and reset', () => {
    const world = createGoogleFakes();
    const g = world.globalsFor({ user: 'a@example.com' });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    const rows = Array.from({ length: 5000 }, (_, i) => [i, `line ${i}`]);
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, 2).setValues(rows);
    sheet.getRange(1, 1, rows.length, 2).getValues();
    g.PropertiesService.getUserProperties().setProperty('k', 'v');
    expect(world.calls.counts()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getMaxRows': 2,
      'Sheet.insertRowsAfter': 1,
      'Sheet.getRange': 2,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'PropertiesService.getUserProperties': 1,
      'Properties.setProperty': 1,
    });
    expect(world.calls.total(SHEETS_SERVICES)).toBe(9);
    expect(world.calls.total('Range.')).toBe(2);
    expect(world.calls.total()).toBe(11);
    world.calls.reset();
    expect(world.calls.total()).toBe(0);
  });

  it('does not count inspection or the fakes calling each other', () => {
    const world = createGoogleFakes();
    const sheet = world.globalsFor({ user: 'a@example.com' }).SpreadsheetApp.getActiveSheet();
    sheet.appendRow(['a', 'b']);
    world.inspect.grid('Sheet1');
    world.inspect.sheets();
    expect(world.calls.counts()).toEqual({ 'SpreadsheetApp.getActiveSheet': 1, 'Sheet.appendRow': 1 });
  });

  it('hides the fakes own plumbing from scripts', () => {
    const sheet = createGoogleFakes().globalsFor({ user: 'a@example.com' }).SpreadsheetApp.getActiveSheet() as unknown as Record<string, unknown>;
    expect(sheet._grid).toBeUndefined();
    expect(typeof sheet.getRange).toBe('function');
  });
});

describe('AuthMode.NONE', () => {
  it('lets onOpen build a menu and refuses everything else', () => {
    const world = createGoogleFakes();
    const g = world.globalsFor({ user: 'a@example.com', authMode: 'NONE' });
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    expect(() => g.PropertiesService.getUserProperties()).toThrow('You do not have permission to call PropertiesService.getUserProperties');
    expect(world.inspect.ui().menus).toHaveLength(1);
  });
});

describe('a simple trigger (onEdit)', () => {
  it('may read and write the bound spreadsheet and its properties, toast, but not fetch, and stops after 30 seconds', () => {
    const world = createGoogleFakes();
    const g = world.globalsFor({ user: 'a@example.com', authMode: 'LIMITED', simpleTrigger: true });
    const spreadsheet = g.SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.getActiveSheet().getRange(1, 1).setValue('x');
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    spreadsheet.toast('Changed', 'SettleSheet', 10);
    expect(world.inspect.ui().toasts).toEqual([{ message: 'Changed', title: 'SettleSheet', timeoutSeconds: 10 }]);
    expect(() => g.UrlFetchApp.fetch('https://api.xero.com/connections')).toThrow('You do not have permission to call UrlFetchApp.fetch');
    // Google's User.getEmail(): not available in a simple onOpen(e) or onEdit(e), a blank string.
    expect([g.Session.getActiveUser().getEmail(), g.Session.getEffectiveUser().getEmail()]).toEqual(['', '']);
    expect(world.globalsFor({ user: 'a@example.com' }).Session.getActiveUser().getEmail()).toBe('a@example.com');
    const sheet = spreadsheet.getActiveSheet();
    expect(() => {
      // Each read costs 30 ms in the fakes' cost model: a thousand pass the trigger's 30 seconds.
      for (let i = 0; i < 1001; i++) sheet.getRange(1, 1).getValues();
    }).toThrow('Exceeded maximum execution time');
    expect(() => world.endExecution(g)).toThrow(/past a simple trigger's 30 seconds/);
  });
});
