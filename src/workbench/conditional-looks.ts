/**
 * The colours conditional formatting gives cells, for the workbench's view of a tab: the Google
 * fakes record the rules but, like any stored data, do not render them, so the rows SettleSheet
 * calls "highlighted" (a Mapping row waiting for a category, an Accounts row whose check failed)
 * would look plain. This evaluates the custom formulas such rules carry, relative to each cell as
 * Sheets does (a `$A2` in a rule over A2:J keeps its column and moves its row), with the functions
 * those rules use: AND, OR, NOT, LEN, TRIM, ISBLANK, comparisons and `&`. A formula it cannot read,
 * or one that reaches a cell outside the rows shown, is not applied (never guessed).
 */
import type { RuleSummary } from '../../test/fakes/google/inspect';

type Value = string | number | boolean;

/** The cells shown: display text by 1-based row and column. */
export interface ShownCells {
  firstRow: number;
  /** Display text, rows from `firstRow`, columns from A. */
  text: string[][];
}

class Unreadable extends Error {}

const A1 = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The area of `'Tab'!A2:J1000` (or `A2:J`), 1-based and inclusive. */
function areaOf(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const cells = range.slice(range.lastIndexOf('!') + 1);
  const m = /^([A-Z]{1,3})(\d*)(?::([A-Z]{1,3})(\d*))?$/.exec(cells);
  if (!m) return undefined;
  const top = m[2] ? Number(m[2]) : 1;
  return {
    top,
    left: columnNumber(m[1]!),
    bottom: m[4] ? Number(m[4]) : m[3] ? Number.MAX_SAFE_INTEGER : top,
    right: m[3] ? columnNumber(m[3]) : columnNumber(m[1]!),
  };
}

type Token = { kind: 'number' | 'string' | 'ref' | 'name' | 'op'; text: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const source = formula.replace(/^=/, '');
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) { i += space[0].length; continue; }
    const string = /^"((?:[^"]|"")*)"/.exec(rest);
    if (string) { tokens.push({ kind: 'string', text: string[1]!.replace(/""/g, '"') }); i += string[0].length; continue; }
    const number = /^\d+(?:\.\d+)?/.exec(rest);
    if (number) { tokens.push({ kind: 'number', text: number[0] }); i += number[0].length; continue; }
    const ref = /^\$?[A-Z]{1,3}\$?\d+(?![A-Za-z(])/.exec(rest);
    if (ref) { tokens.push({ kind: 'ref', text: ref[0] }); i += ref[0].length; continue; }
    const name = /^[A-Za-z]+/.exec(rest);
    if (name) { tokens.push({ kind: 'name', text: name[0].toUpperCase() }); i += name[0].length; continue; }
    const op = ['<>', '<=', '>=', '=', '<', '>', '&', '+', '-', '(', ')', ','].find((o) => rest.startsWith(o));
    if (!op) throw new Unreadable(`cannot read ${rest}`);
    tokens.push({ kind: 'op', text: op });
    i += op.length;
  }
  return tokens;
}

const toText = (v: Value) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
const toNumber = (v: Value) => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v.trim() === '' ? 0 : Number(v));

function compare(op: string, a: Value, b: Value): boolean {
  // Sheets compares text without regard to case.
  const numeric = typeof a === 'number' && typeof b === 'number';
  const x = numeric ? a : toText(a).toLowerCase();
  const y = numeric ? b : toText(b).toLowerCase();
  switch (op) {
    case '=': return x === y;
    case '<>': return x !== y;
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    default: return x >= y;
  }
}

