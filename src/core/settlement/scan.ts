/**
 * Walks the file text line by line and cell by cell with indexOf, without splitting the whole text
 * into arrays first: a million-row settlement is read in place.
 */

/** Moves through the non-blank lines of the text; `\n` or `\r\n` end a line. */
export class LineCursor {
  /** 1-based number of the current line in the file, blank lines included. */
  line = 0;
  /** Where the current line's text starts and stops (before any `\r\n`). */
  start = 0;
  stop = 0;
  /** False when the current line is the last one and no line break follows it. */
  hasNewline = false;
  private next = 0;

  constructor(private readonly text: string) {}

  /** Advances to the next line that is not blank; false at the end of the text. */
  advance(): boolean {
    const text = this.text;
    const length = text.length;
    while (this.next < length) {
      const start = this.next;
      let end = text.indexOf('\n', start);
      this.hasNewline = end >= 0;
      if (end < 0) end = length;
      this.next = end + 1;
      this.line++;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (!isBlank(text, start, stop)) {
        this.start = start;
        this.stop = stop;
        return true;
      }
    }
    return false;
  }
}

// A line of nothing but spaces and tabs is blank too (an empty row saved from a spreadsheet).
function isBlank(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The tab-separated cells of one line, each trimmed, as positions into the text. */
export class RowCells {
  /** Trimmed start and end of each cell of the last split line. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(
    readonly text: string,
    /** The header's field count; rows are never split further than this. */
    readonly width: number,
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }

  /**
   * Splits `text[start, stop)` at tabs and returns how many fields it has. Cells past the
   * header's width are counted but not kept.
   */
  split(start: number, stop: number): number {
    const { text, width, starts, ends } = this;
    let count = 0;
    let from = start;
    for (;;) {
      // Half the cells of a settlement row are blank: spot those without a search.
      let tab = from < stop && text.charCodeAt(from) === 9 ? from : text.indexOf('\t', from);
      if (tab < 0 || tab > stop) tab = stop;
      if (count < width) {
        let s = from;
        let e = tab;
        // Most cells are blank or untrimmed: test the two ends before looping.
        if (s < e && (text.charCodeAt(s) <= 32 || text.charCodeAt(e - 1) <= 32)) {
          while (s < e && text.charCodeAt(s) <= 32) s++;
          while (e > s && text.charCodeAt(e - 1) <= 32) e--;
        }
        starts[count] = s;
        ends[count] = e;
      }
      count++;
      if (tab === stop) return count;
      from = tab + 1;
    }
  }

  /** The trimmed text of cell `index`, or '' when the column is absent (-1) or the cell blank. */
  cell(index: number): string {
    if (index < 0) return '';
    const start = this.starts[index] as number;
    const end = this.ends[index] as number;
    return start === end ? '' : this.text.slice(start, end);
  }

  /** True when cell `index` is blank or its column absent (-1). */
  isBlank(index: number): boolean {
    return index < 0 || this.starts[index] === this.ends[index];
  }

  /** True when cell `index` holds exactly `value`, compared in place. */
  equals(index: number, value: string): boolean {
    const start = this.starts[index] as number;
    return (this.ends[index] as number) - start === value.length && this.text.startsWith(value, start);
  }
}
