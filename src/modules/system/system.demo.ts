import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { createEmployee } from './employees.service.ts';
import * as repo from './system.repository.ts';
import type { OrgUnitKind } from './system.tables.ts';

/** A provincial branch: three cities, their counties, and the departments front-desk and call-centre staff sit in. */
const ORG_TREE: { code: string; parent: string | null; name: string; nameEn: string; kind: OrgUnitKind }[] = [
  { code: 'JN', parent: 'HQ', name: '济南市分公司', nameEn: 'Jinan branch', kind: 'city' },
  { code: 'JN-LC', parent: 'JN', name: '历城区', nameEn: 'Licheng district', kind: 'county' },
  { code: 'JN-ZQ', parent: 'JN', name: '章丘区', nameEn: 'Zhangqiu district', kind: 'county' },
  { code: 'JN-FD', parent: 'JN', name: '济南营业厅', nameEn: 'Jinan front desk', kind: 'department' },
  { code: 'JN-MKT', parent: 'JN', name: '济南市场部', nameEn: 'Jinan marketing', kind: 'department' },
  { code: 'JN-SVC', parent: 'JN', name: '济南客户服务部', nameEn: 'Jinan customer service', kind: 'department' },
  { code: 'QD', parent: 'HQ', name: '青岛市分公司', nameEn: 'Qingdao branch', kind: 'city' },
  { code: 'QD-HD', parent: 'QD', name: '黄岛区', nameEn: 'Huangdao district', kind: 'county' },
  { code: 'QD-FD', parent: 'QD', name: '青岛营业厅', nameEn: 'Qingdao front desk', kind: 'department' },
  { code: 'YT', parent: 'HQ', name: '烟台市分公司', nameEn: 'Yantai branch', kind: 'city' },
  { code: 'YT-FD', parent: 'YT', name: '烟台营业厅', nameEn: 'Yantai front desk', kind: 'department' },
  { code: 'CC', parent: 'HQ', name: '呼叫中心', nameEn: 'Call centre', kind: 'department' },
  { code: 'CC-T1', parent: 'CC', name: '外呼一组', nameEn: 'Outbound team 1', kind: 'team' },
];

const STAFF: { username: string; name: string; org: string; role: string }[] = [
  { username: 'zhangwei', name: '张伟', org: 'JN-FD', role: 'account_manager' },
  { username: 'liuna', name: '刘娜', org: 'QD-FD', role: 'account_manager' },
  { username: 'zhouqiang', name: '周强', org: 'YT-FD', role: 'account_manager' },
  { username: 'wangfang', name: '王芳', org: 'JN-MKT', role: 'marketing_manager' },
  { username: 'chenjie', name: '陈杰', org: 'JN-SVC', role: 'after_sales' },
  { username: 'zhaolei', name: '赵磊', org: 'CC-T1', role: 'telemarketer' },
  { username: 'sunli', name: '孙丽', org: 'CC', role: 'cc_supervisor' },
];

export async function seedSystemDemo({ db }: Services, demo: DemoContext): Promise<void> {
  for (const unit of await repo.listOrgUnits(db)) if (unit.code) demo.orgUnits.set(unit.code, unit.id);
  for (const unit of ORG_TREE) {
    if (demo.orgUnits.has(unit.code)) continue;
    const created = await repo.insertOrgUnit(db, { ...unit, parentId: demo.orgUnits.get(unit.parent ?? 'HQ') ?? null });
    demo.orgUnits.set(unit.code, created.id);
  }
  for (const person of STAFF) {
    const role = await repo.findRoleByCode(db, person.role);
    const employee = await createEmployee(db, demo.ctx, {
      username: person.username,
      password: demo.password,
      name: person.name,
      orgUnitId: demo.orgUnits.get(person.org)!,
      roleIds: role ? [role.id] : [],
    });
    demo.employees.set(person.username, employee.id);
  }
}
