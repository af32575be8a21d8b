/**
 * Conditional formatting rules, recorded as built (the fake does not render them): the condition,
 * the colours it applies, and the ranges it covers.
 */
import { SERVICE, type FakeObject } from '../boundary';
import { BooleanCriteria, type EnumValue } from '../enums';
import { GoogleException } from '../errors';
import type { Range } from './range';

type Criteria = EnumValue<keyof typeof BooleanCriteria>;

/** A rule's condition and the format it applies (Apps Script's `BooleanCondition`). */
export class BooleanCondition implements FakeObject {
  readonly [SERVICE] = 'BooleanCondition';

  constructor(
    readonly _criteria: Criteria,
    readonly _values: readonly string[],
    readonly _background: string | null,
    readonly _fontColor: string | null,
  ) {}

  /** The condition's type. */
  getCriteriaType(): Criteria {
    return this._criteria;
  }

  /** The condition's arguments (the formula, or the text). */
  getCriteriaValues(): string[] {
    return [...this._values];
  }

  /** The background colour the rule applies, or null. */
  getBackground(): string | null {
    return this._background;
  }

  /** The font colour the rule applies, or null. */
  getFontColor(): string | null {
    return this._fontColor;
  }
}

/** A built rule (Apps Script's `ConditionalFormatRule`). */
export class ConditionalFormatRule implements FakeObject {
  readonly [SERVICE] = 'ConditionalFormatRule';

  constructor(readonly _condition: BooleanCondition, readonly _ranges: readonly Range[]) {}

  /** The ranges the rule covers. */
  getRanges(): Range[] {
    return [...this._ranges];
  }

  /** The rule's condition and format. */
  getBooleanCondition(): BooleanCondition {
    return this._condition;
  }

  /** A builder starting from this rule. */
  copy(): ConditionalFormatRuleBuilder {
    const b = new ConditionalFormatRuleBuilder();
    b._criteria = this._condition._criteria;
    b._values = this._condition._values;
    b._background = this._condition._background;
    b._fontColor = this._condition._fontColor;
    b._ranges = this._ranges;
    return b;
  }
}

/** `SpreadsheetApp.newConditionalFormatRule()`. */
export class ConditionalFormatRuleBuilder implements FakeObject {
  readonly [SERVICE] = 'ConditionalFormatRuleBuilder';
  _criteria?: Criteria;
  _values: readonly string[] = [];
  _background: string | null = null;
  _fontColor: string | null = null;
  _ranges: readonly Range[] = [];

  _when(criteria: Criteria, values: string[]): this {
    this._criteria = criteria;
    this._values = values;
    return this;
  }

  /** Applies when the custom formula is true (relative to the rule's top-left cell). */
  whenFormulaSatisfied(formula: string): this {
    return this._when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }

  /** Applies when the cell's text equals the text. */
  whenTextEqualTo(text: string): this {
    return this._when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }

  /** Applies when the cell is empty. */
  whenCellEmpty(): this {
    return this._when(BooleanCriteria.CELL_EMPTY, []);
  }

  /** Applies when the cell is not empty. */
  whenCellNotEmpty(): this {
    return this._when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }

  /** The background colour to apply (null clears it). */
  setBackground(color: string | null): this {
    this._background = color;
    return this;
  }

  /** The font colour to apply (null clears it). */
  setFontColor(color: string | null): this {
    this._fontColor = color;
    return this;
  }

  /** The ranges the rule covers. */
  setRanges(ranges: readonly Range[]): this {
    this._ranges = [...ranges];
    return this;
  }

  /** The rule. */
  build(): ConditionalFormatRule {
    // Google refuses a rule without a condition too; this wording is the fake's own.
    if (!this._criteria) throw new GoogleException('A conditional format rule needs a condition before build().');
    return new ConditionalFormatRule(
      new BooleanCondition(this._criteria, this._values, this._background, this._fontColor),
      this._ranges,
    );
  }
}
