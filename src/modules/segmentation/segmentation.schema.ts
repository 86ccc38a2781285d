import { z } from 'zod';
import { CUSTOMER_CATEGORIES, CUSTOMER_LEVELS, CUSTOMER_LIFECYCLES } from '../../shared/customer-enums.ts';
import { id } from '../../platform/http/schemas.ts';
import { K_RANGE } from './engine/segment.ts';
import { VARIABLE_KEYS } from './variables.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-10');
const clusterName = z.string().trim().min(1).max(30);

export const RunFilter = z
  .object({
    region: id.optional(),
    category: z.enum(CUSTOMER_CATEGORIES).optional(),
    level: z.enum(CUSTOMER_LEVELS).optional(),
    lifecycle: z.enum(CUSTOMER_LIFECYCLES).optional(),
    segment: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type RunFilter = z.infer<typeof RunFilter>;

export const StartRun = z.object({
  /** The (last) month of usage; with `months` > 1 each customer's average over that many months up to it. */
  month,
  months: z.number().int().min(1).max(12).default(1),
  variables: z
    .array(z.string())
    .min(2, 'pick at least two variables')
    .refine((v) => new Set(v).size === v.length, 'each variable once')
    .superRefine((v, ctx) => {
      const unknown = v.filter((key) => !VARIABLE_KEYS.includes(key));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown variable: ${unknown.join(', ')}` });
    })
    .default([...VARIABLE_KEYS]),
  k: z.union([
    z.literal('auto'),
    z
      .number()
      .int()
      .min(K_RANGE.min, `K is ${K_RANGE.min} to ${K_RANGE.max}`)
      .max(K_RANGE.max, `K is ${K_RANGE.min} to ${K_RANGE.max}`),
  ]),
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  filter: RunFilter.default({}),
  /** log1p on heavy-tailed spend and traffic before standardising. */
  log: z.boolean().default(false),
});
export type StartRun = z.infer<typeof StartRun>;

export const RenameClusters = z.object({
  names: z.array(clusterName).min(2).max(8),
});
export type RenameClusters = z.infer<typeof RenameClusters>;

const ClusterName = z.object({ zh: z.string(), en: z.string() });

export const RunSummary = z.object({
  id,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  month: z.string(),
  months: z.number(),
  variables: z.array(z.string()),
  k: z.union([z.number(), z.literal('auto')]),
  kUsed: z.number().nullable(),
  seed: z.number(),
  log: z.boolean(),
  filter: RunFilter,
  customerCount: z.number().nullable(),
  iterations: z.number().nullable(),
  converged: z.boolean().nullable(),
  inertia: z.number().nullable(),
  silhouette: z.number().nullable(),
  sizes: z.array(z.number()).nullable(),
  clusterNames: z.array(z.string()).nullable(),
  error: z.string().nullable(),
  createdBy: id,
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({
  profiles: z.array(z.array(z.number())).nullable(),
  overall: z.array(z.number()).nullable(),
  suggestedNames: z.array(ClusterName).nullable(),
  elbow: z.array(z.object({ k: z.number(), inertia: z.number(), silhouette: z.number() })).nullable(),
  elbowSampleSize: z.number().nullable(),
  projection: z.object({ explained: z.array(z.number()), points: z.array(z.array(z.number())) }).nullable(),
});
export type RunDetail = z.infer<typeof RunDetail>;

/** What the job stores in `result` (everything the pages draw but the scalar scores). */
export interface StoredResult {
  sizes: number[];
  profiles: number[][];
  overall: number[];
  suggestedNames: { zh: string; en: string }[];
  elbow: { k: number; inertia: number; silhouette: number }[];
  elbowSampleSize: number;
  projection: { explained: number[]; points: number[][] };
}
