import { z } from 'zod';
import { cursor, id, isoDate, limit } from '../../platform/http/schemas.ts';
import { OUTCOMES, REASON_CATEGORIES } from './churn.tables.ts';
import { FEATURES } from './risk/features.ts';
import { today } from '../../platform/clock.ts';

const notFuture = isoDate.refine((d) => d <= today(), 'cannot be in the future');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const ChurnRecord = z.object({
  id,
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  regionName: z.string(),
  churnedOn: z.string(),
  reasonCategory: z.enum(REASON_CATEGORIES),
  reason: z.string().nullable(),
  competitor: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.enum(['cancellation', 'import', 'manual']),
  createdAt: z.string(),
});
export type ChurnRecord = z.infer<typeof ChurnRecord>;

export const RecordChurn = z.object({
  customerId: id,
  churnedOn: notFuture,
  reasonCategory: z.enum(REASON_CATEGORIES),
  competitor: optionalText(100),
  notes: optionalText(1000),
});
export type RecordChurn = z.infer<typeof RecordChurn>;

export const UpdateChurnRecord = z
  .object({
    reasonCategory: z.enum(REASON_CATEGORIES).optional(),
    competitor: optionalText(100).optional(),
    notes: optionalText(1000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { path: ['_'], message: 'change at least one field' });
export type UpdateChurnRecord = z.infer<typeof UpdateChurnRecord>;

const period = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const ChurnRecordQuery = z
  .object({
    ...period,
    reasonCategory: z.enum(REASON_CATEGORIES).optional(),
    region: id.optional(),
    customerId: id.optional(),
    limit,
    cursor,
  })
  .refine(periodInOrder, { path: ['to'], message: 'must not be before from' });
export type ChurnRecordQuery = z.infer<typeof ChurnRecordQuery>;

export const ImportChurnRecords = z.object({
  fileName: z
    .string()
    .trim()
    .regex(/\.(csv|txt|xlsx)$/i, 'a .csv, .txt or .xlsx file'),
  /** The file's bytes, base64-encoded. */
  content: z.string().min(1).max(14_000_000),
  /** true: check every row and report, write nothing (the preview). */
  dryRun: z.boolean().default(true),
});
export const ImportRow = z.object({
  row: z.number(),
  customerNo: z.string(),
  churnedOn: z.string(),
  reasonCategory: z.string(),
  competitor: z.string().nullable(),
  errors: z.array(z.string()),
});
export const ImportReport = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  imported: z.number(),
  rows: z.array(ImportRow),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const REPORT_GROUPS = ['month', 'region', 'category', 'level', 'segment', 'package', 'reason'] as const;
export const ChurnReportQuery = z
  .object({
    groupBy: z.enum(REPORT_GROUPS).default('month'),
    ...period,
    region: id.optional(),
  })
  .refine(periodInOrder, { path: ['to'], message: 'must not be before from' });
export type ChurnReportQuery = z.infer<typeof ChurnReportQuery>;
export const ChurnReportRow = z.object({
  key: z.string(),
  label: z.string(),
  churned: z.number(),
  base: z.number(),
  rate: z.number().nullable(),
});
export const ChurnReport = z.object({
  groupBy: z.enum(REPORT_GROUPS),
  from: z.string(),
  to: z.string(),
  rows: z.array(ChurnReportRow),
});
export type ChurnReport = z.infer<typeof ChurnReport>;

export const RiskQuery = z.object({
  managerId: id.optional(),
  customerId: id.optional(),
  minScore: z.coerce.number().int().min(0).max(100).default(0),
  sort: z.enum(['score', 'name', 'customerNo']).default('score'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit,
  cursor,
});
export type RiskQuery = z.infer<typeof RiskQuery>;
export const RiskFactor = z.object({ feature: z.enum(FEATURES), value: z.number(), text: z.string() });
export const RiskItem = z.object({
  customerId: id,
  customerNo: z.string(),
  name: z.string(),
  phone: z.string(),
  regionName: z.string(),
  accountManagerId: id.nullable(),
  accountManagerName: z.string().nullable(),
  score: z.number(),
  model: z.enum(['logistic', 'rules']),
  factors: z.array(RiskFactor),
  scoredAt: z.string(),
  openTaskId: id.nullable(),
});
export type RiskItem = z.infer<typeof RiskItem>;
export const ModelInfo = z.object({
  id,
  kind: z.enum(['logistic', 'rules']),
  asOf: z.string(),
  samples: z.number(),
  positives: z.number(),
  holdoutAuc: z.number().nullable(),
  createdAt: z.string(),
  calibration: z.array(
    z.object({ decile: z.number(), count: z.number(), meanPredicted: z.number(), observedRate: z.number() }),
  ),
  weights: z.record(z.string(), z.number()).nullable(),
});

export const CreatePlan = z.object({
  name: z.string().trim().min(1).max(100),
  offer: z.string().trim().min(1).max(500),
  ownerId: id,
  dueDate: isoDate,
  customerIds: z.array(id).min(1, 'choose at least one customer').max(5000),
});
export type CreatePlan = z.infer<typeof CreatePlan>;
export const Plan = z.object({
  id,
  name: z.string(),
  offer: z.string(),
  ownerId: id,
  ownerName: z.string(),
  dueDate: z.string(),
  createdAt: z.string(),
  tasks: z.number(),
  done: z.number(),
  wonBack: z.number(),
  refused: z.number(),
  unreachable: z.number(),
  /** Won back over tasks with an outcome; null until one has. */
  successRate: z.number().nullable(),
});
export type Plan = z.infer<typeof Plan>;
export const PlanCreated = z.object({ plan: Plan, skipped: z.array(z.object({ customerId: id, reason: z.string() })) });

export const StartTask = z.object({
  customerId: id,
  offer: z.string().trim().min(1).max(500),
  dueDate: isoDate.optional(),
  assigneeId: id.optional(),
});
export type StartTask = z.infer<typeof StartTask>;
export const Task = z.object({
  id,
  planId: id.nullable(),
  planName: z.string().nullable(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  phone: z.string(),
  assigneeId: id,
  assigneeName: z.string(),
  offer: z.string(),
  dueDate: z.string(),
  riskScore: z.number().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof Task>;
export const TaskQuery = z.object({
  planId: id.optional(),
  customerId: id.optional(),
  assigneeId: id.optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z.enum(['open', 'done']).optional(),
  limit,
  cursor,
});
export type TaskQuery = z.infer<typeof TaskQuery>;
export const RecordOutcome = z.object({ outcome: z.enum(OUTCOMES), note: optionalText(1000) });
export type RecordOutcome = z.infer<typeof RecordOutcome>;
