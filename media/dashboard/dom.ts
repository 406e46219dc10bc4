/**
 * The few DOM calls the dashboard's builders make, as interfaces: the webview passes the real document,
 * the unit tests a fake one that records every element created. Text only ever enters the page through
 * `createTextNode` (and attributes through an allow-list), never as markup parsed by the browser.
 */

export interface DomNode {
  readonly nodeType: number;
}

export interface DomEvent {
  readonly key?: string;
  readonly target?: unknown;
  preventDefault(): void;
}

export interface DomElement extends DomNode {
  textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  appendChild(child: DomNode): unknown;
  replaceChildren(...children: DomNode[]): void;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  addEventListener(type: string, listener: (ev: DomEvent) => void): void;
}

export interface DomDocument {
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
}

export type Child = DomNode | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | undefined>;

// Attributes the builders may set. No event handlers (on*), no URLs (href, src), no style: a value is
// always inert text, whatever it holds.
const SAFE_ATTRIBUTE = /^(class|id|role|title|tabindex|type|scope|colspan|for|name|value|min|max|step|hidden|disabled|aria-[a-z]+|data-[a-z-]+)$/;

export function setAttr(e: DomElement, name: string, value: string | number | boolean | undefined): void {
  if (!SAFE_ATTRIBUTE.test(name)) throw new Error(`attribute ${name} is not on the dashboard's allow-list`);
  if (value === undefined || value === false) e.removeAttribute(name);
  else e.setAttribute(name, value === true ? '' : String(value));
}

export function append(doc: DomDocument, parent: DomElement, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'object' ? c : doc.createTextNode(String(c)));
  }
}

/** `el(doc, 'td', { class: 'num' }, '1,024')`: an element with attributes and children (strings become text nodes). */
export function el(doc: DomDocument, tag: string, attrs: Attrs = {}, ...children: Child[]): DomElement {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) setAttr(e, k, v);
  append(doc, e, children);
  return e;
}

/** Replaces an element's children with new ones in one step (no empty frame in between). */
export function replace(doc: DomDocument, parent: DomElement, children: readonly Child[]): void {
  const nodes: DomNode[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    nodes.push(typeof c === 'object' ? c : doc.createTextNode(String(c)));
  }
  parent.replaceChildren(...nodes);
}

/** A button that runs `action` on click (Enter and Space included, as buttons do). */
export function button(doc: DomDocument, label: Child, action: () => void, attrs: Attrs = {}): DomElement {
  const b = el(doc, 'button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', (ev) => {
    ev.preventDefault();
    action();
  });
  return b;
}
