import { type RawBuilder, sql } from 'kysely';
import type { Locale } from './errors.ts';

/**
 * The `name` of a row that also has `name_en` (org units, types, roles), in the reader's language:
 * the English form when there is one and the reader reads English, the Chinese one otherwise.
 */
export function localizedName(ctx: { locale: Locale }, alias: string): RawBuilder<string> {
  return ctx.locale === 'en'
    ? sql<string>`coalesce(${sql.ref(`${alias}.name_en`)}, ${sql.ref(`${alias}.name`)})`
    : sql<string>`${sql.ref(`${alias}.name`)}`;
}
