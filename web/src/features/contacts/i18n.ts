import { registerTranslations } from '../../app/i18n.ts';

export const useContactsT = registerTranslations('contacts', {
  'zh-CN': {
    title: '联系人', search: '姓名或电话', searchLabel: '搜索联系人', create: '新建联系人', edit: '编辑联系人', empty: '没有联系人',
    field: { name: '姓名', phone: '电话', email: '电子邮箱', title: '职务', notes: '备注', customers: '关联客户', role: '角色' },
    role: { legal_representative: '法定代表人', finance: '财务联系人', technical: '技术联系人', purchasing: '采购联系人', family: '家属', other: '其他' },
    saved: '联系人已保存', pageInfo: '第 {{page}} 页',
    tab: {
      add: '添加联系人', empty: '该客户还没有联系人', unlink: '移除', unlinkConfirm: '确定把 {{name}} 从该客户的联系人中移除？联系人本身会保留。',
      linked: '已添加联系人', unlinked: '已移除联系人', roleChanged: '角色已更改', existing: '选择已有联系人', new: '新建联系人', pick: '选择', picked: '已选择：{{name}}',
      changeRole: '更改 {{name}} 的角色',
    },
  },
  en: {
    title: 'Contacts', search: 'Name or phone', searchLabel: 'Search contacts', create: 'New contact', edit: 'Edit contact', empty: 'No contacts',
    field: { name: 'Name', phone: 'Phone', email: 'Email', title: 'Title', notes: 'Notes', customers: 'Customers', role: 'Role' },
    role: { legal_representative: 'Legal representative', finance: 'Finance', technical: 'Technical', purchasing: 'Purchasing', family: 'Family', other: 'Other' },
    saved: 'Contact saved', pageInfo: 'Page {{page}}',
    tab: {
      add: 'Add contact', empty: 'This customer has no contacts yet', unlink: 'Remove', unlinkConfirm: "Remove {{name}} from this customer's contacts? The contact itself is kept.",
      linked: 'Contact added', unlinked: 'Contact removed', roleChanged: 'Role changed', existing: 'Pick an existing contact', new: 'Create a new contact', pick: 'Pick', picked: 'Picked: {{name}}',
      changeRole: 'Change the role of {{name}}',
    },
  },
});
