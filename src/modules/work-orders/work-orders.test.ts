import ExcelJS from 'exceljs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { attachmentsDir } from './attachments.ts';

for (const kind of testDatabases()) {
  describe(`work orders on ${kind}`, () => {
    let app: TestApp;
    let dataDir: string;
    let admin: TestClient;
    let agent: TestClient; // chenjie, after-sales in Jinan customer service
    let jnHandler: TestClient; // gaojun, Jinan access network maintenance centre
    let qdHandler: TestClient; // xuyang, Qingdao access network maintenance centre
    const org = new Map<string, string>();
    const types = new Map<string, string>();
    const staff = new Map<string, string>();
    let nextIdCard = 0;

    async function customer(
      regionCode: string,
      category: 'individual' | 'enterprise' | 'key_account' = 'individual',
    ): Promise<string> {
      const body: Record<string, unknown> = {
        name: `测试客户${++nextIdCard}`,
        phone: '13800138000',
        category,
        regionId: org.get(regionCode),
      };
      if (category === 'individual') body.idCard = idCard(nextIdCard);
      const res = await admin.post('/api/customers', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    }
    function order(customerId: string, businessType: string, extra: Record<string, unknown> = {}) {
      return agent.post('/api/work-orders', {
        customerId,
        typeId: types.get('fault'),
        subtypeId: types.get('broadband_down'),
        businessType,
        contactPhone: '13912345678',
        description: '宽带无法上网，光猫红灯闪烁',
        ...extra,
      });
    }
    async function act(client: TestClient, id: string, body: Record<string, unknown>, status = 200) {
      const res = await client.post(`/api/work-orders/${id}/transitions`, body);
      assert.equal(res.status, status, `${body.action}: ${JSON.stringify(res.body)}`);
      return res.body;
    }

    before(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'lianxi-wo-'));
      app = await startTestApp(kind, { demoCustomers: 6, config: { dataDir } });
      admin = await app.login('admin');
      agent = await app.login('chenjie');
      jnHandler = await app.login('gaojun');
      qdHandler = await app.login('xuyang');
      for (const u of (await admin.get('/api/org-units')).body.items) if (u.code) org.set(u.code, u.id);
      for (const t of (await admin.get('/api/work-orders/types')).body.items) types.set(t.code, t.id);
      const rows = await app.services.db.selectFrom('employees').select(['id', 'username']).execute();
      for (const r of rows) staff.set(r.username, r.id);
    });
    after(async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    describe('routing defaults', () => {
      const cases: [string, string, 'individual' | 'enterprise' | 'key_account', string][] = [
        ['broadband', 'JN', 'individual', 'JN-ANM'],
        ['broadband', 'JN-LC', 'individual', 'JN-ANM'],
        ['fixed_line', 'QD', 'individual', 'QD-ANM'],
        ['fixed_line', 'QD-HD', 'enterprise', 'QD-ANM'],
        ['iptv', 'YT', 'individual', 'YT-ANM'],
        ['mobile', 'JN', 'individual', 'WLM'],
        ['mobile', 'YT', 'key_account', 'WLM'],
        ['broadband', 'JN', 'key_account', 'GES'],
        ['dedicated_line', 'QD', 'enterprise', 'GES'],
        ['optical_cable', 'YT', 'individual', 'OCM'],
      ];
      for (const [businessType, region, category, centre] of cases) {
        it(`sends ${businessType} for a ${category} customer in ${region} to ${centre}`, async () => {
          const res = await admin.post('/api/work-orders', {
            customerId: await customer(region, category),
            typeId: types.get('fault'),
            businessType,
            contactPhone: '13912345678',
            description: '故障',
          });
          assert.equal(res.status, 201, JSON.stringify(res.body));
          assert.equal(res.body.status, 'dispatched');
          assert.equal(res.body.departmentId, org.get(centre));
          assert.equal(res.body.regionId, org.get(region));
        });
      }

      it('leaves an order new when no rule finds a department, for a hand dispatch', async () => {
        const res = await order(await customer('JN'), 'broadband', { regionId: org.get('HQ') });
        assert.equal(res.status, 201);
        assert.equal(res.body.status, 'new');
        assert.equal(res.body.departmentId, null);
        const dispatched = await act(admin, res.body.id, { action: 'dispatch', departmentId: org.get('JN-ANM') });
        assert.equal(dispatched.status, 'dispatched');
        assert.equal(dispatched.departmentName, '济南接入网维护中心');
      });

      it('lets an admin add a rule that goes first and assigns to a person', async () => {
        const rule = await admin.post('/api/routing-rules', {
          position: 1,
          name: '青岛移动 → 徐阳',
          regionId: org.get('QD'),
          businessType: 'mobile',
          departmentId: org.get('QD-ANM'),
          assigneeId: staff.get('xuyang'),
        });
        assert.equal(rule.status, 201, JSON.stringify(rule.body));
        const res = await admin.post('/api/work-orders', {
          customerId: await customer('QD-HD'),
          typeId: types.get('fault'),
          businessType: 'mobile',
          contactPhone: '13912345678',
          description: '无信号',
        });
        assert.equal(res.body.departmentId, org.get('QD-ANM'));
        assert.equal(res.body.assigneeId, staff.get('xuyang'));
        const off = await admin.patch(`/api/routing-rules/${rule.body.id}`, { ...rule.body, active: false });
        assert.equal(off.status, 200);
        const again = await admin.post('/api/work-orders', {
          customerId: await customer('QD'),
          typeId: types.get('fault'),
          businessType: 'mobile',
          contactPhone: '13912345678',
          description: '无信号',
        });
        assert.equal(again.body.departmentId, org.get('WLM'));
      });

      it('refuses a rule with both or neither target, and a non-admin editing rules', async () => {
        const both = await admin.post('/api/routing-rules', {
          position: 1,
          name: 'x',
          centreKind: 'wireless',
          departmentId: org.get('WLM'),
        });
        assert.equal(both.status, 400);
        assert.ok(both.body.error.fields.departmentId);
        const agentTry = await agent.post('/api/routing-rules', { position: 1, name: 'x', centreKind: 'wireless' });
        assert.equal(agentTry.status, 403);
      });
    });

    describe('the flow', () => {
      it('goes new → dispatched → in progress → resolved → return visit → reopened → resolved → archived, every step on the timeline', async () => {
        const created = (await order(await customer('JN'), 'broadband')).body;
        assert.equal(created.acceptedByName, '陈杰');
        assert.equal(created.channel, 'staff');
        const id = created.id;
        await act(agent, id, { action: 'start' }, 403);
        await act(jnHandler, id, { action: 'resolve', note: '已更换光猫' }, 409);
        assert.deepEqual((await agent.get(`/api/work-orders/${id}`)).body.nextSteps, ['dispatch']);
        assert.deepEqual((await jnHandler.get(`/api/work-orders/${id}`)).body.nextSteps, [
          'start',
          'transfer',
          'dispatch',
        ]);
        const started = await act(jnHandler, id, { action: 'start', note: '上门处理' });
        assert.equal(started.status, 'in_progress');
        assert.equal(started.assigneeName, '高军');
        assert.ok(started.respondedAt);
        assert.equal(
          (await jnHandler.post(`/api/work-orders/${id}/notes`, { note: '光猫 LOS 灯红，怀疑光纤断' })).status,
          200,
        );
        await act(jnHandler, id, { action: 'resolve', note: '已更换光猫' });
        // Each is offered only what they may do: the handler is not offered 回访, the accepting agent is.
        const [byHandler, byAgent] = [
          (await jnHandler.get(`/api/work-orders/${id}`)).body,
          (await agent.get(`/api/work-orders/${id}`)).body,
        ];
        assert.deepEqual(byHandler.nextSteps, []);
        assert.deepEqual(byAgent.nextSteps, ['return-visit']);
        // The handler may not open the customer (outside their scope): the page shows the name without a link.
        assert.deepEqual([byHandler.customerVisible, byAgent.customerVisible], [false, true]);
        assert.equal((await jnHandler.get(`/api/customers/${created.customerId}`)).status, 404);
        await act(jnHandler, id, { action: 'return-visit', satisfaction: 'satisfied' }, 403);
        await act(agent, id, { action: 'archive' }, 409);
        const visited = await act(agent, id, {
          action: 'return-visit',
          satisfaction: 'dissatisfied',
          customerWords: '晚上还是断网',
        });
        assert.equal(visited.status, 'visited');
        const refused = await agent.post(`/api/work-orders/${id}/transitions`, { action: 'archive' });
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, 'CANNOT_ARCHIVE_DISSATISFIED');
        const reopened = await act(agent, id, { action: 'reopen', reason: '客户反映晚上仍断网' });
        assert.equal(reopened.status, 'dispatched');
        assert.equal(reopened.departmentId, org.get('JN-ANM'));
        assert.equal(reopened.reopenCount, 1);
        await act(jnHandler, id, { action: 'start' });
        await act(jnHandler, id, { action: 'resolve', note: '重新熔接光纤' });
        await act(agent, id, { action: 'return-visit', satisfaction: 'very_satisfied', customerWords: '好了，谢谢' });
        const archived = await act(agent, id, { action: 'archive' });
        assert.equal(archived.status, 'archived');
        assert.ok(archived.archivedAt);
        for (const action of ['start', 'reopen', 'archive']) {
          const res = await agent.post(`/api/work-orders/${id}/transitions`, { action, reason: 'again' });
          assert.equal(res.status, 409, action);
          assert.equal(res.body.error.code, 'INVALID_TRANSITION');
        }

        const timeline = (await agent.get(`/api/work-orders/${id}/timeline`)).body.items;
        assert.deepEqual(
          timeline.map((e: { action: string }) => e.action),
          [
            'create',
            'dispatch',
            'start',
            'note',
            'resolve',
            'return-visit',
            'reopen',
            'start',
            'resolve',
            'return-visit',
            'archive',
          ],
        );
        assert.deepEqual(
          timeline.filter((e: { toStatus: string | null }) => e.toStatus).map((e: { toStatus: string }) => e.toStatus),
          [
            'new',
            'dispatched',
            'in_progress',
            'resolved',
            'visited',
            'dispatched',
            'in_progress',
            'resolved',
            'visited',
            'archived',
          ],
        );
        assert.equal(timeline[2].actorName, '高军');
        assert.equal(timeline[5].note, '晚上还是断网');
        const audit = await app.services.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity', '=', 'work_order')
          .where('entity_id', '=', id)
          .orderBy('id')
          .execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          [
            'create',
            'start',
            'note',
            'resolve',
            'return-visit',
            'reopen',
            'start',
            'resolve',
            'return-visit',
            'archive',
          ],
        );
      });

      it('transfers to another department with a reason, after which the first department no longer sees it', async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        const noReason = await jnHandler.post(`/api/work-orders/${id}/transitions`, {
          action: 'transfer',
          departmentId: org.get('WLM'),
        });
        assert.equal(noReason.status, 400);
        assert.ok(noReason.body.error.fields.reason);
        const same = await jnHandler.post(`/api/work-orders/${id}/transitions`, {
          action: 'transfer',
          departmentId: org.get('JN-ANM'),
          reason: '测试',
        });
        assert.equal(same.status, 409);
        const moved = await act(jnHandler, id, {
          action: 'transfer',
          departmentId: org.get('WLM'),
          reason: '实为手机信号问题',
        });
        assert.equal(moved.departmentId, org.get('WLM'));
        assert.equal((await jnHandler.get(`/api/work-orders/${id}`)).status, 404);
        const wireless = await app.login('dengchao');
        assert.equal((await wireless.get(`/api/work-orders/${id}`)).status, 200);
        // The agent re-dispatches by hand, and must say why.
        const bare = await agent.post(`/api/work-orders/${id}/transitions`, {
          action: 'dispatch',
          departmentId: org.get('JN-ANM'),
        });
        assert.equal(bare.status, 409);
        const back = await act(agent, id, {
          action: 'dispatch',
          departmentId: org.get('JN-ANM'),
          reason: '用户确认是宽带问题',
        });
        assert.equal(back.departmentId, org.get('JN-ANM'));
      });

      it('refuses a transition to an unknown action or a non-department target with a clear 400', async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        const unknown = await jnHandler.post(`/api/work-orders/${id}/transitions`, { action: 'close' });
        assert.equal(unknown.status, 400);
        const region = await jnHandler.post(`/api/work-orders/${id}/transitions`, {
          action: 'transfer',
          departmentId: org.get('JN'),
          reason: '测试一下',
        });
        assert.equal(region.status, 400);
        assert.equal(region.body.error.code, 'NOT_A_DEPARTMENT');
      });
    });

    describe('scope and queues', () => {
      it("keeps one department out of another department's work orders", async () => {
        const jn = (await order(await customer('JN'), 'broadband')).body;
        assert.equal((await qdHandler.get(`/api/work-orders/${jn.id}`)).status, 404);
        assert.equal((await qdHandler.get(`/api/work-orders/${jn.id}/timeline`)).status, 404);
        assert.equal((await qdHandler.post(`/api/work-orders/${jn.id}/transitions`, { action: 'start' })).status, 404);
        const qdAll = (await qdHandler.get('/api/work-orders?limit=200')).body.items as {
          id: string;
          departmentId: string;
        }[];
        assert.ok(!qdAll.some((w) => w.id === jn.id));
        assert.ok(qdAll.every((w) => w.departmentId === org.get('QD-ANM')));
        const wireless = (await order(await customer('JN'), 'mobile')).body;
        assert.equal((await jnHandler.get(`/api/work-orders/${wireless.id}`)).status, 404, 'same city, other centre');
        const dept = (await jnHandler.get('/api/work-orders?queue=department&limit=200')).body.items as {
          id: string;
          departmentId: string;
        }[];
        assert.ok(dept.some((w) => w.id === jn.id));
        assert.ok(dept.every((w) => w.departmentId === org.get('JN-ANM')));
      });

      it('lists "mine", "waiting for my return visit" and "overdue"', async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        await act(jnHandler, id, { action: 'start' });
        await act(jnHandler, id, { action: 'resolve', note: '已修复' });
        const waiting = (await agent.get('/api/work-orders?queue=return_visit')).body.items as {
          id: string;
          status: string;
        }[];
        assert.ok(waiting.some((w) => w.id === id));
        assert.ok(waiting.every((w) => ['resolved', 'visited'].includes(w.status)));
        const mine = (await jnHandler.get('/api/work-orders?queue=mine&limit=200')).body.items as {
          id: string;
          assigneeId: string;
        }[];
        assert.ok(mine.some((w) => w.id === id));
        assert.ok(mine.every((w) => w.assigneeId === staff.get('gaojun')));
        const late = (await order(await customer('JN'), 'broadband')).body.id;
        await app.services.db
          .updateTable('work_orders')
          .set({ response_due: new Date(Date.now() - 60_000) })
          .where('id', '=', late)
          .execute();
        const { sweepSlaBreaches } = await import('./sla.ts');
        await sweepSlaBreaches(app.services.db);
        const overdue = (await jnHandler.get('/api/work-orders?queue=overdue')).body.items as {
          id: string;
          responseBreached: boolean;
        }[];
        assert.ok(overdue.some((w) => w.id === late && w.responseBreached));
        assert.ok(!overdue.some((w) => w.id === id));
      });

      it('masks the contact phone for a role without sensitive access and validates input at the edge', async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        assert.equal((await agent.get(`/api/work-orders/${id}`)).body.contactPhone, '13912345678');
        assert.equal((await jnHandler.get(`/api/work-orders/${id}`)).body.contactPhone, '139****5678');
        const bad = await agent.post('/api/work-orders', {
          customerId: id,
          typeId: types.get('fault'),
          businessType: 'satellite',
          contactPhone: '123',
          description: '',
        });
        assert.equal(bad.status, 400);
        assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['businessType', 'contactPhone', 'description']);
        const subtype = await order(await customer('JN'), 'broadband', { typeId: types.get('complaint') });
        assert.equal(subtype.status, 400);
        assert.equal(subtype.body.error.code, 'UNKNOWN_TYPE');
      });

      it('tells the handling department about a new order in its notifications', async () => {
        const created = (await order(await customer('JN'), 'broadband')).body;
        const list = (await jnHandler.get('/api/work-orders/notifications')).body;
        assert.ok(
          list.items.some(
            (n: { workOrderId: string; kind: string }) => n.workOrderId === created.id && n.kind === 'assigned',
          ),
        );
        assert.ok(list.unread > 0);
        await jnHandler.post('/api/work-orders/notifications/read');
        assert.equal((await jnHandler.get('/api/work-orders/notifications')).body.unread, 0);
      });
    });

    describe('attachments', () => {
      const PNG = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('fake png body for the test'),
      ]);
      function upload(client: TestClient, id: string, data: Buffer, name: string, type = 'image/png') {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(data)], { type }), name);
        return client.request('POST', `/api/work-orders/${id}/attachments`, form);
      }

      it('stores a PNG under the data directory and gives it back only to those who can see the order', async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        const res = await upload(agent, id, PNG, '光猫.png');
        assert.equal(res.status, 201, JSON.stringify(res.body));
        assert.equal(res.body.mimeType, 'image/png');
        const download = await fetch(`${app.baseUrl}/api/work-orders/${id}/attachments/${res.body.id}`, {
          headers: { cookie: jnHandler.cookie! },
        });
        assert.equal(download.status, 200);
        assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);
        assert.match(download.headers.get('content-disposition')!, /^attachment/);
        const stranger = await qdHandler.get(`/api/work-orders/${id}/attachments/${res.body.id}`);
        assert.equal(stranger.status, 404);
        const listed = (await agent.get(`/api/work-orders/${id}/attachments`)).body.items;
        assert.equal(listed.length, 1);
        assert.equal(listed[0].fileName, '光猫.png');
      });

      it("answers 404 in the error shape when an attachment's file has gone from disk", async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        const res = await upload(agent, id, PNG, 'lost.png');
        const row = await app.services.db
          .selectFrom('work_order_attachments')
          .select('storage_key')
          .where('id', '=', res.body.id)
          .executeTakeFirstOrThrow();
        await rm(path.join(attachmentsDir(app.config.dataDir), row.storage_key));
        const lost = await jnHandler.get(`/api/work-orders/${id}/attachments/${res.body.id}`);
        assert.equal(lost.status, 404);
        assert.equal(lost.body.error.code, 'ATTACHMENT_FILE_MISSING');
      });

      it('refuses a file that is not a PNG, JPEG or PDF whatever its name says, and one over the size limit', async () => {
        const id = (await order(await customer('JN'), 'broadband')).body.id;
        const fake = await upload(agent, id, Buffer.from('MZ\x90\x00 this is an executable'), 'photo.png');
        assert.equal(fake.status, 415);
        assert.equal(fake.body.error.code, 'ATTACHMENT_TYPE_NOT_ALLOWED');
        const html = await upload(agent, id, Buffer.from('<script>alert(1)</script>'), 'x.pdf', 'application/pdf');
        assert.equal(html.status, 415);
        const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0);
        Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]).copy(big);
        const tooBig = await upload(agent, id, big, 'big.pdf', 'application/pdf');
        assert.equal(tooBig.status, 413);
        assert.equal(tooBig.body.error.code, 'ATTACHMENT_TOO_LARGE');
        assert.equal((await agent.get(`/api/work-orders/${id}/attachments`)).body.items.length, 0);
      });
    });

    describe('statistics', () => {
      it('counts by type, business type, region and department, and exports them to xlsx', async () => {
        const stats = (await admin.get('/api/work-orders/stats?granularity=week')).body;
        assert.ok(stats.totals.count >= 10);
        const byBusiness = new Map(stats.byBusinessType.map((r: { key: string; count: number }) => [r.key, r.count]));
        assert.ok((byBusiness.get('broadband') as number) >= 5);
        assert.ok(stats.byDepartment.some((r: { label: string }) => r.label === '济南接入网维护中心'));
        assert.ok(stats.totals.reopenRate > 0);
        assert.ok(stats.satisfaction.some((s: { key: string }) => s.key === 'very_satisfied'));
        assert.equal(
          stats.series.reduce((n: number, s: { created: number }) => n + s.created, 0),
          stats.totals.count,
        );
        const qd = (await qdHandler.get('/api/work-orders/stats')).body;
        assert.ok(qd.totals.count < stats.totals.count, 'a department counts only what it can see');
        // A download link carries the UI's language as ?lang (a browser sends its own Accept-Language).
        const xlsx = await fetch(`${app.baseUrl}/api/work-orders/stats.xlsx?lang=en`, {
          headers: { cookie: admin.cookie!, 'accept-language': 'zh-CN' },
        });
        assert.equal(xlsx.status, 200);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await xlsx.arrayBuffer());
        const businessCells = book.getWorksheet('By business type')!.getColumn(1).values.map(String);
        assert.ok(businessCells.includes('Broadband') && !businessCells.includes('broadband'), businessCells.join());
        const zhStats = (
          await admin.request('GET', '/api/work-orders/stats', undefined, { 'accept-language': 'zh-CN' })
        ).body;
        assert.ok(zhStats.byBusinessType.some((r: { label: string }) => r.label === '宽带'));
        assert.equal((await jnHandler.get('/api/work-orders/stats.xlsx')).status, 403);
      });
    });
  });
}

/** A valid ID-card number for the n-th test customer. */
function idCard(n: number): string {
  const first17 =
    `3701021990${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(3, '0')}`.slice(
      0,
      17,
    );
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
