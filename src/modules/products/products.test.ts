import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { setArrears } from '../customers/index.ts';
import { withTransaction } from '../../platform/db.ts';

for (const kind of testDatabases()) {
  describe(`products and subscriptions API on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let byCode: Record<string, { id: string; name: string; status: string }>;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 6 });
      admin = await app.login('admin');
      const items = (await admin.get('/api/products')).body.items as {
        id: string;
        code: string;
        name: string;
        status: string;
      }[];
      byCode = Object.fromEntries(items.map((p) => [p.code, p]));
    });
    after(() => app.close());

    const unitId = async (code: string) =>
      ((await admin.get('/api/org-units')).body.items as { id: string; code: string }[]).find((u) => u.code === code)!
        .id;
    const newCustomer = async (phone: string, region = 'JN') => {
      const res = await admin.post('/api/customers', {
        name: '订购测试',
        phone,
        category: 'enterprise',
        regionId: await unitId(region),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    const released = async (body: Record<string, unknown>) => {
      const created = await admin.post('/api/products', { kind: 'package', monthlyFee: '20', ...body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      for (const to of ['testing', 'released'])
        assert.equal((await admin.post(`/api/products/${created.body.id}/lifecycle`, { to })).status, 200);
      return created.body.id as string;
    };

    it('seeds the three released 5G Dragon packages with their figures', async () => {
      const diamond = (await admin.get(`/api/products/${byCode['5G-DIAMOND'].id}`)).body;
      assert.equal(diamond.status, 'released');
      assert.equal(Number(diamond.monthlyFee), 160);
      assert.equal(diamond.includedMinutes, 1000);
      assert.equal(Number(diamond.includedDataGb), 150);
      assert.equal(Number(diamond.callOutRate), 0.15);
      assert.equal(Number(diamond.dataRate), 3);
      assert.equal(Number(diamond.smsRate), 0.1);
      assert.deepEqual(
        diamond.bundles.map((b: { name: string }) => b.name).sort(),
        ['基础语音', '来电显示', '短信彩信', '移动数据'].sort(),
      );
      assert.equal(Number((await admin.get(`/api/products/${byCode['5G-GOLD'].id}`)).body.monthlyFee), 80);
      assert.equal((await admin.get(`/api/products/${byCode['5G-SILVER'].id}`)).body.includedMinutes, 7000);
    });

    it('moves a product through its lifecycle, recording who and when, and refuses a skipped step', async () => {
      const created = await admin.post('/api/products', {
        code: 'TEST-PKG',
        kind: 'package',
        name: '测试套餐',
        monthlyFee: '30',
        includedMinutes: 100,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.status, 'draft');
      const skip = await admin.post(`/api/products/${created.body.id}/lifecycle`, { to: 'released' });
      assert.equal(skip.status, 409);
      assert.equal(skip.body.error.code, 'BAD_LIFECYCLE_STEP');
      assert.equal(
        (await admin.post(`/api/products/${created.body.id}/lifecycle`, { to: 'testing' })).body.status,
        'testing',
      );
      assert.equal(
        (await admin.post(`/api/products/${created.body.id}/lifecycle`, { to: 'released', note: '评审通过' })).body
          .status,
        'released',
      );
      const history = (await admin.get(`/api/products/${created.body.id}/lifecycle`)).body.items;
      assert.deepEqual(
        history.map((h: { to: string }) => h.to),
        ['testing', 'released'],
      );
      assert.equal(history[1].note, '评审通过');
      assert.ok(history[1].by);
      const reprice = await admin.patch(`/api/products/${created.body.id}`, { monthlyFee: '35' });
      assert.equal(reprice.status, 409);
      assert.equal(reprice.body.error.code, 'PRICING_LOCKED');
      assert.equal(
        (await admin.patch(`/api/products/${created.body.id}`, { description: '新说明' })).body.description,
        '新说明',
      );
    });

    it('validates a product at the edge', async () => {
      const res = await admin.post('/api/products', { code: 'x', kind: 'package', name: '', monthlyFee: '-1' });
      assert.equal(res.status, 400);
      assert.ok(res.body.error.fields.code && res.body.error.fields.name && res.body.error.fields.monthlyFee);
    });

    it('sells only released products, and a retired one keeps its subscribers', async () => {
      const customerId = await newCustomer('13811110001');
      const draft = await admin.post('/api/products', { code: 'DRAFT-PKG', kind: 'package', name: '草稿套餐' });
      const refused = await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: draft.body.id });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'PRODUCT_NOT_ON_SALE');
      const sub = await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: byCode['5G-SILVER'].id });
      assert.equal(sub.status, 201, JSON.stringify(sub.body));
      assert.equal(sub.body.items[0].current, true);
      const promo = await admin.post('/api/products', {
        code: 'PROMO',
        kind: 'package',
        name: '促销套餐',
        monthlyFee: '10',
      });
      for (const to of ['testing', 'released']) await admin.post(`/api/products/${promo.body.id}/lifecycle`, { to });
      const other = await newCustomer('13811110009');
      assert.equal(
        (await admin.post(`/api/customers/${other}/subscriptions`, { productId: promo.body.id })).status,
        201,
      );
      assert.equal(
        (await admin.post(`/api/products/${promo.body.id}/lifecycle`, { to: 'retired' })).body.subscribers,
        1,
      );
      const afterRetire = await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: promo.body.id });
      assert.equal(afterRetire.body.error.code, 'PRODUCT_NOT_ON_SALE');
      assert.equal((await admin.get(`/api/customers/${other}/subscriptions`)).body.items[0].current, true);
    });

    it("sells a package limited to regions only to customers in them or below, naming the package and the customer's region", async () => {
      const packageId = await released({ code: 'QD-ONLY', name: '青岛专享卡', regionIds: [await unitId('QD')] });
      const jinan = await newCustomer('13811110006');
      const refused = await admin.post(`/api/customers/${jinan}/subscriptions`, { productId: packageId });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'NOT_SOLD_IN_REGION');
      assert.equal(refused.body.error.message, '产品“青岛专享卡”不在客户所在地区“济南市分公司”销售');
      const inEnglish = await admin.request(
        'POST',
        `/api/customers/${jinan}/subscriptions`,
        { productId: packageId },
        { 'accept-language': 'en' },
      );
      assert.equal(inEnglish.body.error.message, "青岛专享卡 is not sold in Jinan branch, the customer's region");
      assert.equal((await admin.get(`/api/customers/${jinan}/subscriptions`)).body.items.length, 0);

      const huangdao = await newCustomer('13811110007', 'QD-HD');
      assert.equal(
        (await admin.post(`/api/customers/${huangdao}/subscriptions`, { productId: packageId })).status,
        201,
        'a county of a listed city',
      );

      // What the subscriptions tab offers: released products sold in the customer's region, by the same rule.
      const offered = async (customerId: string) =>
        (await admin.get(`/api/products?sellableTo=${customerId}`)).body.items as { code: string; status: string }[];
      const toJinan = await offered(jinan);
      assert.ok(!toJinan.some((p) => p.code === 'QD-ONLY'));
      assert.ok(
        toJinan.some((p) => p.code === '5G-GOLD'),
        'a product sold everywhere',
      );
      assert.equal(
        (
          await admin.post('/api/products', {
            code: 'QD-DRAFT',
            kind: 'package',
            name: '青岛草稿',
            regionIds: [await unitId('QD')],
          })
        ).status,
        201,
      );
      const toHuangdao = await offered(huangdao);
      assert.ok(toHuangdao.some((p) => p.code === 'QD-ONLY'));
      assert.ok(!toHuangdao.some((p) => p.code === 'QD-DRAFT'), 'only released products');
      const yantai = await app.login('zhouqiang');
      assert.equal(
        (await yantai.get(`/api/products?sellableTo=${huangdao}`)).status,
        404,
        "a customer outside the caller's scope",
      );
      // Regions stay editable after release: adding Jinan opens the package to the customer refused above.
      const widened = await admin.patch(`/api/products/${packageId}`, {
        regionIds: [await unitId('QD'), await unitId('JN')],
      });
      assert.equal(widened.status, 200, JSON.stringify(widened.body));
      assert.equal((await admin.post(`/api/customers/${jinan}/subscriptions`, { productId: packageId })).status, 201);
    });

    it('accepts only provinces, cities and counties as sales regions', async () => {
      for (const regionIds of [[await unitId('JN-FD')], ['999999']]) {
        const res = await admin.post('/api/products', {
          code: `BAD-REGION-${regionIds[0]}`,
          kind: 'package',
          name: '地区有误',
          regionIds,
        });
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'NOT_A_REGION');
        assert.equal(res.body.error.fields.regionIds, 'provinces, cities or counties only');
      }
      const inChinese = await admin.request(
        'POST',
        '/api/products',
        { code: 'BAD-REGION-ZH', kind: 'package', name: '地区有误', regionIds: [await unitId('JN-FD')] },
        { 'accept-language': 'zh-CN,zh;q=0.9' },
      );
      assert.equal(inChinese.status, 400);
      assert.equal(inChinese.body.error.message, '销售地区只能选择省、市或区县');
      assert.equal(inChinese.body.error.fields.regionIds, '只能选择省、市或区县');
      const ok = await admin.post('/api/products', {
        code: 'JN-COUNTY',
        kind: 'package',
        name: '章丘套餐',
        regionIds: [await unitId('JN-ZQ')],
      });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.regionIds, [await unitId('JN-ZQ')]);
    });

    it('changes a package from the 1st of next month by default', async () => {
      const customerId = await newCustomer('13811110002');
      await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: byCode['5G-SILVER'].id });
      const changed = await admin.post(`/api/customers/${customerId}/subscriptions`, {
        productId: byCode['5G-GOLD'].id,
      });
      assert.equal(changed.status, 201, JSON.stringify(changed.body));
      const [gold, silver] = changed.body.items;
      assert.equal(gold.productCode, '5G-GOLD');
      assert.match(gold.startsOn, /^\d{4}-\d{2}-01$/);
      assert.equal(silver.endsOn, gold.startsOn);
      assert.equal(silver.current, true);
      assert.equal(gold.current, false);
    });

    it('refuses a service whose base service is missing, and unsubscribing a base service others need', async () => {
      const customerId = await newCustomer('13811110003');
      const voicemail = byCode['SVC-VOICEMAIL'].id;
      const missing = await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: voicemail });
      assert.equal(missing.status, 409);
      assert.equal(missing.body.error.code, 'MISSING_REQUIREMENT');
      assert.match(missing.body.error.message, /基础语音/);
      const voice = await admin.post(`/api/customers/${customerId}/subscriptions`, {
        productId: byCode['SVC-VOICE'].id,
      });
      assert.equal(voice.status, 201);
      assert.equal(
        (await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: voicemail })).status,
        201,
      );
      const voiceSub = voice.body.items.find((s: { productCode: string }) => s.productCode === 'SVC-VOICE');
      const refused = await admin.post(`/api/customers/${customerId}/subscriptions/${voiceSub.id}/end`, {});
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'REQUIRED_BY_OTHER');
    });

    it('refuses subscription changes while the customer has arrears, quoting the amount', async () => {
      const customerId = await newCustomer('13811110004');
      await withTransaction(app.services.db, (trx) => setArrears(trx, customerId, '25.50'));
      const res = await admin.post(`/api/customers/${customerId}/subscriptions`, { productId: byCode['5G-GOLD'].id });
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'CUSTOMER_HAS_ARREARS');
      assert.match(res.body.error.message, /25\.50/);
    });

    it("answers 404 for a customer outside the caller's data scope", async () => {
      const customerId = await newCustomer('13811110005');
      const yantai = await app.login('zhouqiang');
      assert.equal((await yantai.get(`/api/customers/${customerId}/subscriptions`)).status, 404);
      assert.equal(
        (await yantai.post(`/api/customers/${customerId}/subscriptions`, { productId: byCode['5G-GOLD'].id })).status,
        404,
      );
    });
  });
}
