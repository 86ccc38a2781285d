import { registerTranslations } from '../../app/i18n.ts';

export const useCustomersT = registerTranslations('customers', {
  'zh-CN': {
    colon: '：',
    nav: { merge: '合并客户' },
    field: {
      customerNo: '客户编号', name: '姓名 / 名称', gender: '性别', birthDate: '出生日期', idCard: '身份证号', phone: '联系电话', backupPhone: '备用电话', email: '电子邮箱', address: '地址',
      education: '学历', job: '职业', income: '月收入（元）', category: '客户类别', level: '客户等级', lifecycle: '生命周期', segment: '客户细分', region: '所属地区',
      regionId: '所属地区', accountManager: '客户经理', accountManagerId: '客户经理', arrears: '欠费（元）', status: '状态', createdAt: '开户时间',
      cancelReason: '销户原因', contact: '联系人', role: '角色', mergedFrom: '合并自', mergedInto: '合并到', version: '版本',
    },
    category: { individual: '个人客户', enterprise: '企业客户', key_account: '政企大客户' },
    level: { ordinary: '普通', silver: '银卡', gold: '金卡', vip: 'VIP' },
    lifecycle: { potential: '潜在', formal: '正式', declining: '衰退', churned: '流失' },
    status: { active: '正常', cancelled: '已销户', merged: '已合并' },
    gender: { male: '男', female: '女' },
    contactRole: { legal_representative: '法定代表人', finance: '财务联系人', technical: '技术联系人', purchasing: '采购联系人', family: '家属', other: '其他' },
    education: { primary: '小学', secondary: '中学', college: '大专', bachelor: '本科', master: '硕士', doctorate: '博士' },
    list: {
      title: '客户查询', search: '编号、姓名、电话（可输后 4 位）、身份证号', searchLabel: '搜索客户', open: '开户', merge: '合并所选客户',
      selected: '已选择 {{count}} 位客户', mergeHint: '选择两位客户可合并', pageInfo: '第 {{page}} 页', empty: '没有符合条件的客户',
      anyRegion: '全部地区', any: '全部', anyManager: '全部客户经理', select: '选择',
    },
    open: {
      title: '开户', subtitle: '新客户建档', basics: '基本信息', profile: '客户画像', ownership: '归属', submit: '开户', submitting: '正在开户…',
      derived: '性别与出生日期由身份证号自动识别', duplicatesTitle: '以下客户使用同一电话，可能是重复开户：',
      existing: '查看已有客户 {{customerNo}}', created: '已开户：{{customerNo}}', regionPick: '请选择地区', managerNone: '暂不指定', continueAnyway: '仍然开户',
    },
    view: {
      details: '详细资料', history: '变更历史', edit: '修改', cancelAccount: '销户', merge: '合并重复客户', mergedBanner: '该客户已合并，资料以保留的客户为准：', openSurvivor: '打开保留的客户',
      cancelledBanner: '该客户已销户', reason: '原因', notFound: '客户不存在，或不在您的数据权限范围内', saved: '已保存', noChanges: '没有修改',
      back: '客户查询',
    },
    cancel: { title: '销户', reason: '销户原因', confirm: '确认销户', done: '已销户', warning: '销户后客户资料不能再修改。' },
    history: {
      empty: '暂无变更记录', action: { create: '开户', update: '修改资料', cancel: '销户', merge: '合并', merged_into: '被合并', link_contact: '添加联系人', update_contact_role: '更改联系人角色', unlink_contact: '移除联系人' },
      empty_value: '（空）',
    },
    merge: {
      title: '合并重复客户', pickA: '保留的客户', pickB: '被合并的客户', pickHint: '输入客户编号、姓名或电话查找', field: '字段',
      submit: '确认合并', done: '已合并：{{merged}} → {{survivor}}', explain: '被合并客户的联系人和历史记录将转到保留的客户，被合并客户将停用并指向保留的客户。',
      swap: '交换', search: '查找', choose: '选择', change: '更换', notActive: '只能合并正常状态的客户', confirm: '确认将 {{merged}} 合并到 {{survivor}}？',
    },
  },
  en: {
    colon: ': ',
    nav: { merge: 'Merge customers' },
    field: {
      customerNo: 'Customer no.', name: 'Name', gender: 'Gender', birthDate: 'Birth date', idCard: 'ID card no.', phone: 'Phone', backupPhone: 'Backup phone', email: 'E-mail', address: 'Address',
      education: 'Education', job: 'Occupation', income: 'Monthly income (¥)', category: 'Category', level: 'Level', lifecycle: 'Lifecycle', segment: 'Segment', region: 'Region',
      regionId: 'Region', accountManager: 'Account manager', accountManagerId: 'Account manager', arrears: 'Arrears (¥)', status: 'Status', createdAt: 'Opened',
      cancelReason: 'Cancellation reason', contact: 'Contact', role: 'Role', mergedFrom: 'Merged from', mergedInto: 'Merged into', version: 'Version',
    },
    category: { individual: 'Individual', enterprise: 'Enterprise', key_account: 'Key account' },
    level: { ordinary: 'Ordinary', silver: 'Silver', gold: 'Gold', vip: 'VIP' },
    lifecycle: { potential: 'Potential', formal: 'Formal', declining: 'Declining', churned: 'Churned' },
    status: { active: 'Active', cancelled: 'Cancelled', merged: 'Merged' },
    gender: { male: 'Male', female: 'Female' },
    contactRole: { legal_representative: 'Legal representative', finance: 'Finance', technical: 'Technical', purchasing: 'Purchasing', family: 'Family', other: 'Other' },
    education: { primary: 'Primary', secondary: 'Secondary', college: 'College', bachelor: 'Bachelor', master: 'Master', doctorate: 'Doctorate' },
    list: {
      title: 'Find customers', search: 'No., name, phone (or its last 4+ digits), ID card', searchLabel: 'Search customers', open: 'Open account',
      merge: 'Merge selected', selected: '{{count}} selected', mergeHint: 'Select two customers to merge them', pageInfo: 'Page {{page}}',
      empty: 'No customers match', anyRegion: 'All regions', any: 'All', anyManager: 'All account managers', select: 'Select',
    },
    open: {
      title: 'Open an account', subtitle: 'Register a new customer', basics: 'Basics', profile: 'Profile', ownership: 'Ownership', submit: 'Open account',
      submitting: 'Opening…', derived: 'Gender and birth date are read from the ID-card number', duplicatesTitle: 'These customers share the phone; this may be a duplicate:',
      existing: 'Open existing customer {{customerNo}}', created: 'Account opened: {{customerNo}}', regionPick: 'Choose a region',
      managerNone: 'Not assigned', continueAnyway: 'Open anyway',
    },
    view: {
      details: 'Details', history: 'History', edit: 'Edit', cancelAccount: 'Cancel account', merge: 'Merge duplicate', mergedBanner: 'This customer was merged; the kept record is the one to use:', openSurvivor: 'open the kept customer',
      cancelledBanner: 'This account is cancelled', reason: 'Reason', notFound: 'No such customer, or it is outside your data scope', saved: 'Saved', noChanges: 'Nothing changed',
      back: 'Customers',
    },
    cancel: { title: 'Cancel account', reason: 'Reason for cancelling', confirm: 'Cancel the account', done: 'Account cancelled', warning: 'A cancelled customer can no longer be changed.' },
    history: {
      empty: 'No changes yet', action: { create: 'Opened', update: 'Edited', cancel: 'Cancelled', merge: 'Merged', merged_into: 'Merged into another', link_contact: 'Contact added', update_contact_role: 'Contact role changed', unlink_contact: 'Contact removed' },
      empty_value: '(empty)',
    },
    merge: {
      title: 'Merge duplicate customers', pickA: 'Customer to keep', pickB: 'Customer to merge away', pickHint: 'Type a customer no., name or phone', field: 'Field',
      submit: 'Merge', done: 'Merged: {{merged}} → {{survivor}}', explain: "The merged customer's contacts and history move to the kept one; the merged record is retired and points to it.",
      swap: 'Swap', search: 'Find', choose: 'Choose', change: 'Change', notActive: 'Only active customers can be merged', confirm: 'Merge {{merged}} into {{survivor}}?',
    },
  },
});
