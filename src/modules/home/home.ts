import type { RequestContext } from '../../platform/access/context.ts';
import { can } from '../../platform/access/permissions.ts';
import type { Db } from '../../platform/db.ts';
import { firstDayOfMonth, thisMonth, today } from '../../platform/clock.ts';
import { myAtRiskCustomers, myRetentionTasksDue } from '../churn/index.ts';
import { myWorkOrderQueues, myWorkOrderSteps } from '../work-orders/index.ts';
import { customerStats, CustomerStatsQuery } from '../stats/index.ts';
import type { Home } from './home.schema.ts';

const LIST = 10;

/**
 * The landing page: what is due for the caller today, their queues, their customers at risk and, for those
 * who may read statistics, this month's key figures. Each part is there only with its permission; every
 * query applies the caller's data scope in SQL.
 */
export async function homeFor(db: Db, ctx: RequestContext): Promise<Home> {
  const churn = can(ctx, 'churn:view');
  const orders = can(ctx, 'work-orders:view');
  const stats = can(ctx, 'stats:view');
  const [retentionTasks, workOrderSteps, queues, atRisk, figures] = await Promise.all([
    churn ? myRetentionTasksDue(db, ctx, LIST) : null,
    orders ? myWorkOrderSteps(db, ctx, LIST) : null,
    orders ? myWorkOrderQueues(db, ctx) : null,
    churn ? myAtRiskCustomers(db, ctx, LIST) : null,
    stats
      ? customerStats(db, ctx, CustomerStatsQuery.parse({ from: firstDayOfMonth(thisMonth()), to: today() }))
      : null,
  ]);
  return {
    today: today(),
    retentionTasks,
    workOrderSteps,
    queues,
    atRisk,
    keyFigures: figures && {
      from: figures.from,
      to: figures.to,
      active: figures.totals.active,
      new: figures.totals.new,
      cancelled: figures.totals.cancelled,
      churned: figures.totals.churned,
    },
  };
}
