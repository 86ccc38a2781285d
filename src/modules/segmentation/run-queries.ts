import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { decodeCursor, encodeCursor, cursorId } from '../../platform/http/schemas.ts';
import { toRunDetail, toRunSummary } from './run-dto.ts';
import * as repo from './segmentation.repository.ts';
import { segmentationError } from './segmentation.errors.ts';
import type { RunDetail, RunSummary } from './segmentation.schema.ts';

export async function getRun(db: Db, ctx: RequestContext, id: string): Promise<RunDetail> {
  const row = await repo.findRun(db, ctx, id);
  // Another scope's run is "not found": its existence must not leak.
  if (!row) throw segmentationError('RUN_NOT_FOUND');
  return toRunDetail(row);
}

/** Run history, newest first. */
export async function listRuns(
  db: Db,
  ctx: RequestContext,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
  const rows = await repo.listRuns(db, ctx, limit, decodeCursor(cursor, cursorId));
  return {
    items: rows.map(toRunSummary),
    nextCursor: rows.length === limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}
