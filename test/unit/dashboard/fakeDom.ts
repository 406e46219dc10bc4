import type { DomDocument, DomElement, DomEvent, DomNode } from '../../../media/dashboard/dom';

/**
 * A recording stand-in for the browser document: it builds a tree of plain objects, remembers every
 * element created, and refuses every way markup could be parsed (innerHTML, outerHTML,
 * insertAdjacentHTML). Written for the dashboard's tests, independent of the code under test.
 */
export class FakeText implements DomNode {
  readonly nodeType = 3;
  constructor(public data: string) {}
}

export class FakeElement implements DomElement {
  readonly nodeType = 1;
  readonly attributes = new Map<string, string>();
  readonly children: (FakeElement | FakeText)[] = [];
  readonly listeners = new Map<string, ((ev: DomEvent) => void)[]>();

  constructor(readonly tagName: string) {}

  get childNodes(): ArrayLike<DomNode> {
    return this.children;
  }

  get textContent(): string {
    return this.children.map((c) => (c instanceof FakeText ? c.data : c.textContent)).join('');
  }

  set textContent(v: string | null) {
    this.children.splice(0, this.children.length, new FakeText(v ?? ''));
  }

  set innerHTML(_v: string) {
    throw new Error('innerHTML used');
  }

  set outerHTML(_v: string) {
    throw new Error('outerHTML used');
  }

  insertAdjacentHTML(): void {
    throw new Error('insertAdjacentHTML used');
  }

  appendChild(child: DomNode): unknown {
    if (!(child instanceof FakeElement || child instanceof FakeText)) throw new Error('not a node of this document');
    this.children.push(child);
    return child;
  }

  replaceChildren(...nodes: DomNode[]): void {
    this.children.splice(0, this.children.length);
    for (const n of nodes) this.appendChild(n);
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  addEventListener(type: string, listener: (ev: DomEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Fires the listeners of an event type, as a user's click or key would. */
  fire(type: string, init: { key?: string } = {}): void {
    for (const l of this.listeners.get(type) ?? []) l({ key: init.key, target: this, preventDefault: () => undefined });
  }

  /** Every element below (and including) this one, depth first. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all() : []))];
  }

  find(pred: (e: FakeElement) => boolean): FakeElement | undefined {
    return this.all().find(pred);
  }

  findAll(tag: string): FakeElement[] {
    return this.all().filter((e) => e.tagName === tag);
  }
}

export class FakeDocument implements DomDocument {
  readonly created: string[] = [];

  createElement(tag: string): FakeElement {
    this.created.push(tag.toLowerCase());
    return new FakeElement(tag.toLowerCase());
  }

  createTextNode(text: string): FakeText {
    return new FakeText(text);
  }
}
