/**
 * `SpreadsheetApp` as one execution sees it: the bound spreadsheet, its Ui, and the builders.
 */
import { SERVICE } from '../boundary';
import { BooleanCriteria, DataValidationCriteria, ProtectionType } from '../enums';
import { ConditionalFormatRuleBuilder } from './conditional-format';
import { RichTextValueBuilder } from './rich-text';
import type { Spreadsheet } from './spreadsheet';
import { Ui, type AlertAnswerer, type UiRecord } from './ui';
import { DataValidationBuilder } from './validation';

/** What `SpreadsheetApp` needs from the world and the execution. */
export interface SpreadsheetAppContext {
  spreadsheet: Spreadsheet;
  record: UiRecord;
  user: string;
  answerAlert: () => AlertAnswerer;
}

/** The `SpreadsheetApp` service of one execution. */
export function createSpreadsheetApp(ctx: SpreadsheetAppContext) {
  const { spreadsheet } = ctx;
  return {
    [SERVICE]: 'SpreadsheetApp',
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,
    /** The spreadsheet the add-on is bound to. */
    getActiveSpreadsheet: () => spreadsheet,
    /** The spreadsheet the add-on is bound to. */
    getActive: () => spreadsheet,
    /** The active tab. */
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    /** The selected range. */
    getActiveRange: () => spreadsheet.getActiveRange(),
    /** The spreadsheet's user interface. */
    getUi: () => new Ui(ctx.record, ctx.user, ctx.answerAlert),
    /** Applies pending changes (the fake applies them at once). */
    flush: (): void => undefined,
    /** A data-validation rule builder. */
    newDataValidation: () => new DataValidationBuilder(),
    /** A conditional-format rule builder. */
    newConditionalFormatRule: () => new ConditionalFormatRuleBuilder(),
    /** A rich-text value builder. */
    newRichTextValue: () => new RichTextValueBuilder(),
  };
}
