import { pick, type DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { createEmployee, findRoleByCode, insertOrgUnit } from '../system/index.ts';
import { createWorkOrder } from './create-work-order.ts';
import type { BusinessType, CentreKind } from './work-orders.tables.ts';

/** The maintenance centres that handle work orders, each with a head and a handler (all with the demo password). */
const CENTRES: {
  code: string;
  parent: string;
  name: string;
  nameEn: string;
  kind: CentreKind;
  head: [string, string];
  handler: [string, string];
}[] = [
  {
    code: 'JN-ANM',
    parent: 'JN',
    name: '济南接入网维护中心',
    nameEn: 'Jinan access network maintenance centre',
    kind: 'access_network',
    head: ['maming', '马明'],
    handler: ['gaojun', '高军'],
  },
  {
    code: 'QD-ANM',
    parent: 'QD',
    name: '青岛接入网维护中心',
    nameEn: 'Qingdao access network maintenance centre',
    kind: 'access_network',
    head: ['hulin', '胡林'],
    handler: ['xuyang', '徐阳'],
  },
  {
    code: 'YT-ANM',
    parent: 'YT',
    name: '烟台接入网维护中心',
    nameEn: 'Yantai access network maintenance centre',
    kind: 'access_network',
    head: ['luobin', '罗斌'],
    handler: ['songtao', '宋涛'],
  },
  {
    code: 'WLM',
    parent: 'HQ',
    name: '无线维护中心',
    nameEn: 'Wireless maintenance centre',
    kind: 'wireless',
    head: ['tangwei', '唐伟'],
    handler: ['dengchao', '邓超'],
  },
  {
    code: 'GES',
    parent: 'HQ',
    name: '政企支撑中心',
    nameEn: 'Government and enterprise support centre',
    kind: 'gov_enterprise',
    head: ['hanxue', '韩雪'],
    handler: ['fengkai', '冯凯'],
  },
  {
    code: 'OCM',
    parent: 'HQ',
    name: '光缆维护中心',
    nameEn: 'Optical cable maintenance centre',
    kind: 'optical_cable',
    head: ['caoyu', '曹宇'],
    handler: ['pengfei', '彭飞'],
  },
];

const SAMPLES: { businessType: BusinessType; subtype: string; text: string }[] = [
  { businessType: 'broadband', subtype: 'broadband_down', text: '宽带无法上网，光猫 LOS 灯红色闪烁' },
  { businessType: 'broadband', subtype: 'broadband_slow', text: '晚上网速很慢，测速只有 20M' },
  { businessType: 'mobile', subtype: 'no_mobile_signal', text: '小区地下车库手机没有信号' },
  { businessType: 'fixed_line', subtype: 'fixed_line_down', text: '家里固话拿起来没有拨号音' },
  { businessType: 'iptv', subtype: 'iptv_fault', text: 'IPTV 开机后一直转圈无法播放' },
];

export async function seedWorkOrdersDemo(services: Services, demo: DemoContext): Promise<void> {
  const { db } = services;
  const handlerRole = await findRoleByCode(db, 'maintenance_handler');
  for (const c of CENTRES) {
    const parentId = demo.orgUnits.get(c.parent);
    if (!parentId) continue;
    const unit = await insertOrgUnit(db, {
      parentId,
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      kind: 'department',
    });
    demo.orgUnits.set(c.code, unit.id);
    const ids: string[] = [];
    for (const [username, name] of [c.head, c.handler]) {
      const employee = await createEmployee(db, demo.ctx, {
        username,
        password: demo.password,
        name,
        orgUnitId: unit.id,
        roleIds: handlerRole ? [handlerRole.id] : [],
      });
      demo.employees.set(username, employee.id);
      ids.push(employee.id);
    }
    await db
      .insertInto('service_centres')
      .values({ org_unit_id: unit.id, kind: c.kind, head_employee_id: ids[0] })
      .execute();
  }

  // A few open work orders so the queues are not empty on a first start.
  const agent = demo.employees.get('chenjie');
  if (!agent) return;
  const types = new Map(
    (await db.selectFrom('work_order_types').select(['id', 'code']).execute()).map((t) => [t.code, t.id]),
  );
  const ctx = { ...demo.ctx, employeeId: agent, name: '陈杰' };
  for (const customerId of demo.customerIds.slice(0, 8)) {
    const sample = pick(demo.random, SAMPLES);
    const customer = await db
      .selectFrom('customers')
      .select('phone')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    await createWorkOrder(db, ctx, {
      customerId,
      typeId: types.get('fault')!,
      subtypeId: types.get(sample.subtype),
      businessType: sample.businessType,
      priority: pick(demo.random, ['normal', 'normal', 'high'] as const),
      contactPhone: customer.phone,
      description: sample.text,
    });
  }
}

/** Who handles work orders in the demo, for the start-up lines: "head, handler (centre)" per centre. */
export function demoCentreStaff(): string {
  return CENTRES.map((c) => `${c.head[0]}, ${c.handler[0]} (${c.nameEn})`).join('; ');
}
