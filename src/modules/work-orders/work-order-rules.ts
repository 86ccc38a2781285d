import type { RequestContext } from '../../platform/access/context.ts';
import { can } from '../../platform/access/permissions.ts';
import type { Trx } from '../../platform/db.ts';
import { workOrderError } from './work-orders.errors.ts';
import * as repo from './work-orders.repository.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';
import type { TransitionAction } from './work-orders.schema.ts';
import type { WorkOrderStatus } from './work-orders.tables.ts';

/** Which status each action may start from, and where it leads. Anything else is refused. */
export const TRANSITIONS: Record<TransitionAction, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus }> = {
  dispatch: { from: ['new', 'dispatched', 'in_progress'], to: 'dispatched' },
  start: { from: ['dispatched'], to: 'in_progress' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  transfer: { from: ['dispatched', 'in_progress'], to: 'dispatched' },
  'return-visit': { from: ['resolved'], to: 'visited' },
  reopen: { from: ['visited'], to: 'dispatched' },
  archive: { from: ['visited'], to: 'archived' },
};

export function nextStatus(action: TransitionAction, status: WorkOrderStatus): WorkOrderStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) throw workOrderError('INVALID_TRANSITION', { status, action });
  return t.to;
}

/** The steps the pages offer from each status, in the order they show them. */
const OFFERED: Record<WorkOrderStatus, TransitionAction[]> = {
  new: ['dispatch'],
  dispatched: ['start', 'transfer', 'dispatch'],
  in_progress: ['resolve', 'transfer'],
  resolved: ['return-visit'],
  visited: ['archive', 'reopen'],
  archived: [],
};

/** Handling steps belong to the handling department (or the assignee); follow-up steps to the accepting agent. */
function mayTakeStep(ctx: RequestContext, row: WorkOrderRow, action: TransitionAction): boolean {
  if (can(ctx, 'work-orders:admin')) return true;
  const handles =
    row.assignee_id === ctx.employeeId || (row.department_path !== null && ctx.orgPath.startsWith(row.department_path));
  const accepted = row.accepted_by === ctx.employeeId;
  return action === 'start' || action === 'resolve' || action === 'transfer'
    ? handles
    : action === 'dispatch'
      ? accepted || handles
      : accepted;
}

/** What this caller may do next with the order: a page offers only these (a handler is not offered 回访). */
export function nextStepsFor(ctx: RequestContext, row: WorkOrderRow): TransitionAction[] {
  if (!can(ctx, 'work-orders:edit')) return [];
  return OFFERED[row.status].filter((action) => mayTakeStep(ctx, row, action));
}

export function requireStepOwner(ctx: RequestContext, row: WorkOrderRow, action: TransitionAction): void {
  if (!mayTakeStep(ctx, row, action)) {
    const who = ['start', 'resolve', 'transfer'].includes(action)
      ? ctx.locale === 'en'
        ? `the handling department (${row.department_name})`
        : `处理部门（${row.department_name}）`
      : ctx.locale === 'en'
        ? `the accepting agent (${row.accepted_by_name})`
        : `受理人（${row.accepted_by_name}）`;
    throw workOrderError('NOT_YOUR_STEP', { who });
  }
}

export async function requireDepartment(trx: Trx, id: string): Promise<void> {
  const unit = await repo.orgUnitKind(trx, id);
  if (unit?.kind !== 'department')
    throw workOrderError('NOT_A_DEPARTMENT', undefined, { departmentId: 'choose a department' });
}

export async function requireRegion(trx: Trx, id: string): Promise<string> {
  const unit = await repo.orgUnitKind(trx, id);
  if (!unit || !['province', 'city', 'county'].includes(unit.kind))
    throw workOrderError('NOT_A_REGION', undefined, { regionId: 'choose a province, city or county' });
  return unit.path;
}

export async function requireEmployee(trx: Trx, id: string): Promise<void> {
  if (!(await repo.isActiveEmployee(trx, id)))
    throw workOrderError('UNKNOWN_EMPLOYEE', undefined, { assigneeId: 'no such active employee' });
}
