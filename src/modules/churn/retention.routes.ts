import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { cursor, idParams, limit, page } from '../../platform/http/schemas.ts';
import { CreatePlan, Plan, PlanCreated, RecordOutcome, StartTask, Task, TaskQuery } from './churn.schema.ts';
import { createPlan, getPlan, listPlans, listTasks, recordOutcome, startTask } from './retention.service.ts';

export function retentionRoutes(app: App, { db }: Services): void {
  const tags = ['retention'];
  app.get(
    '/api/retention-plans',
    {
      config: { permission: 'churn:view' },
      schema: { tags, querystring: z.object({ limit, cursor }), response: { 200: page(Plan) } },
    },
    (req) => listPlans(db, req.ctx, req.query.limit, req.query.cursor),
  );
  app.post(
    '/api/retention-plans',
    { config: { permission: 'churn:create' }, schema: { tags, body: CreatePlan, response: { 201: PlanCreated } } },
    async (req, reply) => reply.code(201).send(await createPlan(db, req.ctx, req.body)),
  );
  app.get(
    '/api/retention-plans/:id',
    { config: { permission: 'churn:view' }, schema: { tags, params: idParams, response: { 200: Plan } } },
    (req) => getPlan(db, req.ctx, req.params.id),
  );
  app.get(
    '/api/retention-tasks',
    { config: { permission: 'churn:view' }, schema: { tags, querystring: TaskQuery, response: { 200: page(Task) } } },
    (req) => listTasks(db, req.ctx, req.query),
  );
  app.post(
    '/api/retention-tasks',
    { config: { permission: 'churn:create' }, schema: { tags, body: StartTask, response: { 201: Task } } },
    async (req, reply) => reply.code(201).send(await startTask(db, req.ctx, req.body)),
  );
  app.post(
    '/api/retention-tasks/:id/outcome',
    {
      config: { permission: 'churn:edit' },
      schema: { tags, params: idParams, body: RecordOutcome, response: { 200: Task } },
    },
    (req) => recordOutcome(db, req.ctx, req.params.id, req.body),
  );
}
