import type { Generated } from 'kysely';
import type { RequestContext } from './access/context.ts';
import type { Db, Trx } from './db.ts';

declare module './db.ts' {
  interface Database {
    audit_log: {
      id: Generated<string>;
      at: Generated<Date>;
      actor_id: string | null;
      actor_name: string;
      ip: string | null;
      request_id: string | null;
      action: string;
      entity: string;
      entity_id: string | null;
      changes: Generated<Record<string, unknown>>;
    };
  }
}

/** Field changes as `{ field: [old, new] }`. */
export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Changes | Record<string, unknown>;
}

/** Writes one audit row in the caller's transaction, so the change and its record commit together. */
/** Who did it: a request context, or the pieces of one (a sign-in attempt has no request context yet). */
export type AuditActor = Pick<RequestContext, 'employeeId' | 'name' | 'ip'> & { requestId?: string | null };

export async function recordAudit(trx: Trx | Db, ctx: AuditActor | null, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: ctx && ctx.employeeId !== '0' ? ctx.employeeId : null,
      actor_name: ctx?.name ?? 'anonymous',
      ip: ctx?.ip ?? null,
      request_id: ctx?.requestId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      changes: JSON.stringify(entry.changes ?? {}) as unknown as Record<string, unknown>,
    })
    .execute();
}

/** The fields whose value differs between `before` and `after`, limited to the keys of `after`. */
export function diffChanges<T extends object>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const a = before[key];
    const b = after[key];
    if (b !== undefined && JSON.stringify(a ?? null) !== JSON.stringify(b ?? null))
      changes[key] = [a ?? null, b ?? null];
  }
  return changes;
}
