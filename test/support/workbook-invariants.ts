/**
 * What must always be true of a SettleSheet workbook and the Xero it posts to, read straight from
 * the fakes (no call counted): every settlement's record, Transactions rows, aggregate rows (per
 * line type too, with the same categories), units and Settlements row agree; no row belongs to
 * nobody; no line type is listed twice in Mapping; Xero holds at most one open document per
 * settlement part, and exactly the open documents the posted record names. Used after each step of
 * the interleaving tests.
 */
import { unitsKindOf } from '../../src/core/cogs/units';
import type { GoogleFakes } from '../fakes/google';
import type { XeroSandbox } from '../fakes/xero';

/** A settlement record as the records tab holds it (only what the checks read). */
export interface StoredRecord {
  settlementId: string;
  lines: number;
  contentHash: string;
  decimals: number;
  header: { totalAmount: string; currency: string };
  aggregates: { firstRow: number; count: number };
  transactions: { firstRow: number; count: number };
}

/** A posted record as the records tab holds it (only what the checks read). */
export interface StoredPosting {
  settlementId: string;
  tenantId: string;
  state: string;
  documents: { invoiceId: string; invoiceNumber: string; status: string }[];
}

const unquote = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
const text = (v: unknown) => String(unquote(v) ?? '');

/** Every record of the records tab by key (a key's last row wins, as SettleSheet reads it). */
export function recordsOf(world: GoogleFakes): Map<string, string> {
  const out = new Map<string, string>();
  if (!world.inspect.sheetNames().includes('_SettleSheet records')) return out;
  for (const row of world.inspect.grid('_SettleSheet records').values.slice(1)) {
    const key = text(row[0]);
    if (key) out.set(key, row.slice(1).map(text).join(''));
  }
  return out;
}

/** The settlement records, by id. */
export function settlementRecords(world: GoogleFakes): Map<string, StoredRecord> {
  const out = new Map<string, StoredRecord>();
  for (const [key, value] of recordsOf(world)) {
    if (key.startsWith('settlesheet.settlement.') && value) out.set(key.slice('settlesheet.settlement.'.length), JSON.parse(value) as StoredRecord);
  }
  return out;
}

/** The posted records, by settlement id. */
export function postedRecords(world: GoogleFakes): Map<string, StoredPosting> {
  const out = new Map<string, StoredPosting>();
  for (const [key, value] of recordsOf(world)) {
    if (key.startsWith('xero.posted.') && value) out.set(key.slice('xero.posted.'.length), JSON.parse(value) as StoredPosting);
  }
  return out;
}

/** Rows of a tab below its header whose first cell is not blank, with their 1-based row numbers. */
function rowsOf(world: GoogleFakes, tab: string): { row: number; cells: unknown[] }[] {
  if (!world.inspect.sheetNames().includes(tab)) return [];
  return world.inspect
    .grid(tab)
    .values.map((cells, i) => ({ row: i + 1, cells }))
    .slice(1)
    .filter((r) => text(r.cells[0]) !== '');
}

const minorOf = (value: unknown, decimals: number) => Math.round(Number(unquote(value)) * 10 ** decimals);

/**
 * The rows of Transactions an import in progress is writing: its pending block, `received` of
 * them written (as SettleSheet keeps it, src/server/import-state.ts).
 */
function pendingRows(world: GoogleFakes): Set<number> {
  const raw = world.inspect.properties('document')['settlesheet.import'];
  const rows = new Set<number>();
  if (!raw) return rows;
  const state = JSON.parse(raw) as { pending?: { firstRow: number; count: number }; finishing?: { phase: string } };
  if (!state.pending || state.finishing?.phase === 'committed') return rows;
  const first = state.pending.firstRow;
  for (let r = first; r < first + state.pending.count; r++) rows.add(r);
  return rows;
}

/**
 * What is wrong with the workbook and Xero, in words; empty when everything agrees. `tenant` is
 * the organisation the spreadsheet posts to.
 */
