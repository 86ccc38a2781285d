import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

interface Hit {
  id: string;
  title: string;
  snippet: string;
  score: number;
}

for (const kind of testDatabases()) {
  describe(`knowledge base on ${kind}`, () => {
    let app: TestApp;
    let supervisor: TestClient; // sunli: knowledge:*
    let agent: TestClient; // chenjie: after-sales
    let seller: TestClient; // zhangwei: account manager, may write drafts but not edit others'
    const categories = new Map<string, string>();

    async function publish(title: string, body: string, tags: string[] = []) {
      const res = await supervisor.post('/api/knowledge/articles', {
        categoryId: categories.get('宽带与固话'),
        title,
        body,
        tags,
        status: 'published',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    }
    const search = async (client: TestClient, q: string): Promise<Hit[]> => {
      const res = await client.get(`/api/knowledge/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items;
    };

    before(async () => {
      // No demo articles: the search tests know every article there is.
      app = await startTestApp(kind, { demoCustomers: 0 });
      supervisor = await app.login('sunli');
      agent = await app.login('chenjie');
      seller = await app.login('zhangwei');
      for (const c of (await agent.get('/api/knowledge/categories')).body.items) categories.set(c.name, c.id);
      const db = app.services.db;
      await db.updateTable('kb_questions').set({ best_answer_id: null }).execute();
      await db.deleteFrom('kb_answers').execute();
      await db.deleteFrom('kb_article_versions').execute();
      await db.deleteFrom('kb_articles').execute();
      await db.deleteFrom('kb_questions').execute();
    });
    after(() => app.close());

    describe('Chinese search', () => {
      let all: Record<string, string>;
      before(async () => {
        all = {
          both: (await publish('宽带无法上网的排查步骤', '先看光猫指示灯，再重启路由器。')).id,
          modem: (await publish('光猫 LOS 灯红色闪烁', '光信号中断，用户家里无法上网，需要上门检查光纤。')).id,
          broadband: (await publish('宽带续约优惠', '宽带到期可续约提速。', ['宽带'])).id,
          offline: (await publish('手机无法上网的处理', '检查移动数据开关和 APN 设置。')).id,
          unrelated: (await publish('融合套餐资费说明', '主副卡共享流量，包含固话和 IPTV。')).id,
          phone: (await publish('华为 Mate 60 Pro 开启 5G', '设置 → 移动网络 → 启用 5G。')).id,
        };
      });

      it('finds 宽带, 光猫 and 无法上网 articles for 宽带无法上网, the one with every word in its title first', async () => {
        const hits = await search(agent, '宽带无法上网');
        const ids = hits.map((h) => h.id);
        assert.equal(ids[0], all.both);
        for (const key of ['modem', 'broadband', 'offline']) assert.ok(ids.includes(all[key]), `${key} is found`);
        assert.ok(!ids.includes(all.unrelated));
        // A title match outranks a body-only match of the same words.
        assert.ok(ids.indexOf(all.offline) < ids.indexOf(all.modem), 'title 无法上网 before body 无法上网');
        for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score);
      });

      it('highlights the matching words in an escaped snippet', async () => {
        const [modem] = (await search(agent, '光猫无法上网')).filter((h) => h.id === all.modem);
        assert.match(modem.snippet, /<mark>无法<\/mark><mark>上网<\/mark>|<mark>无法上网<\/mark>/);
        const xss = await publish('<img src=x onerror=alert(1)> 光猫', '<script>alert(1)</script> 光猫重启');
        const [hit] = (await search(agent, '光猫重启')).filter((h) => h.id === xss.id);
        assert.ok(!hit.snippet.includes('<script>'));
        assert.ok(hit.snippet.includes('&lt;script&gt;'));
      });

      it('tolerates a partial phone-model name and a typo', async () => {
        assert.equal((await search(agent, 'mate6'))[0]?.id, all.phone);
        assert.equal((await search(agent, 'Mate 60 Pr0'))[0]?.id, all.phone);
      });

      it('suggests nothing for words no article holds, and refuses an empty query', async () => {
        assert.deepEqual(await search(agent, '卫星电话'), []);
        assert.equal((await agent.get('/api/knowledge/search?q=')).status, 400);
      });
    });

    describe('articles', () => {
      it('keeps every version, refuses a stale save, and re-indexes the new text', async () => {
        const created = await publish('IPTV 黑屏', '检查机顶盒电源。');
        const edited = await supervisor.patch(`/api/knowledge/articles/${created.id}`, {
          version: 1,
          body: '检查机顶盒电源和 HDMI 线。',
          tags: ['IPTV'],
        });
        assert.equal(edited.status, 200);
        assert.equal(edited.body.version, 2);
        const stale = await supervisor.patch(`/api/knowledge/articles/${created.id}`, { version: 1, title: '旧版本' });
        assert.equal(stale.status, 409);
        const versions = (await agent.get(`/api/knowledge/articles/${created.id}/versions`)).body.items;
        assert.deepEqual(
          versions.map((v: { version: number }) => v.version),
          [2, 1],
        );
        assert.equal(versions[1].body, '检查机顶盒电源。');
        assert.ok((await search(agent, 'HDMI')).some((h) => h.id === created.id));
      });

      it('shows a draft only to its author and to editors, and never in search', async () => {
        const draft = await seller.post('/api/knowledge/articles', {
          categoryId: categories.get('营销话术'),
          kind: 'script',
          title: '千兆宽带推荐话术草稿',
          body: '千兆宽带推荐',
        });
        assert.equal(draft.status, 201);
        assert.equal(draft.body.status, 'draft');
        assert.equal((await seller.get(`/api/knowledge/articles/${draft.body.id}`)).status, 200);
        assert.equal((await supervisor.get(`/api/knowledge/articles/${draft.body.id}`)).status, 200);
        assert.equal((await (await app.login('zhaolei')).get(`/api/knowledge/articles/${draft.body.id}`)).status, 404);
        assert.ok(!(await search(supervisor, '千兆宽带推荐')).some((h) => h.id === draft.body.id));
        const others = await seller.patch(`/api/knowledge/articles/${(await publish('别人的文章', '内容')).id}`, {
          version: 1,
          title: '改',
        });
        assert.equal(others.status, 403);
      });

      it('validates at the edge', async () => {
        const bad = await supervisor.post('/api/knowledge/articles', { categoryId: 'x', title: '', body: 1 });
        assert.equal(bad.status, 400);
        assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['body', 'categoryId', 'title']);
      });
    });

    describe('Q&A board', () => {
      it('lets staff answer, the asker choose the best answer, and an editor promote it to an article', async () => {
        const q = (
          await agent.post('/api/knowledge/questions', { title: '光猫所有灯都不亮', body: '用户说光猫完全没反应' })
        ).body;
        const a1 = (await seller.post(`/api/knowledge/questions/${q.id}/answers`, { body: '让用户重启一下' })).body
          .answers[0];
        const a2 = (
          await supervisor.post(`/api/knowledge/questions/${q.id}/answers`, {
            body: '先换电源适配器，仍不亮就上门更换光猫',
          })
        ).body.answers[1];
        assert.equal(
          (
            await supervisor.post(`/api/knowledge/questions/${q.id}/promote`, {
              categoryId: categories.get('终端设备'),
            })
          ).status,
          409,
        );
        assert.equal(
          (await seller.post(`/api/knowledge/questions/${q.id}/best-answer`, { answerId: a1.id })).status,
          403,
        );
        const chosen = await agent.post(`/api/knowledge/questions/${q.id}/best-answer`, { answerId: a2.id });
        assert.equal(chosen.body.bestAnswerId, a2.id);
        assert.equal(
          (await seller.post(`/api/knowledge/questions/${q.id}/promote`, { categoryId: categories.get('终端设备') }))
            .status,
          403,
        );
        const article = await supervisor.post(`/api/knowledge/questions/${q.id}/promote`, {
          categoryId: categories.get('终端设备'),
        });
        assert.equal(article.status, 201);
        assert.equal(article.body.title, '光猫所有灯都不亮');
        assert.match(article.body.body, /更换光猫/);
        assert.equal(article.body.questionId, q.id);
        assert.equal((await agent.get(`/api/knowledge/questions/${q.id}`)).body.articleId, article.body.id);
        assert.ok((await search(agent, '光猫不亮')).some((h) => h.id === article.body.id));
        assert.equal(
          (
            await supervisor.post(`/api/knowledge/questions/${q.id}/promote`, {
              categoryId: categories.get('终端设备'),
            })
          ).status,
          409,
        );
      });
    });
  });
}
