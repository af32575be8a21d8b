/**
 * `summarize FILE [--mapping MAPPING.csv]... [--template NAME] [--deposit AMOUNT CURRENCY]
 * [--costs COSTS.csv] [--split off|carry|separate] [--status S] [--json]`: the dry run of the whole
 * job, from the file to the Xero documents (and, with `--costs`, the cost of goods sold journals),
 * without touching Xero.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planCogs, unitsOfLines, type CogsPlan } from '../../core/cogs';
import { templateAccounts } from '../../core/mapping/templates';
import { conversionOf, type Conversion } from '../../core/exchange';
import { currencyDecimals, isCurrencyCode, parseAmount } from '../../core/money';
import { parseSettlement } from '../../core/settlement';
import { aggregateSettlement, marketplacesOf, SPLIT_MODES, summariseSettlement, type SplitMode } from '../../core/summary';
import { buildDocuments, type PlannedDocument } from '../../core/xero/documents';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../core/xero/invoice';
import { cogsJson, cogsReport } from '../cogs-output';
import { loadCosts } from '../costs-file';
import { summaryJson } from '../json';
import { loadMapping } from '../mapping-files';
import { summaryReport } from '../report';
import { CliError, type CommandIo } from '../io';
import { chosenTemplate, namedTemplate } from '../template-choice';

interface Options {
  file: string;
  mappings: string[];
  template?: string;
  deposit?: { amount: string; currency: string };
  /** The Costs table: with it, the cost of goods sold journals are worked out too. */
  costs?: string;
  split: SplitMode;
  status: DocumentStatus;
  json: boolean;
}

function readOptions(args: string[]): Options {
  const options: Options = { file: '', mappings: [], split: 'carry', status: 'DRAFT', json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--mapping') options.mappings.push(value());
    else if (arg === '--template') options.template = namedTemplate(value()).id;
    else if (arg === '--deposit') {
      const amount = value();
      const currency = value().toUpperCase();
      if (!isCurrencyCode(currency)) throw new CliError(`--deposit takes the amount that reached the bank and its currency, e.g. --deposit 1053.21 GBP (not "${currency}").`);
      options.deposit = { amount, currency };
    } else if (arg === '--costs') options.costs = value();
    else if (arg === '--split') {
      const v = value();
      if (!(SPLIT_MODES as readonly string[]).includes(v)) throw new CliError(`--split must be one of ${SPLIT_MODES.join(', ')}, not "${v}".`);
      options.split = v as SplitMode;
    } else if (arg === '--status') {
      const v = value().toUpperCase();
      if (!(DOCUMENT_STATUSES as readonly string[]).includes(v)) throw new CliError(`--status must be one of ${DOCUMENT_STATUSES.join(', ')}.`);
      options.status = v as DocumentStatus;
    } else if (arg.startsWith('--')) throw new CliError(`Unknown option ${arg}.`);
    else if (options.file) throw new CliError(`One settlement file at a time (got "${options.file}" and "${arg}").`);
    else options.file = arg;
  }
  if (!options.file) throw new CliError('Name the settlement file to summarise.');
  return options;
}

/** The conversion a `--deposit` gives, or a clear error. */
function conversionFor(deposit: Options['deposit'], total: number, decimals: number, currency: string): Conversion | undefined {
  if (!deposit) return undefined;
  if (deposit.currency === currency) throw new CliError(`The settlement is already in ${currency}: --deposit is for a deposit that reached the bank in another currency.`);
  const baseDecimals = currencyDecimals(deposit.currency);
  const amount = parseAmount(deposit.amount, baseDecimals);
  if (typeof amount !== 'number') throw new CliError(`--deposit ${deposit.amount} is not an amount in ${deposit.currency} (${baseDecimals} decimals).`);
  const conversion = conversionOf(total, decimals, deposit.currency, amount, baseDecimals);
  if (typeof conversion === 'string') throw new CliError(conversion);
  return conversion;
}

/** Runs the command; returns 0 when ready to post, 1 when not (the output says why). */
export function summarize(args: string[], io: CommandIo): number {
  const options = readOptions(args);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(options.file);
  } catch (e) {
    throw new CliError(`Cannot read ${options.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
  }
  const parsed = parseSettlement(bytes, path.basename(options.file));
  if (!parsed.ok) throw new CliError(parsed.problems.map((p) => p.message).join('\n'));
  const aggregate = aggregateSettlement(parsed.settlement);
  const template = chosenTemplate(options.template, marketplacesOf(aggregate.entries), parsed.settlement.header.currency);
  const { mapping, problems } = loadMapping(options.mappings, templateAccounts(template.id));
  if (problems.length) throw new CliError(problems.join('\n'));
  const { header } = parsed.settlement;
  const conversion = conversionFor(options.deposit, header.totalAmount, header.decimals, header.currency);

  const summary = summariseSettlement(aggregate, mapping, { split: options.split });
  const built = buildDocuments(summary, { status: options.status, ...(conversion ? { currencyRate: conversion.rate } : {}) });
  const documents: PlannedDocument[] = built.ok ? built.documents : [];
  const cogs: CogsPlan | undefined = options.costs === undefined
    ? undefined
    : planCogs(summary, unitsOfLines(parsed.settlement.lines), loadCosts(options.costs), mapping, { status: options.status });
  for (const w of parsed.warnings) io.err(`Note: ${w}`);
  const context = { template, ...(conversion ? { conversion } : {}) };
  if (options.json) {
    io.out(JSON.stringify({ ...(summaryJson(summary, documents, context) as object), ...(cogs ? cogsJson(summary, cogs) : {}) }, null, 2) + '\n');
    for (const p of [...summary.problems.map((q) => q.message), ...(cogs?.problems ?? [])]) io.err(p);
  } else {
    io.out(summaryReport(summary, documents, context) + (cogs ? cogsReport(summary, cogs) : ''));
  }
  return summary.problems.length === 0 && (cogs?.problems.length ?? 0) === 0 ? 0 : 1;
}
