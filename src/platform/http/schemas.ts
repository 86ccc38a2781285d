import { z } from 'zod';

/** Ids are bigints, carried as decimal strings in JSON and URLs. */
export const id = z.string().regex(/^[1-9]\d{0,17}$/, 'must be a numeric id');
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
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
