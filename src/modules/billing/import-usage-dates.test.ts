import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import {
  addDays,
  addMonths,
  firstDayOfMonth,
  now,
  thisMonth,
  today,
  toBusinessDateTime,
} from '../../platform/clock.ts';
import { customerOnPackage, upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

// Usage dated before the customer's package goes in, counted as a warning; usage dated after now is refused.
for (const kind of testDatabases()) {
  describe(`usage dates against packages and the clock on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const packageStart = firstDayOfMonth(addMonths(thisMonth(), -2));
    const tomorrow = `${addDays(today(), 1)} 00:00:00`;
    const file = [
      USAGE_HEADER,
      `W1,13600000001,call,local,out,${addDays(packageStart, -3)} 10:00:00,60,busy`,
      `W2,13600000001,call,local,out,${addDays(packageStart, 1)} 10:00:00,60,busy`,
      `W3,13600000001,call,local,out,${tomorrow},60,busy`,
      `W4,13600000002,call,local,out,${addDays(packageStart, 2)} 10:00:00,60,busy`,
      `W5,13600000001,call,local,out,${toBusinessDateTime(new Date(now().getTime() - 3600_000))},60,busy`,
    ].join('\n');

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      admin.headers['accept-language'] = 'en';
      await customerOnPackage(app, admin, '13600000001', [{ code: '5G-GOLD', startsOn: packageStart }]);
      // A customer with no package at all.
      await customerOnPackage(app, admin, '13600000002', []);
    });
    after(() => app.close());

    it('refuses usage dated after now, and counts usage on a day without a package as a warning', async () => {
      const res = await upload(admin, 'usage', file, { mapping: USAGE_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, 4);
      assert.deepEqual(res.body.errors, [
        { row: 4, message: `time "${tomorrow}" is later than now: usage cannot be dated in the future` },
      ]);
      assert.deepEqual(res.body.warnings, [
        {
          code: 'usageWithoutPackage',
          message: 'the customer had no package that day: imported, but left unrated',
          count: 2,
          rows: [2, 5],
        },
      ]);
      const batches = (await admin.get('/api/imports?kind=usage')).body.items;
      assert.equal(batches.find((b: { id: string }) => b.id === res.body.batchId).warnings, 2);
    });

    it('does not warn again about rows a re-import reports as already imported', async () => {
      const again = await upload(admin, 'usage', file, { mapping: USAGE_MAPPING });
      assert.equal(again.body.accepted, 0);
      assert.equal(again.body.rejected, 5);
      assert.deepEqual(again.body.warnings, []);
    });

    it('warns the same way when a month of usage comes in as a new partition', async () => {
      const month = addMonths(thisMonth(), -6);
      const res = await upload(
        admin,
        'usage',
        [USAGE_HEADER, `P1,13600000002,sms,local,out,${firstDayOfMonth(month)} 10:00:00,1,busy`].join('\n'),
        { mapping: USAGE_MAPPING },
      );
      assert.equal(res.body.accepted, 1, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.warnings.map((w: { count: number; rows: number[] }) => [w.count, w.rows]),
        [[1, [2]]],
      );
    });

    it('says it in Chinese to a Chinese importer', async () => {
      const zh = await app.login('admin');
      zh.headers['accept-language'] = 'zh-CN';
      const res = await upload(
        zh,
        'usage',
        [
          USAGE_HEADER,
          `Z1,13600000002,sms,local,out,${addDays(packageStart, 5)} 10:00:00,1,busy`,
          `Z2,13600000001,sms,local,out,${tomorrow},1,busy`,
        ].join('\n'),
        { mapping: USAGE_MAPPING },
      );
      assert.equal(res.body.warnings[0].message, '客户当天没有订购套餐：话单已导入，但不会计费');
      assert.equal(res.body.errors[0].message, `时间“${tomorrow}”晚于当前时间，不能导入未来的话单`);
    });
  });
}
