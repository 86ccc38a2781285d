import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import { chineseFieldMessage, englishFieldMessage } from './field-messages.ts';

describe('field messages in Chinese', () => {
  it('are made from the failed check when a module registered no wording', () => {
    assert.equal(chineseFieldMessage({ keyword: 'too_small', params: { origin: 'string', minimum: 1 } }), '必填');
    assert.equal(
      chineseFieldMessage({
        keyword: 'too_small',
        params: { origin: 'string', minimum: 8 },
        message: 'at least 8 characters',
      }),
      '至少 8 个字符',
    );
    assert.equal(
      chineseFieldMessage({ keyword: 'too_big', params: { origin: 'string', maximum: 100 } }),
      '最多 100 个字符',
    );
    assert.equal(chineseFieldMessage({ keyword: 'invalid_format', params: { format: 'email' } }), '电子邮箱格式不正确');
    assert.equal(
      chineseFieldMessage({ keyword: 'invalid_type', message: 'Invalid input: expected string, received undefined' }),
      '必填',
    );
    assert.equal(chineseFieldMessage({ keyword: 'invalid_value', params: { values: ['a', 'b'] } }), '请从列表中选择');
  });

  it("speak English as a person would, not as zod does, and keep a schema's own wording", () => {
    assert.equal(
      englishFieldMessage({
        keyword: 'too_small',
        params: { origin: 'string', minimum: 1 },
        message: 'Too small: expected string to have >=1 characters',
      }),
      'Required',
    );
    assert.equal(
      englishFieldMessage({
        keyword: 'too_big',
        params: { origin: 'string', maximum: 50 },
        message: 'Too big: expected string to have <=50 characters',
      }),
      'At most 50 characters',
    );
    assert.equal(
      englishFieldMessage({ keyword: 'invalid_type', message: 'Invalid input: expected string, received undefined' }),
      'Required',
    );
    assert.equal(
      englishFieldMessage({ keyword: 'invalid_value', message: 'Invalid option: expected one of "a"|"b"' }),
      'Choose one from the list',
    );
    assert.equal(
      englishFieldMessage({ keyword: 'invalid_format', message: 'Check digit does not match' }),
      'Check digit does not match',
    );
  });

  for (const kind of testDatabases())
    describe(`over HTTP on ${kind}`, () => {
      let app: TestApp;
      before(async () => {
        app = await startTestApp(kind, { demoCustomers: 0 });
      });
      after(() => app.close());

      it('come in Chinese when the request asks for Chinese, in English otherwise', async () => {
        const body = { name: '', category: 'individual', idCard: '110101199003074511', phone: '12345', regionId: '1' };
        const english = await app.login('zhangwei');
        const inEnglish = await english.post('/api/customers', body);
        assert.equal(inEnglish.status, 400);
        assert.match(inEnglish.body.error.fields.idCard, /check digit/);
        assert.equal(inEnglish.body.error.fields.name, 'Required');

        const chinese = await app.login('zhangwei');
        chinese.headers['accept-language'] = 'zh-CN,zh;q=0.9';
        const inChinese = await chinese.post('/api/customers', body);
        assert.equal(inChinese.status, 400);
        assert.equal(inChinese.body.error.fields.idCard, '身份证号校验位不正确（GB 11643），请核对');
        assert.equal(inChinese.body.error.fields.phone, '请输入 11 位手机号或带区号的固定电话');
        assert.equal(inChinese.body.error.fields.name, '必填');
        assert.equal(inChinese.body.error.message, '输入有误，请检查标出的字段');
      });
    });
});
