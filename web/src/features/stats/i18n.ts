import { registerTranslations } from '../../app/i18n.ts';
import { CUSTOMER_CATEGORY_LABELS, CUSTOMER_LEVEL_LABELS, CUSTOMER_LIFECYCLE_LABELS } from '@shared/customer-enums.ts';
import { labelsIn } from '@shared/labels.ts';

export const useStatsT = registerTranslations('stats', {
  'zh-CN': {
    title: '客户统计',
    filter: {
      groupBy: '统计维度',
      from: '开始日期',
      to: '结束日期',
      region: '地区',
      allRegions: '全部地区',
      apply: '查询',
    },
    groupBy: {
      region: '按地区',
      category: '按客户类别',
      level: '按客户等级',
      lifecycle: '按生命周期',
      segment: '按客户分群',
      month: '按月份',
    },
    column: {
      group: '分组',
      active: '在网客户',
      new: '新增',
      cancelled: '销户',
      churned: '流失',
      revenue: '收入(元)',
      arpu: 'ARPU(元)',
    },
    none: '未分群',
    total: '合计',
    export: '导出 Excel',
    print: '打印',
    empty: '该时段没有数据',
    value: {
      ...labelsIn(CUSTOMER_CATEGORY_LABELS, 'zh'),
      ...labelsIn(CUSTOMER_LEVEL_LABELS, 'zh'),
      ...labelsIn(CUSTOMER_LIFECYCLE_LABELS, 'zh'),
    },
  },
  en: {
    title: 'Customer statistics',
    filter: { groupBy: 'Group by', from: 'From', to: 'To', region: 'Region', allRegions: 'All regions', apply: 'Show' },
    groupBy: {
      region: 'Region',
      category: 'Category',
      level: 'Level',
      lifecycle: 'Lifecycle',
      segment: 'Segment',
      month: 'Month',
    },
    column: {
      group: 'Group',
      active: 'On the books',
      new: 'New',
      cancelled: 'Cancelled',
      churned: 'Churned',
      revenue: 'Revenue (¥)',
      arpu: 'ARPU (¥)',
    },
    none: 'No segment',
    total: 'Total',
    export: 'Export to Excel',
    print: 'Print',
    empty: 'No data for this period',
    value: {
      ...labelsIn(CUSTOMER_CATEGORY_LABELS, 'en'),
      ...labelsIn(CUSTOMER_LEVEL_LABELS, 'en'),
      ...labelsIn(CUSTOMER_LIFECYCLE_LABELS, 'en'),
    },
  },
});
