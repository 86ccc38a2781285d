import { sql, type Expression, type Generated, type SqlBool } from 'kysely';
import { recordAudit } from '../audit.ts';
import { addDays, endOfBusinessDay, now, today } from '../clock.ts';
import { withTransaction, type Db, type Trx } from '../db.ts';
import { platformError } from '../errors.ts';
import type { RequestContext } from './context.ts';

declare module '../db.ts' {
  interface Database {
    record_shares: {
      id: Generated<string>;
      entity: SharedEntity;
      record_id: string;
      employee_id: string | null;
      org_unit_id: string | null;
      expires_at: Date;
      created_by: string;
      created_at: Generated<Date>;
      revoked_at: Date | null;
      revoked_by: string | null;
    };
  }
}

export type SharedEntity = 'customer' | 'work_order';
/** The longest a share may run: a year. */
export const MAX_SHARE_DAYS = 366;

/** The org units the caller belongs to, from their own unit up: a share with any of them reaches the caller. */
function unitsOf(ctx: RequestContext): string[] {
  return ctx.orgPath.split('/').filter(Boolean);
}

/**
 * Rows shared with the caller (directly, or with their org unit or a unit above it), neither revoked nor expired.
 * Each module's scope predicate ORs this in, so every route that checks the scope honours shares, and a revoke or
 * an expiry takes the access away at the next request.
 */
export function sharedWithCaller(ctx: RequestContext, entity: SharedEntity, idColumn: string): Expression<SqlBool> {
  const units = unitsOf(ctx);
  const viaUnit = units.length ? sql`OR s.org_unit_id IN (${sql.join(units)})` : sql``;
  return sql<SqlBool>`${sql.ref(idColumn)} IN (SELECT s.record_id FROM record_shares s
    WHERE s.entity = ${entity} AND s.revoked_at IS NULL AND s.expires_at > ${now()}
      AND (s.employee_id = ${ctx.employeeId} ${viaUnit}))`;
}

export interface RecordShare {
  id: string;
  employeeId: string | null;
  employeeName: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  expiresAt: string;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

const shareSelect = (db: Db | Trx) =>
  db
    .selectFrom('record_shares as s')
    .select([
      's.id',
      's.record_id',
      's.employee_id',
      's.org_unit_id',
      's.expires_at',
      's.created_by',
      's.created_at',
      sql<string | null>`(SELECT name FROM employees e WHERE e.id = s.employee_id)`.as('employee_name'),
      sql<string | null>`(SELECT name FROM org_units o WHERE o.id = s.org_unit_id)`.as('org_unit_name'),
      sql<string | null>`(SELECT name FROM employees e WHERE e.id = s.created_by)`.as('created_by_name'),
    ])
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now());

type ShareRow = Awaited<ReturnType<ReturnType<typeof shareSelect>['executeTakeFirstOrThrow']>>;
const toShare = (r: ShareRow): RecordShare => ({
  id: r.id,
  employeeId: r.employee_id,
  employeeName: r.employee_name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  expiresAt: r.expires_at.toISOString(),
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
});

/** The record's current shares (not revoked, not expired), newest first. */
export async function listRecordShares(db: Db, entity: SharedEntity, recordId: string): Promise<RecordShare[]> {
  const rows = await shareSelect(db)
    .where('s.entity', '=', entity)
    .where('s.record_id', '=', recordId)
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map(toShare);
}

/** What is shared with the caller, soonest expiry first: record ids with the share that reaches them. */
export async function listSharedWithCaller(
  db: Db,
  ctx: RequestContext,
  entity: SharedEntity,
): Promise<(RecordShare & { recordId: string })[]> {
  const units = unitsOf(ctx);
  const rows = await shareSelect(db)
    .where('s.entity', '=', entity)
    .where((eb) =>
      units.length
        ? eb.or([eb('s.employee_id', '=', ctx.employeeId), eb('s.org_unit_id', 'in', units)])
        : eb('s.employee_id', '=', ctx.employeeId),
    )
    .orderBy('s.expires_at')
    .orderBy('s.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...toShare(r), recordId: r.record_id }));
}

export interface ShareInput {
  employeeId?: string;
  orgUnitId?: string;
  /** The last business day the share works. */
  expiresOn: string;
}

/** Shares one record the caller may already see with an employee or an org unit, until the end of `expiresOn`; audited. */
export async function shareRecord(
  db: Db,
  ctx: RequestContext,
  entity: SharedEntity,
  recordId: string,
  input: ShareInput,
): Promise<RecordShare> {
  if ((input.employeeId === undefined) === (input.orgUnitId === undefined))
    throw platformError('VALIDATION_FAILED', undefined, { employeeId: SHARE_WITH_ONE });
  if (input.expiresOn < today() || input.expiresOn > addDays(today(), MAX_SHARE_DAYS))
    throw platformError('VALIDATION_FAILED', undefined, { expiresOn: SHARE_EXPIRY });
  return withTransaction(db, async (trx) => {
    if (input.employeeId) {
      const found = await sql`SELECT 1 FROM employees WHERE id = ${input.employeeId} AND status = 'active'`.execute(
        trx,
      );
      if (!found.rows.length) throw platformError('VALIDATION_FAILED', undefined, { employeeId: NO_SUCH_TARGET });
    } else {
      const found = await sql`SELECT 1 FROM org_units WHERE id = ${input.orgUnitId}`.execute(trx);
      if (!found.rows.length) throw platformError('VALIDATION_FAILED', undefined, { orgUnitId: NO_SUCH_TARGET });
    }
    const { id } = await trx
      .insertInto('record_shares')
      .values({
        entity,
        record_id: recordId,
        employee_id: input.employeeId ?? null,
        org_unit_id: input.orgUnitId ?? null,
        expires_at: endOfBusinessDay(input.expiresOn),
        created_by: ctx.employeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const share = toShare(await shareSelect(trx).where('s.id', '=', id).executeTakeFirstOrThrow());
    await recordAudit(trx, ctx, {
      action: 'share',
      entity,
      entityId: recordId,
      changes: {
        shareId: share.id,
        employeeId: share.employeeId,
        orgUnitId: share.orgUnitId,
        expiresAt: share.expiresAt,
      },
    });
    return share;
  });
}

/** Ends a share at once; audited. A share of another record, or one already revoked or expired, is a 404. */
export async function revokeRecordShare(
  db: Db,
  ctx: RequestContext,
  entity: SharedEntity,
  recordId: string,
  shareId: string,
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('record_shares')
      .set({ revoked_at: now(), revoked_by: ctx.employeeId })
      .where('id', '=', shareId)
      .where('entity', '=', entity)
      .where('record_id', '=', recordId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now())
      .returning(['employee_id', 'org_unit_id'])
      .executeTakeFirst();
    if (!row) throw platformError('NOT_FOUND');
    await recordAudit(trx, ctx, {
      action: 'unshare',
      entity,
      entityId: recordId,
      changes: { shareId, employeeId: row.employee_id, orgUnitId: row.org_unit_id },
    });
  });
}

export const SHARE_WITH_ONE = 'share with one employee or one org unit';
export const SHARE_EXPIRY = `must be between today and ${MAX_SHARE_DAYS} days from today`;
export const NO_SUCH_TARGET = 'does not exist';
