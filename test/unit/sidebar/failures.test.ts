import { plainWords } from '../../../sidebar/failures';

describe("Apps Script's failures in plain words", () => {
  it.each([
    // Google's own wordings, as google.script.run reports them.
    ['ScriptError: We\'re sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.', /several accounts are signed in/],
    ['ScriptError: Authorization is required to perform that action.', /needs your permission/],
    ['Exceeded maximum execution time', /ran too long/],
    ['Script function not found: previewSettlement', /missing a part \(previewSettlement\)/],
    ['Service invoked too many times for one day: urlfetch.', /limiting how often/],
    ['NetworkError: Connection failure due to HTTP 0', /lost its connection/],
  ])('%s', (raw, words) => {
    const message = plainWords(raw);
    expect(message).toMatch(words);
    expect(message).not.toContain('ScriptError');
  });

  it('keeps an unknown failure\'s first line, without its stack, and says what to do', () => {
    const message = plainWords('TypeError: Cannot read properties of null (reading \'x\')\n    at foo (Code:12:3)');
    expect(message).toBe("Google Sheets could not run this step (Cannot read properties of null (reading 'x')). Try again; if it keeps happening, reload the spreadsheet and open SettleSheet again.");
  });
});
