import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { idParams, page } from '../../platform/http/schemas.ts';
import {
  AddNote,
  CreateWorkOrder,
  Notification,
  RoutingRule,
  RoutingRuleInput,
  SlaPolicy,
  SlaPolicyUpdate,
  TimelineEntry,
  Transition,
  UpdateWorkOrder,
  WorkOrder,
  WorkOrderQuery,
  WorkOrderType,
  WorkOrderTypeInput,
} from './work-orders.schema.ts';
import { createWorkOrder } from './create-work-order.ts';
import { countWorkOrders, getWorkOrder, listWorkOrders, workOrderTimeline } from './work-order-queries.ts';
import { exportWorkOrders } from './work-order-list-export.ts';
import { exportFormat, ListCount } from '../../platform/files/list-export.ts';
import { transitionWorkOrder } from './transition-work-order.ts';
import { addWorkOrderNote, updateWorkOrder } from './update-work-order.ts';
import { createRoutingRule, listRoutingRules, updateRoutingRule } from './routing-rules.service.ts';
import {
  listNotifications,
  listSlaPolicies,
  listTypes,
  markNotificationsRead,
  saveSlaPolicies,
  saveType,
} from './work-order-settings.service.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import { recordShareRoutes } from '../../platform/access/record-share-routes.ts';
import { workOrderInOwnScope, workOrderLabels } from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';
import { statsRoutes } from './stats.routes.ts';

export async function workOrdersRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const tags = ['work-orders'];
  const view = { permission: 'work-orders:view' } as const;
  const edit = { permission: 'work-orders:edit' } as const;
  const admin = { permission: 'work-orders:admin' } as const;
  recordShareRoutes(app, db, {
    prefix: '/api/work-orders',
    entity: 'work_order',
    area: 'work-orders',
    tag: 'work-orders',
    requireOwnScope: async (ctx, id) => {
      if (!(await workOrderInOwnScope(db, ctx, id))) throw workOrderError('WORK_ORDER_NOT_FOUND');
    },
    labels: (ctx, ids) => workOrderLabels(db, ctx, ids),
  });

  app.get(
    '/api/work-orders',
    { config: view, schema: { tags, querystring: WorkOrderQuery, response: { 200: page(WorkOrder) } } },
    (req) => listWorkOrders(db, req.ctx, req.query),
  );
  const ListFilter = WorkOrderQuery.omit({ limit: true, cursor: true });
  app.get(
    '/api/work-orders/count',
    { config: view, schema: { tags, querystring: ListFilter, response: { 200: ListCount } } },
    (req) => countWorkOrders(db, req.ctx, req.query),
  );
  app.get(
    '/api/work-orders/export',
    {
      config: { permission: 'work-orders:export' },
      schema: { tags, querystring: ListFilter.extend(exportFormat.shape) },
    },
    (req, reply) => exportWorkOrders(db, req.ctx, reply, req.log, req.query),
  );
  app.post(
    '/api/work-orders',
    {
      config: { permission: 'work-orders:create' },
      schema: { tags, body: CreateWorkOrder, response: { 201: WorkOrder } },
    },
    async (req, reply) => reply.code(201).send(await createWorkOrder(db, req.ctx, req.body)),
  );
  app.get(
    '/api/work-orders/types',
    { config: view, schema: { tags, response: { 200: z.object({ items: z.array(WorkOrderType) }) } } },
    () => listTypes(db),
  );
  app.post(
    '/api/work-orders/types',
    { config: admin, schema: { tags, body: WorkOrderTypeInput, response: { 200: WorkOrderType } } },
    (req) => saveType(db, req.ctx, req.body),
  );
  app.get(
    '/api/work-orders/sla-policies',
    { config: view, schema: { tags, response: { 200: z.object({ items: z.array(SlaPolicy) }) } } },
    (req) => listSlaPolicies(db, req.ctx),
  );
  app.put(
    '/api/work-orders/sla-policies',
    {
      config: admin,
      schema: { tags, body: SlaPolicyUpdate, response: { 200: z.object({ items: z.array(SlaPolicy) }) } },
    },
    (req) => saveSlaPolicies(db, req.ctx, req.body.items),
  );
  app.get(
    '/api/work-orders/notifications',
    {
      config: { authenticated: true },
      schema: { tags, response: { 200: z.object({ items: z.array(Notification), unread: z.number() }) } },
    },
    (req) => listNotifications(db, req.ctx),
  );
  app.post('/api/work-orders/notifications/read', { config: { authenticated: true }, schema: { tags } }, (req) =>
    markNotificationsRead(db, req.ctx),
  );
  app.get(
    '/api/work-orders/:id',
    { config: view, schema: { tags, params: idParams, response: { 200: WorkOrder } } },
    (req) => getWorkOrder(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/work-orders/:id',
    { config: edit, schema: { tags, params: idParams, body: UpdateWorkOrder, response: { 200: WorkOrder } } },
    (req) => updateWorkOrder(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/work-orders/:id/transitions',
    { config: edit, schema: { tags, params: idParams, body: Transition, response: { 200: WorkOrder } } },
    (req) => transitionWorkOrder(db, req.ctx, req.params.id, req.body),
  );
  app.post('/api/work-orders/:id/notes', { config: edit, schema: { tags, params: idParams, body: AddNote } }, (req) =>
    addWorkOrderNote(db, req.ctx, req.params.id, req.body.note),
  );
  app.get(
    '/api/work-orders/:id/timeline',
    {
      config: view,
      schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(TimelineEntry) }) } },
    },
    (req) => workOrderTimeline(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/routing-rules',
    { config: view, schema: { tags, response: { 200: z.object({ items: z.array(RoutingRule) }) } } },
    () => listRoutingRules(db),
  );
  app.post(
    '/api/routing-rules',
    { config: admin, schema: { tags, body: RoutingRuleInput, response: { 201: RoutingRule } } },
    async (req, reply) => reply.code(201).send(await createRoutingRule(db, req.ctx, req.body)),
  );
  app.patch(
    '/api/routing-rules/:id',
    { config: admin, schema: { tags, params: idParams, body: RoutingRuleInput, response: { 200: RoutingRule } } },
    (req) => updateRoutingRule(db, req.ctx, req.params.id, req.body),
  );

  await attachmentRoutes(app, services);
  await statsRoutes(app, services);
}
