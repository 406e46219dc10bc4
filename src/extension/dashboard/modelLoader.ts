import { accountIndexes, buildFunctionDashboard, DashboardInputError, type AccountIndexes } from '../../core/dashboard/functionDashboard';
import { buildOverview } from '../../core/dashboard/overview';
import { resolveRange } from '../../core/dashboard/rangeChoice';
import type { AccountSnapshot } from '../../core/inventory/accountModel';
import type { DashboardModel, PanelState, RangeChoice } from '../../shared/protocol';
import type { DashboardData } from './dashboardData';

/** A view cannot be shown; the message is for the user. */
export class ViewError extends Error {}

/**
 * [start, end) in epoch ms for a range choice, the end on a whole minute: views opened within the same
 * minute ask for the same range, which the data layer caches.
 */
export function rangeBounds(choice: RangeChoice, now: number): { start: number; end: number } {
  return resolveRange(choice, choice.kind === 'custom' ? now : Math.floor(now / 60_000) * 60_000);
}

/** Builds the model of a panel's state from the extension's data (the view-model builders do the work). */
export class ModelLoader {
  private indexes?: { snapshot: AccountSnapshot; value: AccountIndexes };

  constructor(
    private readonly data: DashboardData,
    private readonly now: () => number = Date.now,
  ) {}

  async load(state: PanelState): Promise<DashboardModel> {
    const snapshot = this.data.snapshot();
    if (!snapshot) throw new ViewError('No account is open. Open the demo account, a snapshot, or audit an AWS account, then open the dashboard again.');
    const now = this.now();
    const { start, end } = rangeBounds(state.range, now);
    const arn = state.view.kind === 'function' ? state.view.arn : undefined;
    if (arn !== undefined && !snapshot.functions.some((f) => f.arn === arn)) throw new ViewError(`${arn} is not in the open account (${snapshot.account.alias ?? snapshot.account.id}).`);
    const data = await this.data.range(start, end);
    // The account may have changed while the range was read: build on the snapshot the data belongs to.
    const current = this.data.snapshot() ?? snapshot;
    const range = { start, end, choice: state.range };
    try {
      if (arn === undefined) return buildOverview({ snapshot: current, data, findingsOf: (a) => this.data.findings(a), range, now });
      return buildFunctionDashboard({ snapshot: current, arn, data, findings: this.data.findings(arn), range, indexes: this.indexesOf(current), now });
    } catch (e) {
      if (e instanceof DashboardInputError) throw new ViewError(e.message);
      throw e;
    }
  }

  private indexesOf(snapshot: AccountSnapshot): AccountIndexes {
    if (this.indexes?.snapshot !== snapshot) this.indexes = { snapshot, value: accountIndexes(snapshot) };
    return this.indexes.value;
  }
}
