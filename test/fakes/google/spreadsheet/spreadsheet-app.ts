/**
 * `SpreadsheetApp` as one execution sees it: the bound spreadsheet, its Ui, and the builders.
 */
import { SERVICE } from '../boundary';
import { BooleanCriteria, DataValidationCriteria, ProtectionType } from '../enums';
import { GoogleException } from '../errors';
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
  /** False when the execution has no open document (Google's /usercallback). */
  hasDocument?: boolean;
}

/** The `SpreadsheetApp` service of one execution. */
export function createSpreadsheetApp(ctx: SpreadsheetAppContext) {
  const { spreadsheet } = ctx;
  const open = ctx.hasDocument !== false;
  // Typed as Google's typings type them (never null), though Google returns null without a document.
  return {
    [SERVICE]: 'SpreadsheetApp',
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,
    /** The spreadsheet the add-on is bound to (null without an open document). */
    getActiveSpreadsheet: (): Spreadsheet => (open ? spreadsheet : null) as Spreadsheet,
    /** The spreadsheet the add-on is bound to (null without an open document). */
    getActive: (): Spreadsheet => (open ? spreadsheet : null) as Spreadsheet,
    /** The active tab. */
    getActiveSheet: () => (open ? spreadsheet.getActiveSheet() : null) as ReturnType<Spreadsheet['getActiveSheet']>,
    /** The selected range. */
    getActiveRange: () => (open ? spreadsheet.getActiveRange() : null) as ReturnType<Spreadsheet['getActiveRange']>,
    /**
     * The spreadsheet's user interface. Without an open editor Google throws "Cannot call
     * SpreadsheetApp.getUi() from this context." (its message, as reports quote it).
     */
    getUi: () => {
      if (!open) throw new GoogleException('Cannot call SpreadsheetApp.getUi() from this context.');
      return new Ui(ctx.record, ctx.user, ctx.answerAlert);
    },
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
