import vm from 'node:vm';
import { createGoogleFakes } from '../../fakes/google';
import { AppsScriptRuntime, notPlainData } from '../../../src/workbench/apps-script-runtime';

// A tiny stand-in for dist/Code.js: top-level functions, as the build declares them.
const CODE = `
var calls = 0;
function countCalls() { calls += 1; return calls; }
function echo(request) { return { got: request, isArray: Array.isArray(request.list) }; }
function today() { return new Date(0); }
function lockAndForget() { LockService.getDocumentLock().tryLock(1); return true; }
function fail() { throw new Error('bad things'); }
function helper_() { return 'private'; }
function page(e) { return HtmlService.createHtmlOutput('<p>' + e.parameter.code + '</p>'); }
`;

describe('the workbench running built server code', () => {
  const world = createGoogleFakes();
  const runtime = new AppsScriptRuntime(world, CODE, 'seller@example.com');

  it('offers the top-level functions, not the private ones', () => {
    expect(runtime.functionNames).toEqual(['countCalls', 'echo', 'fail', 'lockAndForget', 'page', 'today']);
  });

  it('evaluates the whole script afresh for every call, as Apps Script does', () => {
    expect(runtime.call('countCalls', '[]')).toEqual({ returned: 1 });
    expect(runtime.call('countCalls', '[]')).toEqual({ returned: 1 });
  });

  it("passes arguments made in the script's own realm and returns plain data", () => {
    expect(runtime.call('echo', JSON.stringify([{ list: [1, 'a'] }]))).toEqual({ returned: { got: { list: [1, 'a'] }, isArray: true } });
  });

  it('refuses to carry what google.script.run cannot (a Date), and reports errors and unknown names as Apps Script does', () => {
    expect(runtime.call('today', '[]')).toEqual({ thrown: expect.stringMatching(/^ScriptError: today returned value \(a Date\)/) });
    expect(runtime.call('fail', '[]')).toEqual({ thrown: 'Error: bad things' });
    expect(runtime.call('helper_', '[]')).toEqual({ thrown: 'Script function not found: helper_' });
  });

  it('releases the locks an execution still holds when it ends', () => {
    expect(runtime.call('lockAndForget', '[]')).toEqual({ returned: true });
    expect(world.inspect.locks()).toEqual([]);
  });

  it('plays a callback and returns the page it made', () => {
    expect(runtime.callback('page', { parameter: { code: 'abc' } })).toBe('<p>abc</p>');
  });
});

describe('plain data', () => {
  it('accepts what JSON carries, from any realm', () => {
    const foreign = vm.runInNewContext('({ a: [1, { b: "c" }], n: null })') as unknown;
    expect(notPlainData(foreign)).toBeUndefined();
    expect(notPlainData(Object.create(null))).toBeUndefined();
  });

  it('says where a value is not plain', () => {
    expect(notPlainData({ a: [1, new Date(0)] })).toBe('value.a[1] (a Date)');
    expect(notPlainData({ f: () => 1 })).toBe('value.f (a function)');
    expect(notPlainData([Number.NaN])).toBe('value[0] (NaN)');
    expect(notPlainData(new Map())).toBe('value (a Map)');
  });
});
