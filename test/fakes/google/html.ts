/**
 * `HtmlService`: pages built from the world's registered HTML files (`htmlFiles: { Sidebar: … }`)
 * or from strings, to be shown by the spreadsheet's Ui.
 */
import { SERVICE, type FakeObject } from './boundary';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { GoogleException } from './errors';

/** A page to show (Apps Script's `HtmlOutput`). */
export class HtmlOutput implements FakeObject {
  readonly [SERVICE] = 'HtmlOutput';
  _title = '';
  _width?: number;
  _height?: number;

  constructor(public _content: string) {}

  /** The page's HTML. */
  getContent(): string {
    return this._content;
  }

  /** Replaces the page's HTML. */
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }

  /** Adds HTML at the end. */
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }

  /** The title (a sidebar's heading, a dialog's caption). */
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }

  /** The title. */
  getTitle(): string {
    return this._title;
  }

  /** A dialog's width in pixels (a sidebar's is fixed). */
  setWidth(width: number): this {
    this._width = width;
    return this;
  }

  /** The width set, or 0. */
  getWidth(): number {
    return this._width ?? 0;
  }

  /** A dialog's height in pixels. */
  setHeight(height: number): this {
    this._height = height;
    return this;
  }

  /** The height set, or 0. */
  getHeight(): number {
    return this._height ?? 0;
  }

  /** Accepted and ignored: IFRAME is the only sandbox Google still serves. */
  setSandboxMode(_mode: unknown): this {
    return this;
  }

  /** Accepted and ignored: the fake serves no pages to a browser. */
  setXFrameOptionsMode(_mode: unknown): this {
    return this;
  }

  /** Accepted and ignored. */
  addMetaTag(_name: string, _content: string): this {
    return this;
  }
}

/** The `HtmlService` of one execution, serving the registered files. */
export function createHtmlService(files: () => Readonly<Record<string, string>>) {
  return {
    [SERVICE]: 'HtmlService',
    SandboxMode,
    XFrameOptionsMode,
    /** A page from a project HTML file, named with or without `.html`. */
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      const name = String(filename).replace(/\.html$/, '');
      const content = files()[name];
      if (content === undefined) throw new GoogleException(`No HTML file named ${name} was found.`);
      return new HtmlOutput(content);
    },
    /** A page from a string. */
    createHtmlOutput(html = ''): HtmlOutput {
      return new HtmlOutput(String(html));
    },
  };
}
