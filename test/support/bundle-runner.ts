/**
 * Runs the BUILT dist/Code.js as Apps Script does (see src/workbench/apps-script-runtime.ts, which
 * the workbench uses too), with the script's clock on the test world's: each call is one
 * execution by the named user in a fresh script context.
 */
import { AppsScriptRuntime } from '../../src/workbench/apps-script-runtime';
import { personEdits, type EditOutcome, type PersonEdit } from '../../src/workbench/person-edit';
import type { GoogleFakes } from '../fakes/google';

/** Calls top-level functions of a bundle as separate executions. */
export interface BundleRunner {
  /** A `google.script.run` target: arguments and result cross as plain data, or it throws. */
  call<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Any top-level function (a menu item, the OAuth callback returning an HtmlOutput). */
  callRaw<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Like `callRaw`, as a simple trigger before the person authorised the add-on. */
  callWithoutAuthorization<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Google's /usercallback for a redirect's query: checks the state token, runs its function without the spreadsheet, returns the page. */
  userCallback(user: string, query: Record<string, string>): string;
  /** A person types into a cell, as in Sheets: the value, then the script's `onEdit` simple trigger; returns the toasts shown. */
  edit(user: string, edit: PersonEdit): EditOutcome;
  /** A simple trigger with an event made in its own execution (e.g. a pasted range for `onEdit`). */
  trigger(user: string, name: string, event: (services: Record<string, unknown>) => unknown): { thrown?: string };
}

/** A runner for one bundle's code in one fake world. */
export function bundleRunner(world: GoogleFakes, code: string): BundleRunner {
  const runtime = new AppsScriptRuntime(world, code, 'nobody@example.com', 'world');
  return {
    call: <T>(user: string, name: string, ...args: unknown[]): T => {
      const answer = runtime.call(name, JSON.stringify(args), { user });
      if ('thrown' in answer) throw new Error(answer.thrown);
      return answer.returned as T;
    },
    callRaw: <T>(user: string, name: string, ...args: unknown[]) => runtime.invoke(name, args, { user }) as T,
    callWithoutAuthorization: <T>(user: string, name: string, ...args: unknown[]) => runtime.invoke(name, args, { user, authMode: 'NONE' }) as T,
    userCallback: (user: string, query: Record<string, string>) => {
      const { functionName, event } = world.userCallback(query);
      return runtime.callback(functionName, event, { user });
    },
    edit: (user: string, edit: PersonEdit) => personEdits(world, runtime, user, edit),
    trigger: (user: string, name: string, event: (services: Record<string, unknown>) => unknown) => runtime.trigger(name, event, { user }),
  };
}
