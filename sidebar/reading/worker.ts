/**
 * The settlement reader's Worker: built into its own script and carried inside Sidebar.html as
 * text (client.ts starts it from a Blob), so the sidebar stays one self-contained file.
 */
import type { ReaderMessage, ReaderRequest } from './protocol';
import { SettlementReader } from './reader';

interface WorkerScope {
  onmessage: ((event: { data: ReaderRequest }) => void) | null;
  postMessage(message: ReaderMessage): void;
}

const scope = self as unknown as WorkerScope;
const reader = new SettlementReader();
// Progress is said at most this often: the page needs a moving bar, not a flood of messages.
const PROGRESS_MS = 50;

scope.onmessage = (event) => {
  const request = event.data;
  void handle(request).catch((error: unknown) =>
    scope.postMessage({ id: request.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};

async function handle(request: ReaderRequest): Promise<void> {
  if (request.kind === 'lines') {
    scope.postMessage({ id: request.id, kind: 'lines', lines: reader.lines(request.from, request.to) });
    return;
  }
  const { text, sha256 } = await SettlementReader.fileOf(request.file);
  let said = 0;
  const result = reader.read(text, request.name, (progress) => {
    const now = Date.now();
    if (now - said < PROGRESS_MS) return;
    said = now;
    scope.postMessage({ id: request.id, kind: 'progress', progress });
  }, sha256);
  scope.postMessage({ id: request.id, kind: 'read', result });
}

scope.postMessage({ kind: 'ready' });
