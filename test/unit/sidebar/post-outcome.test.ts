import { waitWords } from '../../../src/core/words';
import { notPostedWords } from '../../../sidebar/post-outcome';

describe('what the sidebar says when a post did not go through', () => {
  it('says waits in a unit people think in', () => {
    expect(waitWords(1)).toBe('1 second');
    expect(waitWords(59.2)).toBe('60 seconds');
    expect(waitWords(125)).toBe('3 minutes');
    expect(waitWords(3600)).toBe('1 hour');
    expect(waitWords(86_400)).toBe('24 hours');
  });

  it('adds the next step when the server only said what happened', () => {
    expect(notPostedWords({ outcome: 'failed', message: 'Xero answered 500. Nothing was created in Xero.' })).toMatch(/Nothing was created in Xero\. Try again in a few minutes\./);
    expect(notPostedWords({ outcome: 'reconnect', message: 'Your Xero login expired.' })).toMatch(/Connect to Xero again/);
    expect(notPostedWords({ outcome: 'busy', message: 'Someone is posting.' })).toMatch(/press Refresh/);
  });

  it('does not repeat advice the server already gave', () => {
    const message = 'Xero may have created INV-1. Press Post again: SettleSheet will find what Xero has.';
    expect(notPostedWords({ outcome: 'failed', message })).toBe(message);
  });

  it('always says how long to wait after a rate limit, once', () => {
    expect(notPostedWords({ outcome: 'rate-limited', message: 'Xero is busy.', retryAfterSeconds: 3600 })).toBe(
      'Xero is busy. Xero limits how often an app may call it: try again in 1 hour. Nothing is posted twice.',
    );
    const said = 'Xero is busy (its daily limit for this organisation was reached), try again in 1 hour.';
    expect(notPostedWords({ outcome: 'rate-limited', message: said, retryAfterSeconds: 3600 })).toBe(said);
  });
});
