import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, scratchFiles } from '../../support/cli';
import { describeWithSamples, sampleFiles } from '../../support/samples';
import { syntheticSettlement } from '../../support/synthetic';

const { dir, write } = scratchFiles('settlesheet-cli-');

/** Σ of what Xero would total, signed back for bills. */
const documentsTotal = (documents: { Type: string; LineItems: { LineAmount: number }[] }[]) =>
  documents.reduce((t, d) => {
    const sum = d.LineItems.reduce((s, l) => s.plus(String(l.LineAmount)), new Decimal(0));
    return t.plus(d.Type === 'ACCPAY' ? sum.negated() : sum);
  }, new Decimal(0));

describeWithSamples('summarize --json on every real sample', () => {
  it.each(sampleFiles().map((f) => [f.name, f.path]))('%s: documented shape, balanced, documents equal to the deposit', (_name, file) => {
    const { code, out, err } = cli('summarize', file, '--json');
    expect([code, err]).toEqual([0, expect.any(String)]);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['settlement', 'template', 'check', 'unmapped', 'parts', 'outsidePeriod', 'clearing', 'exchange', 'documents']);
    expect(Object.keys(json.settlement)).toEqual(['id', 'format', 'currency', 'start', 'end', 'depositDate', 'totalAmount', 'marketplaces', 'rows']);
    expect(Object.keys(json.check)).toEqual(['sumOfRows', 'difference', 'balanced']);
    expect(json.check).toEqual({ sumOfRows: json.settlement.totalAmount, difference: '0.00', balanced: true });
    expect(json.unmapped).toEqual([]);
    for (const part of json.parts) {
      expect(Object.keys(part)).toEqual(['key', 'from', 'to', 'total', 'lines']);
      for (const line of part.lines) expect(Object.keys(line)).toEqual(['category', 'accountCode', 'taxType', 'amount', 'statedTax', 'rows']);
    }
    expect(documentsTotal(json.documents).toFixed(2)).toBe(new Decimal(json.settlement.totalAmount).toFixed(2));
    expect(json.settlement.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('posts the tax the real Amazon.ca files state on advertising as TaxAmount, to the cent', () => {
    const stated = (text: string) => {
      const [header = '', ...rows] = text.split('\n');
      const column = header.split('\t').indexOf('other-fee-amount');
      return rows.filter((l) => l.includes('\tTaxAmount\t')).reduce((t, l) => t.plus(l.split('\t')[column]!.trim()), new Decimal(0));
    };
    const withTax = sampleFiles().filter((f) => stated(readFileSync(f.path, 'utf8')).abs().greaterThan(0));
    expect(withTax.length).toBeGreaterThanOrEqual(4);
    for (const file of withTax) {
      const json = JSON.parse(cli('summarize', file.path, '--json').out);
      expect(json.template).toBe('ca-gst');
      const posted = json.documents.reduce((t: Decimal, d: { Type: string; LineItems: { TaxAmount?: number }[] }) => {
        const tax = d.LineItems.reduce((a, l) => a.plus(String(l.TaxAmount ?? 0)), new Decimal(0));
        return t.plus(d.Type === 'ACCPAY' ? tax.negated() : tax);
      }, new Decimal(0));
      expect([file.name, posted.toFixed(2)]).toEqual([file.name, stated(readFileSync(file.path, 'utf8')).toFixed(2)]);
    }
  });

  it('reads the negative first settlement as a bill for the inbound transport fee', () => {
    const file = sampleFiles().find((f) => f.name.includes('50011020300'))!;
    const json = JSON.parse(cli('summarize', file.path, '--json', '--split', 'off').out);
    expect(json.settlement).toMatchObject({ id: '23874396421', format: 'v1', currency: 'CAD', totalAmount: '-321.69' });
    // Account-level lines only, no marketplace: the currency (CAD) picks the template, not the US one.
    expect(json.template).toBe('ca-gst');
    expect(json.documents).toHaveLength(1);
    expect(json.documents[0]).toMatchObject({ Type: 'ACCPAY', InvoiceNumber: 'AMZ-23874396421', Date: '2025-07-31', DueDate: '2025-08-02' });
  });
});

describe('summarize', () => {
  const s = syntheticSettlement({ rows: 300, seed: 7, days: 14, start: '2025-06-24' });
  const v2 = write('synthetic.txt', s.renderV2());

  it('prints the readable report: the walk to the deposit and each part', () => {
    const { code, out } = cli('summarize', v2);
    expect(code).toBe(0);
    expect(out).toContain('From gross sales to the deposit');
    expect(out).toContain('Balanced: the lines add up to the deposit exactly.');
    expect(out).toMatch(/Part 2025-06 .*total 0\.00/);
    expect(out).toMatch(/Part 2025-07 .*: invoice AMZ-\d+-2025-07/);
  });

  it('gives the same parts for the V1 and V2 renderings of one settlement', () => {
    const v1 = write('synthetic-v1.txt', s.renderV1());
    const a = JSON.parse(cli('summarize', v2, '--json').out);
    const b = JSON.parse(cli('summarize', v1, '--json').out);
    expect(b.settlement.format).toBe('v1');
    expect(b.parts).toEqual(a.parts);
    expect(b.documents).toEqual(a.documents);
  });

  it('exits 1 with the reasons when a line type is not mapped, still printing the JSON', () => {
    const text = s.renderV2().replace(/\tSubscription Fee\t/g, '\tBrand New Fee\t');
    const { code, out, err } = cli('summarize', write('unmapped.txt', text), '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.unmapped).toEqual([expect.objectContaining({ amountDescription: 'Brand New Fee' })]);
    expect(json.documents).toEqual([]);
    expect(err).toContain('Not mapped: ');
  });

  it('exits 2 with a message on stderr when the file cannot be read', () => {
    const notSettlement = write('report.csv', '"date/time","settlement id","type"\n"Jan 1, 2018 12:00:00 AM PST","1","Order"\n');
    const { code, out, err } = cli('summarize', notSettlement, '--json');
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain('report.csv');
    expect(cli('summarize', path.join(dir, 'missing.txt')).code).toBe(2);
    expect(cli('summarize', v2, '--split', 'weekly').err).toContain('--split must be one of off, carry, separate');
  });

  it('reads --mapping CSV in the tabs\' columns, starting from `defaults`', () => {
    const defaults = cli('defaults').out;
    const edited = defaults.replace(/^Sales,,,,201,NONE$/m, 'Sales,,,,4000,OUTPUT2');
    expect(edited).not.toBe(defaults);
    const json = JSON.parse(cli('summarize', v2, '--json', '--mapping', write('mapping.csv', edited)).out);
    const sales = json.parts.flatMap((p: { lines: { category: string }[] }) => p.lines).filter((l: { category: string }) => l.category === 'Sales');
    expect(sales.length).toBeGreaterThan(0);
    for (const l of sales) expect(l).toMatchObject({ accountCode: '4000', taxType: 'OUTPUT2' });
    const broken = write('broken.csv', 'Category,Account code,Tax type\nSales,,NONE\n');
    const { code, err } = cli('summarize', v2, '--mapping', broken);
    expect(code).toBe(2);
    expect(err).toContain('Accounts row 2: the account code is blank');
  });
});
