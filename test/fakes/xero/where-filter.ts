/**
 * The part of Xero's `where` query language the sandbox understands: comparisons of a field
 * (dotted paths allowed) with a string, guid("…"), number or boolean by `==` or `!=`, joined by
 * AND / OR (or && / ||), AND binding tighter. Anything else is refused with a clear message rather
 * than silently ignored. ASSUMPTION: string comparison is exact (case-sensitive); GUIDs compare
 * ignoring case.
 */
import { Fixed } from './wire';

type Literal =
  | { kind: 'string'; text: string }
  | { kind: 'guid'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean };
interface Comparison {
  path: string[];
  negate: boolean;
  literal: Literal;
}

/** A predicate over an item in Xero's JSON shape. */
export type WhereFilter = (item: Record<string, unknown>) => boolean;

const TOKEN = /\s*(?:(guid\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\))|"((?:[^"\\]|\\.)*)"|(==|!=|&&|\|\|)|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*))/iy;

type Token =
  | { kind: 'guid' | 'string'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; text: string };

function tokenize(text: string): Token[] | { problem: string } {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return { problem: `cannot read the where clause from character ${start + 1}: '${text.slice(start)}'` };
    if (m[1] !== undefined) tokens.push({ kind: 'guid', text: m[2]! });
    else if (m[3] !== undefined) tokens.push({ kind: 'string', text: m[3].replace(/\\(.)/g, '$1') });
    else if (m[4] !== undefined) tokens.push({ kind: 'op', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'number', value: Number(m[5]) });
    else tokens.push({ kind: 'word', text: m[6]! });
  }
  return tokens;
}

function literalOf(token: Token | undefined): Literal | undefined {
  if (!token) return undefined;
  if (token.kind === 'string' || token.kind === 'guid') return token;
  if (token.kind === 'number') return token;
  if (token.kind === 'word' && /^(true|false)$/i.test(token.text)) {
    return { kind: 'boolean', value: token.text.toLowerCase() === 'true' };
  }
  return undefined;
}

/** Parses a where clause into a filter, or says what the sandbox cannot read in it. */
export function parseWhere(text: string): WhereFilter | { problem: string } {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  const alternatives: Comparison[][] = [[]];
  for (let i = 0; i < tokens.length; ) {
    const field = tokens[i];
    const op = tokens[i + 1];
    const literal = literalOf(tokens[i + 2]);
    if (field?.kind !== 'word' || op?.kind !== 'op' || (op.text !== '==' && op.text !== '!=') || !literal) {
      return { problem: `the sandbox understands only Field=="value" comparisons joined by AND/OR, not: ${text}` };
    }
    alternatives.at(-1)!.push({ path: field.text.split('.'), negate: op.text === '!=', literal });
    i += 3;
    const joiner = tokens[i];
    if (!joiner) break;
    const word = joiner.kind === 'word' || joiner.kind === 'op' ? joiner.text.toUpperCase() : '';
    if (word === 'OR' || word === '||') alternatives.push([]);
    else if (word !== 'AND' && word !== '&&') return { problem: `expected AND or OR after a comparison in: ${text}` };
    i += 1;
    if (i === tokens.length) return { problem: `the where clause ends with ${word}: ${text}` };
  }
  return (item) => alternatives.some((all) => all.every((comparison) => holds(comparison, item)));
}

function holds(comparison: Comparison, item: Record<string, unknown>): boolean {
  let value: unknown = item;
  for (const key of comparison.path) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value instanceof Fixed) value = value.value.toNumber();
  const { literal } = comparison;
  let equal: boolean;
  if (literal.kind === 'guid') equal = typeof value === 'string' && value.toLowerCase() === literal.text.toLowerCase();
  else if (literal.kind === 'string') equal = value === literal.text;
  else equal = value === literal.value;
  return comparison.negate ? !equal : equal;
}
