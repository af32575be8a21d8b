/**
 * Who remits the tax a settlement line carries: Amazon (as marketplace facilitator or deemed
 * supplier, so the tax it collected from the buyer is withheld again in the same order) or the
 * seller (tax that belongs on the seller's own return: GST/HST Amazon.ca's tax collection service
 * passes on, UK/EU VAT of a registered seller, tax Amazon charged on its own fees).
 *
 * The answer needs order-level facts (a withheld line for the same order, transaction type and
 * kind of charge), which the compact aggregate no longer has. So it is decided here, once, over a
 * settlement's lines, and becomes part of each aggregate entry's key: previews keep reading only
 * the aggregate, and a server holding the staged lines can derive the same answer itself.
 *
 * The rule, per order × transaction type × kind (principal, shipping, gift wrap, other):
 * - collected tax (ItemPrice Tax / ShippingTax / GiftWrapTax, and the promotion's TaxDiscount)
 *   that a withheld line (ItemWithheldTax, MarketplaceFacilitatorVAT-…, LowValueGoodsTax-…)
 *   cancels is Amazon's; a withheld line of exactly the opposite amount claims one collected line
 *   first, so an order with two tax lines of which Amazon remits one keeps them apart;
 * - what is left over is the seller's; when Amazon withholds only part of one collected line
 *   (GST the seller owes and PST Amazon remits, charged as one Tax line) that line is split;
 * - withheld lines are always Amazon's; tax the file states on a fee (`TaxAmount`) is the seller's;
 * - the sale lines themselves (ItemPrice Principal / Shipping / GiftWrap, and the order's Promotion
 *   lines) of a group whose collected tax Amazon remits entirely are Amazon's too: the seller owes
 *   no tax on them, so the Mapping can send them to a category its template codes without output
 *   tax (Link My Books: "Marketplace responsible VAT → sales recorded as zero-rated",
 *   help.linkmybooks.com/en/articles/12496823). Where the seller owes any part of the group's tax
 *   (a split line, a second tax line), the sale lines stay unlabelled and keep the seller's rate.
 * Nothing is netted away here: lines are only labelled, and a withheld line that cancels nothing
 * shows up as a clearing balance the summary reports.
 */
import type { Minor } from '../money';

/** Who accounts for a line's tax: Amazon, the seller, or nobody (not a tax line). */
export type TaxRemitter = '' | 'amazon' | 'seller';

/** The remitters a mapping rule may name, as the Mapping tab writes them. */
export const TAX_REMITTERS: readonly Exclude<TaxRemitter, ''>[] = ['amazon', 'seller'];

/** The fields of a line the classification reads. */
export interface TaxLineFacts {
  orderId: string;
  transactionType: string;
  amountType: string;
  amountDescription: string;
  amount: Minor;
}

/** Per line: not tax, Amazon's, the seller's, or split between them (see `amazonPart`). */
export const TaxRole = { None: 0, Amazon: 1, Seller: 2, Split: 3 } as const;
/** One of the TaxRole values. */
export type TaxRole = (typeof TaxRole)[keyof typeof TaxRole];

/** The classification of a settlement's lines, by line index. */
export interface TaxClassification {
  /** One entry per line. */
  roles: Uint8Array;
  /** For split lines only: the part Amazon remits (the rest is the seller's). */
  amazonPart: Map<number, Minor>;
}

/** One share of a line: who remits it and how much of the line's amount it is. */
export interface TaxShare {
  remittedBy: TaxRemitter;
  amount: Minor;
}

/** Which side of the tax a description puts a line on, and the kind of charge. */
interface Side {
  side: 'collected' | 'withheld' | 'stated';
  kind: string;
}

// Descriptions of tax the buyer paid (collected side), with the kind of charge they are on.
const COLLECTED: Readonly<Record<string, string>> = {
  tax: 'principal',
  shippingtax: 'shipping',
  giftwraptax: 'giftwrap',
  // SP-API ChargeComponent: "TaxDiscount - The tax amount deducted for promotional rebates".
  taxdiscount: 'principal',
};
const COLLECTED_TYPES = new Set(['itemprice', 'promotion']);
// Withheld-side descriptions start with one of these and end with the kind (`-Principal`).
const WITHHELD_PREFIXES = ['marketplacefacilitatortax-', 'marketplacefacilitatorvat-', 'lowvaluegoodstax-'];
const WITHHELD_TYPE = 'itemwithheldtax';

