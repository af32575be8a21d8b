/**
 * Every function Apps Script can call: triggers, menu items and `google.script.run` targets.
 * The build turns each export into a plain top-level function of dist/Code.js.
 */
export { onOpen, onInstall, showSidebar } from './menu';
