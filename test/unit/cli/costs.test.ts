// `summarize --costs COSTS.csv` (issue 14): the journal printed, `--json` adding the journals as
// Xero ManualJournal objects, and exit 1 with the reasons when a journal cannot be made.
import { unitsOfLines } from '../../../src/core/cogs';
import { syntheticSettlement } from '../../support/synthetic';
import { cli, scratchFiles } from '../../support/cli';

const { write } = scratchFiles('settlesheet-cli-costs-');

const s = syntheticSettlement({ rows: 400, seed: 21, days: 14, start: '2025-06-24' });
const file = write('synthetic.txt', s.renderV2());
const skus = [...new Set(s.lines().map((l) => l.sku).filter((sku) => sku !== ''))].sort();
// Every SKU costs 1.00 plus a cent per position, so the expected journal total is easy to state.
const costOf = (sku: string) => 100 + skus.indexOf(sku);
const costsCsv = ['SKU,Unit cost,Currency,Effective from,Effective to,Note', ...skus.map((sku) => `${sku},${(costOf(sku) / 100).toFixed(2)},USD,,,`)].join('\n');

describe('summarize --costs', () => {
  it('--json adds the cost of goods sold and one balanced ManualJournal per part, for Σ units × cost exactly', () => {
    const { code, out, err } = cli('summarize', file, '--json', '--costs', write('costs.csv', costsCsv));
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['settlement', 'template', 'check', 'unmapped', 'parts', 'outsidePeriod', 'clearing', 'exchange', 'documents', 'cogs', 'journals']);
    expect(json.journals.map((j: { Date: string }) => j.Date)).toEqual(json.documents.map((d: { Date: string }) => d.Date));
    const expected = unitsOfLines(s.lines()).reduce((t, u) => t + (u.sold - u.returned) * costOf(u.sku), 0);
    let debits = 0;
    for (const journal of json.journals) {
      expect(Object.keys(journal)).toEqual(['Narration', 'Date', 'Status', 'LineAmountTypes', 'JournalLines']);
      const cents = journal.JournalLines.map((l: { LineAmount: number }) => Math.round(l.LineAmount * 100));
      expect(cents.reduce((a: number, b: number) => a + b, 0)).toBe(0);
      debits += cents[0];
      expect(journal.JournalLines.map((l: { AccountCode: string }) => l.AccountCode)).toEqual(['310', '630']);
    }
    expect(debits).toBe(expected);
    expect(json.cogs.problems).toEqual([]);
  });

  it('prints the units by SKU and each journal in the report', () => {
    const { code, out } = cli('summarize', file, '--costs', write('costs.csv', costsCsv));
    expect(code).toBe(0);
    expect(out).toContain('Cost of goods sold');
    expect(out).toMatch(/Journal dated 2025-07-08 \(DRAFT\): AMZ-\d+-2025-07-COGS Cost of goods sold/);
    expect(out).toMatch(/^ {4}310 +NONE +debit +[\d.]+$/m);
  });

  it('exits 1 naming the SKUs without a cost, still printing the documents; no journal', () => {
    const partial = costsCsv.split('\n').filter((l) => !l.startsWith(skus[0]!)).join('\n');
    const { code, out, err } = cli('summarize', file, '--json', '--costs', write('partial.csv', partial));
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.journals).toEqual([]);
    expect(json.documents.length).toBeGreaterThan(0);
    expect(json.cogs.missing.map((m: { sku: string }) => m.sku)).toEqual([skus[0]]);
    expect(err).toContain(`${skus[0]} (`);
  });

  it('reads SKUs exactly as the CSV writes them, and refuses a file without the columns it needs', () => {
    const weird = write('weird.txt', s.renderV2().split(skus[0]!).join('=1+1'));
    const json = JSON.parse(cli('summarize', weird, '--json', '--costs', write('weird.csv', costsCsv.replace(`\n${skus[0]},`, '\n"=1+1",'))).out);
    expect(json.cogs.problems).toEqual([]);
    expect(json.cogs.parts.flatMap((p: { skus: { sku: string }[] }) => p.skus.map((k) => k.sku))).toContain('=1+1');
    const { code, err } = cli('summarize', file, '--costs', write('bad.csv', 'SKU,Price\nA,1\n'));
    expect(code).toBe(2);
    expect(err).toContain('bad.csv: the header row has no "Unit cost" column.');
  });
});
