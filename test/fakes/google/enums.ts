/**
 * Apps Script enums (`SpreadsheetApp.ProtectionType.SHEET`, `ui.Button.YES`): each value is one
 * shared object whose `toString()` is its name, so scripts compare them by identity as they do
 * against Google's, and `String(value)` reads the name.
 */

/** One value of an Apps Script enum. */
export class EnumValue<N extends string = string> {
  constructor(readonly name: N) {}

  /** The value's name, as Apps Script's enums print. */
  toString(): string {
    return this.name;
  }

  /** The name, so a value stringifies to JSON as Apps Script's do. */
  toJSON(): string {
    return this.name;
  }
}

/** Builds an enum object whose keys are its names. */
export function makeEnum<N extends string>(names: readonly N[]): Readonly<Record<N, EnumValue<N>>> {
  const out = {} as Record<N, EnumValue<N>>;
  for (const name of names) out[name] = new EnumValue(name);
  return Object.freeze(out);
}

/** `ScriptApp.AuthMode`. */
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);

/** `SpreadsheetApp.ProtectionType`. */
export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);

/** `SpreadsheetApp.DataValidationCriteria`, the criteria this fake builds. */
export const DataValidationCriteria = makeEnum(['VALUE_IN_LIST', 'VALUE_IN_RANGE'] as const);

/** `SpreadsheetApp.BooleanCriteria`, the criteria this fake's conditional formats build. */
export const BooleanCriteria = makeEnum(['CUSTOM_FORMULA', 'TEXT_EQUAL_TO', 'CELL_EMPTY', 'CELL_NOT_EMPTY'] as const);

/** `Ui.Button`. */
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);

/** `Ui.ButtonSet`. */
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);

/** `Utilities.DigestAlgorithm` (without MD2, which Node's crypto lacks). */
export const DigestAlgorithm = makeEnum(['MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);

/** `Utilities.Charset`. */
export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);

/** `HtmlService.SandboxMode`. */
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);

/** `HtmlService.XFrameOptionsMode`. */
export const XFrameOptionsMode = makeEnum(['ALLOW_ALL', 'DEFAULT'] as const);