/** What a description says on its own (collected lines still need their amount type checked). */
function sideOfDescription(description: string): Side | null {
  const lower = description.toLowerCase();
  if (lower === 'taxamount') return { side: 'stated', kind: '' };
  if (WITHHELD_PREFIXES.some((p) => lower.startsWith(p))) return { side: 'withheld', kind: kindOf(lower.slice(lower.lastIndexOf('-') + 1)) };
  const kind = COLLECTED[lower];
  return kind === undefined ? null : { side: 'collected', kind };
}

function kindOf(suffix: string): string {
  return suffix === 'principal' || suffix === 'shipping' || suffix === 'giftwrap' ? suffix : 'other';
}

/** A tax line waiting for the other tax lines of its order. */
interface TaxLine {
  index: number;
  side: 'collected' | 'withheld';
  kind: string;
}

/** Tax lines of one order × transaction type × kind of charge. */
interface Group {
  collected: number[];
  withheld: number[];
}

/**
 * Labels every line of a settlement with who remits its tax (see the module comment). One map
 * look-up per line (descriptions are few and interned). Amazon writes an order's charges one
 * after another, so tax lines are first matched within each run of one order and transaction
 * type without any per-order map; only what is left unmatched (a withheld line somewhere else in
 * the file, say) is matched across the whole file, by order.
 */
export function classifyTax(lines: readonly TaxLineFacts[]): TaxClassification {
  const roles = new Uint8Array(lines.length);
  const amazonPart = new Map<number, Minor>();
  const sides = new Map<string, Side | null>();
  const lowered = new Map<string, string>();
  const lower = (text: string) => {
    let value = lowered.get(text);
    if (value === undefined) lowered.set(text, (value = text.toLowerCase()));
    return value;
  };
  const left: Leftovers = { collected: [], collectedKinds: [], withheld: [] };
  // One run's tax lines, reused from run to run (most runs have none or one).
  const run: TaxLine[] = [];
  let runOrder = '';
  let runType = '';
  const flush = () => {
    if (run.length > 0) settleRun(run, lines, roles, amazonPart, left);
    run.length = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.orderId !== runOrder || line.transactionType !== runType) {
      flush();
      runOrder = line.orderId;
      runType = line.transactionType;
    }
    let side = sides.get(line.amountDescription);
    if (side === undefined) sides.set(line.amountDescription, (side = sideOfDescription(line.amountDescription)));
    let which: 'collected' | 'withheld';
    let kind: string;
    if (side === null) {
      // Any description under ItemWithheldTax is withheld (the length test keeps this cheap).
      if (line.amountType.length !== WITHHELD_TYPE.length || lower(line.amountType) !== WITHHELD_TYPE) continue;
      const description = lower(line.amountDescription);
      which = 'withheld';
      kind = kindOf(description.slice(description.lastIndexOf('-') + 1));
    } else if (side.side === 'stated') {
      roles[i] = TaxRole.Seller;
      continue;
    } else if (side.side === 'collected' && !COLLECTED_TYPES.has(lower(line.amountType))) {
      if (lower(line.amountType) !== WITHHELD_TYPE) continue;
      which = 'withheld';
      kind = side.kind;
    } else {
      which = side.side;
      kind = side.kind;
    }
    if (which === 'withheld') roles[i] = TaxRole.Amazon;
    // A line without an order cannot be matched: its collected tax stays the seller's.
    if (line.orderId === '') {
      if (which === 'collected') roles[i] = TaxRole.Seller;
      continue;
    }
    run.push({ index: i, side: which, kind });
  }
  flush();
  settleLeftovers(lines, roles, amazonPart, left, lower);
  labelRemittedSales(lines, roles, lower);
  return { roles, amazonPart };
}

// Kinds of charge as small numbers, for the pass over sale lines (0: not a sale or tax line).
const KIND_CODES: Readonly<Record<string, number>> = { principal: 1, shipping: 2, giftwrap: 3, other: 4 };
const SALE_DESCRIPTIONS: Readonly<Record<string, number>> = { principal: 1, shipping: 2, giftwrap: 3 };

/**
 * Labels Amazon's the sale lines of each run (one order and transaction type, written together)
 * whose kind of charge has collected tax and all of it is Amazon's. A run's collected tax that is
 * anywhere else in the file leaves its sale lines unlabelled: they keep the seller's treatment.
 */
