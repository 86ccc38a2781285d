import { registerTranslations } from '../../app/i18n.ts';

export const useStatsT = registerTranslations('stats', {
  'zh-CN': {
    title: '客户统计',
    filter: { groupBy: '统计维度', from: '开始日期', to: '结束日期', region: '地区', allRegions: '全部地区', apply: '查询' },
    groupBy: { region: '按地区', category: '按客户类别', level: '按客户等级', lifecycle: '按生命周期', segment: '按客户分群', month: '按月份' },
    column: { group: '分组', active: '在网客户', new: '新增', cancelled: '销户', churned: '流失', revenue: '收入(元)', arpu: 'ARPU(元)' },
    none: '未分群', total: '合计', export: '导出 Excel', print: '打印', empty: '该时段没有数据',
    value: {
      individual: '个人', enterprise: '企业', key_account: '大客户', ordinary: '普通', silver: '银卡', gold: '金卡', vip: 'VIP',
      potential: '潜在客户', formal: '正式客户', declining: '衰退客户', churned: '流失客户',
    },
  },
  en: {
    title: 'Customer statistics',
    filter: { groupBy: 'Group by', from: 'From', to: 'To', region: 'Region', allRegions: 'All regions', apply: 'Show' },
    groupBy: { region: 'Region', category: 'Category', level: 'Level', lifecycle: 'Lifecycle', segment: 'Segment', month: 'Month' },
    column: { group: 'Group', active: 'On the books', new: 'New', cancelled: 'Cancelled', churned: 'Churned', revenue: 'Revenue (¥)', arpu: 'ARPU (¥)' },
    none: 'No segment', total: 'Total', export: 'Export to Excel', print: 'Print', empty: 'No data for this period',
    value: {
      individual: 'Individual', enterprise: 'Enterprise', key_account: 'Key account', ordinary: 'Ordinary', silver: 'Silver', gold: 'Gold', vip: 'VIP',
      potential: 'Potential', formal: 'Formal', declining: 'Declining', churned: 'Churned',
    },
  },
});
