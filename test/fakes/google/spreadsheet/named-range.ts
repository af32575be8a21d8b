/**
 * Named ranges. Like Sheets', they follow their cells when rows or columns are inserted or
 * deleted (a `Range` object does not).
 */
import { SERVICE, type FakeObject } from '../boundary';
import { GoogleException } from '../errors';
import type { GridArea } from './a1';
import type { Range } from './range';
import type { Sheet } from './sheet';

/**
 * Google's rules for names: letters, digits and underscores, not starting with a digit, not
 * `true`/`false`, not A1- or R1C1-like, at most 250 characters. (The message is the fake's own.)
 */
export function checkRangeName(name: string): void {
  const valid = /^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name)
    && !/^(true|false)$/i.test(name)
    && !/^[A-Za-z]{1,3}\d+$/.test(name)
    && !/^R\d*C\d*$/i.test(name);
  if (!valid) {
    throw new GoogleException(
      `"${name}" is not a valid range name: use letters, digits and underscores, start with a letter or underscore, and do not use a cell reference.`,
    );
  }
}

/** A named range (Apps Script's `NamedRange`). */
export class NamedRange implements FakeObject {
  readonly [SERVICE] = 'NamedRange';

  constructor(
    public _name: string,
    public _sheet: Sheet,
    public _area: GridArea,
    readonly _onRemove: (n: NamedRange) => void,
  ) {}

  /** The name. */
  getName(): string {
    return this._name;
  }

  /** Renames it. */
  setName(name: string): this {
    checkRangeName(name);
    this._name = name;
    return this;
  }

  /** The range it names now. */
  getRange(): Range {
    return this._sheet._range(this._area.row, this._area.column, this._area.numRows, this._area.numColumns);
  }

  /** Points it at another range. */
  setRange(range: Range): this {
    this._sheet = range._sheet;
    this._area = { ...range._area };
    return this;
  }

  /** Deletes the name (not the cells). */
  remove(): void {
    this._onRemove(this);
  }
}
