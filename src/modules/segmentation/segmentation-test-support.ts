import type { TestApp } from '../../testing/test-app.ts';
import { syntheticProfiles, THESIS_SEGMENTS, type ThesisSegment } from './synthetic-profiles.ts';

const COLUMNS = [
  'base_fee',
  'voice_spend',
  'local_call_spend',
  'long_distance_spend',
  'roaming_spend',
  'local_minutes',
  'provincial_ld_minutes',
  'domestic_ld_minutes',
  'international_minutes',
  'provincial_roaming_minutes',
  'domestic_roaming_minutes',
  'international_roaming_minutes',
  'internet_spend',
  'busy_data_gb',
  'idle_data_gb',
] as const;

/**
 * Replaces the usage profiles of `months` ('2026-10') with profiles drawn around the thesis centres, one segment
 * per customer (the same in every month), as billing's rating would have written them. Returns each customer's segment.
 */
export async function seedThesisProfiles(
  app: TestApp,
  customerIds: string[],
  months: string[],
): Promise<Map<string, ThesisSegment>> {
  // syntheticProfiles cycles through the segments row by row: with a stride that is a multiple of 3,
  // row m·stride + c has customer c's segment in every month m.
  const stride = Math.ceil(customerIds.length / 3) * 3;
  const { matrix } = syntheticProfiles(stride * months.length, 31);
  const segmentOf = new Map(customerIds.map((id, c) => [id, THESIS_SEGMENTS[c % THESIS_SEGMENTS.length]]));
  const rows = months.flatMap((month, m) =>
    customerIds.map((customerId, c) => {
      const row = m * stride + c;
      return Object.fromEntries([
        ['customer_id', customerId],
        ['month', `${month}-01`],
        ...COLUMNS.map((col, t) => [
          col,
          col.endsWith('minutes') ? Math.round(matrix[row * 15 + t]) : matrix[row * 15 + t].toFixed(2),
        ]),
      ]);
    }),
  );
  await app.services.db
    .deleteFrom('usage_profiles')
    .where(
      'month',
      'in',
      months.map((m) => `${m}-01`),
    )
    .execute();
  for (let i = 0; i < rows.length; i += 500)
    await app.services.db
      .insertInto('usage_profiles')
      .values(rows.slice(i, i + 500) as never)
      .execute();
  return segmentOf;
}
