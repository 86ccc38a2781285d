import { registerTranslations } from '../../app/i18n.ts';

export const useHomeT = registerTranslations('home', {
  'zh-CN': {
    title: '工作台',
    today: '今天 {{date}}',
    tasks: {
      title: '今日待办',
      empty: '今天没有到期的待办',
      retention: '挽留回访',
      overdue: '已逾期',
      due: '到期 {{date}}',
    },
    step: { start: '开始处理', resolve: '处理完毕', return_visit: '回访客户' },
    queues: {
      title: '我的工单队列',
      mine: '我的工单',
      department: '本部门工单',
      return_visit: '待我回访',
      open: '{{count}} 单',
      breached: '超时 {{count}}',
    },
    risk: { title: '我的高风险客户', empty: '暂无高流失风险客户', score: '风险 {{score}}' },
    figures: { title: '本月关键指标', active: '在网客户', new: '新增客户', cancelled: '销户', churned: '流失' },
    breached: '已超时',
  },
  en: {
    title: 'Home',
    today: 'Today {{date}}',
    tasks: {
      title: 'Due today',
      empty: 'Nothing is due today',
      retention: 'Win-back call',
      overdue: 'Overdue',
      due: 'Due {{date}}',
    },
    step: { start: 'Start work', resolve: 'Resolve', return_visit: 'Return visit' },
    queues: {
      title: 'My work-order queues',
      mine: 'My orders',
      department: 'My department',
      return_visit: 'Awaiting my return visit',
      open: '{{count}} open',
      breached: '{{count}} over SLA',
    },
    risk: { title: 'My customers at risk', empty: 'No customers at high risk', score: 'Risk {{score}}' },
    figures: {
      title: 'This month',
      active: 'Active customers',
      new: 'New customers',
      cancelled: 'Cancelled',
      churned: 'Churned',
    },
    breached: 'Over SLA',
  },
});
