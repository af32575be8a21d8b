/**
 * Reading each line's posted date. Most files write it unambiguously (`2025-06-09`,
 * `09.06.2025`, `2025-06-05T22:07:18+00:00`). Slash dates are the trouble: Amazon describes
 * posted-date as `MM/DD/YY`, but a file opened and re-saved by a spreadsheet program in a
 * day-first locale holds `DD/MM/YY`, and `09/06/25` then reads as either day. So:
 * - when the row also has posted-date-time (always unambiguous), that column decides, and a
 *   slash date neither of whose readings is that day is refused (the two columns disagree);
 * - otherwise the file decides the order: a slash date that is only a real date one way round
 *   (`20/06/25`), a row whose posted-date-time settled it, or, failing those, the only order that
 *   keeps every date within a week of the settlement's period;
 * - a file that mixes both orders, or where nothing decides, is refused: a wrong month would
 *   post a whole settlement into the wrong period without anyone noticing.
 */
import type { Layout } from './columns';
import { type DateProblem, type SettlementDate, type SlashReadings, isAmbiguous, parseSettlementDate, slashReadings } from './dates';
import { DOWNLOAD_AGAIN, dateProblemText, quoteCell, settlementProblem } from './problems';
import type { RowCells } from './scan';
import { SliceCache } from './slice-cache';
import type { SettlementHeader, SettlementLine, SettlementProblem } from './types';

type Order = 'monthFirst' | 'dayFirst';
type PostedCell = SettlementDate | DateProblem | { slash: string; readings: SlashReadings };

/** A re-saved file's advice: the original, never opened in a spreadsheet program. */
const ORIGINAL_FILE =
  'A spreadsheet program may have re-saved the file with your computer\'s date format. Download the settlement again from Seller Central ' +
  '(Payments → All Statements → Download Flat File V2) and upload it without opening it in a spreadsheet program.';

// Lines posted a little outside the period are normal; a month away is the other reading.
const PLAUSIBLE_DAYS = 7;

function readPostedCell(text: string): PostedCell {
  const readings = slashReadings(text);
  return readings ? { slash: text, readings } : parseSettlementDate(text);
}

/** Lines whose ambiguous slash date waits for the file's order. */
interface Pending {
  first: number;
  count: number;
  line: number;
  readings: SlashReadings;
  text: string;
}

/** Reads posted dates row by row, then settles the order of ambiguous slash dates for the file. */
export class PostedDateReader {
  private readonly dates: SliceCache<PostedCell>;
  private readonly dateTimes: SliceCache<SettlementDate | DateProblem>;
  private readonly evidence: Partial<Record<Order, { line: number; text: string }>> = {};
  private readonly pending: Pending[] = [];
  private waiting: Pending | undefined;

  constructor(
    text: string,
    private readonly layout: Layout,
    private readonly source: string,
  ) {
    this.dates = new SliceCache<PostedCell>(text, readPostedCell);
    this.dateTimes = new SliceCache<SettlementDate | DateProblem>(text, parseSettlementDate);
  }

