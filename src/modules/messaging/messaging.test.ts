import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { addDays, setClock, startOfBusinessDay, today } from '../../platform/clock.ts';
import { gatewaysFor } from './gateways.ts';

/** Waits for something the gateways do on their own (a receipt, a reply); fails if it never happens. */
async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`never happened: ${what}`);
}

for (const kind of testDatabases()) {
  describe(`messaging over the local SMTP and SMPP servers on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let customers: { id: string; name: string; phone: string }[];
    const sinks = () => gatewaysFor(app.services.db)!.sinks!;
    const outbox = async () => (await admin.get('/api/messaging/test-outbox?limit=50')).body.items;
    const message = async (customerId: string, id: string) =>
      (await admin.get(`/api/customers/${customerId}/messages`)).body.items.find((m: { id: string }) => m.id === id);
    const send = async (client: TestClient, body: Record<string, unknown>) => {
      const res = await client.post('/api/messages', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      await app.services.jobs.runDue();
      return res.body;
    };

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 12 });
      admin = await app.login('admin');
      customers = (await admin.get('/api/customers?limit=12')).body.items;
    });
    after(() => app.close());

    it('renders a template for a customer and counts its SMS segments', async () => {
      const template = await admin.post('/api/message-templates', {
        name: '欠费提醒',
        channel: 'sms',
        purpose: 'service',
        locale: 'zh',
        body: '{{name}}您好，您本月应缴{{amount}}元，请于{{dueDate}}前缴清。',
      });
      assert.equal(template.status, 201);
      const c = customers[0];
      const preview = await admin.post(`/api/message-templates/${template.body.id}/preview`, { customerId: c.id });
      assert.equal(preview.status, 200);
      assert.ok(preview.body.body.startsWith(`${c.name}您好，您本月应缴`), preview.body.body);
      assert.doesNotMatch(preview.body.body, /\{\{/);
      assert.equal(preview.body.encoding, 'ucs2');
      assert.equal(preview.body.segments, 1);
    });

    it('sends a long Chinese SMS as concatenated parts that arrive whole, then marks it delivered', async () => {
      const c = customers[1];
      const text = '尊敬的客户，您的宽带套餐将于下月到期，续约可享八折优惠，详询营业厅。'.repeat(4);
      assert.ok(text.length > 134 && text.length <= 201); // three UCS-2 parts of 67
      const sent = await send(admin, { customerId: c.id, channel: 'sms', text });
      assert.equal(sent.segments, 3);
      const received = await waitFor(
        async () =>
          (await outbox()).find((o: { channel: string; body: string }) => o.channel === 'sms' && o.body === text),
        'the SMS arrives at the SMPP server',
      );
      assert.equal(received.parts, 3);
      assert.equal(received.recipient, c.phone);
      await waitFor(
        async () => (await message(c.id, sent.id))?.status === 'delivered',
        'the receipt marks it delivered',
      );
    });

    it('sends an email that arrives at the SMTP server with its subject and body', async () => {
      const c = customers[2];
      const patched = await admin.patch(`/api/customers/${c.id}`, { email: 'kehu2@example.com' });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      const sent = await send(admin, {
        customerId: c.id,
        channel: 'email',
        subject: '账单提醒 {{name}}',
        text: '{{name}}您好：本月账单已出。',
      });
      assert.equal((await message(c.id, sent.id)).status, 'sent');
      const mail = (await outbox()).find((o: { channel: string; recipient: string }) => o.channel === 'email');
      assert.equal(mail.recipient, 'kehu2@example.com');
      assert.equal(mail.subject, `账单提醒 ${c.name}`);
      assert.equal(mail.body.trim(), `${c.name}您好：本月账单已出。`);
    });

    it('skips a marketing SMS to an opted-out number at send time but still sends a service one', async () => {
      const c = customers[3];
      const queued = await admin.post('/api/messages', {
        customerId: c.id,
        channel: 'sms',
        purpose: 'marketing',
        text: '新品上市 A',
      });
      assert.equal(queued.status, 201);
      // The opt-out arrives after the message was queued: the check happens when it is sent.
      assert.equal((await admin.post('/api/opt-outs', { channel: 'sms', customerId: c.id })).status, 201);
      await app.services.jobs.runDue();
      const skipped = await message(c.id, queued.body.id);
      assert.equal(skipped.status, 'skipped');
      assert.equal(skipped.statusReason, 'opted_out');
      const service = await send(admin, {
        customerId: c.id,
        channel: 'sms',
        purpose: 'service',
        text: '您的话费余额不足10元',
      });
      assert.notEqual((await message(c.id, service.id)).status, 'skipped');
      const bodies = (await outbox()).map((o: { body: string }) => o.body);
      assert.ok(bodies.includes('您的话费余额不足10元'));
      assert.ok(!bodies.includes('新品上市 A'));
    });

    it('opts a number out when it replies TD over SMPP', async () => {
      const c = customers[4];
      await send(admin, { customerId: c.id, channel: 'sms', text: '回复TD退订' }); // binds the session the reply comes back on
      const phone = (await outbox()).find((o: { body: string }) => o.body === '回复TD退订').recipient;
      await sinks().reply(phone, 'TD');
      await waitFor(
        async () =>
          (await admin.get('/api/opt-outs')).body.items.some(
            (o: { channel: string; address: string; source: string }) => o.address === phone && o.source === 'reply',
          ),
        'the reply becomes an opt-out',
      );
      const marketing = await send(admin, { customerId: c.id, channel: 'sms', purpose: 'marketing', text: '限时优惠' });
      assert.equal((await message(c.id, marketing.id)).status, 'skipped');
    });

    it('marks a message failed when its delivery receipt says undelivered', async () => {
      const c = customers[5];
      await send(admin, { customerId: c.id, channel: 'sms', text: '第一条' });
      const phone = (await outbox()).find((o: { body: string }) => o.body === '第一条').recipient;
      sinks().setReceipt(phone, 'UNDELIV');
      const sent = await send(admin, { customerId: c.id, channel: 'sms', text: '第二条' });
      const failed = await waitFor(async () => {
        const m = await message(c.id, sent.id);
        return m?.status === 'failed' && m;
      }, 'the receipt marks it failed');
      assert.equal(failed.statusReason, 'receipt: UNDELIV');
    });

    it('never shows a masked role the number it sends to', async () => {
      // The marketing manager sees customers in the region with numbers masked (no sensitive:view).
      const manager = await app.login('wangfang');
      const mine = (await manager.get('/api/customers?limit=1')).body.items[0];
      assert.ok(mine, 'the marketing manager sees a customer');
      const whole = (await admin.get(`/api/customers/${mine.id}`)).body.phone as string;
      assert.notEqual(mine.phone, whole);
      const res = await manager.post('/api/messages', { customerId: mine.id, channel: 'sms', text: '您好，回访' });
      assert.equal(res.status, 201);
      await app.services.jobs.runDue();
      const list = await manager.get(`/api/customers/${mine.id}/messages`);
      const optOut = await manager.post('/api/opt-outs', { channel: 'sms', customerId: mine.id });
      const optOuts = await manager.get('/api/opt-outs');
      for (const r of [res, list, optOut, optOuts])
        assert.ok(!JSON.stringify(r.body).includes(whole), JSON.stringify(r.body));
      // It still went to the whole number.
      assert.ok(
        (await outbox()).some(
          (o: { recipient: string; body: string }) => o.recipient === whole && o.body === '您好，回访',
        ),
      );
    });
    it('holds a marketing SMS sent at 22:00 until 08:00 the next morning; a service SMS goes at once', async () => {
      const c = customers[8];
      const day = addDays(today(), 3); // in the future, so the database does not find the deferred job due before its time
      const hours = (date: string, h: number) => new Date(startOfBusinessDay(date).getTime() + h * 3_600_000);
      setClock(hours(day, 22));
      try {
        const marketing = await send(admin, {
          customerId: c.id,
          channel: 'sms',
          purpose: 'marketing',
          text: '夜间促销',
        });
        const service = await send(admin, { customerId: c.id, channel: 'sms', purpose: 'service', text: '夜间账单' });
        const held = await message(c.id, marketing.id);
        assert.equal(held.status, 'queued');
        assert.equal(held.statusReason, 'quiet_hours');
        assert.notEqual((await message(c.id, service.id)).status, 'queued');
        let bodies = (await outbox()).map((o: { body: string }) => o.body);
        assert.ok(bodies.includes('夜间账单'));
        assert.ok(!bodies.includes('夜间促销'));

        const jobs = await app.services.db
          .selectFrom('jobs')
          .select(['id', 'run_at', 'payload'])
          .where('name', '=', 'messaging.send')
          .where('status', '=', 'queued')
          .execute();
        const deferred = jobs.find((j) => (j.payload as { messageId: string }).messageId === marketing.id);
        assert.ok(deferred, 'a job waits for the message');
        assert.equal(new Date(deferred.run_at).getTime(), hours(addDays(day, 1), 8).getTime());

        // 08:00 comes: the database clock has not reached the job, so it is made due as time passing would.
        setClock(hours(addDays(day, 1), 8));
        await app.services.db
          .updateTable('jobs')
          .set({ run_at: new Date(0) })
          .where('id', '=', deferred.id)
          .execute();
        await app.services.jobs.runDue();
        assert.notEqual((await message(c.id, marketing.id)).status, 'queued');
        bodies = (await outbox()).map((o: { body: string }) => o.body);
        assert.ok(bodies.includes('夜间促销'));
      } finally {
        setClock(undefined);
      }
    });
    it('sends nothing at all to a blacklisted number or email, service messages included, until it is removed', async () => {
      const c = customers[9];
      const queued = await admin.post('/api/messages', { customerId: c.id, channel: 'sms', text: '服务通知 B' });
      assert.equal(queued.status, 201);
      // Blacklisted after it was queued: the check happens when it is sent.
      const entry = await admin.post('/api/blacklist', { customerId: c.id, channel: 'sms', reason: '投诉骚扰' });
      assert.equal(entry.status, 201, JSON.stringify(entry.body));
      await app.services.jobs.runDue();
      const skipped = await message(c.id, queued.body.id);
      assert.equal(skipped.status, 'skipped');
      assert.equal(skipped.statusReason, 'blacklisted');
      assert.ok(!(await outbox()).some((o: { body: string }) => o.body === '服务通知 B'));

      // An email given directly, in another case than the customer record's.
      await admin.patch(`/api/customers/${c.id}`, { email: 'heimingdan@example.com' });
      assert.equal((await admin.post('/api/blacklist', { address: 'HeiMingDan@Example.com' })).status, 201);
      const mail = await send(admin, { customerId: c.id, channel: 'email', subject: '账单', text: '账单已出' });
      assert.equal((await message(c.id, mail.id)).statusReason, 'blacklisted');

      const audits = await app.services.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'messaging_blacklist')
        .where('entity_id', '=', entry.body.id)
        .execute();
      assert.deepEqual(
        audits.map((a) => a.action),
        ['create'],
      );
      // A role without sensitive:view sees the number masked.
      const manager = await app.login('wangfang');
      const listed = await manager.get('/api/blacklist');
      assert.equal(listed.status, 200);
      assert.ok(!JSON.stringify(listed.body).includes(c.phone), JSON.stringify(listed.body));

      const bad = await admin.post('/api/blacklist', { address: 'not an address' });
      assert.equal(bad.status, 400);
      assert.equal((await admin.post('/api/blacklist', {})).status, 400);

      assert.equal((await admin.delete(`/api/blacklist/${entry.body.id}`)).status, 204);
      const again = await send(admin, { customerId: c.id, channel: 'sms', text: '服务通知 C' });
      assert.notEqual((await message(c.id, again.id)).status, 'skipped');
      assert.ok((await outbox()).some((o: { body: string }) => o.body === '服务通知 C'));
    });
  });
}
