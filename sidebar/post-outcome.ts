/**
 * What the sidebar says after Post when Xero did not take the documents: the server's words about
 * what happened, then what to do next, so every failure ends with an action the person can take.
 */
import type { PostResultDto } from '../src/api/types';
import { waitWords } from '../src/core/words';

type NotPosted = Extract<PostResultDto, { outcome: 'busy' | 'rate-limited' | 'reconnect' | 'failed' }>;

const NEXT_STEP: Record<NotPosted['outcome'], string> = {
  busy: 'Someone else is posting from this spreadsheet. Wait a moment, press Refresh, and post again if it is still needed.',
  reconnect: 'Connect to Xero again (at the top of the sidebar), then press Post to Xero again.',
  failed: 'Try again in a few minutes. Posting again never creates a document twice: SettleSheet first looks in Xero for what it already created.',
  'rate-limited': 'Xero limits how often an app may call it. Try again later.',
};

// The server often says what to do already ("Press Post again: …"); then it is not said twice.
const ADVICE = /\b(press|try again|connect|wait|ask)\b/i;

/** The message and the next step for a post that did not go through. */
export function notPostedWords(result: NotPosted): string {
  const message = result.message.trim();
  if (result.outcome === 'rate-limited' && result.retryAfterSeconds && !/try again in/i.test(message)) {
    // Said in a unit people think in, whatever the server's words.
    return `${message} Xero limits how often an app may call it: try again in ${waitWords(result.retryAfterSeconds)}. Nothing is posted twice.`;
  }
  return ADVICE.test(message) ? message : `${message} ${NEXT_STEP[result.outcome]}`;
}
