import { z } from 'zod';
import { id, isoDate } from '../../platform/http/schemas.ts';

export const STATS_GROUPS = ['region', 'category', 'level', 'lifecycle', 'segment', 'month'] as const;

export const CustomerStatsQuery = z
  .object({
    groupBy: z.enum(STATS_GROUPS).default('region'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    region: id.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'must not be before from' })
  .refine((v) => !v.from || !v.to || Date.parse(v.to) - Date.parse(v.from) <= 10 * 366 * 86_400_000, {
    path: ['from'],
    message: 'at most ten years at a time',
  });
export type CustomerStatsQuery = z.infer<typeof CustomerStatsQuery>;

export const CustomerStatsRow = z.object({
  key: z.string(),
  label: z.string(),
  /** On the books at the end of the period (opened before its end, not cancelled or merged by then). */
  active: z.number(),
  new: z.number(),
  cancelled: z.number(),
  churned: z.number(),
  /** Billed in the period (¥, two decimals as a string) and per active customer per month; null without billing data. */
  revenue: z.string().nullable(),
  arpu: z.string().nullable(),
});
export type CustomerStatsRow = z.infer<typeof CustomerStatsRow>;
export const CustomerStats = z.object({
  groupBy: z.enum(STATS_GROUPS),
  from: z.string(),
  to: z.string(),
  rows: z.array(CustomerStatsRow),
  totals: CustomerStatsRow,
});
export type CustomerStats = z.infer<typeof CustomerStats>;
