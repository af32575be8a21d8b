import type { ImportPayload } from '../../../src/api/import-payload';
import type { LineDto, ServerApi } from '../../../src/api/types';
import { ServerError, type Caller } from '../../../sidebar/server';
import { percentOf, progressText, sourceOf, uploadSettlement, type UploadProgress } from '../../../sidebar/upload';

const line = (n: number): LineDto => [n + 2, '2025-07-01', 'Order', 'ItemPrice', 'Principal', '113-1', 'SKU', 'Amazon.com', '1.00', '', 1, 'AFN', ''];
const payloadOf = (lines: number): ImportPayload => ({
  begin: { source: 'f.txt', format: 'v2', header: { settlementId: '1', start: '2025-07-01T00:00:00Z', end: '2025-07-14T00:00:00Z', depositDate: '2025-07-16T00:00:00Z', totalAmount: `${lines}.00`, currency: 'USD' }, lineCount: lines, dataRows: lines, rowsWithoutAmount: 0, contentHash: 'abcdefgh' },
  lines: Array.from({ length: lines }, (_, i) => line(i)),
  aggregate: [['2025-07-01', 'Order', 'ItemPrice', 'Principal', 'Amazon.com', `${lines}.00`, lines]],
  units: [['2025-07-01', 'SKU', 'Amazon.com', lines, 0, 0]],
});
const payload = (lines: number) => sourceOf(payloadOf(lines));

type Handlers = { [K in keyof ServerApi]?: (request: Parameters<ServerApi[K]>[0]) => ReturnType<ServerApi[K]> };

/** A fake server: records every call; a handler that throws is a refusal in the server's words. */
function fakeServer(handlers: Handlers) {
  const calls: [string, unknown][] = [];
  const call = (async (name: keyof ServerApi, request: unknown) => {
    calls.push([name, request]);
    const handler = handlers[name] as ((r: unknown) => unknown) | undefined;
    if (!handler) throw new ServerError(`no ${name}`, 'server');
    return handler(request);
  }) as Caller;
  return { call, calls };
}

const ready = { beginImport: () => ({ status: 'ready' as const, importId: 'imp', chunkSize: 2 }) };
const listed = { settlementId: '1' } as ReturnType<ServerApi['finishImport']>;

