// What the server says about one of something says it in the singular (issue 12 §4), and removing
// the settlement the Summary tab describes leaves no summary of it behind (issue 12 §3).
import { chunksOf, importPayload } from '../../../src/api/import-payload';
import { appendImportLines, beginImport, finishImport } from '../../../src/server/api/import';
import { previewSettlement } from '../../../src/server/api/preview';
import { removeSettlement } from '../../../src/server/api/remove';
import { appendWords } from '../../../src/server/workbook/mapping-tabs';
import { appsScript } from '../../support/apps-script';
import { settlementOf, type DetailedLineSpec } from '../../support/settlements';

const one: DetailedLineSpec[] = [['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99']];

function imported(h: ReturnType<typeof appsScript>, specs = one, settlementId = '12345678901') {
  const payload = importPayload(settlementOf(specs, { settlementId }));
  const begun = h.run(() => beginImport(payload.begin));
  if (begun.status !== 'ready') throw new Error(JSON.stringify(begun));
  let offset = 0;
  for (const chunk of chunksOf(payload.lines, begun.chunkSize)) {
    h.run(() => appendImportLines({ importId: begun.importId, offset, lines: chunk }));
    offset += chunk.length;
  }
  return h.run(() => finishImport({ importId: begun.importId, aggregate: payload.aggregate, units: payload.units }));
}

describe('counts in the singular', () => {
  it('says "1 line" when a settlement of one line is removed', () => {
    const h = appsScript();
    imported(h);
    expect(h.run(() => removeSettlement({ settlementId: '12345678901' })).message).toMatch(/^Settlement 12345678901 was removed from the workbook: 1 line from /);
  });

  it('says "of 1 line" to a second person while an import of one line is under way, and when it finishes short', () => {
    const h = appsScript();
    const payload = importPayload(settlementOf(one));
    const begun = h.run(() => beginImport(payload.begin));
    if (begun.status !== 'ready') throw new Error(JSON.stringify(begun));
    const other = h.run(() => beginImport({ ...payload.begin, header: { ...payload.begin.header, settlementId: '777' } }), 'accountant@example.com');
    expect(other).toMatchObject({ status: 'busy', message: expect.stringContaining('(0 of 1 line arrived)') });
    expect(() => h.run(() => finishImport({ importId: begun.importId, aggregate: payload.aggregate, units: payload.units }))).toThrow('Only 0 of 1 line arrived.');
  });

  it('says "1 more line type" and "1 row" in what a Mapping append left out', () => {
    expect(appendWords({ added: 1, groupRows: 1, grouped: 1, notListed: 1 })).toBe(
      '1 row added to Mapping; 1 more line type grouped in 1 row by transaction and amount type; 1 more line type not listed yet: map these first, and the next preview lists more',
    );
  });
});

describe('removing the settlement the Summary tab describes', () => {
  it('clears the Summary tab, and leaves a summary of another settlement as it is', () => {
    const h = appsScript();
    imported(h, one, '111');
    imported(h, one, '222');
    h.run(() => previewSettlement({ settlementId: '111' }));
    const summaryText = () => h.world.inspect.grid('Summary').values.flat().filter((v) => v !== '').map(String);
    expect(summaryText()[0]).toBe('Settlement 111');
    h.run(() => removeSettlement({ settlementId: '222' }));
    expect(summaryText()[0]).toBe('Settlement 111');
    h.run(() => removeSettlement({ settlementId: '111' }));
    expect(summaryText()).toEqual(['Settlement 111 was removed from the workbook. Open a settlement in the sidebar to see its summary here.']);
  });
});
