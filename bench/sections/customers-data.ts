import { sql } from 'kysely';
import type { Db } from '../../src/platform/db.ts';
import { EDUCATIONS } from '../../src/modules/customers/customers.schema.ts';

// Common surnames and given-name characters: some 390,000 distinct names among a million customers.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华志海燕晓东子涵浩然欣怡秀兰建国红梅玉兰文斌鹏飞宇航婷雪琳佳颖俊凯宏博思雨晨阳辉亮波峰鑫淑珍春玲丹萍彬健瑶倩璐慧莹嘉怡诗梦琪雅欣家豪睿泽宁';
const COMPANY_PLACES = ['齐鲁', '泉城', '黄河', '海岸', '鲁信', '明湖', '蓝海', '芝罘', '胶东', '泰山', '琴岛', '舜耕'];
const COMPANY_TRADES = [
  '物流',
  '软件科技',
  '食品',
  '贸易',
  '建设',
  '教育咨询',
  '渔业',
  '机械制造',
  '医药',
  '电子',
  '农业',
  '文化传媒',
];
const JOBS = ['教师', '工程师', '个体经营', '公务员', '医生', '司机', '销售', '学生', '退休', '农民', '会计', '护士'];
const STREETS = [
  '经十路',
  '泉城路',
  '山大路',
  '香港中路',
  '长江路',
  '南大街',
  '二马路',
  '工业南路',
  '解放路',
  '历山路',
];
const MOBILE_PREFIXES = ['135', '138', '139', '150', '152', '158', '186', '187', '188', '166', '177', '199'];
/** Region → the ID-card area code of people born there, its city, and the account manager who serves it. */
const REGIONS = [
  { code: 'JN', area: '370102', city: '济南市', manager: 'zhangwei' },
  { code: 'JN-LC', area: '370112', city: '济南市', manager: 'zhangwei' },
  { code: 'JN-ZQ', area: '370114', city: '济南市', manager: 'zhangwei' },
  { code: 'QD', area: '370202', city: '青岛市', manager: 'liuna' },
  { code: 'QD-HD', area: '370211', city: '青岛市', manager: 'liuna' },
  { code: 'YT', area: '370602', city: '烟台市', manager: 'zhouqiang' },
];

const list = (items: readonly string[]) => sql`string_to_array(${items.join(',')}, ',')`;
const chars = (text: string) => sql`string_to_array(${text}, NULL)`;
const pick = (array: ReturnType<typeof sql>, length: number) => sql`(${array})[1 + floor(random() * ${length})::int]`;

/**
 * GB 11643 check character in SQL: digit i (1-based) weighs 2^(18-i) mod 11, and the check value is
 * (12 - sum mod 11) mod 11, 10 written as X. The loaded numbers are verified with the app's own validator.
 */
function idCardCheckSql(first17: string) {
  const sum = Array.from({ length: 17 }, (_, i) => `substr(${first17}, ${i + 1}, 1)::int * ${2 ** (17 - i) % 11}`).join(
    ' + ',
  );
  return sql.raw(`CASE (12 - (${sum}) % 11) % 11 WHEN 10 THEN 'X' ELSE ((12 - (${sum}) % 11) % 11)::text END`);
}

/**
 * Inserts customers `from`..`to` (numbering `g`) in one INSERT … SELECT generate_series: valid, unique ID-card
 * numbers (birth date from g mod 20,000 days, sequence from g / 20,000) with gender and birth date derived from
 * them, unique mobile numbers (g × 48271 mod 10^8 is a bijection), Chinese names, addresses, a tenth companies.
 */
export async function insertCustomers(db: Db, from: number, to: number): Promise<void> {
  const ids = await sql<{ code: string; id: string }>`
    SELECT code, id FROM org_units WHERE code IS NOT NULL
    UNION ALL SELECT username, id FROM employees`.execute(db);
  const idOf = new Map(ids.rows.map((r) => [r.code, r.id]));
  const regions = sql.join(
    REGIONS.map(
      (r, k) =>
        sql`(${k}::int, ${idOf.get(r.code)}::bigint, ${idOf.get(r.manager)}::bigint, ${r.area}::text, ${r.city}::text)`,
    ),
  );
  await sql`
    INSERT INTO customers (name, gender, birth_date, id_card, phone, address, education, job, income, category, level, lifecycle, region_id, account_manager_id, created_by)
    SELECT
      CASE WHEN person THEN name ELSE company END,
      CASE WHEN person THEN CASE WHEN substr(first17, 17, 1)::int % 2 = 1 THEN 'male' ELSE 'female' END END,
      CASE WHEN person THEN birth END,
      CASE WHEN person THEN first17 || ${idCardCheckSql('first17')} END,
      phone, address,
      CASE WHEN person THEN education END, CASE WHEN person THEN job END, CASE WHEN person THEN income END,
      category, level, lifecycle, region_id, manager_id, ${idOf.get('admin')}::bigint
    FROM (
      SELECT
        g % 20 NOT IN (9, 19) AS person,
        CASE g % 20 WHEN 9 THEN 'enterprise' WHEN 19 THEN 'key_account' ELSE 'individual' END AS category,
        r.area || to_char(date '1950-01-01' + (g % 20000)::int, 'YYYYMMDD') || lpad(((g / 20000) % 1000)::text, 3, '0') AS first17,
        date '1950-01-01' + (g % 20000)::int AS birth,
        ${pick(chars(SURNAMES), SURNAMES.length)} || ${pick(chars(GIVEN), GIVEN.length)}
          || CASE WHEN random() < 0.6 THEN ${pick(chars(GIVEN), GIVEN.length)} ELSE '' END AS name,
        ${pick(list(COMPANY_PLACES), COMPANY_PLACES.length)} || ${pick(list(COMPANY_TRADES), COMPANY_TRADES.length)} || '有限公司' AS company,
        (${list(MOBILE_PREFIXES)})[1 + (g % ${MOBILE_PREFIXES.length})::int] || lpad(((g * 48271) % 100000000)::text, 8, '0') AS phone,
        '山东省' || r.city || ${pick(list(STREETS), STREETS.length)} || (1 + floor(random() * 300))::text || '号' AS address,
        ${pick(list(EDUCATIONS), EDUCATIONS.length)} AS education,
        ${pick(list(JOBS), JOBS.length)} AS job,
        (2000 + floor(random() * 60) * 500)::numeric(14,2) AS income,
        CASE WHEN random() < 0.7 THEN 'ordinary' ELSE ${pick(list(['silver', 'gold', 'vip']), 3)} END AS level,
        CASE WHEN random() < 0.6 THEN 'formal' ELSE ${pick(list(['potential', 'declining', 'churned']), 3)} END AS lifecycle,
        r.region_id,
        -- A tenth of the customers are looked after by the telemarketer instead of the region's manager.
        CASE WHEN g % 10 = 3 THEN ${idOf.get('zhaolei')}::bigint ELSE r.manager_id END AS manager_id
      FROM generate_series(${from}::bigint, ${to}::bigint) g
      JOIN (VALUES ${regions}) r(k, region_id, manager_id, area, city) ON r.k = g % ${REGIONS.length}
    ) s`.execute(db);
}

/** The secondary indexes of a table (not the primary key or unique constraints) as `CREATE INDEX` statements. */
export async function secondaryIndexes(db: Db, table: string): Promise<{ name: string; definition: string }[]> {
  const result = await sql<{ name: string; definition: string }>`
    SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
    WHERE x.indrelid = ${table}::regclass AND NOT x.indisunique AND NOT x.indisprimary
    ORDER BY c.relname`.execute(db);
  return result.rows;
}
