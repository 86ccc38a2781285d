import { registerTranslations } from '../i18n.ts';

/** The header search's strings. */
export const useGlobalSearchT = registerTranslations('globalSearch', {
  'zh-CN': {
    label: '全局搜索',
    placeholder: '搜索客户、工单号、知识…（/ 或 Ctrl+K）',
    searching: '正在搜索…',
    none: '没有找到匹配的记录',
    type: {
      customer: '客户',
      contact: '联系人',
      workOrder: '服务工单',
      article: '知识文章',
      product: '产品套餐',
      employee: '员工',
    },
  },
  en: {
    label: 'Search everything',
    placeholder: 'Search customers, order numbers, articles… (/ or Ctrl+K)',
    searching: 'Searching…',
    none: 'Nothing matches',
    type: {
      customer: 'Customers',
      contact: 'Contacts',
      workOrder: 'Work orders',
      article: 'Articles',
      product: 'Products',
      employee: 'Employees',
    },
  },
});