/** Evaluates a custom formula for the cell `rowOffset`/`columnOffset` from the rule's top-left. */
function evaluate(tokens: Token[], cellAt: (row: number, column: number) => string, anchor: { top: number; left: number }, at: { row: number; column: number }): Value {
  let i = 0;
  const peek = () => tokens[i];
  const take = (text?: string): Token => {
    const t = tokens[i++];
    if (!t || (text !== undefined && t.text !== text)) throw new Unreadable(`expected ${text ?? 'more'}`);
    return t;
  };
  const reference = (text: string): Value => {
    const m = A1.exec(text)!;
    const absoluteColumn = text.startsWith('$');
    const absoluteRow = /\$\d/.test(text);
    const column = absoluteColumn ? columnNumber(m[1]!) : columnNumber(m[1]!) + (at.column - anchor.left);
    const row = absoluteRow ? Number(m[2]) : Number(m[2]) + (at.row - anchor.top);
    return cellAt(row, column);
  };
  const call = (name: string): Value => {
    take('(');
    const args: Value[] = [];
    if (peek()?.text !== ')') {
      args.push(comparison());
      while (peek()?.text === ',') {
        take(',');
        args.push(comparison());
      }
    }
    take(')');
    const truth = (v: Value) => (typeof v === 'boolean' ? v : toNumber(v) !== 0);
    switch (name) {
      case 'AND': return args.every(truth);
      case 'OR': return args.some(truth);
      case 'NOT': return !truth(args[0] ?? false);
      case 'LEN': return toText(args[0] ?? '').length;
      case 'TRIM': return toText(args[0] ?? '').trim().replace(/\s+/g, ' ');
      case 'ISBLANK': return toText(args[0] ?? '') === '';
      default: throw new Unreadable(`no function ${name}`);
    }
  };
  const primary = (): Value => {
    const t = take();
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'string') return t.text;
    if (t.kind === 'ref') return reference(t.text);
    if (t.kind === 'name') return t.text === 'TRUE' ? true : t.text === 'FALSE' ? false : call(t.text);
    if (t.text === '(') {
      const v = comparison();
      take(')');
      return v;
    }
    if (t.text === '-') return -toNumber(primary());
    throw new Unreadable(`unexpected ${t.text}`);
  };
  const additive = (): Value => {
    let v = primary();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = take().text;
      v = op === '+' ? toNumber(v) + toNumber(primary()) : toNumber(v) - toNumber(primary());
    }
    return v;
  };
  const concatenation = (): Value => {
    let v = additive();
    while (peek()?.text === '&') {
      take('&');
      v = toText(v) + toText(additive());
    }
    return v;
  };
  function comparison(): Value {
    let v = concatenation();
    while (peek() && ['=', '<>', '<', '>', '<=', '>='].includes(peek()!.text)) {
      const op = take().text;
      v = compare(op, v, concatenation());
    }
    return v;
  }
  const value = comparison();
  if (i !== tokens.length) throw new Unreadable('trailing text');
  return value;
}

/**
 * The background each shown cell gets from the tab's conditional formatting (undefined where no
 * rule applies), rows from `shown.firstRow`. The first rule that applies wins, as in Sheets.
 */
export function conditionalBackgrounds(rules: readonly RuleSummary[], shown: ShownCells): (string | undefined)[][] {
  const out: (string | undefined)[][] = shown.text.map((row) => row.map(() => undefined));
  const lastRow = shown.firstRow + shown.text.length - 1;
  const cellAt = (row: number, column: number): string => {
    if (row < shown.firstRow || row > lastRow) throw new Unreadable('outside the rows shown');
    return shown.text[row - shown.firstRow]?.[column - 1] ?? '';
  };
  for (const rule of rules) {
    if (rule.criteria !== 'CUSTOM_FORMULA' || !rule.background || !rule.values[0]) continue;
    let tokens: Token[];
    try {
      tokens = tokenize(rule.values[0]);
    } catch {
      continue;
    }
    for (const range of rule.ranges) {
      const area = areaOf(range);
      if (!area) continue;
      for (let row = Math.max(area.top, shown.firstRow); row <= Math.min(area.bottom, lastRow); row++) {
        const cells = out[row - shown.firstRow]!;
        for (let column = area.left; column <= Math.min(area.right, cells.length); column++) {
          if (cells[column - 1] !== undefined) continue;
          try {
            if (evaluate(tokens, cellAt, area, { row, column }) === true) cells[column - 1] = rule.background;
          } catch {
            // Not readable here: left as it is.
          }
        }
      }
    }
  }
  return out;
}
