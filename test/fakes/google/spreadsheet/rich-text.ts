/**
 * Rich text values, as far as links go: `newRichTextValue().setText(t).setLinkUrl(url).build()`.
 * Text written this way is stored as text (never parsed as a number, date or formula).
 */
import { SERVICE, type FakeObject } from '../boundary';

/** A link over characters [start, end) of a rich text value. */
export interface TextLink {
  start: number;
  end: number;
  url: string;
}

/** A rich text value (Apps Script's `RichTextValue`). */
export class RichTextValue implements FakeObject {
  readonly [SERVICE] = 'RichTextValue';

  constructor(readonly _text: string, readonly _links: readonly TextLink[]) {}

  /** The text. */
  getText(): string {
    return this._text;
  }

  /**
   * The link URL over the whole text (or over [start, end)), or null when there is none or the
   * span holds more than one.
   */
  getLinkUrl(start?: number, end?: number): string | null {
    const from = start ?? 0;
    const to = end ?? this._text.length;
    const link = this._links.find((l) => l.start <= from && l.end >= to);
    return link?.url ?? null;
  }

  /** A builder starting from this value. */
  copy(): RichTextValueBuilder {
    const b = new RichTextValueBuilder();
    b._text = this._text;
    b._links = [...this._links];
    return b;
  }
}

/** `SpreadsheetApp.newRichTextValue()`. */
export class RichTextValueBuilder implements FakeObject {
  readonly [SERVICE] = 'RichTextValueBuilder';
  _text = '';
  _links: TextLink[] = [];

  /** The text; links set before it are dropped, as its styles are. */
  setText(text: string): this {
    this._text = String(text);
    this._links = [];
    return this;
  }

  /** Links the whole text (`setLinkUrl(url)`) or characters [start, end); null removes links. */
  setLinkUrl(...args: [string | null] | [number, number, string | null]): this {
    const [start, end, url] = args.length === 1 ? [0, this._text.length, args[0]] : args;
    this._links = this._links.filter((l) => l.end <= start || l.start >= end);
    if (url !== null) this._links.push({ start, end, url });
    return this;
  }

  /** The value. */
  build(): RichTextValue {
    return new RichTextValue(this._text, [...this._links]);
  }
}