function labelRemittedSales(lines: readonly TaxLineFacts[], roles: Uint8Array, lower: (text: string) => string): void {
  // A file with nothing of Amazon's (no tax, or all of it the seller's) has nothing to label.
  if (!roles.includes(TaxRole.Amazon)) return;
  // Per kind: 1 when Amazon remits a collected line, 2 when the seller owes one (or part of one).
  const status = [0, 0, 0, 0, 0];
  let start = 0;
  for (let end = 1; end <= lines.length; end++) {
    if (end < lines.length && lines[end]!.orderId === lines[start]!.orderId && lines[end]!.transactionType === lines[start]!.transactionType) continue;
    // Most runs hold nothing of Amazon's (no tax, or the seller's): one byte read per line skips them.
    let amazon = false;
    for (let i = start; i < end && !amazon; i++) amazon = roles[i] === TaxRole.Amazon;
    if (amazon && lines[start]!.orderId !== '') {
      status.fill(0);
      let sales = 0;
      for (let i = start; i < end; i++) {
        const kind = collectedKindOf(lines[i]!, lower);
        if (kind > 0) status[kind]! |= roles[i] === TaxRole.Amazon ? 1 : 2;
        else if (roles[i] === TaxRole.None && saleKindOf(lines[i]!, lower) > 0) sales++;
      }
      if (sales > 0 && status.includes(1)) {
        for (let i = start; i < end; i++) {
          if (roles[i] === TaxRole.None && status[saleKindOf(lines[i]!, lower)] === 1) roles[i] = TaxRole.Amazon;
        }
      }
    }
    start = end;
  }
}

/** The kind of charge of a collected tax line (ItemPrice Tax, Promotion TaxDiscount…), else 0. */
function collectedKindOf(line: TaxLineFacts, lower: (text: string) => string): number {
  const kind = COLLECTED[lower(line.amountDescription)];
  return kind !== undefined && COLLECTED_TYPES.has(lower(line.amountType)) ? KIND_CODES[kind]! : 0;
}

/** The kind of charge of a sale line (ItemPrice Principal / Shipping / GiftWrap, a promotion), else 0. */
function saleKindOf(line: TaxLineFacts, lower: (text: string) => string): number {
  const type = lower(line.amountType);
  const description = lower(line.amountDescription);
  if (type === 'itemprice') return SALE_DESCRIPTIONS[description] ?? 0;
  // A promotion discounts the charge its description names; any other promotion, the item price.
  if (type === 'promotion' && COLLECTED[description] === undefined) return SALE_DESCRIPTIONS[description] ?? 1;
  return 0;
}

/** Tax lines no run could settle: collected ones (with their kind of charge) and withheld ones. */
interface Leftovers {
  collected: number[];
  collectedKinds: string[];
  withheld: TaxLine[];
}

/**
 * Settles a run's groups that hold both kinds of line; the others wait (collected tax may yet
 * meet a withheld line of the same order elsewhere in the file).
 */
function settleRun(run: TaxLine[], lines: readonly TaxLineFacts[], roles: Uint8Array, amazonPart: Map<number, Minor>, left: Leftovers): void {
  // The usual run: one collected line and nothing withheld, or one of each that cancel.
  if (run.length === 1) {
    const only = run[0]!;
    if (only.side === 'collected') {
      left.collected.push(only.index);
      left.collectedKinds.push(only.kind);
    } else {
      left.withheld.push({ ...only });
    }
    return;
  }
  const groups: { kind: string; group: Group }[] = [];
  for (const line of run) {
    let found = groups.find((g) => g.kind === line.kind);
    if (!found) groups.push((found = { kind: line.kind, group: { collected: [], withheld: [] } }));
    (line.side === 'collected' ? found.group.collected : found.group.withheld).push(line.index);
  }
  for (const { kind, group } of groups) {
    if (group.collected.length > 0 && group.withheld.length > 0) settle(group, lines, roles, amazonPart);
    else if (group.collected.length > 0) {
      for (const i of group.collected) {
        left.collected.push(i);
        left.collectedKinds.push(kind);
      }
    } else {
      for (const i of group.withheld) left.withheld.push({ index: i, side: 'withheld', kind });
    }
  }
}

