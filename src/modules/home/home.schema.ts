import { z } from 'zod';
import { id } from '../../platform/http/schemas.ts';

export const Home = z.object({
  today: z.string(),
  /** null: the caller may not see win-back work. */
  retentionTasks: z
    .array(
      z.object({
        id,
        customerId: id,
        customerNo: z.string(),
        customerName: z.string(),
        offer: z.string(),
        dueDate: z.string(),
        overdue: z.boolean(),
      }),
    )
    .nullable(),
  workOrderSteps: z
    .array(
      z.object({
        id,
        orderNo: z.string(),
        status: z.string(),
        step: z.enum(['start', 'resolve', 'return_visit']),
        dueAt: z.string(),
        breached: z.boolean(),
      }),
    )
    .nullable(),
  queues: z
    .array(z.object({ queue: z.enum(['mine', 'department', 'return_visit']), open: z.number(), breached: z.number() }))
    .nullable(),
  atRisk: z
    .array(
      z.object({
        customerId: id,
        customerNo: z.string(),
        name: z.string(),
        score: z.number(),
        reason: z.string().nullable(),
      }),
    )
    .nullable(),
  keyFigures: z
    .object({
      from: z.string(),
      to: z.string(),
      active: z.number(),
      new: z.number(),
      cancelled: z.number(),
      churned: z.number(),
    })
    .nullable(),
});
export type Home = z.infer<typeof Home>;
