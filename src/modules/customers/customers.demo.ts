import { demoMobile, pick, type DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { idCardCheckChar } from './customer-validators.ts';
import { openAccount } from './open-account.ts';
import { CATEGORIES, EDUCATIONS, LEVELS, LIFECYCLES } from './customers.schema.ts';
import { addDays, startOfBusinessDay, toBusinessDate, today } from '../../platform/clock.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
  '晓东',
  '子涵',
  '浩然',
  '欣怡',
];
const COMPANIES = [
  '齐鲁物流有限公司',
  '泉城软件科技有限公司',
  '黄河食品股份有限公司',
  '海岸贸易有限公司',
  '鲁信建设集团',
  '明湖教育咨询有限公司',
  '蓝海渔业合作社',
  '芝罘机械制造厂',
];
const JOBS = ['教师', '工程师', '个体经营', '公务员', '医生', '司机', '销售', '学生', '退休', '农民'];
const STREETS = ['经十路', '泉城路', '山大路', '香港中路', '长江路', '南大街', '二马路', '工业南路'];
/** Region code → the ID-card area code of people born there, and the account manager who serves it. */
const REGIONS: Record<string, { area: string; manager: string }> = {
  JN: { area: '370102', manager: 'zhangwei' },
  'JN-LC': { area: '370112', manager: 'zhangwei' },
  'JN-ZQ': { area: '370114', manager: 'zhangwei' },
  QD: { area: '370202', manager: 'liuna' },
  'QD-HD': { area: '370211', manager: 'liuna' },
  YT: { area: '370602', manager: 'zhouqiang' },
};

export function demoIdCard(random: () => number, area: string): string {
  const year = 1950 + Math.floor(random() * 55);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const seq = String(Math.floor(random() * 1000)).padStart(3, '0');
  const first17 = `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  return first17 + idCardCheckChar(first17);
}

/**
 * When the i-th demo account was opened: between 14 months and 4 years ago (before the year of packages and bills the
 * demo has), at office hours. From the index, not the seeded random source, so adding it changed no other demo value.
 */
function demoOpeningTime(i: number): Date {
  const daysAgo = 430 + ((i * 7919) % 1030);
  return new Date(
    startOfBusinessDay(addDays(today(), -daysAgo)).getTime() + (9 + (i % 8)) * 3_600_000 + (i % 60) * 60_000,
  );
}

export async function seedCustomersDemo({ db }: Services, demo: DemoContext): Promise<void> {
  const { random } = demo;
  const regionCodes = Object.keys(REGIONS);
  const usedIdCards = new Set<string>();
  let previous: { name: string; phone: string } | undefined;
  for (let i = 0; i < demo.customers; i++) {
    const regionCode = pick(random, regionCodes);
    const region = REGIONS[regionCode];
    // Every 50th customer is a second record of the previous person: something to find and merge.
    const duplicate = i % 50 === 49 ? previous : undefined;
    const category = duplicate || random() < 0.8 ? 'individual' : pick(random, CATEGORIES.slice(1));
    let idCard = demoIdCard(random, region.area);
    while (usedIdCards.has(idCard)) idCard = demoIdCard(random, region.area);
    usedIdCards.add(idCard);
    const name = duplicate
      ? duplicate.name
      : category === 'individual'
        ? pick(random, [...SURNAMES]) + pick(random, GIVEN)
        : pick(random, COMPANIES);
    const phone = duplicate ? duplicate.phone : demoMobile(random);
    const manager = random() < 0.1 ? 'zhaolei' : region.manager;
    const customer = await openAccount(db, demo.ctx, {
      name,
      phone,
      category,
      idCard: category === 'individual' ? idCard : undefined,
      address: `山东省${regionCode.startsWith('QD') ? '青岛市' : regionCode === 'YT' ? '烟台市' : '济南市'}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号`,
      education: category === 'individual' ? pick(random, EDUCATIONS) : undefined,
      job: category === 'individual' ? pick(random, JOBS) : undefined,
      income: category === 'individual' ? String(2000 + Math.floor(random() * 30) * 500) : undefined,
      level: pick(random, [...LEVELS, 'ordinary', 'ordinary', 'ordinary'] as const),
      lifecycle: pick(random, [...LIFECYCLES, 'formal', 'formal', 'formal'] as const),
      regionId: demo.orgUnits.get(regionCode)!,
      accountManagerId: demo.employees.get(manager) ?? null,
    });
    const openedAt = demoOpeningTime(i);
    await db.updateTable('customers').set({ created_at: openedAt }).where('id', '=', customer.id).execute();
    demo.customerIds.push(customer.id);
    demo.customerOpenedOn.set(customer.id, toBusinessDate(openedAt));
    previous = category === 'individual' ? { name, phone } : undefined;
  }
}
