// Untrusted text (file contents, Xero names) must never be parsed as HTML in the sidebar: no
// innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere in its sources, in the
// workbench's page scripts, or in the built page.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../../..');
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|srcdoc)\b|document\.write(ln)?\s*\(/g;

function sinksIn(text: string): string[] {
  return [...text.matchAll(SINKS)].map((m) => m[0]);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.(ts|html)$/.test(name) ? [file] : [];
  });
}

describe('no HTML sinks in the sidebar', () => {
  it('the scan finds every kind of sink it looks for', () => {
    expect(sinksIn('a.innerHTML = x; b.outerHTML; c.insertAdjacentHTML("x", y); document.write(z); r.createContextualFragment(s); f.srcdoc = t')).toEqual([
      'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write(', 'createContextualFragment', 'srcdoc',
    ]);
  });

  it.each([...sources(path.join(root, 'sidebar')), ...sources(path.join(root, 'src/workbench/page'))].map((f) => [path.relative(root, f), f]))('%s has none', (_, file) => {
    expect(sinksIn(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the built dist/Sidebar.html has none (npm test builds it first)', () => {
    const built = path.join(root, 'dist/Sidebar.html');
    expect(sinksIn(readFileSync(built, 'utf8'))).toEqual([]);
  });
});
