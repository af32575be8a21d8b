/**
 * The small page the OAuth callback returns to the browser tab Xero sent back. Everything in it is
 * escaped: organisation names and Xero's error words are not ours.
 */
import type { CallbackOutcome } from './connection';
import { escapeHtml } from './wire';

/** The callback page's HTML for an outcome. */
export function callbackPage(outcome: CallbackOutcome): string {
  const colour = outcome.ok ? '#188038' : '#d93025';
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>SettleSheet · Xero</title>',
    '<style>body{font-family:Arial,sans-serif;margin:48px auto;max-width:520px;color:#202124;line-height:1.5}',
    `h1{font-size:20px;color:${colour}}</style></head><body>`,
    `<h1>${escapeHtml(outcome.title)}</h1>`,
    `<p>${escapeHtml(outcome.message)}</p>`,
    '</body></html>',
  ].join('\n');
}
