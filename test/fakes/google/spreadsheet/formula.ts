/**
 * A tiny, honest evaluator for the formulas that matter to an add-on's tests: the ones text
 * turns into by accident. Sheets stores `+1-2` as `=+1-2` and shows -1; `-SKU` as `=-SKU` and shows
 * `#NAME?`; `+44 20 7946` as a formula it cannot parse and shows `#ERROR!`. So this evaluates
 * arithmetic on literals, string concatenation, `TRUE`/`FALSE`, and `HYPERLINK(url[, label])`
 * (reads back as its label). Anything that needs other cells or other functions is not evaluated and
 * reads back as "" — a documented limit of the fake, never a guess.
 */
import type { CellValue } from './values';

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

interface SheetsError { error: string }
const NOT_EVALUATED = Symbol('not evaluated');
type Result = number | string | boolean | SheetsError | typeof NOT_EVALUATED;

class ParseError extends Error {}

const OPERATORS = ['<=', '>=', '<>', '+', '-', '*', '/', '^', '&', '(', ')', ',', ':', '!', '=', '<', '>', '%'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) { i++; continue; }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) { tokens.push({ kind: 'number', value: Number(number[0]) }); i += number[0].length; continue; }
    if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ParseError('unterminated string');
        if (text.charAt(i) === '"') {
          if (text.charAt(i + 1) === '"') { value += '"'; i += 2; continue; }
          i++;
          break;
        }
        value += text.charAt(i++);
      }
      tokens.push({ kind: 'string', value });
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new ParseError('unterminated sheet name');
      tokens.push({ kind: 'name', value: text.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(text.slice(i));
    if (name) { tokens.push({ kind: 'name', value: name[0] }); i += name[0].length; continue; }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new ParseError(`unexpected ${ch}`);
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

const isError = (r: Result): r is SheetsError => typeof r === 'object';

function toNumber(r: Result): number | SheetsError | typeof NOT_EVALUATED {
  if (r === NOT_EVALUATED || isError(r)) return r;
  if (typeof r === 'number') return r;
  if (typeof r === 'boolean') return r ? 1 : 0;
  if (r.trim() === '') return 0;
  const n = Number(r);
  return Number.isFinite(n) ? n : { error: '#VALUE!' };
}

function toText(r: Result): string | SheetsError | typeof NOT_EVALUATED {
  if (r === NOT_EVALUATED || isError(r)) return r;
  if (typeof r === 'boolean') return r ? 'TRUE' : 'FALSE';
  return String(r);
}

const CELL_REFERENCE = /^\$?[A-Za-z]{1,3}\$?\d+$/;

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Result {
    const r = this.comparison();
    if (this.at < this.tokens.length) throw new ParseError('trailing input');
    return r;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.at];
    return t?.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private expectOp(op: string): void {
    if (!this.peekOp(op)) throw new ParseError(`expected ${op}`);
    this.at++;
  }

  private comparison(): Result {
    let left = this.concat();
    while (this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.at++;
      this.concat();
      left = NOT_EVALUATED;
    }
    return left;
  }

  private concat(): Result {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.at++;
      const right = this.additive();
      const a = toText(left);
      const b = toText(right);
      left = typeof a !== 'string' ? a : typeof b !== 'string' ? b : a + b;
    }
    return left;
  }

  private binary(next: () => Result, ops: string[], apply: (op: string, a: number, b: number) => number | SheetsError): Result {
    let left = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.at++;
      const right = next();
      const a = toNumber(left);
      const b = toNumber(right);
      left = typeof a !== 'number' ? a : typeof b !== 'number' ? b : apply(op, a, b);
    }
    return left;
  }

  private additive(): Result {
    return this.binary(() => this.term(), ['+', '-'], (op, a, b) => (op === '+' ? a + b : a - b));
  }

  private term(): Result {
    return this.binary(() => this.power(), ['*', '/'], (op, a, b) =>
      op === '*' ? a * b : b === 0 ? { error: '#DIV/0!' } : a / b);
  }

  private power(): Result {
    return this.binary(() => this.unary(), ['^'], (_op, a, b) => a ** b);
  }

  private unary(): Result {
    const op = this.peekOp('+', '-');
    if (!op) return this.percent();
    this.at++;
    const operand = toNumber(this.unary());
    return typeof operand !== 'number' ? operand : op === '-' ? -operand : operand;
  }

  private percent(): Result {
    const value = this.primary();
    if (!this.peekOp('%')) return value;
    this.at++;
    const n = toNumber(value);
    return typeof n === 'number' ? n / 100 : n;
  }

  private primary(): Result {
    const t = this.tokens[this.at++];
    if (!t) throw new ParseError('unexpected end');
    if (t.kind === 'number' && this.peekOp(':')) return this.reference(String(t.value));
    if (t.kind === 'number' || t.kind === 'string') return t.value;
    if (t.kind === 'op') {
      if (t.value !== '(') throw new ParseError(`unexpected ${t.value}`);
      const inner = this.comparison();
      this.expectOp(')');
      return inner;
    }
    if (this.peekOp('(')) return this.call(t.value);
    return this.reference(t.value);
  }

  private call(name: string): Result {
    this.at++;
    const args: Result[] = [];
    if (!this.peekOp(')')) {
      args.push(this.comparison());
      while (this.peekOp(',')) {
        this.at++;
        args.push(this.comparison());
      }
    }
    this.expectOp(')');
    if (name.toUpperCase() !== 'HYPERLINK' || args.length < 1 || args.length > 2) return NOT_EVALUATED;
    const shown = toText(args[args.length - 1] as Result);
    return shown;
  }

  private reference(name: string): Result {
    let qualified = false;
    if (this.peekOp('!')) {
      this.at++;
      const cell = this.tokens[this.at++];
      if (cell?.kind !== 'name' && cell?.kind !== 'number') throw new ParseError('expected a cell after !');
      qualified = true;
    }
    if (this.peekOp(':')) {
      this.at++;
      const end = this.tokens[this.at++];
      if (end?.kind !== 'name' && end?.kind !== 'number') throw new ParseError('expected a range end');
      return NOT_EVALUATED;
    }
    if (qualified || CELL_REFERENCE.test(name)) return NOT_EVALUATED;
    const upper = name.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
    // A bare word is a named range; the fake keeps none that formulas can see, so Sheets' answer
    // for an unknown one is the honest one.
    return { error: '#NAME?' };
  }
}

/**
 * The value a formula shows: the evaluated result inside the small subset, Sheets' error string
 * (`#ERROR!`, `#NAME?`, `#DIV/0!`, `#VALUE!`) where Sheets would show one, or "" outside the subset.
 */
export function evaluateFormula(formula: string): CellValue {
  let result: Result;
  try {
    result = new Parser(tokenize(formula.replace(/^=/, ''))).parseAll();
  } catch (e) {
    if (e instanceof ParseError) return '#ERROR!';
    throw e;
  }
  if (result === NOT_EVALUATED) return '';
  if (isError(result)) return result.error;
  return result;
}
