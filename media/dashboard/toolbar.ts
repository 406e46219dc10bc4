import type { RangeChoice } from '../../src/shared/protocol';
import { button, el, type DomElement } from './dom';
import type { ViewCtx } from './tables';

export interface ToolbarActions {
  range(choice: RangeChoice): void;
  refresh(): void;
  savePng(): void;
  saveCsv(): void;
  /** Present in a function's view: back to the account overview. */
  overview?(): void;
}

const PRESETS: { kind: '1h' | '24h' | '7d' | '30d'; label: string; title: string }[] = [
  { kind: '1h', label: '1 h', title: 'Last hour' },
  { kind: '24h', label: '24 h', title: 'Last 24 hours' },
  { kind: '7d', label: '7 d', title: 'Last 7 days' },
  { kind: '30d', label: '30 d', title: 'Last 30 days' },
];

/** `2026-03-02T14:05` in local time, for a datetime-local input. */
export function localInputValue(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function inputValue(e: DomElement): string {
  return (e as unknown as { value?: string }).value ?? '';
}

/**
 * The range picker (1 h, 24 h, 7 d, 30 d, custom), Refresh and the exports. Pressed state is
 * `aria-pressed`; the custom range is two local date-time fields and Apply, with its error said in words.
 */
export class Toolbar {
  readonly element: DomElement;
  private readonly presets = new Map<string, DomElement>();
  private readonly customToggle: DomElement;
  private readonly customForm: DomElement;
  private readonly from: DomElement;
  private readonly to: DomElement;
  private readonly error: DomElement;

  constructor(ctx: ViewCtx, actions: ToolbarActions) {
    const { doc } = ctx;
    const group = el(doc, 'div', { role: 'group', 'aria-label': 'Time range', class: 'ranges' });
    for (const p of PRESETS) {
      const b = button(doc, p.label, () => actions.range({ kind: p.kind }), { title: p.title, 'aria-pressed': 'false' });
      this.presets.set(p.kind, b);
      group.appendChild(b);
    }
    this.customToggle = button(doc, 'Custom…', () => this.toggleCustom(), { 'aria-expanded': 'false', 'aria-controls': 'custom-range', 'aria-pressed': 'false' });
    group.appendChild(this.customToggle);
    this.from = el(doc, 'input', { type: 'datetime-local', id: 'range-from', name: 'from' });
    this.to = el(doc, 'input', { type: 'datetime-local', id: 'range-to', name: 'to' });
    this.error = el(doc, 'span', { class: 'error', role: 'alert' });
    const apply = button(doc, 'Apply', () => {
      const start = new Date(inputValue(this.from)).getTime();
      const end = new Date(inputValue(this.to)).getTime();
      if (!Number.isFinite(start) || !Number.isFinite(end)) return this.fail('Enter a start and an end time.');
      if (end <= start) return this.fail('The range must end after it starts.');
      this.fail('');
      actions.range({ kind: 'custom', start, end });
    });
    this.customForm = el(doc, 'div', { id: 'custom-range', class: 'custom', hidden: true }, el(doc, 'label', { for: 'range-from' }, 'From '), this.from, el(doc, 'label', { for: 'range-to' }, ' to '), this.to, ' ', apply, ' ', this.error);
    const tools = el(
      doc,
      'div',
      { class: 'tools' },
      actions.overview ? button(doc, 'Account overview', actions.overview, { title: 'Open the account overview' }) : null,
      button(doc, 'Refresh', actions.refresh, { title: 'Read the data again' }),
      button(doc, 'Save as PNG', actions.savePng, { title: 'Save the charts as a PNG image' }),
      button(doc, 'Save data as CSV', actions.saveCsv, { title: 'Save the data of this view as CSV' }),
    );
    this.element = el(doc, 'nav', { class: 'toolbar', 'aria-label': 'Dashboard controls' }, group, tools, this.customForm);
  }

  /** Marks the range on screen; a custom range fills the fields with its bounds. */
  setChoice(choice: RangeChoice, range: { start: number; end: number }): void {
    for (const [kind, b] of this.presets) b.setAttribute('aria-pressed', String(kind === choice.kind));
    this.customToggle.setAttribute('aria-pressed', String(choice.kind === 'custom'));
    this.from.setAttribute('value', localInputValue(range.start));
    this.to.setAttribute('value', localInputValue(range.end));
  }

  private toggleCustom(): void {
    const open = this.customForm.getAttribute('hidden') !== null;
    if (open) this.customForm.removeAttribute('hidden');
    else this.customForm.setAttribute('hidden', '');
    this.customToggle.setAttribute('aria-expanded', String(open));
  }

  private fail(message: string): void {
    this.error.textContent = message;
  }
}
