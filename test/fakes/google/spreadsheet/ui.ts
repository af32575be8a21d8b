/**
 * The spreadsheet's `Ui`: menus, sidebars, dialogs, alerts and toasts. Nothing is drawn; every
 * thing shown is recorded for `world.inspect.ui()`, and alerts are answered by the world's
 * `answerAlert` (by default the first button: OK or YES).
 */
import { SERVICE, type FakeObject } from '../boundary';
import { Button, ButtonSet, type EnumValue } from '../enums';
import { signatureMismatch } from '../errors';
import { HtmlOutput } from '../html';

/** A button's name. */
export type ButtonName = keyof typeof Button;

/** One entry of a menu. */
export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { subMenu: ShownMenu };

/** A menu added to the spreadsheet's UI. */
export interface ShownMenu {
  title: string;
  entries: MenuEntry[];
}

/** A sidebar or dialog that was shown. */
export interface ShownPage {
  kind: 'sidebar' | 'modal dialog' | 'modeless dialog';
  title: string;
  content: string;
  width?: number;
  height?: number;
  user: string;
}

/** An alert that was shown, and the button that answered it. */
export interface ShownAlert {
  title: string;
  prompt: string;
  buttons: keyof typeof ButtonSet;
  answer: ButtonName;
  user: string;
}

/** A toast that was shown. */
export interface ShownToast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** Everything the spreadsheet's UI has shown. */
export class UiRecord {
  /** By title: adding a menu again (onOpen runs on every open) replaces it. */
  readonly menus = new Map<string, ShownMenu>();
  readonly pages: ShownPage[] = [];
  readonly alerts: ShownAlert[] = [];
  readonly toasts: ShownToast[] = [];
}

/** Answers an alert with one of its buttons' names (or CLOSE, for the dialog's ×). */
export type AlertAnswerer = (alert: { title: string; prompt: string; buttons: keyof typeof ButtonSet }) => ButtonName;

const BUTTONS_OF: Record<keyof typeof ButtonSet, ButtonName[]> = {
  OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** The default answer: the first button. */
export const firstButton: AlertAnswerer = (alert) => BUTTONS_OF[alert.buttons][0] ?? 'OK';

/** A menu being built (Apps Script's `Menu`). */
export class Menu implements FakeObject {
  readonly [SERVICE] = 'Menu';
  readonly _entries: MenuEntry[] = [];

  constructor(readonly _record: UiRecord, readonly _title: string) {}

  /** Adds an item that runs the named top-level function. */
  addItem(caption: string, functionName: string): this {
    this._entries.push({ caption, functionName });
    return this;
  }

  /** Adds a separator line. */
  addSeparator(): this {
    this._entries.push({ separator: true });
    return this;
  }

  /** Adds a sub-menu. */
  addSubMenu(menu: Menu): this {
    this._entries.push({ subMenu: { title: menu._title, entries: [...menu._entries] } });
    return this;
  }

  /** Puts the menu into the spreadsheet's UI. */
  addToUi(): void {
    this._record.menus.set(this._title, { title: this._title, entries: [...this._entries] });
  }
}

/** The spreadsheet's UI as one execution sees it (Apps Script's `Ui`). */
export class Ui implements FakeObject {
  readonly [SERVICE] = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly _record: UiRecord, readonly _user: string, readonly _answer: () => AlertAnswerer) {}

  /** The add-on's menu (under Extensions). */
  createAddonMenu(): Menu {
    return new Menu(this._record, 'Add-on');
  }

  /** A top-level menu. */
  createMenu(caption: string): Menu {
    return new Menu(this._record, caption);
  }

  _show(kind: ShownPage['kind'], page: unknown, title: string | undefined, method: string): void {
    if (!(page instanceof HtmlOutput)) throw signatureMismatch(`SpreadsheetApp.Ui.${method}`, [page]);
    this._record.pages.push({
      kind, title: title ?? page._title, content: page._content, width: page._width, height: page._height, user: this._user,
    });
  }

  /** Opens a sidebar. */
  showSidebar(userInterface: HtmlOutput): void {
    this._show('sidebar', userInterface, undefined, 'showSidebar');
  }

  /** Opens a modal dialog. */
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._show('modal dialog', userInterface, title, 'showModalDialog');
  }

  /** Opens a modeless dialog. */
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this._show('modeless dialog', userInterface, title, 'showModelessDialog');
  }

  /** `alert(prompt)`, `alert(prompt, buttons)` or `alert(title, prompt, buttons)`; returns the button pressed. */
  alert(...args: unknown[]): EnumValue<ButtonName> {
    const isSet = (v: unknown): v is EnumValue<keyof typeof ButtonSet> => Object.values(ButtonSet).includes(v as never);
    let title = '';
    let prompt: unknown;
    let buttons: EnumValue<keyof typeof ButtonSet> = ButtonSet.OK;
    if (args.length === 1) [prompt] = args;
    else if (args.length === 2 && isSet(args[1])) [prompt, buttons] = [args[0], args[1]];
    else if (args.length === 3 && isSet(args[2])) [title, prompt, buttons] = [String(args[0]), args[1], args[2]];
    else throw signatureMismatch('SpreadsheetApp.Ui.alert', args);
    const shown = { title, prompt: String(prompt), buttons: buttons.name };
    const answer = this._answer()(shown);
    if (answer !== 'CLOSE' && !BUTTONS_OF[buttons.name].includes(answer)) {
      throw new Error(`The test answered the alert "${shown.prompt}" with ${answer}, which is not one of its buttons.`);
    }
    this._record.alerts.push({ ...shown, answer, user: this._user });
    return Button[answer];
  }
}
