import { pick, type DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { getCustomer } from '../customers/index.ts';
import { createContact, linkContact } from './contacts.service.ts';

const NAMES = ['李明', '王磊', '张静', '刘洋', '陈晨', '杨帆', '赵敏', '孙悦', '周杰', '吴昊'];
const TITLES = {
  legal_representative: '法定代表人',
  finance: '财务经理',
  technical: '网络管理员',
  family: '家属',
} as const;

/** Enterprise customers get a legal representative and a finance contact; some people a family member. */
export async function seedContactsDemo({ db }: Services, demo: DemoContext): Promise<void> {
  const { random } = demo;
  for (const customerId of demo.customerIds) {
    const customer = await getCustomer(db, demo.ctx, customerId);
    const roles =
      customer.category === 'individual'
        ? random() < 0.2
          ? (['family'] as const)
          : []
        : (['legal_representative', 'finance'] as const);
    for (const role of roles) {
      const phone = `1${pick(random, ['38', '39', '58', '86'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const contact = await createContact(db, demo.ctx, { name: pick(random, NAMES), phone, title: TITLES[role] });
      await linkContact(db, demo.ctx, customerId, contact.id, role);
    }
  }
}
