/**
 * Building the sidebar's DOM without ever parsing HTML: elements are created with createElement,
 * text is set as text nodes and attributes with setAttribute, so file contents and Xero names
 * cannot become markup.
 */

/** What may go inside an element: nodes, text, or nothing (skipped). */
export type Child = Node | string | null | undefined | false;

/** Attributes as strings (true: present, false/undefined: absent) and `on…` event listeners. */
export type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** Creates an element with attributes, listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children (text as text nodes). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A web address that may become a link: http(s) only, so no `javascript:` can reach an href. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens in a new tab without giving that tab a handle on this one. */
export function externalLink(url: string, text: string, label?: string): HTMLElement {
  const href = safeUrl(url);
  if (!href) return h('span', {}, text);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', ...(label ? { 'aria-label': label } : {}) }, text);
}

let ids = 0;
/** A fresh id for linking labels and regions. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}
