// Scripts may run in another node:vm realm (the e2e test runs dist/Code.js that way): what the
// fakes hand back must be that realm's Dates, arrays, objects and errors.
import vm from 'node:vm';
import { createGoogleFakes, intrinsicsOf } from '../../fakes/google';

function vmWorld() {
  const world = createGoogleFakes();
  const context = vm.createContext({});
  const globals = world.globalsFor({ user: 'seller@example.com', intrinsics: intrinsicsOf(context) });
  Object.assign(context, globals);
  return { world, context, globals };
}

describe('cross-realm values', () => {
  it('returns Dates, arrays and objects made with the caller realm constructors', () => {
    const { context } = vmWorld();
    const result = vm.runInContext(`
      const range = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
      range.setValues([[new Date(Date.UTC(2025, 7, 14, 10)), '2025-08-14']]);
      const values = range.getValues();
      PropertiesService.getUserProperties().setProperty('k', 'v');
      const props = PropertiesService.getUserProperties().getProperties();
      ({
        outerIsArray: values instanceof Array,
        rowIsArray: values[0] instanceof Array,
        written: values[0][0] instanceof Date && values[0][0].toISOString(),
        parsed: values[0][1] instanceof Date && values[0][1].toISOString(),
        propsIsObject: props instanceof Object && props.k,
        bytesIsArray: Utilities.newBlob('é').getBytes() instanceof Array,
      });
    `, context);
    expect(result).toEqual({
      outerIsArray: true,
      rowIsArray: true,
      written: '2025-08-14T10:00:00.000Z',
      parsed: '2025-08-14T00:00:00.000Z',
      propsIsObject: 'v',
      bytesIsArray: true,
    });
  });

  it('recognises Dates from another realm when they are written', () => {
    const { globals, context } = vmWorld();
    const foreign = vm.runInContext('new Date(Date.UTC(2024, 1, 29))', context) as Date;
    expect(foreign instanceof Date).toBe(false);
    const cell = globals.SpreadsheetApp.getActiveSheet().getRange('A1');
    cell.setValue(foreign);
    expect(cell.getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(globals.Utilities.formatDate(foreign, 'Etc/UTC', 'yyyy-MM-dd')).toBe('2024-02-29');
  });

  it('throws the caller realm Errors, named Exception like Apps Script', () => {
    const { context } = vmWorld();
    const caught = vm.runInContext(`
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); 'no error'; }
      catch (e) { ({ isError: e instanceof Error, text: String(e) }); }
    `, context);
    expect(caught).toEqual({ isError: true, text: 'Exception: The starting row of the range is too small.' });
  });
});
