/**
 * Errors as Apps Script throws them. Google's services throw an `Exception` whose `String()` reads
 * `Exception: <message>`; scripts and tests match on the message, so messages are Google's own.
 */

/** An error thrown by a fake Google service, named `Exception` like Apps Script's. */
export class GoogleException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** How Apps Script names an argument's type in its "parameters don't match" message. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length > 0 && Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'number';
  if (value === undefined) return 'undefined';
  return 'Object';
}

/**
 * The exception Apps Script throws when a method gets arguments of the wrong types, e.g.
 * "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues."
 */
export function signatureMismatch(method: string, args: readonly unknown[]): GoogleException {
  return new GoogleException(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}
