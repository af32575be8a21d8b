/**
 * The page's side of the settlement reader. It starts the reader in a Worker made from the script
 * the build put into Sidebar.html, so parsing a million lines never blocks the page: the progress
 * bar moves and buttons answer. Where a Worker cannot start (a browser or sandbox that refuses
 * Workers from a Blob), the same reader runs in the page, in slices with the progress said between.
 */
import type { LineDto } from '../../src/api/types';
import type { ReaderMessage, ReaderRequest, ReaderTask } from './protocol';
import { SettlementReader, type ReadProgress, type ReadResult } from './reader';

/** The reader Worker's script, put here by build.mjs (undefined when this module is not built by it, e.g. in unit tests). */
declare const __SETTLEMENT_READER_WORKER__: string | undefined;

/** Reads one file and then hands out its lines. */
export interface ReaderClient {
  /** Where the work runs: `worker` (off the page's thread) or `page`. */
  readonly mode: 'worker' | 'page';
  read(file: Blob, name: string, onProgress: (progress: ReadProgress) => void): Promise<ReadResult>;
  lines(from: number, to: number): Promise<LineDto[]>;
  /** Stops the reader and lets its memory go. */
  close(): void;
}

/** How long the page's thread works between two breaths when the reader runs in the page. */
const SLICE_MS = 40;

/** Lets the page draw and answer clicks before the next slice of work. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A reader in the page itself (no Worker). The read is done in slices of about SLICE_MS, the
 * progress said between them, so the page is never held for long even by a million lines.
 */
export function pageReader(): ReaderClient {
  const reader = new SettlementReader();
  return {
    mode: 'page',
    async read(file, name, onProgress) {
      // Let the page draw the progress bar before the work begins.
      await breathe();
      const { text, sha256 } = await SettlementReader.textInSlices(file, breathe);
      const steps = reader.steps(text, name, sha256);
      let sliceStarted = performance.now();
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
        if (performance.now() - sliceStarted < SLICE_MS) continue;
        onProgress(next.value);
        await breathe();
        sliceStarted = performance.now();
      }
    },
    lines: async (from, to) => reader.lines(from, to),
    close: () => undefined,
  };
}

type Pending = { resolve: (message: ReaderMessage) => void; reject: (error: Error) => void; onProgress?: (progress: ReadProgress) => void };

/** A reader in a Worker, or undefined when none can be made here. */
function workerReader(source: string): ReaderClient | undefined {
  let worker: Worker;
  let url = '';
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    worker = new Worker(url);
  } catch {
    if (url) URL.revokeObjectURL(url);
    return undefined;
  }
  let next = 0;
  const pending = new Map<number, Pending>();
  let broken: Error | undefined;
  worker.onmessage = (event: MessageEvent<ReaderMessage>) => {
    const message = event.data;
    if (message.kind === 'ready') return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.kind === 'progress') {
      waiting.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.kind === 'failed') waiting.reject(new Error(message.message));
    else waiting.resolve(message);
  };
  worker.onerror = (event) => {
    // The script could not load (a sandbox that blocks Blob workers) or crashed: every wait ends.
    event.preventDefault();
    broken = new WorkerUnavailable(event.message || 'The settlement reader stopped.');
    for (const waiting of pending.values()) waiting.reject(broken);
    pending.clear();
  };
  const ask = (request: ReaderTask, onProgress?: (progress: ReadProgress) => void): Promise<ReaderMessage> =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      const id = ++next;
      pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      const message: ReaderRequest = { ...request, id };
      worker.postMessage(message);
    });
  return {
    mode: 'worker',
    async read(file, name, onProgress) {
      const answer = await ask({ kind: 'read', file, name }, onProgress);
      if (answer.kind !== 'read') throw new Error('The settlement reader answered out of turn.');
      return answer.result;
    },
    async lines(from, to) {
      const answer = await ask({ kind: 'lines', from, to });
      if (answer.kind !== 'lines') throw new Error('The settlement reader answered out of turn.');
      return answer.lines;
    },
    close() {
      worker.terminate();
      URL.revokeObjectURL(url);
      broken = new WorkerUnavailable('The settlement reader was closed.');
    },
  };
}

/** The Worker could not run: the read is done again in the page. */
export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

/**
 * A reader for one file: in a Worker when the build carried its script and the browser runs it;
 * a read that finds the Worker unusable is done again in the page.
 */
export function createReader(): ReaderClient {
  const source = typeof __SETTLEMENT_READER_WORKER__ === 'string' ? __SETTLEMENT_READER_WORKER__ : undefined;
  const inWorker = source ? workerReader(source) : undefined;
  if (!inWorker) return pageReader();
  let current: ReaderClient = inWorker;
  return {
    get mode() {
      return current.mode;
    },
    async read(file, name, onProgress) {
      try {
        return await current.read(file, name, onProgress);
      } catch (error) {
        if (!(error instanceof WorkerUnavailable) || current.mode === 'page') throw error;
        current.close();
        current = pageReader();
        return current.read(file, name, onProgress);
      }
    },
    lines: (from, to) => current.lines(from, to),
    close: () => current.close(),
  };
}
