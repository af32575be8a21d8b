/**
 * The messages between the sidebar page and the settlement reader's Worker. Plain data only: they
 * are copied between threads (a File is copied as a handle, not its bytes).
 */
import type { LineDto } from '../../src/api/types';
import type { ReadProgress, ReadResult } from './reader';

/** What the page asks the Worker to do. */
export type ReaderTask = { kind: 'read'; file: Blob; name: string } | { kind: 'lines'; from: number; to: number };

/** From the page to the Worker: a task and the id its answer carries. */
export type ReaderRequest = ReaderTask & { id: number };

/** From the Worker to the page. */
export type ReaderMessage =
  | { kind: 'ready' }
  | { id: number; kind: 'progress'; progress: ReadProgress }
  | { id: number; kind: 'read'; result: ReadResult }
  | { id: number; kind: 'lines'; lines: LineDto[] }
  | { id: number; kind: 'failed'; message: string };
