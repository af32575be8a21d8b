import { createCaller, messageOf, ServerError, type ScriptRunner } from '../../../sidebar/server';

/** A google.script.run that answers each target the way `answer` says, after the call returns. */
function runner(answer: (name: string, request: unknown) => { ok: unknown } | { fail: unknown }, calls: [string, unknown][] = []): () => ScriptRunner {
  return () => {
    let onSuccess: (value: unknown) => void = () => undefined;
    let onFailure: (error: unknown) => void = () => undefined;
    const run: ScriptRunner = {
      withSuccessHandler(handler) { onSuccess = handler; return run; },
      withFailureHandler(handler) { onFailure = handler; return run; },
    };
    for (const name of ['listSettlements', 'previewSettlement']) {
      run[name] = (request: unknown) => {
        calls.push([name, request]);
        const a = answer(name, request);
        queueMicrotask(() => ('ok' in a ? onSuccess(a.ok) : onFailure(a.fail)));
      };
    }
    return run;
  };
}

describe('the typed google.script.run wrapper', () => {
  it('sends the request to the named target and resolves with the envelope\'s value', async () => {
    const calls: [string, unknown][] = [];
    const call = createCaller(runner(() => ({ ok: { ok: true, value: [] } }), calls));
    await expect(call('listSettlements', {})).resolves.toEqual([]);
    expect(calls).toEqual([['listSettlements', {}]]);
  });

  it("rejects with the server's own words when the target refuses", async () => {
    const call = createCaller(runner(() => ({ ok: { ok: false, message: 'Settlement 1 is not imported in this spreadsheet. Import its file first.' } })));
    const error = await call('previewSettlement', { settlementId: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ source: 'server', message: 'Settlement 1 is not imported in this spreadsheet. Import its file first.' });
  });

  it("turns Apps Script's failures into plain words", async () => {
    const call = createCaller(runner(() => ({ fail: new Error('ScriptError: Authorization is required to perform that action.') })));
    const error = await call('listSettlements', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ source: 'google' });
    expect(messageOf(error)).toMatch(/needs your permission/);
  });

  it('says so when the server lacks the target or answers outside the contract', async () => {
    const missing = createCaller(runner(() => ({ ok: null })));
    await expect(missing('getSettings', {})).rejects.toThrow(/missing a part \(getSettings\)/);
    const odd = createCaller(runner(() => ({ ok: 'just text' })));
    await expect(odd('listSettlements', {})).rejects.toThrow(/does not understand/);
    const outside = createCaller(() => { throw new Error('no google'); });
    await expect(outside('listSettlements', {})).rejects.toThrow(/not running inside Google Sheets/);
  });
});
