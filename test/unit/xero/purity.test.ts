// src/xero runs in Apps Script and in Node alike, so it may use ES2020 and nothing else: no URL,
// URLSearchParams, TextEncoder, fetch or Buffer (Apps Script lacks them), and no Apps Script
// service (Node lacks them). Its tsconfig says so (npm run typecheck applies it); this proves it catches a slip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../../..');
const tsc = path.join(root, 'node_modules/.bin/tsc');

function typecheck(project: string): string {
  try {
    execFileSync(tsc, ['-p', project], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

it('the same settings refuse a global Apps Script or Node would lack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xero-purity-'));
  writeFileSync(path.join(dir, 'slip.ts'), "export const a = new URL('https://x');\nexport const b = UrlFetchApp;\n");
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(root, 'src/xero/tsconfig.json'), include: [path.join(dir, 'slip.ts')] }));
  const output = typecheck(path.join(dir, 'tsconfig.json'));
  expect(output).toContain("Cannot find name 'URL'");
  expect(output).toContain("Cannot find name 'UrlFetchApp'");
});
