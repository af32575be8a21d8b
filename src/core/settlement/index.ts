/**
 * Settlement files in, settlements out: the parser and the types it produces.
 */
export { parseSettlement } from './parse';
export { decodeSettlementBytes } from './decode';
export { parseSettlementDate } from './dates';
export type { DateProblem, SettlementDate } from './dates';
export type {
  ParseResult, Settlement, SettlementFormat, SettlementHeader, SettlementLine, SettlementProblem,
  SettlementProblemCode,
} from './types';