  /** The UTC day of the current row's posting, or the problem with its date cells. */
  read(cells: RowCells, line: number): string | SettlementProblem {
    const { layout } = this;
    const { starts, ends } = cells;
    this.waiting = undefined;
    let column = layout.postedDate;
    if (cells.isBlank(column) && !cells.isBlank(layout.postedDateTime)) column = layout.postedDateTime;
    const posted = this.dates.get(starts[column] as number, ends[column] as number);
    if (typeof posted === 'string') return this.problem(dateProblemText(cells.cell(column), posted), line, column);
    if (!('slash' in posted)) return posted.day;
    const { monthFirst, dayFirst } = posted.readings;
    if (!monthFirst && !dayFirst) return this.problem(dateProblemText(posted.slash, 'no-such-date'), line, column);

    const timeColumn = layout.postedDateTime;
    if (column !== timeColumn && !cells.isBlank(timeColumn)) {
      const exact = this.dateTimes.get(starts[timeColumn] as number, ends[timeColumn] as number);
      if (typeof exact === 'string') return this.problem(dateProblemText(cells.cell(timeColumn), exact), line, timeColumn);
      if (monthFirst?.day !== exact.day && dayFirst?.day !== exact.day) {
        return this.problem(
          `posted-date ${quoteCell(posted.slash)} and posted-date-time ${quoteCell(cells.cell(timeColumn))} name different days.`,
          line, column, ORIGINAL_FILE,
        );
      }
      if (isAmbiguous(posted.readings)) this.note(monthFirst?.day === exact.day ? 'monthFirst' : 'dayFirst', line, posted.slash);
      return exact.day;
    }
    if (!isAmbiguous(posted.readings)) {
      if (!monthFirst || !dayFirst) this.note(monthFirst ? 'monthFirst' : 'dayFirst', line, posted.slash);
      return (monthFirst ?? dayFirst)!.day;
    }
    // Provisionally month first (Amazon's own order); `finish` settles it for the whole file.
    this.waiting = { first: 0, count: 0, line, readings: posted.readings, text: posted.slash };
    return monthFirst!.day;
  }

  /** Records where the current row's lines went, when its date waits for the file's order. */
  produced(first: number, count: number): void {
    if (this.waiting && count > 0) this.pending.push({ ...this.waiting, first, count });
  }

  /**
   * Settles the order of every ambiguous slash date (rewriting the lines that used one), or
   * says why it cannot. Call once, after the last row.
   */
  finish(lines: SettlementLine[], header: SettlementHeader): SettlementProblem | undefined {
    const { monthFirst, dayFirst } = this.evidence;
    if (monthFirst && dayFirst) {
      return this.problem(
        `posted-date mixes month-first dates (${quoteCell(monthFirst.text)} on line ${monthFirst.line}) and day-first dates (${quoteCell(dayFirst.text)} on line ${dayFirst.line}).`,
        dayFirst.line, this.layout.postedDate, ORIGINAL_FILE,
      );
    }
    if (this.pending.length === 0) return undefined;
    const order: Order | undefined = monthFirst ? 'monthFirst' : dayFirst ? 'dayFirst' : this.orderFromPeriod(header);
    if (order === undefined) {
      const first = this.pending[0]!;
      const { monthFirst: m, dayFirst: d } = first.readings;
      return this.problem(
        `posted-date ${quoteCell(first.text)} could be ${m!.day} or ${d!.day}, and nothing in the file says which.`,
        first.line, this.layout.postedDate, ORIGINAL_FILE,
      );
    }
    if (order === 'dayFirst') {
      for (const p of this.pending) {
        const day = p.readings.dayFirst!.day;
        for (let i = p.first; i < p.first + p.count; i++) lines[i]!.postedDate = day;
      }
    }
    return undefined;
  }

  /** The one order that keeps every ambiguous date near the settlement's period, if only one does. */
  private orderFromPeriod(header: SettlementHeader): Order | undefined {
    const week = PLAUSIBLE_DAYS * 86_400_000;
    const from = Date.parse(header.start) - week;
    const to = Date.parse(header.end) + week;
    const fits = (order: Order) => this.pending.every((p) => {
      const at = Date.parse(p.readings[order]!.instant);
      return at >= from && at <= to;
    });
    const monthFirst = fits('monthFirst');
    const dayFirst = fits('dayFirst');
    return monthFirst === dayFirst ? undefined : monthFirst ? 'monthFirst' : 'dayFirst';
  }

  private note(order: Order, line: number, text: string): void {
    if (!this.evidence[order]) this.evidence[order] = { line, text };
  }

  private problem(what: string, line: number, column: number, next = DOWNLOAD_AGAIN): SettlementProblem {
    return settlementProblem('bad-date', this.source, what, next, line, this.layout.names[column]);
  }
}
