import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId } from './support/customers.ts';

describe('messaging', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
    // The send job runs in the background, as under `npm start` (test apps do not start the runner by themselves).
    suite.app.services.jobs.start(200);
  });
  after(async () => {
    await suite?.close();
  });

  test("a marketing manager sends a templated SMS from a customer's Communications tab and finds it in the test outbox", async () => {
    const customer = await createCustomer(admin, { name: '李明远', regionId: await regionId(admin, 'JN') });
    const template = await admin.post('/api/message-templates', {
      name: '缴费提醒',
      channel: 'sms',
      purpose: 'service',
      locale: 'zh',
      body: '{{name}}您好，请于{{dueDate}}前缴清话费。',
    });
    assert.equal(template.status, 201);

    const page = await suite.newPage();
    await loginAs(page, 'wangfang', { path: `/customers/${customer.id}?tab=communications` });
    await page.getByRole('button', { name: '发送消息' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('模板').selectOption({ label: '缴费提醒' });
    const preview = dialog.getByTestId('message-preview');
    await preview.getByText('李明远您好，请于').waitFor();
    await preview.getByText('共 1 条短信').waitFor();
    await dialog.getByRole('button', { name: '发送消息' }).click();

    const row = page.getByTestId('customer-messages').getByRole('row').filter({ hasText: '李明远您好' });
    await row.getByText('已送达').waitFor();

    await page.getByRole('link', { name: '测试发件箱' }).click();
    await page.getByRole('heading', { name: '测试发件箱（本地模拟网关）' }).waitFor();
    const received = page.getByRole('row').filter({ hasText: '李明远您好，请于' });
    await received.waitFor();
    // The marketing manager sees numbers masked, here too.
    assert.match(await received.innerText(), /\*{4}/);
  });
});
