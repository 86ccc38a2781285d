import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { listRuns, runBilling } from './billing-run.ts';
import {
  customerBalance,
  customerBills,
  customerPayments,
  customerUsage,
  customerUsageProfile,
  requireCustomer,
} from './customer-billing.ts';
import { consumptionStats, statsWorkbook } from './statistics.ts';
import { importsRoutes } from './imports.routes.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-10');

export async function billingRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const tags = ['billing'];
  app.post(
    '/api/billing/runs',
    { config: { permission: 'billing:admin' }, schema: { tags, body: z.object({ month }) } },
    (req) => runBilling(db, req.ctx, req.body.month),
  );
  app.get('/api/billing/runs', { config: { permission: 'billing:view' }, schema: { tags } }, async () => ({
    items: await listRuns(db),
  }));

  app.get(
    '/api/customers/:id/bills',
    { config: { permission: 'billing:view' }, schema: { tags, params: idParams } },
    async (req) => {
      await requireCustomer(db, req.ctx, req.params.id);
      return { items: await customerBills(db, req.params.id) };
    },
  );
  app.get(
    '/api/customers/:id/payments',
    { config: { permission: 'billing:view' }, schema: { tags, params: idParams } },
    async (req) => {
      await requireCustomer(db, req.ctx, req.params.id);
      return { items: await customerPayments(db, req.params.id) };
    },
  );
  app.get(
    '/api/customers/:id/balance',
    { config: { permission: 'billing:view' }, schema: { tags, params: idParams } },
    async (req) => {
      const customer = await requireCustomer(db, req.ctx, req.params.id);
      return customerBalance(db, req.params.id, customer.arrears);
    },
  );
  app.get(
    '/api/customers/:id/usage',
    {
      config: { permission: 'billing:view' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ month: month.optional(), after: z.iso.datetime({ offset: true }).optional() }),
      },
    },
    async (req) => {
      await requireCustomer(db, req.ctx, req.params.id);
      return customerUsage(db, req.params.id, req.query.month, req.query.after);
    },
  );
  app.get(
    '/api/customers/:id/usage-profile',
    {
      config: { permission: 'billing:view' },
      schema: { tags, params: idParams, querystring: z.object({ month: month.optional() }) },
    },
    async (req) => {
      await requireCustomer(db, req.ctx, req.params.id);
      return { profile: await customerUsageProfile(db, req.params.id, req.query.month) };
    },
  );

  const range = z.object({ from: month, to: month });
  app.get(
    '/api/billing/stats',
    { config: { permission: 'billing:view' }, schema: { tags, querystring: range } },
    (req) => consumptionStats(db, req.ctx, req.query),
  );
  app.get(
    '/api/billing/stats.xlsx',
    { config: { permission: 'billing:export' }, schema: { tags, querystring: range } },
    async (req, reply) => {
      const book = await statsWorkbook(await consumptionStats(db, req.ctx, req.query), req.ctx.locale);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="consumption-${req.query.from}-${req.query.to}.xlsx"`)
        .send(book);
    },
  );

  await importsRoutes(app, services);
}
