/**
 * The knowledge base answers what agents really type: colloquial questions, fragments and typos, checked against
 * the demo articles (knowledge.demo.ts). Each query names the article an experienced agent would open first.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

const EXPECTED_FIRST: [query: string, title: string][] = [
  ['宽带上不了网', '宽带无法上网的排查步骤'],
  ['家里宽带断网了', '宽带无法上网的排查步骤'],
  ['宽带连不上', '宽带无法上网的排查步骤'],
  ['宽带无法上网', '宽带无法上网的排查步骤'],
  ['光猫红灯一直闪', '光猫 LOS 灯红色闪烁怎么办'],
  ['光猫los灯亮红', '光猫 LOS 灯红色闪烁怎么办'],
  ['网速太慢了', '宽带网速慢的常见原因'],
  ['宽带很卡', '宽带网速慢的常见原因'],
  ['座机没声音', '固话没有拨号音的处理'],
  ['固话打不出去', '固话没有拨号音的处理'],
  ['地下室手机没信号', '室内或地下车库手机没有信号'],
  ['手机上不了网', '手机能打电话但无法上网'],
  ['手机流量用不了', '手机能打电话但无法上网'],
  ['mate60 怎么开5G', '华为 Mate 60 Pro 开启 5G 的方法'],
  ['苹果手机高清通话', 'iPhone 15 设置 VoLTE 高清通话'],
  ['融合套餐有什么', '融合套餐包含哪些内容'],
  ['话费扣错了', '计费有争议时如何处理'],
  ['宽带快到期了', '宽带到期续约话术'],
  ['宽带续费', '宽带到期续约话术'],
  ['专线断了', '数字电路中断的应急处理'],
  ['宽带密码忘了', '宽带账号密码重置'],
  ['电视黑屏', 'IPTV 机顶盒黑屏或提示无信号'],
  ['机顶盒没信号', 'IPTV 机顶盒黑屏或提示无信号'],
  ['搬家了宽带怎么办', '宽带移机办理流程'],
  ['wifi密码怎么改', '修改路由器 WiFi 名称和密码'],
  ['手机欠费停机了', '手机欠费停机后如何复机'],
  ['查话费', '话费账单和余额查询方法'],
  ['流量超了怎么收费', '流量超出套餐后的收费标准'],
  ['开发票', '电子发票开具说明'],
  ['携号转网', '携号转网办理条件'],
  ['手机卡丢了', 'SIM 卡丢失挂失和补卡'],
  ['出国用手机', '出国前开通国际漫游'],
  ['总有骚扰电话', '骚扰电话和诈骗短信的拦截'],
  ['客户要销户', '客户要求销户时的挽留话术'],
  ['推荐5g套餐', '推荐升级 5G 套餐的话术'],
  ['企业要开专线', '互联网专线开通流程'],
];

for (const kind of testDatabases()) {
  describe(`knowledge ranking on ${kind}`, () => {
    let app: TestApp;
    let agent: TestClient;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      agent = await app.login('chenjie');
    });
    after(() => app.close());

    it(`puts the expected article first for ${EXPECTED_FIRST.length} real-sounding queries`, async () => {
      const wrong: string[] = [];
      for (const [q, title] of EXPECTED_FIRST) {
        const res = await agent.get(`/api/knowledge/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200);
        const first = res.body.items[0]?.title ?? '(nothing)';
        if (first !== title) wrong.push(`${q} → ${first} (expected ${title})`);
      }
      assert.deepEqual(wrong, []);
    });

    it('ranks the troubleshooting article above the sales script for 宽带上不了网', async () => {
      const titles = (await agent.get(`/api/knowledge/search?q=${encodeURIComponent('宽带上不了网')}`)).body.items.map(
        (h: { title: string }) => h.title,
      );
      assert.ok(titles.indexOf('宽带无法上网的排查步骤') >= 0);
      const script = titles.indexOf('宽带到期续约话术');
      assert.ok(script === -1 || script > titles.indexOf('宽带无法上网的排查步骤'), titles.join(' / '));
    });
  });
}
