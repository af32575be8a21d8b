/**
 * `google.script.run` for the sidebar in the workbench: the same chaining API
 * (withSuccessHandler / withFailureHandler / withUserObject, one method per top-level server
 * function), each call POSTed as JSON to the workbench, which runs it in the built Code.js.
 * Like Apps Script it refuses arguments that are not plain data, and reports server errors to the
 * failure handler as Error objects.
 */

type Handler = (value: unknown, userObject?: unknown) => void;

interface WorkbenchWindow {
  /** The server's function names, written into the page by the workbench. */
  __workbenchFunctions?: string[];
  google?: unknown;
}

function illegalValue(value: unknown, path: string): string | undefined {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return undefined;
  if (typeof value !== 'object' || value instanceof Date || value instanceof Node) return path;
  if (Array.isArray(value)) return value.map((v, i) => illegalValue(v, `${path}.${i}`)).find((p) => p !== undefined);
  return Object.entries(value).map(([k, v]) => illegalValue(v, `${path}.${k}`)).find((p) => p !== undefined);
}

function tellHost(name: string): void {
  // The host page redraws the workbook after each call; same origin, so a message is enough.
  if (window.parent !== window) window.parent.postMessage({ workbench: 'called', name }, window.location.origin);
}

class ScriptRun {
  constructor(
    private readonly success?: Handler,
    private readonly failure?: Handler,
    private readonly userObject?: unknown,
  ) {}

  withSuccessHandler(handler: Handler): ScriptRun {
    return new ScriptRun(handler, this.failure, this.userObject);
  }

  withFailureHandler(handler: Handler): ScriptRun {
    return new ScriptRun(this.success, handler, this.userObject);
  }

  withUserObject(userObject: unknown): ScriptRun {
    return new ScriptRun(this.success, this.failure, userObject);
  }

  invoke(name: string, args: unknown[]): void {
    const illegal = args.map((a, i) => illegalValue(a, String(i))).find((p) => p !== undefined);
    if (illegal !== undefined) throw new Error(`Failed due to illegal value in property: ${illegal}`);
    const fail = (message: string) => {
      if (this.failure) this.failure(new Error(message), this.userObject);
      else console.error(message);
    };
    type Answer = { returned?: unknown; thrown?: string };
    fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, args }) })
      .then(
        async (response): Promise<Answer> => (response.ok ? ((await response.json()) as Answer) : { thrown: `NetworkError: Connection failure due to HTTP ${response.status}` }),
        (): Answer => ({ thrown: 'NetworkError: Connection failure due to HTTP 0' }),
      )
      .then((answer) => {
        tellHost(name);
        if (answer.thrown !== undefined) fail(answer.thrown);
        else this.success?.(answer.returned, this.userObject);
      });
  }
}

const names = (window as WorkbenchWindow).__workbenchFunctions ?? [];
for (const name of names) {
  Object.defineProperty(ScriptRun.prototype, name, {
    value(this: ScriptRun, ...args: unknown[]) {
      this.invoke(name, args);
    },
  });
}

(window as WorkbenchWindow).google = {
  script: {
    run: new ScriptRun(),
    host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} }, origin: window.location.origin },
  },
};
