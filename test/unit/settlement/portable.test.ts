// Apps Script has no TextDecoder, Buffer or DOM: the parser must run on the language alone, in
// ES2020. Bundle it as the build does and run it in a bare V8 context.
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { buildSync } from 'esbuild';
import { SUMMARY, V2_HEADER, settlementText, v2Line } from './files';

describe('the settlement parser outside Node', () => {
  const code = buildSync({
    entryPoints: [path.join(__dirname, '../../../src/core/settlement/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'SettlementParser',
    target: 'es2020',
  }).outputFiles[0]!.text;

  it('is ES2020', () => {
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  it('reads bytes in a context with no TextDecoder, Buffer or DOM', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    expect(vm.runInContext('typeof TextDecoder + typeof Buffer', context)).toBe('undefinedundefined');
    const text = settlementText(V2_HEADER, [SUMMARY, v2Line({ amount: '12.50', sku: 'CRÈME-1' })]);
    context.bytes = Array.from(Buffer.from(`\uFEFF${text}`, 'utf8'));
    const result = vm.runInContext(
      'JSON.stringify(SettlementParser.parseSettlement(new Uint8Array(bytes), "s.txt"))', context,
    ) as string;
    expect(JSON.parse(result)).toMatchObject({
      ok: true,
      settlement: { lines: [{ amount: 1250, sku: 'CRÈME-1', postedDate: '2025-06-25' }] },
    });
  });
});
