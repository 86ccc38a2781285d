import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { changeLifecycle, createProduct } from './products.service.ts';
import type { ProductInput } from './products.schema.ts';
import { addMonths, firstDayOfMonth, thisMonth } from '../../platform/clock.ts';

/** Single services; caller ID and voicemail need voice, the 10 GB pack needs data. */
const SERVICES = [
  { code: 'SVC-VOICE', name: '基础语音', requires: [] },
  { code: 'SVC-DATA', name: '移动数据', requires: [] },
  { code: 'SVC-SMS', name: '短信彩信', requires: [] },
  { code: 'SVC-CALLER-ID', name: '来电显示', requires: ['SVC-VOICE'] },
  { code: 'SVC-VOICEMAIL', name: '语音信箱', requires: ['SVC-VOICE'], monthlyFee: '5' },
  { code: 'SVC-DATA-10G', name: '7天10G流量包', requires: ['SVC-DATA'], monthlyFee: '10', includedDataGb: '10' },
];

/** The demo branch's three packages (source: the operator's product design table 4.3). */
export const DEMO_PACKAGES = [
  {
    code: '5G-DIAMOND',
    name: '5G龙卡钻石卡',
    monthlyFee: '160',
    includedMinutes: 1000,
    includedDataGb: '150',
    targetSegment: '上网密集型',
  },
  {
    code: '5G-GOLD',
    name: '5G龙卡金卡',
    monthlyFee: '80',
    includedMinutes: 2000,
    includedDataGb: '60',
    targetSegment: '话多型',
  },
  {
    code: '5G-SILVER',
    name: '5G龙卡银卡',
    monthlyFee: '60',
    includedMinutes: 7000,
    includedDataGb: '40',
    targetSegment: '本地大众型',
  },
] as const;

/** Overage and special rates shared by the three packages; international and roaming rates are demo values. */
export const DEMO_RATES = {
  callOutRate: '0.15',
  callInRate: '0',
  dataRate: '3',
  smsRate: '0.10',
  specialCallRate: '1.00',
  specialDataRate: '5',
  roamingCallRate: '2.00',
  roamingDataRate: '6',
} as const;

export async function seedProductsDemo({ db }: Services, demo: DemoContext): Promise<void> {
  const ids = new Map<string, string>();
  const release = async (id: string) => {
    await changeLifecycle(db, demo.ctx, id, 'testing');
    await changeLifecycle(db, demo.ctx, id, 'released');
  };
  for (const s of SERVICES) {
    const p = await createProduct(db, demo.ctx, {
      code: s.code,
      kind: 'service',
      name: s.name,
      monthlyFee: s.monthlyFee,
      includedDataGb: s.includedDataGb,
      requires: s.requires.map((r) => ids.get(r)!),
      regionIds: [],
      targetCategory: null,
      targetSegment: null,
      description: '',
      responsibility: '',
      bundles: [],
    });
    ids.set(s.code, p.id);
    await release(p.id);
  }
  const packageIds: string[] = [];
  for (const p of DEMO_PACKAGES) {
    const input: ProductInput = {
      ...p,
      ...DEMO_RATES,
      kind: 'package',
      regionIds: [],
      targetCategory: 'individual',
      requires: [],
      bundles: ['SVC-VOICE', 'SVC-DATA', 'SVC-SMS', 'SVC-CALLER-ID'].map((c) => ids.get(c)!),
      description: `月费${p.monthlyFee}元，含国内语音拨打${p.includedMinutes}分钟、国内流量${p.includedDataGb}GB，国内接听免费，含来电显示；超出后语音0.15元/分钟，流量3元/GB，国内点对点短信彩信0.10元/条。`,
      responsibility: '套餐按自然月计费；月中变更套餐按天折算月费和套餐内容；结清欠费后方可办理变更。',
    };
    const created = await createProduct(db, demo.ctx, input);
    await release(created.id);
    packageIds.push(created.id);
  }
  // Demo customers have had one of the packages for a year (or since they opened their account), so that bills and
  // charts have history.
  const yearAgo = firstDayOfMonth(addMonths(thisMonth(), -12));
  for (const customerId of demo.customerIds) {
    const packageId = packageIds[Math.floor(demo.random() * packageIds.length)];
    const openedOn = demo.customerOpenedOn.get(customerId) ?? yearAgo;
    // biome-ignore lint/complexity/useMathMinMax: ISO dates, the later one by text order (Math.max takes numbers).
    const startsOn = openedOn > yearAgo ? openedOn : yearAgo;
    await db
      .insertInto('subscriptions')
      .values({
        customer_id: customerId,
        product_id: packageId,
        kind: 'package',
        starts_on: startsOn,
        created_by: demo.ctx.employeeId,
      })
      .execute();
  }
}
