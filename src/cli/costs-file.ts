/**
 * `--costs COSTS.csv`: the Costs table as CSV, in the Costs tab's columns (SKU, Unit cost,
 * Currency, Effective from, Effective to, Note), found by header name. CSV cells are text, so a
 * SKU like `00123` or `=1+1` is read exactly as written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCostsTable, type CostsReading } from '../core/cogs';
import { parseCsv } from './csv';
import { CliError } from './io';

/** The Costs table of a CSV file; a file that cannot be read at all is a CliError. */
export function loadCosts(file: string): CostsReading {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  const rows = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new CliError(`${file}: the file is empty. Its first row names the columns: SKU,Unit cost,Currency,Effective from,Effective to,Note.`);
  const reading = readCostsTable(rows, path.basename(file));
  const header = reading.problems.filter((p) => p.row === 1);
  if (header.length > 0) throw new CliError(header.map((p) => p.message).join('\n'));
  return reading;
}