/** Matches what runs left over across the whole file, by order; without withheld lines left, all of it is the seller's. */
function settleLeftovers(lines: readonly TaxLineFacts[], roles: Uint8Array, amazonPart: Map<number, Minor>, left: Leftovers, lower: (text: string) => string): void {
  for (const i of left.collected) roles[i] = TaxRole.Seller;
  if (left.withheld.length === 0 || left.collected.length === 0) return;
  const key = (i: number, kind: string) => `${lines[i]!.orderId}\u0000${lower(lines[i]!.transactionType)}\u0000${kind}`;
  const groups = new Map<string, Group>();
  for (const w of left.withheld) {
    const k = key(w.index, w.kind);
    const group = groups.get(k) ?? { collected: [], withheld: [] };
    group.withheld.push(w.index);
    groups.set(k, group);
  }
  left.collected.forEach((i, n) => groups.get(key(i, left.collectedKinds[n]!))?.collected.push(i));
  for (const group of groups.values()) settle(group, lines, roles, amazonPart);
}

/** Decides the collected lines of one group against its withheld lines. */
function settle(group: { collected: number[]; withheld: number[] }, lines: readonly TaxLineFacts[], roles: Uint8Array, amazonPart: Map<number, Minor>): void {
  const amount = (i: number) => lines[i]!.amount;
  const { collected, withheld } = group;
  if (collected.length === 0) return;
  if (withheld.length === 0) {
    for (const i of collected) roles[i] = TaxRole.Seller;
    return;
  }
  let collectedSum = 0;
  let withheldSum = 0;
  for (const i of collected) collectedSum += amount(i);
  for (const i of withheld) withheldSum += amount(i);
  // The common case (every US order): the withheld lines cancel the collected ones exactly.
  if (collectedSum + withheldSum === 0) {
    for (const i of collected) roles[i] = TaxRole.Amazon;
    return;
  }
  const open = new Set(collected);
  let remaining = withheldSum;
  // A withheld line of exactly the opposite amount claims one collected line.
  for (const w of withheld) {
    for (const c of open) {
      if (amount(c) === -amount(w)) {
        roles[c] = TaxRole.Amazon;
        open.delete(c);
        remaining -= amount(w);
        break;
      }
    }
  }
  // What Amazon still withholds covers the rest in file order, splitting the line it ends in.
  let cover = -remaining;
  for (const c of open) {
    const value = amount(c);
    if (cover === 0 || Math.sign(value) !== Math.sign(cover)) {
      roles[c] = TaxRole.Seller;
    } else if (Math.abs(value) <= Math.abs(cover)) {
      roles[c] = TaxRole.Amazon;
      cover -= value;
    } else {
      roles[c] = TaxRole.Split;
      amazonPart.set(c, cover);
      cover = 0;
    }
  }
}

/** A line's shares: one for a line that is not split (its whole amount), two for a split one. */
export function sharesOf(classification: TaxClassification, index: number, amount: Minor): TaxShare[] {
  const role = classification.roles[index] as TaxRole;
  if (role === TaxRole.None) return [{ remittedBy: '', amount }];
  if (role === TaxRole.Amazon) return [{ remittedBy: 'amazon', amount }];
  if (role === TaxRole.Seller) return [{ remittedBy: 'seller', amount }];
  const amazon = classification.amazonPart.get(index) ?? 0;
  return [{ remittedBy: 'amazon', amount: amazon }, { remittedBy: 'seller', amount: amount - amazon }];
}

/** How a line's role is written on the wire and in messages: `amazon`, `seller`, `amazon+seller` or ''. */
export function roleLabel(role: TaxRole): string {
  return role === TaxRole.Amazon ? 'amazon' : role === TaxRole.Seller ? 'seller' : role === TaxRole.Split ? 'amazon+seller' : '';
}

/** Reads a TaxRemitter from a cell (`Amazon`, `seller`, blank or `*`); undefined when it is none of them. */
export function readRemitter(text: string): TaxRemitter | undefined {
  const value = text.trim().toLowerCase();
  if (value === '' || value === '*') return '';
  return (TAX_REMITTERS as readonly string[]).includes(value) ? (value as TaxRemitter) : undefined;
}

/** A TaxRemitter as the Mapping tab shows it: `Amazon`, `Seller` or blank. */
export function remitterText(remittedBy: TaxRemitter): string {
  return remittedBy === '' ? '' : remittedBy === 'amazon' ? 'Amazon' : 'Seller';
}
