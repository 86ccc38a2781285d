import { z } from 'zod';
import { platformError } from '../errors.ts';
import { registerFieldMessages } from './field-messages.ts';

/**
 * Shared input shapes. Every id, business date and stored integer in a request goes through one of these, so a value
 * the database cannot take (a 23-digit id, year 0000 or 9999, 3,000,000,000 in an int4 column) is a 400 naming the field.
 */

/** Ids are bigints, carried as decimal strings in JSON and URLs; 18 digits stay inside bigint's range. */
export const id = z.string().regex(/^[1-9]\d{0,17}$/, 'must be a numeric id');

/** Business dates: YYYY-MM-DD from 1900 to 2100 (a real calendar day; year 0000 or 9999 is a typo, not a date). */
export const DATE_RANGE = 'must be a date between 1900-01-01 and 2100-12-31';
export const isoDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2100-12-31', DATE_RANGE);
/** A timestamp with its offset, or a bare date, within the same years. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((d) => d >= '1900-01-01' && d < '2101-01-01', DATE_RANGE);
export function isSaneDate(d: string): boolean {
  return isoDate.safeParse(d).success;
}

/** An integer a PostgreSQL `integer` column can hold. */
export const int4 = z.number().int().min(-2147483648).max(2147483647);
export const idParams = z.object({ id });

export const limit = z.coerce.number().int().min(1).max(200).default(50);
/** An opaque keyset cursor returned as `nextCursor` by the previous page. */
export const cursor = z.string().max(200).optional();

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

/** Keyset cursors are base64url JSON so that their content stays ours to change. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
/** A cursor that is not one we issued (tampered, truncated, from another list) is a 400 on `cursor`, never a query. */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw platformError('VALIDATION_FAILED', undefined, { cursor: INVALID_CURSOR });
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw platformError('VALIDATION_FAILED', undefined, { cursor: INVALID_CURSOR });
  return parsed.data;
}
export const INVALID_CURSOR = 'is not a valid paging cursor; start again from the first page';
/** Cursor parts: a row id, or a sort key of bounded text. */
export const cursorId = id;
export const cursorText = z.string().max(200);
registerFieldMessages({
  [INVALID_CURSOR]: '分页标记无效，请从第一页重新开始',
  [DATE_RANGE]: '日期须在 1900-01-01 至 2100-12-31 之间',
});
