import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit, diffChanges } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { decodeCursor, encodeCursor, cursorId, isoDate } from '../../platform/http/schemas.ts';
import { findCustomer } from '../customers/index.ts';
import * as repo from './churn-records.repository.ts';
import { churnError } from './churn.errors.ts';
import type { ReasonCategory } from './churn.tables.ts';
import type { ChurnRecord, ChurnRecordQuery, RecordChurn, UpdateChurnRecord } from './churn.schema.ts';
import { today } from '../../platform/clock.ts';

export function toChurnRecord(r: repo.RecordRow): ChurnRecord {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerNo: r.customer_no,
    customerName: r.customer_name,
    regionName: r.region_name,
    churnedOn: r.churned_on,
    reasonCategory: r.reason_category,
    reason: r.reason,
    competitor: r.competitor,
    notes: r.notes,
    source: r.source,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listChurnRecords(db: Db, ctx: RequestContext, f: ChurnRecordQuery) {
  const rows = await repo.listRecords(db, ctx, f, decodeCursor(f.cursor, z.tuple([isoDate, cursorId])));
  const last = rows[rows.length - 1];
  return {
    items: rows.map(toChurnRecord),
    nextCursor: rows.length === f.limit ? encodeCursor([last.churned_on, last.id]) : null,
  };
}

/** Service staff record a customer who has left (the account may still be open in the business system). */
export function recordChurn(db: Db, ctx: RequestContext, input: RecordChurn): Promise<ChurnRecord> {
  return withTransaction(db, async (trx) => {
    if (!(await findCustomer(trx, ctx, input.customerId)))
      throw churnError('CUSTOMER_NOT_FOUND', undefined, { customerId: 'no such customer' });
    const id = await repo.insertRecord(trx, {
      customer_id: input.customerId,
      churned_on: input.churnedOn,
      reason_category: input.reasonCategory,
      competitor: input.competitor,
      notes: input.notes,
      source: 'manual',
      created_by: ctx.employeeId,
    });
    if (!id) throw churnError('ALREADY_RECORDED', undefined, { churnedOn: 'already recorded for this day' });
    await trx.deleteFrom('churn_risk_scores').where('customer_id', '=', input.customerId).execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'churn_record',
      entityId: id,
      changes: { customerId: input.customerId, churnedOn: input.churnedOn, reasonCategory: input.reasonCategory },
    });
    return toChurnRecord((await repo.findRecord(trx, ctx, id))!);
  });
}

/** The reason category is often only known after the call-back: it, the competitor and the notes stay editable. */
export function updateChurnRecord(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateChurnRecord,
): Promise<ChurnRecord> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findRecord(trx, ctx, id, true);
    if (!before) throw churnError('RECORD_NOT_FOUND');
    const values = { reason_category: input.reasonCategory, competitor: input.competitor, notes: input.notes };
    const changes = diffChanges(before, values);
    if (Object.keys(changes).length) {
      await trx
        .updateTable('churn_records')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, { action: 'update', entity: 'churn_record', entityId: id, changes });
    }
    return toChurnRecord((await repo.findRecord(trx, ctx, id))!);
  });
}

/** Keywords of the free-text cancel reason, in the words front-desk staff type, mapped to a category. */
const REASON_KEYWORDS: [ReasonCategory, RegExp][] = [
  ['competitor_offer', /移动|电信|广电|携号|转网|竞争|对手|competitor|port(ed)? out/i],
  ['price', /价格|资费|太贵|贵|便宜|费用|price|expensive|cost/i],
  ['network_quality', /信号|网络|网速|掉线|断网|覆盖|signal|network|coverage|slow/i],
  ['service', /服务|态度|投诉|service|rude|complain/i],
  ['moved_away', /搬家|迁|外地|出国|离开|moved|moving|relocat/i],
];

export function guessReasonCategory(reason: string): ReasonCategory {
  return REASON_KEYWORDS.find(([, pattern]) => pattern.test(reason))?.[0] ?? 'other';
}

/** On cancellation (customers module event): a churn record in the same transaction; the category can be corrected later. */
export async function recordCancellation(
  trx: Trx,
  ctx: RequestContext,
  e: { customerId: string; reason: string },
): Promise<void> {
  const churnedOn = today();
  const id = await repo.insertRecord(trx, {
    customer_id: e.customerId,
    churned_on: churnedOn,
    reason_category: guessReasonCategory(e.reason),
    reason: e.reason.slice(0, 500),
    source: 'cancellation',
    created_by: ctx.employeeId === '0' ? null : ctx.employeeId,
  });
  await trx.deleteFrom('churn_risk_scores').where('customer_id', '=', e.customerId).execute();
  if (id)
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'churn_record',
      entityId: id,
      changes: { customerId: e.customerId, source: 'cancellation' },
    });
}

/** On merge: the merged record's churn history, signals, score and tasks follow the survivor. */
export async function moveChurnData(
  trx: Trx,
  _ctx: RequestContext,
  e: { survivorId: string; mergedId: string },
): Promise<void> {
  await trx
    .deleteFrom('churn_records')
    .where('customer_id', '=', e.mergedId)
    .where('churned_on', 'in', (eb) =>
      eb.selectFrom('churn_records').select('churned_on').where('customer_id', '=', e.survivorId),
    )
    .execute();
  await trx
    .updateTable('churn_records')
    .set({ customer_id: e.survivorId })
    .where('customer_id', '=', e.mergedId)
    .execute();
  await trx
    .deleteFrom('churn_signals')
    .where('customer_id', '=', e.mergedId)
    .where('month', 'in', (eb) =>
      eb.selectFrom('churn_signals').select('month').where('customer_id', '=', e.survivorId),
    )
    .execute();
  await trx
    .updateTable('churn_signals')
    .set({ customer_id: e.survivorId })
    .where('customer_id', '=', e.mergedId)
    .execute();
  await trx.deleteFrom('churn_risk_scores').where('customer_id', '=', e.mergedId).execute();
  // An open task moves unless the survivor already has one (one open task per customer).
  const survivorHasOpen = await trx
    .selectFrom('retention_tasks')
    .select('id')
    .where('customer_id', '=', e.survivorId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  let tasks = trx
    .updateTable('retention_tasks')
    .set({ customer_id: e.survivorId })
    .where('customer_id', '=', e.mergedId);
  if (survivorHasOpen) tasks = tasks.where('outcome', 'is not', null);
  await tasks.execute();
}
