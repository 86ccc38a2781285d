import { sql } from 'kysely';
import type { Db } from '../../src/platform/db.ts';
// The bench fills the knowledge base's table directly with the module's own search document.
import { searchVector } from '../../src/modules/knowledge/articles.service.ts';

const TOPICS = [
  '宽带',
  '光猫',
  '路由器',
  '无法上网',
  '网速慢',
  '掉线',
  '手机',
  '信号',
  '5G',
  '套餐',
  '流量',
  '话费',
  '账单',
  'IPTV',
  '机顶盒',
  '黑屏',
  '固话',
  '杂音',
  '光纤',
  '光缆',
  '专线',
  '数字电路',
  '故障',
  '维修',
  '投诉',
  '续约',
  '积分',
  '营业厅',
  '携号转网',
  '副卡',
  '宽带提速',
  'WiFi',
  '密码',
  '欠费',
  '停机',
  '复机',
  '实名',
  '国际漫游',
  '彩铃',
  '云盘',
  '家庭网',
  '千兆',
  '测速',
  '上门',
  '预约',
  '退费',
  '发票',
  '合约机',
  '靓号',
  '政企',
];
const BRANDS = ['华为 Mate', '华为 P', '小米', 'iPhone', 'OPPO Reno', 'vivo X', '荣耀 Magic', '三星 Galaxy S'];
const TEMPLATES = [
  '{a}{b}怎么办',
  '{a}和{b}的常见问题',
  '如何处理{a}{b}',
  '{a}{b}办理指南',
  '{brand}{n} {a}设置方法',
  '{a}出现{b}的排查步骤',
];
const SENTENCES = [
  '用户反映{a}后{b}，请先确认{c}。',
  '如果{a}仍然{b}，建议{c}并记录时间。',
  '{a}相关问题可在营业厅或线上办理，注意{b}与{c}。',
  '处理{a}时先核实身份，再检查{b}，最后回访{c}情况。',
];

/** A seeded generator so every run loads the same articles. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts `count` published articles of synthetic but realistic Chinese text, segmented as the app does. */
export async function insertArticles(db: Db, count: number, log: (m: string) => void): Promise<void> {
  const next = random(20261122);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const fill = (template: string) =>
    template
      .replace(/\{(a|b|c)\}/g, () => pick(TOPICS))
      .replace('{brand}', pick(BRANDS))
      .replace('{n}', String(10 + Math.floor(next() * 60)));
  const [category] = await db.selectFrom('kb_categories').select('id').limit(1).execute();
  const author = await db
    .selectFrom('employees')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const BATCH = 1000;
  for (let done = 0; done < count; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - done) }, () => {
      const title = fill(pick(TEMPLATES));
      const body = Array.from({ length: 3 + Math.floor(next() * 5) }, () => fill(pick(SENTENCES))).join('');
      const tags = [pick(TOPICS), pick(TOPICS)];
      return {
        category_id: category.id,
        kind: 'faq' as const,
        title,
        body,
        tags,
        status: 'published' as const,
        author_id: author.id,
        search_vector: searchVector({ title, tags, body }),
        question_id: null,
        published_at: new Date(),
      };
    });
    await db.insertInto('kb_articles').values(rows).execute();
    if ((done + BATCH) % 20_000 === 0) log(`service-desk: ${(done + BATCH).toLocaleString('en-US')} articles`);
  }
}

/**
 * Inserts work orders `from`..`to` in one INSERT … SELECT: spread over the maintenance centres, customers,
 * types, priorities and statuses of a year's traffic, newest last; past-due open orders already marked as breached.
 */
export async function insertWorkOrders(db: Db, from: number, to: number, total: number): Promise<void> {
  await sql`
    WITH centres AS (SELECT array_agg(org_unit_id ORDER BY org_unit_id) AS ids FROM service_centres),
         types AS (SELECT array_agg(id ORDER BY id) AS ids FROM work_order_types WHERE parent_id IS NULL),
         people AS (SELECT array_agg(id ORDER BY id) AS ids FROM employees),
         cust AS (SELECT min(id) AS first, count(*) AS n FROM customers)
    INSERT INTO work_orders (customer_id, type_id, business_type, region_id, priority, contact_phone, description, status, department_id,
      assignee_id, accepted_by, response_due, resolve_due, responded_at, resolved_at, satisfaction, reopen_count, created_at, updated_at,
      response_breached, resolve_breached)
    SELECT cust.first + (g * 7919) % cust.n, types.ids[1 + g % 2],
      (ARRAY['broadband', 'fixed_line', 'mobile', 'iptv', 'dedicated_line', 'optical_cable'])[1 + g % 6],
      c.region_id, (ARRAY['normal', 'normal', 'high', 'low', 'urgent'])[1 + g % 5], '13800138000',
      '宽带无法上网，光猫指示灯异常', s.status, centres.ids[1 + g % array_length(centres.ids, 1)],
      CASE WHEN s.status <> 'dispatched' THEN people.ids[1 + g % array_length(people.ids, 1)] END,
      people.ids[1 + (g / 7) % array_length(people.ids, 1)],
      t.at + interval '2 hours', t.at + interval '1 day',
      CASE WHEN s.status <> 'dispatched' THEN t.at + interval '40 minutes' END,
      CASE WHEN s.status IN ('resolved', 'visited', 'archived') THEN t.at + interval '9 hours' END,
      CASE WHEN s.status IN ('visited', 'archived') THEN (ARRAY['very_satisfied', 'satisfied', 'satisfied', 'neutral', 'dissatisfied'])[1 + g % 5] END,
      CASE WHEN g % 17 = 0 THEN 1 ELSE 0 END, t.at, t.at,
      -- Open orders past their deadline were marked by the SLA sweep at the time, as in a system that has been running.
      s.status = 'dispatched' AND t.at + interval '2 hours' < now(), s.status IN ('dispatched', 'in_progress') AND t.at + interval '1 day' < now()
    FROM generate_series(${from}::bigint, ${to}::bigint) g
    CROSS JOIN centres CROSS JOIN types CROSS JOIN people CROSS JOIN cust
    JOIN customers c ON c.id = cust.first + (g * 7919) % cust.n
    CROSS JOIN LATERAL (SELECT now() - ((${total}::bigint - g) * interval '30 seconds') AS at) t
    CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 6 THEN 'archived' WHEN g % 10 = 6 THEN 'in_progress' WHEN g % 10 = 7 THEN 'resolved'
      WHEN g % 10 = 8 THEN 'visited' ELSE 'dispatched' END AS status) s`.execute(db);
}
