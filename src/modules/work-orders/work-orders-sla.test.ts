import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import { reopenableDatabase } from '../../testing/reopenable-database.ts';

const SWEEP = 'work-orders.sla-sweep';

for (const kind of testDatabases()) {
  describe(`SLA breaches on ${kind}`, () => {
    let store: Awaited<ReturnType<typeof reopenableDatabase>>;
    let dataDir: string;
    let second: TestApp;
    let orderId: string;
    let queuedJobId: string;

    before(async () => {
      store = await reopenableDatabase(kind);
      dataDir = mkdtempSync(path.join(tmpdir(), 'lianxi-sla-'));
      const first = await startTestApp(kind, { demoCustomers: 6, database: await store.open(), config: { dataDir } });
      const db = first.services.db;
      const agent = await first.login('chenjie');
      const jinan = (await db
        .selectFrom('customers as c')
        .innerJoin('org_units as o', 'o.id', 'c.region_id')
        .select('c.id')
        .where('o.code', '=', 'JN')
        .executeTakeFirst()) ?? {
        id: (
          await (
            await first.login('admin')
          ).post('/api/customers', {
            name: '济南企业',
            phone: '053188888888',
            category: 'enterprise',
            regionId: (
              await db.selectFrom('org_units').select('id').where('code', '=', 'JN').executeTakeFirstOrThrow()
            ).id,
          })
        ).body.id,
      };
      const fault = await db
        .selectFrom('work_order_types')
        .select('id')
        .where('code', '=', 'fault')
        .executeTakeFirstOrThrow();
      const created = await agent.post('/api/work-orders', {
        customerId: jinan.id,
        typeId: fault.id,
        businessType: 'broadband',
        priority: 'normal',
        contactPhone: '13912345678',
        description: '宽带无法上网',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      orderId = created.body.id;
      // Time passes while the first instance is down: both deadlines slip into the past.
      await db
        .updateTable('work_orders')
        .set({ response_due: sql`now() - interval '2 hours'`, resolve_due: sql`now() - interval '1 minute'` })
        .where('id', '=', orderId)
        .execute();
      await db
        .updateTable('jobs')
        .set({ run_at: sql`now() - interval '1 second'` })
        .where('name', '=', SWEEP)
        .where('status', '=', 'queued')
        .execute();
      queuedJobId = (
        await db
          .selectFrom('jobs')
          .select('id')
          .where('name', '=', SWEEP)
          .where('status', '=', 'queued')
          .executeTakeFirstOrThrow()
      ).id;
      await first.close();
      second = await startTestApp(kind, { database: await store.open(), config: { dataDir } });
    });
    after(async () => {
      await second.close();
      await store.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('marks the breach after a restart, from the job queued before it', async () => {
      assert.ok((await second.services.jobs.runDue()) >= 1);
      const job = await second.services.db
        .selectFrom('jobs')
        .select('status')
        .where('id', '=', queuedJobId)
        .executeTakeFirstOrThrow();
      assert.equal(job.status, 'done');
      const next = await second.services.db
        .selectFrom('jobs')
        .select('run_at')
        .where('name', '=', SWEEP)
        .where('status', '=', 'queued')
        .executeTakeFirstOrThrow();
      assert.ok(next.run_at.getTime() > Date.now(), 'the sweep is scheduled again');

      const agent = await second.login('chenjie');
      const order = (await agent.get(`/api/work-orders/${orderId}`)).body;
      assert.equal(order.responseBreached, true);
      assert.equal(order.resolveBreached, true);
      assert.equal(order.priority, 'high', 'escalated one step');
      assert.equal(order.escalationLevel, 1);
      const timeline = (await agent.get(`/api/work-orders/${orderId}/timeline`)).body.items as {
        action: string;
        actorName: string;
      }[];
      // The sweep is named in the reader's language: SLA 监控 / SLA monitor.
      assert.ok(timeline.some((e) => e.action === 'resolve-breach' && /^SLA (监控|monitor)$/.test(e.actorName)));
    });

    it('notifies the handlers and escalates to the department head, once', async () => {
      const handler = (await (await second.login('gaojun')).get('/api/work-orders/notifications')).body.items as {
        workOrderId: string;
        kind: string;
      }[];
      assert.ok(handler.some((n) => n.workOrderId === orderId && n.kind === 'resolve_breach'));
      const head = await second.login('maming');
      const headList = (await head.get('/api/work-orders/notifications')).body.items as {
        workOrderId: string;
        kind: string;
      }[];
      assert.ok(headList.some((n) => n.workOrderId === orderId && n.kind === 'escalated'));
      const { sweepSlaBreaches } = await import('./sla.ts');
      assert.deepEqual(await sweepSlaBreaches(second.services.db), { breached: 0 });
      const again = (await head.get('/api/work-orders/notifications')).body.items as {
        workOrderId: string;
        kind: string;
      }[];
      assert.equal(again.filter((n) => n.workOrderId === orderId && n.kind === 'escalated').length, 1);
      const audit = await second.services.db
        .selectFrom('audit_log')
        .select('actor_name')
        .where('entity', '=', 'work_order')
        .where('entity_id', '=', orderId)
        .where('action', '=', 'sla-breach')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.actor_name),
        ['SLA'],
      );
    });
  });
}
