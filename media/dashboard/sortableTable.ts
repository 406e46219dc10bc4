import { button, el, replace, type Child, type DomDocument, type DomElement } from './dom';

export interface Column<R> {
  key: string;
  label: string;
  cell(r: R): Child;
  /** Present: the column sorts by this value. */
  sortValue?(r: R): number | string;
  numeric?: boolean;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

export interface TableOptions<R> {
  caption: string;
  columns: Column<R>[];
  rowKey(r: R): string;
  rowClass?(r: R): string | undefined;
  empty: string;
  sort?: SortState;
  /** Told when the user re-sorts, so the choice survives a reload (webview state). */
  onSort?(s: SortState): void;
}

/**
 * A table whose rows are replaced in one step on every update (no flicker, the page keeps its scroll),
 * sorted by the column the user chose — kept across updates. Sortable headers are buttons, so the
 * keyboard reaches them, and carry `aria-sort`.
 */
export class SortableTable<R> {
  readonly element: DomElement;
  private readonly body: DomElement;
  private readonly heads = new Map<string, DomElement>();
  private rows: R[] = [];
  private state: SortState | undefined;

  constructor(
    private readonly doc: DomDocument,
    private readonly opts: TableOptions<R>,
  ) {
    this.state = opts.sort;
    const headRow = el(doc, 'tr');
    for (const c of opts.columns) {
      const label = c.sortValue ? button(doc, c.label, () => this.sortBy(c.key), { class: 'sort', title: `Sort by ${c.label.toLowerCase()}` }) : c.label;
      const th = el(doc, 'th', { scope: 'col', class: c.numeric ? 'num' : undefined }, label);
      this.heads.set(c.key, th);
      headRow.appendChild(th);
    }
    this.body = el(doc, 'tbody');
    this.element = el(doc, 'table', { class: 'grid' }, el(doc, 'caption', { class: 'visually-hidden' }, opts.caption), el(doc, 'thead', {}, headRow), this.body);
    this.markSort();
  }

  get sort(): SortState | undefined {
    return this.state;
  }

  setRows(rows: readonly R[]): void {
    this.rows = [...rows];
    this.draw();
  }

  sortBy(key: string): void {
    const col = this.opts.columns.find((c) => c.key === key);
    if (!col?.sortValue) return;
    // Same column: the other way round. A new one: largest numbers first, text from A.
    const dir = this.state?.key === key ? (this.state.dir === 'asc' ? 'desc' : 'asc') : col.numeric ? 'desc' : 'asc';
    this.state = { key, dir };
    this.opts.onSort?.(this.state);
    this.markSort();
    this.draw();
  }

  private markSort(): void {
    for (const [key, th] of this.heads) {
      const col = this.opts.columns.find((c) => c.key === key);
      if (!col?.sortValue) continue;
      th.setAttribute('aria-sort', this.state?.key === key ? (this.state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
    }
  }

  private sorted(): R[] {
    const s = this.state;
    const col = s && this.opts.columns.find((c) => c.key === s.key);
    if (!s || !col?.sortValue) return this.rows;
    const value = col.sortValue;
    const sign = s.dir === 'asc' ? 1 : -1;
    // Stable: equal values keep the model's order.
    return this.rows
      .map((r, i) => ({ r, i, v: value(r) }))
      .sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i))
      .map((x) => x.r);
  }

  private draw(): void {
    const { doc, opts } = this;
    if (this.rows.length === 0) {
      replace(doc, this.body, [el(doc, 'tr', { class: 'empty' }, el(doc, 'td', { colspan: opts.columns.length }, opts.empty))]);
      return;
    }
    const trs = this.sorted().map((r) => {
      const tr = el(doc, 'tr', { 'data-key': opts.rowKey(r), class: opts.rowClass?.(r) });
      for (const c of opts.columns) tr.appendChild(el(doc, 'td', { class: c.numeric ? 'num' : undefined }, c.cell(r)));
      return tr;
    });
    replace(doc, this.body, trs);
  }
}
