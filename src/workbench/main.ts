/**
 * `npm start`: runs the workbench on http://127.0.0.1:8080 (PORT to change) after the build, and
 * says what it is. Bundled to dist/workbench.cjs, so the repository root is one folder up.
 */
import path from 'node:path';
import { startWorkbench } from './workbench';

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const workbench = await startWorkbench({ root: path.resolve(__dirname, '..'), port, log: (line) => console.error(line) });
  console.log(`SettleSheet workbench: ${workbench.url}/`);
  console.log('A LOCAL SANDBOX: an in-memory spreadsheet and a local Xero with demo organisations. Nothing reaches Google or Xero.');
  console.log('Open the address, press "Put the demo settlement in the sidebar", then import, map, connect and post. Ctrl+C to stop.');
  const stop = () => void workbench.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 8080} is in use: start with another, e.g. PORT=8090 npm start` : error);
  process.exit(1);
});
