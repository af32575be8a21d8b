/**
 * A first guess at the category of a line type nobody has mapped yet, for the person choosing it
 * in the sidebar: read from the words Amazon uses (its amount type and description, then its
 * transaction type), with the one-line reason shown beside it. It is only ever a suggestion: the
 * line stays unmapped until a person accepts it or chooses another category.
 *
 * Internal categories (choices.ts) are never suggested: the carried-forward account belongs to the
 * month split, tax Amazon remits goes to a clearing account the accountant sets up, and loan lines
 * need an accountant's answer (what the loan is), so for those the suggestion says so instead of
 * guessing. Tax the seller owes (core/tax decided who remits it) is suggested as the seller's tax.
 */
import type { TaxRemitter } from '../tax/classify';
import { REMITTED_PROMOTIONS, REMITTED_REFUNDS, REMITTED_SALES } from './categories';

/** The Amazon side of a line type: what a mapping rule matches on. */
export interface LineType {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  /** For a tax line: who remits its tax, as the import decided from the settlement's orders. */
  remittedBy?: TaxRemitter;
}

/** A suggested category with its reason, or no category with the reason why not. */
export type CategorySuggestion = { category: string; reason: string } | { category: null; reason: string };

interface Clue {
  /** Matched against the words of the field (case and punctuation ignored). */
  words: RegExp;
  /** The category, or null when the words call for an accountant. */
  category: string | null;
  /** Why, after "mentions …" / "is …". */
  because: string;
}

// Checked in order against the description, the amount type and the transaction type: the first
// clue whose words match any of them wins. Specific words before general ones ("Refund Reimbursal"
// is a reimbursement, "Coupon Participation Fee" is advertising, "Low Inventory Level Fee" is
// storage, "Sales Tax Collection Fee" is a fee).
const DESCRIPTION_CLUES: readonly Clue[] = [
  { words: /\breserve/, category: 'Reserved balances', because: 'money Amazon holds back and releases later' },
  { words: /\bloan|\blending/, category: null, because: 'a loan, and its account is for your accountant to choose' },
  { words: /reimburs|\breversal|warehouse (?:damage|lost)|\bcs error|missing from inbound|incorrect fees/, category: 'Reimbursements', because: 'Amazon paying you back' },
  { words: /advertis|sponsored|\bcoupon|\bdeal\b|\bvine\b/, category: 'Advertising', because: 'paying Amazon to promote your products' },
  { words: /\bstorage|low inventory/, category: 'Storage', because: 'Amazon storing your stock' },
  { words: /\bfba\b|fulfil+ment|\binbound|\btransportation|\bplacement|\binventory|\bremoval|\bdisposal|\bweight based/, category: 'FBA fees', because: 'Amazon handling your stock (FBA)' },
  { words: /shipping label|\bpostage/, category: 'Postage', because: 'postage for a shipping label bought through Amazon' },
  { words: /\bfee\b|\bfees\b|\bcommission|chargeback|\bsubscription|\blabel|\bhb\b|closing/, category: 'Seller fees', because: 'a fee for selling on Amazon' },
  { words: /\btax\b|\bvat\b|\bgst\b|\bhst\b|\bwithheld/, category: null, because: 'tax, and whether you or Amazon pays it over decides its account: ask your accountant' },
  { words: /\bpayable\b|successful charge|disbursement|\bdeposit|\btransfer|balance adjustment/, category: 'Transfers', because: 'money moving between you and Amazon, not income or expense' },
];

const TAX = DESCRIPTION_CLUES.find((c) => c.words.test('tax'))!;
const TAX_WORDS = TAX.words;

// Amount types that say what the money is whatever the description.
const AMOUNT_TYPE_CLUES: readonly Clue[] = [
  { words: /withheld ?tax/, category: null, because: TAX.because },
  { words: /^promotion$/, category: 'Promotions', because: 'a discount you funded' },
  { words: /cost of advertising/, category: 'Advertising', because: 'paying Amazon to promote your products' },
  { words: /fba inventory reimbursement/, category: 'Reimbursements', because: 'Amazon paying you back for your stock' },
  { words: /^shipment ?fees$/, category: 'FBA fees', because: 'Amazon handling your stock (FBA)' },
];

/** Lower-case words with the punctuation and camel case of Amazon's codes spread out. */
function wordsOf(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-/]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function fromClues(clues: readonly Clue[], words: string): Clue | undefined {
  return clues.find((c) => c.words.test(words));
}

/** The clue's answer: `lead` says where the words were seen, in a clause. */
function answer(clue: Clue, lead: string, named: string): CategorySuggestion {
  return clue.category
    ? { category: clue.category, reason: `${lead}, which is usually ${clue.because}.` }
    : { category: null, reason: `No suggestion: ${named} looks like ${clue.because}.` };
}

const REFUND_WORDS = /refund|chargeback|guarantee|goodwill|restocking/;