export function workbookProblems(world: GoogleFakes, sandbox?: XeroSandbox, tenant?: string): string[] {
  const problems: string[] = [];
  const records = settlementRecords(world);
  const pending = pendingRows(world);
  const hidden = new Set(world.inspect.sheetNames().includes('Transactions') ? world.inspect.sheet('Transactions').hiddenRows : []);

  const transactions = rowsOf(world, 'Transactions');
  const aggregates = rowsOf(world, '_SettleSheet aggregates');
  const units = rowsOf(world, '_SettleSheet units');
  const listed = rowsOf(world, 'Settlements').map((r) => text(r.cells[0]));

  for (const { row, cells } of transactions) {
    const id = text(cells[0]);
    if (records.has(id)) {
      if (hidden.has(row) && !pending.has(row)) problems.push(`Transactions row ${row} of settlement ${id} is hidden`);
      continue;
    }
    if (!pending.has(row)) problems.push(`Transactions row ${row} belongs to settlement ${id}, which has no record (an orphan)`);
  }
  for (const { row, cells } of aggregates) {
    if (!records.has(text(cells[0]))) problems.push(`aggregates row ${row} belongs to settlement ${text(cells[0])}, which has no record`);
  }
  for (const { row, cells } of units) {
    const id = text(cells[0]).replace(/^\((.*)\)$/, '$1');
    if (!records.has(id)) problems.push(`units row ${row} belongs to settlement ${id}, which has no record`);
  }
  for (const id of listed) if (!records.has(id)) problems.push(`the Settlements tab lists ${id}, which has no record`);

  for (const [id, record] of records) {
    const own = transactions.filter((r) => text(r.cells[0]) === id && !pending.has(r.row));
    const ownAggregates = aggregates.filter((r) => text(r.cells[0]) === id);
    if (own.length !== record.lines) problems.push(`settlement ${id}: ${own.length} Transactions rows, its record says ${record.lines} lines`);
    const lineSum = own.reduce((sum, r) => sum + minorOf(r.cells[9], record.decimals), 0);
    const aggregateSum = ownAggregates.reduce((sum, r) => sum + Number(unquote(r.cells[6])), 0);
    const aggregateRows = ownAggregates.reduce((sum, r) => sum + Number(unquote(r.cells[7])), 0);
    if (lineSum !== aggregateSum) problems.push(`settlement ${id}: Transactions come to ${lineSum}, its aggregate to ${aggregateSum} (minor units)`);
    if (aggregateRows !== record.lines) problems.push(`settlement ${id}: its aggregate counts ${aggregateRows} lines, its record ${record.lines}`);
    problems.push(...lineTypeProblems(id, record.decimals, own, ownAggregates));
    const { firstRow, count } = record.aggregates;
    const pointed = ownAggregates.filter((r) => r.row >= firstRow && r.row < firstRow + count);
    if (pointed.length !== ownAggregates.length && count > 0) {
      // A stale hint is allowed only if the rows are still one block (SettleSheet finds them by id).
      const rows = ownAggregates.map((r) => r.row);
      if (rows.length && rows[rows.length - 1]! - rows[0]! + 1 !== rows.length) problems.push(`settlement ${id}: its aggregate rows are not one block`);
    }
    // Units: the settlement's latest units block adds up to the units of its Transactions rows.
    const counted = { sold: 0, returned: 0 };
    for (const r of own) {
      const kind = unitsKindOf({ transactionType: text(r.cells[3]), amountType: text(r.cells[4]), amountDescription: text(r.cells[5]) });
      if (kind) counted[kind] += typeof r.cells[13] === 'number' ? r.cells[13] : 1;
    }
    const separator = units.map((r) => text(r.cells[0])).lastIndexOf(`(${id})`);
    const block = separator < 0 ? [] : units.slice(separator + 1).filter((r, i, all) => all.slice(0, i + 1).every((x) => text(x.cells[0]) === id));
    const stored = block.reduce((sum, r) => ({ sold: sum.sold + Number(r.cells[3]), returned: sum.returned + Number(r.cells[4]) }), { sold: 0, returned: 0 });
    if (separator < 0 && own.length > 0) problems.push(`settlement ${id} has no units rows`);
    else if (stored.sold !== counted.sold || stored.returned !== counted.returned) {
      problems.push(`settlement ${id}: its units say ${stored.sold} sold and ${stored.returned} returned, its Transactions rows ${counted.sold} and ${counted.returned}`);
    }
    const seen = listed.filter((l) => l === id).length;
    if (seen !== 1) problems.push(`settlement ${id} is listed ${seen} times in the Settlements tab`);
  }

  problems.push(...duplicateMappingRows(world));

  if (sandbox && tenant) {
    const posted = postedRecords(world);
    const documents = sandbox.documents(tenant);
    const open = documents.filter((d) => d.status !== 'VOIDED' && d.status !== 'DELETED');
    const byNumber = new Map<string, number>();
    for (const d of open) {
      // AMZ-<id>[-<YYYY-MM>][-R<n>]: one open document per settlement part, whatever the revision.
      const part = d.invoiceNumber.replace(/-R\d+$/, '');
      byNumber.set(part, (byNumber.get(part) ?? 0) + 1);
    }
    for (const [part, n] of byNumber) if (n > 1) problems.push(`Xero holds ${n} open documents for ${part}`);
    for (const [id, record] of posted) {
      if (record.tenantId !== tenant) continue;
      const recorded = record.documents.filter((d) => d.status !== 'VOIDED' && d.status !== 'DELETED').map((d) => d.invoiceId).sort();
      const held = open.filter((d) => d.invoiceNumber.startsWith(`AMZ-${id}`)).map((d) => d.invoiceId).sort();
      if (record.state !== 'posting' && JSON.stringify(recorded) !== JSON.stringify(held)) {
        problems.push(`settlement ${id}: its posted record names ${recorded.length} open documents, Xero holds ${held.length}`);
      }
    }
    for (const d of open) {
      const id = /^AMZ-([^-]+)/.exec(d.invoiceNumber)?.[1];
      if (id && !records.has(id) && !posted.has(id)) problems.push(`Xero holds ${d.invoiceNumber}, of a settlement the workbook does not know`);
    }
  }
  return problems;
}

