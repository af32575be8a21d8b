/**
 * The real settlement files kept beside the repository in ../shared/samples/amazon (reference data
 * that must never be copied into the project). Tests that read them skip, saying so, when the
 * folder is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where the sample settlements live when this checkout has them. */
export const SAMPLES_DIR = path.join(__dirname, '../../../shared/samples/amazon');

/** One sample settlement file. */
export interface SampleFile {
  name: string;
  path: string;
}

/** The sample settlement files (`*.txt`), or none when the folder is absent. */
export function sampleFiles(): SampleFile[] {
  if (!existsSync(SAMPLES_DIR)) return [];
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, path: path.join(SAMPLES_DIR, name) }));
}

/**
 * Jest's `describe` when the samples are present; otherwise one skipped test whose title says why,
 * so the gap shows in every test report instead of passing silently.
 */
export function describeWithSamples(title: string, body: () => void): void {
  if (sampleFiles().length > 0) {
    describe(title, body);
  } else {
    it.skip(`${title} — skipped: no sample settlements at ${SAMPLES_DIR}`, () => undefined);
  }
}