// A sale, refund or promotion whose tax Amazon remits has a category of its own (core/tax).
const REMITTED: Readonly<Record<string, string>> = { Sales: REMITTED_SALES, Refunds: REMITTED_REFUNDS, Promotions: REMITTED_PROMOTIONS };

/** Suggests the category of an unmapped line type, with its reason in one line. */
export function suggestCategory(line: LineType): CategorySuggestion {
  const suggestion = suggestionOf(line);
  const remitted = line.remittedBy === 'amazon' && suggestion.category ? REMITTED[suggestion.category] : undefined;
  return remitted ? { category: remitted, reason: `${suggestion.reason.slice(0, -1)}; Amazon remits its tax, so none of it is yours.` } : suggestion;
}

function suggestionOf(line: LineType): CategorySuggestion {
  const amountType = wordsOf(line.amountType);
  const description = wordsOf(line.amountDescription);
  const transaction = wordsOf(line.transactionType);
  const named = `"${line.amountDescription || line.amountType || line.transactionType}"`;

  const tax = taxSuggestion(line, { amountType, description, transaction }, named);
  if (tax) return tax;

  const byAmountType = fromClues(AMOUNT_TYPE_CLUES, amountType);
  if (byAmountType) return answer(byAmountType, `Amazon lists ${named} as ${line.amountType}`, named);

  if (amountType === 'item price') {
    // The buyer's money: who it belongs to depends on the transaction.
    if (REFUND_WORDS.test(`${transaction} ${description}`)) {
      return { category: 'Refunds', reason: `${line.transactionType} gives an item's price back to the buyer.` };
    }
    if (/\border\b|liquidation/.test(transaction)) {
      return { category: 'Sales', reason: `${line.transactionType} is an item's price paid by the buyer.` };
    }
    return { category: null, reason: `No suggestion: "${line.transactionType}" is a new kind of item price; sale or refund is for you to say.` };
  }

  if (/^service ?fee$/.test(transaction)) {
    return { category: 'Advertising', reason: `Amazon bills advertising as ${line.transactionType}.` };
  }
  // A reserve or a fee named in the description, the amount type (2026 files name the fee there)
  // or the transaction type (old V1 files): the most specific clue wins, wherever it is.
  for (const clue of DESCRIPTION_CLUES) {
    const seen = matchedWords(clue, description) ?? matchedWords(clue, amountType) ?? matchedWords(clue, transaction);
    if (seen) return answer(clue, `${named} mentions ${seen}`, named);
  }
  return { category: null, reason: `No suggestion: nothing in ${named} says what it is. Look it up in Seller Central, or ask your accountant.` };
}

/**
 * The answer for a tax line, or undefined when the line is not about tax. Tax Amazon withholds
 * again, or remits, goes to the clearing account (internal: no suggestion); tax the seller owes
 * is the seller's tax on sales, refunds or fees; tax nobody has classified is for the accountant.
 */
function taxSuggestion(line: LineType, words: { amountType: string; description: string; transaction: string }, named: string): CategorySuggestion | undefined {
  const { amountType, description, transaction } = words;
  const retrocharge = /retrocharge/.test(transaction);
  const stated = /^tax ?amount$/.test(description);
  const withheld = /withheld ?tax/.test(amountType) || /marketplace ?facilitator/.test(description);
  // A fee named after tax ("Sales Tax Collection Fee") is a fee.
  if (!retrocharge && !stated && !withheld && (!TAX_WORDS.test(description) || /\bfees?\b/.test(description))) return undefined;
  // Tax the file states on a fee is the seller's to claim back, whoever collected it.
  if (stated) return { category: 'Tax on fees', reason: `${named} is tax on what Amazon charged you, which you can usually claim back.` };
  if (withheld || line.remittedBy === 'amazon') {
    return { category: null, reason: `No suggestion: ${named} is tax Amazon collects and pays over itself, which nets to zero in a clearing account your accountant chooses.` };
  }
  // Amazon taking back tax the seller collected earlier (a retrocharge) settles the seller's own tax.
  if (line.remittedBy === 'seller' || retrocharge) {
    if (!retrocharge && amountType !== 'item price' && amountType !== 'promotion') {
      return { category: 'Tax on fees', reason: `${named} is tax on what Amazon charged you, which you can usually claim back.` };
    }
    return REFUND_WORDS.test(transaction)
      ? { category: 'Tax on refunds', reason: `${named} is tax you gave back to the buyer with a refund; you report it, Amazon did not.` }
      : { category: 'Tax on sales', reason: `${named} is tax you charged the buyer and report yourself: Amazon did not withhold it.` };
  }
  return answer(TAX, '', named);
}

function matchedWords(clue: Clue, words: string): string | undefined {
  const m = clue.words.exec(words);
  return m ? `"${m[0].trim()}"` : undefined;
}
