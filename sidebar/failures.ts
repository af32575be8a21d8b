/**
 * Apps Script's own failures (the ones `google.script.run` reports before or around our server
 * code) in plain words with what to do next. Our targets answer expected failures in an envelope,
 * so anything that reaches here is Google's wording, which people cannot act on as it is.
 */

interface KnownFailure {
  test: RegExp;
  words: (detail: string) => string;
}

const KNOWN: readonly KnownFailure[] = [
  {
    // Google's documented multiple-accounts problem: the sidebar runs as one account, the
    // spreadsheet was opened as another, and the server call fails reading user storage.
    test: /PERMISSION_DENIED|reading from storage|multiple accounts/i,
    words: () =>
      'Google could not tell which of your Google accounts is using SettleSheet. This happens when several accounts are signed in in this browser. ' +
      'Open the spreadsheet in a private (incognito) window signed in with one account, or sign out of the other accounts, then open SettleSheet again.',
  },
  {
    test: /authori[sz]ation is required|authori[sz]e|permission to call/i,
    words: () =>
      'SettleSheet needs your permission to run in this spreadsheet. Close this sidebar, open Extensions → SettleSheet → Open SettleSheet, and allow access when Google asks.',
  },
  {
    test: /exceeded maximum execution time|timed out|timeout/i,
    words: () => 'Google stopped this step because it ran too long. Try again; if it happens again, try with a smaller file or later.',
  },
  {
    test: /script function not found:?\s*(\S*)/i,
    words: (detail) =>
      `This copy of SettleSheet is missing a part (${detail || 'a server function'}). Reload the spreadsheet; if it keeps happening, tell whoever installed SettleSheet that it needs updating.`,
  },
  {
    test: /service invoked too many times|too many simultaneous invocations|quota|rate limit/i,
    words: () => 'Google is limiting how often SettleSheet can run right now. Wait a minute, then try again.',
  },
  {
    test: /networkerror|connection failure|failed to fetch|http 0\b|network/i,
    words: () => 'The sidebar lost its connection to Google. Check your internet connection, then try again.',
  },
];

/** Google's failure message → what the person reads. */
export function plainWords(raw: string): string {
  const message = raw.replace(/^\s*(?:ScriptError|Exception|Error|TypeError):\s*/i, '').split('\n')[0]!.trim();
  for (const known of KNOWN) {
    const m = known.test.exec(raw);
    if (m) return known.words(m[1] ?? '');
  }
  return `Google Sheets could not run this step${message ? ` (${message})` : ''}. Try again; if it keeps happening, reload the spreadsheet and open SettleSheet again.`;
}
