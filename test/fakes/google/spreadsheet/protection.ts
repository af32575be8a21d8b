/**
 * Protected sheets and ranges, recorded (the fake's scripts run as an editor who may edit anyway,
 * as the owner's scripts do in Sheets).
 */
import { SERVICE, unwrap, type FakeObject } from '../boundary';
import { ProtectionType, type EnumValue } from '../enums';
import { User } from '../session';
import type { Range } from './range';

/** A protection (Apps Script's `Protection`). */
export class Protection implements FakeObject {
  readonly [SERVICE] = 'Protection';
  _description = '';
  _warningOnly = false;
  _editors: string[] = [];
  _unprotected: Range[] = [];
  _removed = false;

  constructor(
    readonly _type: EnumValue<keyof typeof ProtectionType>,
    /** The protected range; for a sheet protection, the whole sheet at the time it was made. */
    public _range: Range,
    readonly _onRemove: (p: Protection) => void,
  ) {}

  /** The description. */
  getDescription(): string {
    return this._description;
  }

  /** Sets the description. */
  setDescription(description: string): this {
    this._description = description;
    return this;
  }

  /** True when editing only shows a warning. */
  isWarningOnly(): boolean {
    return this._warningOnly;
  }

  /** Whether editing only shows a warning (true) or is refused to non-editors (false). */
  setWarningOnly(warningOnly: boolean): this {
    this._warningOnly = warningOnly;
    return this;
  }

  /** SHEET or RANGE. */
  getProtectionType(): EnumValue<keyof typeof ProtectionType> {
    return this._type;
  }

  /** The protected range. */
  getRange(): Range {
    return this._range;
  }

  /** True: the script's user may edit the protected area. */
  canEdit(): boolean {
    return true;
  }

  /** The users allowed to edit. */
  getEditors(): User[] {
    return this._editors.map((e) => new User(e));
  }

  /** Allows a user to edit. */
  addEditor(user: string | User): this {
    const email = typeof user === 'string' ? user : unwrap(user).getEmail();
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }

  /** Takes editing away from users. */
  removeEditors(users: ReadonlyArray<string | User>): this {
    const emails = users.map((u) => (typeof u === 'string' ? u : unwrap(u).getEmail()));
    this._editors = this._editors.filter((e) => !emails.includes(e));
    return this;
  }

  /** Ranges of a protected sheet that stay editable. */
  setUnprotectedRanges(ranges: readonly Range[]): this {
    this._unprotected = [...ranges];
    return this;
  }

  /** The ranges of a protected sheet that stay editable. */
  getUnprotectedRanges(): Range[] {
    return [...this._unprotected];
  }

  /** Removes the protection. */
  remove(): void {
    this._removed = true;
    this._onRemove(this);
  }
}
