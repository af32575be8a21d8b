/**
 * Data validation: `SpreadsheetApp.newDataValidation()` rules with a list or a range of allowed
 * values. A rule that does not allow invalid data makes script writes of other values fail, as
 * Google's does ("The data you entered in cell U2 violates the data validation rules set on this
 * cell."); the default for a new rule is to allow them with a warning.
 */
import { SERVICE, type FakeObject } from '../boundary';
import { DataValidationCriteria, type EnumValue } from '../enums';
import { GoogleException } from '../errors';
import type { Range } from './range';

type Criteria = EnumValue<keyof typeof DataValidationCriteria>;

/** A built data-validation rule (Apps Script's `DataValidation`). */
export class DataValidation implements FakeObject {
  readonly [SERVICE] = 'DataValidation';

  constructor(
    readonly _criteria: Criteria,
    readonly _list: readonly string[] | undefined,
    readonly _range: Range | undefined,
    readonly _showDropdown: boolean,
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {}

  /** The rule's criteria type. */
  getCriteriaType(): Criteria {
    return this._criteria;
  }

  /** The criteria's arguments: `[values, showDropdown]` or `[range, showDropdown]`. */
  getCriteriaValues(): unknown[] {
    return [this._list ? [...this._list] : this._range, this._showDropdown];
  }

  /** True when input that fails the rule is kept with a warning rather than refused. */
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }

  /** The help text shown for the cell, or null. */
  getHelpText(): string | null {
    return this._helpText === '' ? null : this._helpText;
  }

  /** A builder starting from this rule. */
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder();
    b._criteria = this._criteria;
    b._list = this._list;
    b._range = this._range;
    b._showDropdown = this._showDropdown;
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }

  /** True when the cell text satisfies the rule. */
  _accepts(shown: string): boolean {
    const allowed = this._list ?? this._range?._displayValues().flat() ?? [];
    return allowed.includes(shown);
  }
}

/** `SpreadsheetApp.newDataValidation()`. */
export class DataValidationBuilder implements FakeObject {
  readonly [SERVICE] = 'DataValidationBuilder';
  _criteria?: Criteria;
  _list?: readonly string[];
  _range?: Range;
  _showDropdown = true;
  // Google: "The default for a new data validation rule is true."
  _allowInvalid = true;
  _helpText = '';

  /** Requires the value to be one of the given values. */
  requireValueInList(values: readonly unknown[], showDropdown = true): this {
    this._criteria = DataValidationCriteria.VALUE_IN_LIST;
    this._list = values.map(String);
    this._range = undefined;
    this._showDropdown = showDropdown;
    return this;
  }

  /** Requires the value to be one of the values of a range. */
  requireValueInRange(range: Range, showDropdown = true): this {
    this._criteria = DataValidationCriteria.VALUE_IN_RANGE;
    this._range = range;
    this._list = undefined;
    this._showDropdown = showDropdown;
    return this;
  }

  /** Whether input that fails the rule is kept with a warning (true) or refused (false). */
  setAllowInvalid(allowInvalid: boolean): this {
    this._allowInvalid = allowInvalid;
    return this;
  }

  /** The help text shown when the user hovers the cell. */
  setHelpText(helpText: string): this {
    this._helpText = helpText;
    return this;
  }

  /** The rule. */
  build(): DataValidation {
    // Google's builder needs a criteria too; this wording is the fake's own.
    if (!this._criteria) throw new GoogleException('A data validation rule needs a criteria before build().');
    return new DataValidation(this._criteria, this._list, this._range, this._showDropdown, this._allowInvalid, this._helpText);
  }
}
