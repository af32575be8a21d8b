/**
 * Runs the Xero sandbox server by hand, on real time:
 *
 *   node_modules/.bin/esbuild test/fakes/xero/main.ts --bundle --platform=node --target=node20 \
 *     --outfile=/tmp/xero-sandbox.cjs --log-level=warning && node /tmp/xero-sandbox.cjs --port 8787
 *
 * Options: --port N (8787), --redirect-uri URI (repeatable; added to the default app's),
 * --seed TEXT. Then open http://127.0.0.1:8787/ for the overview, and point a client at
 * http://127.0.0.1:8787/<host>/<path> (e.g. /login.xero.com/identity/connect/authorize?…).
 */
import { DEFAULT_APP } from './identity';
import { createXeroSandbox } from './sandbox';
import { startXeroSandboxServer } from './server';

function argument(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === name && process.argv[i + 1] !== undefined) values.push(process.argv[i + 1]!);
  });
  return values;
}

async function main(): Promise<void> {
  const port = Number(argument('--port')[0] ?? 8787);
  const app = { ...DEFAULT_APP, redirectUris: [...DEFAULT_APP.redirectUris, ...argument('--redirect-uri')] };
  const sandbox = createXeroSandbox({ apps: [app], seed: argument('--seed')[0] });
  const server = await startXeroSandboxServer({ sandbox, port });
  // The secret is not printed (secrets stay out of logs): it is DEFAULT_APP.clientSecret in identity.ts.
  console.log(`Xero sandbox on ${server.url}/ (client_id ${app.clientId}; redirect URIs ${app.redirectUris.join(', ')})`);
  for (const org of sandbox.organisations()) console.log(`  ${org.tenantId}  ${org.name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