/** A line type as Transactions and the aggregates tab both spell it. */
const lineType = (type: unknown, amountType: unknown, description: unknown) => `${text(type)} / ${text(amountType)} / ${text(description)}`;

/**
 * Per line type, a settlement's aggregate adds up to its Transactions rows (amount and line
 * count), and shows the same categories (a line split between Amazon and the seller shows both,
 * `A + B`, in Transactions).
 */
function lineTypeProblems(id: string, decimals: number, own: { cells: unknown[] }[], aggregates: { cells: unknown[] }[]): string[] {
  const problems: string[] = [];
  const tally = new Map<string, { lines: [number, number, Set<string>]; aggregate: [number, number, Set<string>] }>();
  const at = (key: string) => {
    let entry = tally.get(key);
    if (!entry) tally.set(key, (entry = { lines: [0, 0, new Set()], aggregate: [0, 0, new Set()] }));
    return entry;
  };
  for (const { cells } of own) {
    const side = at(lineType(cells[3], cells[4], cells[5])).lines;
    side[0] += minorOf(cells[9], decimals);
    side[1] += 1;
    for (const category of text(cells[11]).split(' + ')) if (category) side[2].add(category);
  }
  for (const { cells } of aggregates) {
    const side = at(lineType(cells[2], cells[3], cells[4])).aggregate;
    side[0] += Number(unquote(cells[6]));
    side[1] += Number(unquote(cells[7]));
    if (text(cells[8])) side[2].add(text(cells[8]));
  }
  for (const [key, { lines, aggregate }] of tally) {
    if (lines[0] !== aggregate[0] || lines[1] !== aggregate[1]) {
      problems.push(`settlement ${id}, ${key}: Transactions come to ${lines[0]} in ${lines[1]} lines, its aggregate to ${aggregate[0]} in ${aggregate[1]}`);
    }
    const categories = (set: Set<string>) => [...set].sort().join(', ');
    if (categories(lines[2]) !== categories(aggregate[2])) {
      problems.push(`settlement ${id}, ${key}: Transactions show the categories ${categories(lines[2]) || '(none)'}, its aggregate ${categories(aggregate[2]) || '(none)'}`);
    }
  }
  return problems;
}

/** Line types the Mapping tab lists twice (the same type, amount type, description and remitter). */
function duplicateMappingRows(world: GoogleFakes): string[] {
  if (!world.inspect.sheetNames().includes('Mapping')) return [];
  const [header = [], ...body] = world.inspect.grid('Mapping').values;
  const col = (name: string) => header.findIndex((h) => text(h).trim().toLowerCase() === name.toLowerCase());
  const columns = [col('Transaction type'), col('Amount type'), col('Amount description'), col('Tax remitted by')];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const row of body) {
    if (columns.slice(0, 3).every((c) => text(row[c]) === '')) continue;
    const key = columns.map((c) => (c < 0 ? '' : text(row[c]).trim().toLowerCase())).join(' / ');
    if (seen.has(key)) problems.push(`the Mapping tab lists ${key} twice`);
    seen.add(key);
  }
  return problems;
}
