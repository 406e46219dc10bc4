import type { DashboardModel, HostMessage, PanelState, WebviewMessage } from '../../src/shared/protocol';

const TIMEOUT_MS = 120_000;

type Pending = { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> };

/** Requests to the host with ids; the host answers each with a `response` of the same id. */
export class Rpc {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: (m: WebviewMessage) => void) {}

  load(params: PanelState): Promise<DashboardModel> {
    return this.request({ type: 'request', id: this.next++, method: 'load', params }) as Promise<DashboardModel>;
  }

  savePng(dataUrl: string, suggestedName: string): Promise<{ saved: string | null }> {
    return this.request({ type: 'request', id: this.next++, method: 'savePng', params: { dataUrl, suggestedName } }) as Promise<{ saved: string | null }>;
  }

  saveCsv(csv: string, suggestedName: string): Promise<{ saved: string | null }> {
    return this.request({ type: 'request', id: this.next++, method: 'saveCsv', params: { csv, suggestedName } }) as Promise<{ saved: string | null }>;
  }

  /** Settles the request a response answers; true when the message was one. */
  handle(m: HostMessage): boolean {
    if (m.type !== 'response') return false;
    const p = this.pending.get(m.id);
    if (!p) return true;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(m.error));
    return true;
  }

  private request(m: WebviewMessage & { type: 'request' }): Promise<unknown> {
    return new Promise((resolve, reject) => {
      // A host that never answers (it was reloaded) must not leave the view waiting for ever.
      const timer = setTimeout(() => {
        this.pending.delete(m.id);
        reject(new Error('the extension did not answer'));
      }, TIMEOUT_MS);
      this.pending.set(m.id, { resolve, reject, timer });
      this.post(m);
    });
  }
}
