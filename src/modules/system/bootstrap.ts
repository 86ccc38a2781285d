import { systemContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { randomPassword } from '../../platform/secrets.ts';
import { passwordProblem } from '../../platform/password-policy.ts';
import { createEmployee } from './employees.service.ts';
import * as repo from './system.repository.ts';

/**
 * On an empty database: the root org unit and the `admin` employee. Returns the admin's password when
 * it was generated here (so that main can print it once), undefined when the database already had staff.
 */
export async function ensureAdmin(
  db: Db,
  adminPassword: string | undefined,
): Promise<{ created: boolean; password?: string; adminId?: string }> {
  if (await repo.usernameExists(db, 'admin')) return { created: false };
  const units = await repo.listOrgUnits(db);
  const root =
    units.find((u) => u.parentId === null) ??
    (await repo.insertOrgUnit(db, {
      parentId: null,
      code: 'HQ',
      name: '省分公司',
      nameEn: 'Provincial branch',
      kind: 'province',
    }));
  const adminRole = await repo.findRoleByCode(db, 'admin');
  const password = adminPassword ?? randomPassword();
  const problem = passwordProblem(password, 'admin');
  if (problem) throw new Error(`LIANXI_ADMIN_PASSWORD is refused by the password policy: ${problem}`);
  const admin = await createEmployee(db, systemContext('0'), {
    username: 'admin',
    password,
    name: '系统管理员',
    orgUnitId: root.id,
    roleIds: adminRole ? [adminRole.id] : [],
  });
  return { created: true, password, adminId: admin.id };
}
