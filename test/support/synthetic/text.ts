/**
 * How a synthetic settlement becomes file text: cells in one of the date, decimal and line-ending
 * variants real files come in, and rows gathered into chunks so a million rows never sit in one
 * array.
 */
import { type Minor, formatAmount } from '../../../src/core/money';

/** The date shapes Amazon uses, per file. */
export type DateStyle = 'utc' | 'iso' | 'offset' | 'eu' | 'us';

/** How to write the file. */
export interface RenderOptions {
  /**
   * `utc`: `2025-06-20 22:07:18 UTC` (posted-date `2025-06-20`); `iso`: `2025-06-20T22:07:18+00:00`;
   * `offset`: ISO with non-UTC offsets (the UTC day can differ from the written one); `eu`:
   * `20.06.2025 22:07:18 UTC` (posted-date `20.06.2025`); `us`: posted-date `06/20/25`,
   * other dates `2025-06-20 22:07:18 GMT`. Default `utc`.
   */
  dates?: DateStyle;
  /** `comma` writes `1141,18`; `mixed` alternates dot and comma row by row. Default `dot`. */
  decimals?: 'dot' | 'comma' | 'mixed';
  crlf?: boolean;
  bom?: boolean;
  /** Default true. */
  trailingNewline?: boolean;
  /** Repeat the currency on every data row, as some V2 files do. */
  currencyOnDataRows?: boolean;
}


export const DAY_SECONDS = 86400;

/** Turns instants and amounts into cell text in one of the file variants. */
export class RowFormat {
  readonly newline: string;
  private readonly dates: DateStyle;
  private readonly decimalsStyle: 'dot' | 'comma' | 'mixed';
  private readonly dayParts = new Map<number, readonly [string, string, string]>();

  constructor(options: RenderOptions, private readonly decimals: number) {
    this.newline = options.crlf ? '\r\n' : '\n';
    this.dates = options.dates ?? 'utc';
    this.decimalsStyle = options.decimals ?? 'dot';
  }

  amount(amount: Minor, index: number): string {
    const text = formatAmount(amount, this.decimals);
    const comma = this.decimalsStyle === 'comma' || (this.decimalsStyle === 'mixed' && index % 2 === 1);
    return comma ? text.replace('.', ',') : text;
  }

  /** A date and time in the file's style. */
  instant(at: number, offset: number): string {
    switch (this.dates) {
      case 'utc': return `${this.ymd(at)} ${this.time(at)} UTC`;
      case 'us': return `${this.ymd(at)} ${this.time(at)} GMT`;
      case 'iso': return `${this.ymd(at)}T${this.time(at)}+00:00`;
      case 'offset': {
        const local = at + offset * 60;
        return `${this.ymd(local)}T${this.time(local)}${offsetText(offset)}`;
      }
      case 'eu': {
        const [y, m, d] = this.parts(at);
        return `${d}.${m}.${y} ${this.time(at)} UTC`;
      }
    }
  }

  /** V2's posted-date: a day in the date-only styles, else the full instant. */
  postedDate(at: number, offset: number): string {
    const [y, m, d] = this.parts(at);
    if (this.dates === 'utc') return `${y}-${m}-${d}`;
    if (this.dates === 'eu') return `${d}.${m}.${y}`;
    if (this.dates === 'us') return `${m}/${d}/${y.slice(2)}`;
    return this.instant(at, offset);
  }

  /** V1's posted-date, its only date column: the full instant except in the US style. */
  v1PostedDate(at: number, offset: number): string {
    return this.dates === 'us' ? this.postedDate(at, offset) : this.instant(at, offset);
  }

  private ymd(at: number): string {
    const [y, m, d] = this.parts(at);
    return `${y}-${m}-${d}`;
  }

  private time(at: number): string {
    const seconds = ((at % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
    return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  }

  private parts(at: number): readonly [string, string, string] {
    const day = Math.floor(at / DAY_SECONDS);
    let parts = this.dayParts.get(day);
    if (parts === undefined) {
      const iso = new Date(day * DAY_SECONDS * 1000).toISOString();
      parts = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
      this.dayParts.set(day, parts);
    }
    return parts;
  }
}

/** Gathers rows into chunks of about 64 KB before handing them on. */
export class ChunkWriter {
  private chunk = '';
  private pending = false;

  constructor(private readonly sink: (chunk: string) => void, private readonly newline: string) {}

  add(text: string): void {
    this.chunk += text;
  }

  /** Adds a row; the line break is written before the next row, so the last one can go without. */
  row(text: string): void {
    if (this.pending) this.chunk += this.newline;
    this.chunk += text;
    this.pending = true;
    if (this.chunk.length >= 65536) {
      this.sink(this.chunk);
      this.chunk = '';
    }
  }

  end(trailingNewline: boolean): void {
    if (this.pending && trailingNewline) this.chunk += this.newline;
    if (this.chunk !== '') this.sink(this.chunk);
    this.chunk = '';
  }
}

export function collect(write: (sink: (chunk: string) => void) => void): string {
  const chunks: string[] = [];
  write((chunk) => chunks.push(chunk));
  return chunks.join('');
}

export function ymd(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m! - 1, d!];
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

export function isoInstant(at: number): string {
  return `${new Date(at * 1000).toISOString().slice(0, 19)}Z`;
}

const dayCache = new Map<number, string>();

export function utcDay(at: number): string {
  const day = Math.floor(at / DAY_SECONDS);
  let text = dayCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
    dayCache.set(day, text);
  }
  return text;
}