describe('uploading a settlement in chunks', () => {
  it('sends the lines in order, in chunks of the size the server asks for, then finishes with the aggregate', async () => {
    let received = 0;
    const server = fakeServer({
      ...ready,
      appendImportLines: (r) => ({ received: (received = r.offset + r.lines.length) }),
      finishImport: () => listed,
    });
    const progress: UploadProgress[] = [];
    const outcome = await uploadSettlement(server.call, payload(5), { signal: { cancelled: false }, onProgress: (p) => progress.push(p) });
    expect(outcome).toEqual({ kind: 'imported', settlement: listed });
    expect(received).toBe(5);
    expect(server.calls.map(([name, r]) => (name === 'appendImportLines' ? `${name}@${(r as { offset: number }).offset}+${(r as { lines: unknown[] }).lines.length}` : name))).toEqual([
      'beginImport', 'appendImportLines@0+2', 'appendImportLines@2+2', 'appendImportLines@4+1', 'finishImport',
    ]);
    expect(progress.map((p) => `${p.sent}/${p.total}`)).toEqual(['0/5', '2/5', '4/5', '5/5']);
    expect((server.calls.at(-1)![1] as { aggregate: unknown }).aggregate).toEqual(payload(5).aggregate);
    expect((server.calls.at(-1)![1] as { units: unknown }).units).toEqual(payload(5).units);
  });

  it('stops between chunks when cancelled and asks the server to drop what it staged', async () => {
    const signal = { cancelled: false };
    const server = fakeServer({
      ...ready,
      appendImportLines: (r) => {
        signal.cancelled = true; // pressed while this chunk was on its way
        return { received: r.offset + r.lines.length };
      },
      cancelImport: () => ({ cancelled: true }),
    });
    const outcome = await uploadSettlement(server.call, payload(5), { signal, onProgress: () => undefined });
    expect(outcome).toEqual({ kind: 'cancelled', message: 'Import cancelled: nothing was imported.' });
    expect(server.calls.map(([name]) => name)).toEqual(['beginImport', 'appendImportLines', 'cancelImport']);
  });

  it('cancels on the server when a chunk fails, and says where it stopped', async () => {
    const server = fakeServer({
      ...ready,
      appendImportLines: (r) => {
        if (r.offset > 0) throw new ServerError('Lines arrived out of order.', 'server');
        return { received: 2 };
      },
      cancelImport: () => ({ cancelled: true }),
    });
    const outcome = await uploadSettlement(server.call, payload(5), { signal: { cancelled: false }, onProgress: () => undefined });
    expect(outcome).toEqual({ kind: 'failed', message: 'Lines arrived out of order. The upload stopped at 2 of 5 lines sent (40%); nothing was imported.' });
    expect(server.calls.at(-1)).toEqual(['cancelImport', { importId: 'imp' }]);
  });

  it('cancels when finishing fails, and admits it when even cancelling fails', async () => {
    const server = fakeServer({
      ...ready,
      appendImportLines: (r) => ({ received: r.offset + r.lines.length }),
      finishImport: () => { throw new ServerError('The import does not add up.', 'server'); },
    });
    const outcome = await uploadSettlement(server.call, payload(1), { signal: { cancelled: false }, onProgress: () => undefined });
    expect(outcome.kind).toBe('failed');
    expect(outcome).toHaveProperty('message', 'The import does not add up. (Clearing the partial upload failed too: no cancelImport Importing again offers to cancel it.)');
  });

  it('reports an import the server had committed when its finish failed half-way as imported', async () => {
    const server = fakeServer({
      ...ready,
      appendImportLines: (r) => ({ received: r.offset + r.lines.length }),
      finishImport: () => { throw new ServerError('Settlement 1 is imported, but SettleSheet could not finish tidying up after it.', 'server'); },
      cancelImport: () => ({ cancelled: false, imported: listed }),
    });
    const outcome = await uploadSettlement(server.call, payload(1), { signal: { cancelled: false }, onProgress: () => undefined });
    expect(outcome).toEqual({ kind: 'imported', settlement: listed });
  });

  it('continues an import it took over from the line the server has', async () => {
    const server = fakeServer({
      beginImport: () => ({ status: 'ready', importId: 'imp', chunkSize: 2, received: 3 }),
      appendImportLines: (r) => ({ received: r.offset + r.lines.length }),
      finishImport: () => listed,
    });
    const progress: UploadProgress[] = [];
    await uploadSettlement(server.call, payload(5), { takeOver: 'imp', signal: { cancelled: false }, onProgress: (p) => progress.push(p) });
    expect(server.calls[0]![1]).toMatchObject({ takeOver: 'imp' });
    expect(server.calls.filter(([name]) => name === 'appendImportLines').map(([, r]) => (r as { offset: number }).offset)).toEqual([3]);
    expect(progress.map((p) => p.sent)).toEqual([3, 5]);
  });

  it('passes on what begin says instead of uploading: unchanged, needs confirmation, busy', async () => {
    for (const [answer, kind] of [
      [{ status: 'unchanged', settlement: listed }, 'unchanged'],
      [{ status: 'needs-confirmation', message: 'Replace it?', posted: true }, 'needs-confirmation'],
      [{ status: 'busy', message: 'Sam is importing.' }, 'busy'],
    ] as const) {
      const server = fakeServer({ beginImport: () => answer });
      const outcome = await uploadSettlement(server.call, payload(3), { signal: { cancelled: false }, onProgress: () => undefined });
      expect(outcome.kind).toBe(kind);
      expect(server.calls.map(([name]) => name)).toEqual(['beginImport']);
    }
  });

  it('asks to replace a re-issued settlement only when the person confirmed', async () => {
    const server = fakeServer({ beginImport: () => ({ status: 'busy', message: '' }) });
    await uploadSettlement(server.call, payload(1), { signal: { cancelled: false }, onProgress: () => undefined });
    await uploadSettlement(server.call, payload(1), { confirmReissue: true, signal: { cancelled: false }, onProgress: () => undefined });
    expect(server.calls.map(([, r]) => (r as { confirmReissue?: boolean }).confirmReissue)).toEqual([undefined, true]);
  });

  it('writes progress as lines and whole percent, 100 only when all are sent', () => {
    expect(percentOf({ sent: 4999, total: 5000 })).toBe(99);
    expect(progressText({ sent: 12_000, total: 40_000 })).toBe('12,000 of 40,000 lines sent (30%)');
    expect(percentOf({ sent: 0, total: 0 })).toBe(100);
  });
});
