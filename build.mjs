// Builds what `clasp push` uploads: dist/Code.js, dist/Sidebar.html and dist/appsscript.json.
//
// Apps Script only calls plain top-level functions, so the server bundle is an IIFE that keeps its
// internals private, followed by one declared function per export of src/server/main.ts that
// forwards to it. The export list comes from esbuild's own metafile, so adding an entry point is
// just exporting it.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const serverEntry = path.join(root, 'src/server/main.ts');
const GLOBAL = '__SettleSheet';

/** Names exported by the server entry, read from an ESM build's metafile. */
async function serverExports() {
  const probe = await build({
    entryPoints: [serverEntry],
    bundle: true,
    write: false,
    format: 'esm',
    metafile: true,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  const [output] = Object.values(probe.metafile.outputs);
  return [...output.exports].sort();
}

/** dist/Code.js: the IIFE bundle plus top-level forwarders Apps Script can see. */
async function buildServer() {
  const names = await serverExports();
  const result = await build({
    entryPoints: [serverEntry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    // Apps Script parses the whole bundle on every server call: short local names save about a
    // quarter of it (messages and exported names are unchanged; the execution log keeps messages).
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const forwarders = names
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  const code = `${result.outputFiles[0].text}\n${forwarders}\n`;
  await writeFile(path.join(dist, 'Code.js'), code);
  return { names, bytes: Buffer.byteLength(code) };
}

/**
 * dist/Sidebar.html: the sidebar page with its script and styles inlined, so HtmlService can serve
 * it from one file; the settlement reader's Worker script rides inside the page's script as a
 * string. `</script` inside the script is escaped so the browser cannot end it early.
 */
async function buildSidebar() {
  const options = { bundle: true, write: false, format: 'iife', target: 'es2020', minify: true, legalComments: 'none', charset: 'utf8', logLevel: 'warning' };
  // The settlement reader's Worker travels inside the page as text (sidebar/reading/client.ts).
  const worker = await build({ ...options, entryPoints: [path.join(root, 'sidebar/reading/worker.ts')] });
  const result = await build({
    ...options,
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    define: { __SETTLEMENT_READER_WORKER__: JSON.stringify(worker.outputFiles[0].text) },
  });
  const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = await readFile(path.join(root, 'sidebar/sidebar.css'), 'utf8');
  const page = await readFile(path.join(root, 'sidebar/sidebar.html'), 'utf8');
  const html = page
    .replace('/*STYLES*/', () => css)
    .replace('/*SCRIPT*/', () => script);
  await writeFile(path.join(dist, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

await mkdir(dist, { recursive: true });
const [server, sidebar] = await Promise.all([buildServer(), buildSidebar()]);
await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
/**
 * `--deploy`: push dist/ with clasp. The real script id lives in .clasp.local.json (git-ignored),
 * so nobody's id is committed; .clasp.json keeps a placeholder and is used only when edited.
 */
function deploy() {
  const project = existsSync(path.join(root, '.clasp.local.json')) ? '.clasp.local.json' : '.clasp.json';
  const clasp = path.join(root, 'node_modules/@google/clasp/build/src/index.js');
  const result = spawnSync(process.execPath, [clasp, '--project', project, 'push', '--force'], { cwd: root, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}

if (!process.argv.includes('--quiet')) {
  console.log(
    `dist/Code.js ${(server.bytes / 1024).toFixed(1)} KB (${server.names.length} entry points), ` +
      `dist/Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB, dist/appsscript.json`,
  );
}
if (process.argv.includes('--deploy')) deploy();
