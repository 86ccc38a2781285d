import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Trx } from '../../platform/db.ts';
import { problemTemplate } from './customer-import-rows.ts';

/** The staging table's columns in COPY order; `error` is set for a refused row (by the row check or by SQL). */
export const STAGING_COLUMNS = [
  'row_no',
  'name',
  'phone',
  'id_card',
  'gender',
  'birth_date',
  'category',
  'region',
  'address',
  'account_manager_id',
  'error',
] as const;

export async function stageTable(trx: Trx, table: string): Promise<void> {
  await sql`CREATE TEMP TABLE ${sql.table(table)} (row_no int PRIMARY KEY, name text, phone text, id_card text,
    gender text, birth_date date, category text, region text, address text, account_manager_id bigint NOT NULL,
    error text, region_id bigint) ON COMMIT DROP`.execute(trx);
}

/**
 * The checks that need the database, each one statement over the whole batch (never a query per row): the region
 * by its code or name, the importer's data scope, and duplicates by ID card and phone within the file and against
 * existing customers. Each sets the reason on rows not refused yet. Returns the number of refused rows.
 */
export async function checkStagedCustomers(trx: Trx, ctx: RequestContext, table: string): Promise<number> {
  const s = sql.table(table);
  const t = (code: Parameters<typeof problemTemplate>[1]) => problemTemplate(ctx.locale, code);
  await sql`ANALYZE ${s}`.execute(trx);
  // A code names one org unit; a name may name several (two 市辖区): then the code is asked for.
  await sql`WITH v AS (SELECT DISTINCT region FROM ${s} WHERE error IS NULL),
      m AS (SELECT v.region, coalesce(min(o.id) FILTER (WHERE o.code = v.region),
                   CASE WHEN count(*) = 1 THEN min(o.id) END) AS region_id
            FROM v JOIN org_units o ON o.kind IN ('province', 'city', 'county')
              AND (o.code = v.region OR o.name = v.region OR o.name_en = v.region)
            GROUP BY v.region)
    UPDATE ${s} st SET region_id = m.region_id,
      error = CASE WHEN m.region_id IS NULL THEN replace(${t('ambiguousRegion')}, '{value}', st.region) END
    FROM m WHERE m.region = st.region AND st.error IS NULL`.execute(trx);
  await sql`UPDATE ${s} SET error = replace(${t('unknownRegion')}, '{value}', region)
    WHERE error IS NULL AND region_id IS NULL`.execute(trx);
  await sql`UPDATE ${s} st SET error = replace(${t('regionOutOfScope')}, '{value}', st.region)
    WHERE st.error IS NULL AND NOT (${scopeWhere(ctx, { owner: 'st.account_manager_id', region: 'st.region_id' })})`.execute(
    trx,
  );
  for (const [column, code] of [
    ['id_card', 'idCardInFile'],
    ['phone', 'phoneInFile'],
  ] as const) {
    await sql`UPDATE ${s} st SET error = replace(replace(${t(code)}, '{value}', st.${sql.ref(column)}), '{row}', d.first::text)
      FROM (SELECT row_no, min(row_no) OVER (PARTITION BY ${sql.ref(column)}) AS first
            FROM ${s} WHERE ${sql.ref(column)} IS NOT NULL) d
      WHERE d.row_no = st.row_no AND d.first <> st.row_no AND st.error IS NULL`.execute(trx);
  }
  // Any customer holds its ID card (the column is unique); a phone is taken while its customer is active.
  await sql`UPDATE ${s} st SET error = replace(replace(${t('idCardExists')}, '{value}', st.id_card), '{customer}', c.customer_no)
    FROM customers c WHERE c.id_card = st.id_card AND st.error IS NULL`.execute(trx);
  await sql`UPDATE ${s} st SET error = replace(replace(${t('phoneExists')}, '{value}', st.phone), '{customer}', c.customer_no)
    FROM customers c WHERE c.phone_rev = reverse(st.phone) AND c.status = 'active' AND st.error IS NULL`.execute(trx);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${s} WHERE error IS NOT NULL`.execute(trx);
  return rows[0].n;
}
