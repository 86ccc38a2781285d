import { registerTranslations } from '../../app/i18n.ts';

export const useChurnT = registerTranslations('churn', {
  'zh-CN': {
    nav: { records: '流失客户', reports: '流失分析', risk: '流失预警', retention: '挽留计划' },
    tab: { risk: '流失风险评分', notScored: '暂无评分（非在网客户或尚未评分）', tasks: '挽留任务', noTasks: '没有挽留任务', records: '流失记录' },
    reason: { price: '价格', network_quality: '网络质量', service: '服务', moved_away: '搬迁', competitor_offer: '竞争对手优惠', other: '其他' },
    source: { cancellation: '销户', import: '导入', manual: '登记' },
    outcome: { won_back: '挽回成功', refused: '客户拒绝', unreachable: '联系不上' },
    records: {
      title: '流失客户', add: '登记流失客户', import: '批量导入', edit: '修改', empty: '没有流失记录', loadMore: '加载更多',
      column: { customer: '客户', region: '地区', churnedOn: '流失日期', reason: '流失原因', competitor: '转入运营商', source: '来源', notes: '备注' },
      filter: { from: '开始日期', to: '结束日期', reason: '流失原因', all: '全部', apply: '查询' },
    },
    form: {
      titleNew: '登记流失客户', titleEdit: '修改流失记录', customerNo: '客户编号', churnedOn: '流失日期', reason: '流失原因', competitor: '转入运营商',
      notes: '备注', noCustomer: '找不到该客户编号', saved: '已保存',
    },
    importer: {
      title: '批量导入流失客户', file: '选择文件（CSV 或 Excel）', hint: '列：客户编号、流失日期、流失原因、竞争对手、备注', preview: '预览', apply: '确认导入',
      summary: '共 {{total}} 行：{{valid}} 行正确，{{invalid}} 行有误', done: '已导入 {{count}} 条', fixFirst: '请先修正有误的行再导入，未导入任何记录',
      column: { row: '行号', customerNo: '客户编号', churnedOn: '流失日期', reason: '原因', problems: '问题' }, ok: '正确',
    },
    reports: {
      title: '流失分析', groupBy: '统计维度', from: '开始日期', to: '结束日期', apply: '查询', export: '导出 Excel', print: '打印', empty: '该时段没有流失',
      group: { month: '按月份', region: '按地区', category: '按客户类别', level: '按客户等级', segment: '按客户分群', package: '按套餐', reason: '按流失原因' },
      none: '（无）',
      column: { group: '分组', churned: '流失客户', base: '客户基数', rate: '流失率' },
    },
    risk: {
      title: '流失预警', minScore: '最低风险分', mine: '只看我的客户', apply: '查询', empty: '没有达到该风险分的客户', loadMore: '加载更多',
      column: { score: '风险分', customer: '客户', phone: '电话', manager: '客户经理', factors: '主要原因', action: '操作' },
      start: '发起挽留', started: '已有挽留任务', model: { logistic: '模型评分', rules: '规则评分' },
      dialog: { title: '发起挽留任务：{{name}}', offer: '挽留方案', defaultOffer: '致电关怀，了解需求，推荐合适套餐', due: '截止日期', submit: '创建任务', created: '挽留任务已创建' },
    },
    retention: {
      title: '挽留计划', plans: '计划', tasks: '我的挽留任务', newPlan: '新建挽留计划', empty: '还没有挽留计划', noTasks: '没有待办的挽留任务',
      column: { name: '计划名称', offer: '挽留方案', owner: '负责人', due: '截止日期', tasks: '任务数', done: '已完成', rate: '挽回率', customer: '客户', phone: '电话', score: '风险分', outcome: '结果' },
      form: { name: '计划名称', offer: '挽留方案', due: '截止日期', minScore: '目标：风险分不低于', targets: '将为 {{count}} 位客户创建任务', submit: '创建计划', created: '已创建 {{count}} 个任务' },
      note: '备注', open: '待处理',
    },
  },
  en: {
    nav: { records: 'Churned customers', reports: 'Churn analysis', risk: 'Churn risk', retention: 'Retention plans' },
    tab: { risk: 'Churn-risk score', notScored: 'No score (not active, or not scored yet)', tasks: 'Retention tasks', noTasks: 'No retention tasks', records: 'Churn records' },
    reason: { price: 'Price', network_quality: 'Network quality', service: 'Service', moved_away: 'Moved away', competitor_offer: 'Competitor offer', other: 'Other' },
    source: { cancellation: 'Cancellation', import: 'Import', manual: 'Entered' },
    outcome: { won_back: 'Won back', refused: 'Refused', unreachable: 'Unreachable' },
    records: {
      title: 'Churned customers', add: 'Record a churned customer', import: 'Import', edit: 'Edit', empty: 'No churn records', loadMore: 'Load more',
      column: { customer: 'Customer', region: 'Region', churnedOn: 'Churned on', reason: 'Reason', competitor: 'Moved to', source: 'Source', notes: 'Notes' },
      filter: { from: 'From', to: 'To', reason: 'Reason', all: 'All', apply: 'Show' },
    },
    form: {
      titleNew: 'Record a churned customer', titleEdit: 'Edit churn record', customerNo: 'Customer number', churnedOn: 'Churned on', reason: 'Reason',
      competitor: 'Moved to (operator)', notes: 'Notes', noCustomer: 'No customer with this number', saved: 'Saved',
    },
    importer: {
      title: 'Import churned customers', file: 'Choose a file (CSV or Excel)', hint: 'Columns: customerNo, churnedOn, reasonCategory, competitor, notes', preview: 'Preview', apply: 'Import',
      summary: '{{total}} rows: {{valid}} correct, {{invalid}} with problems', done: '{{count}} imported', fixFirst: 'Fix the rows with problems first; nothing was imported',
      column: { row: 'Row', customerNo: 'Customer', churnedOn: 'Churned on', reason: 'Reason', problems: 'Problems' }, ok: 'OK',
    },
    reports: {
      title: 'Churn analysis', groupBy: 'Group by', from: 'From', to: 'To', apply: 'Show', export: 'Export to Excel', print: 'Print', empty: 'No churn in this period',
      group: { month: 'Month', region: 'Region', category: 'Category', level: 'Level', segment: 'Segment', package: 'Package', reason: 'Reason' },
      none: '(none)',
      column: { group: 'Group', churned: 'Churned', base: 'Customer base', rate: 'Churn rate' },
    },
    risk: {
      title: 'Churn risk', minScore: 'Minimum score', mine: 'Only my customers', apply: 'Show', empty: 'No customer at this risk', loadMore: 'Load more',
      column: { score: 'Risk', customer: 'Customer', phone: 'Phone', manager: 'Account manager', factors: 'Why', action: 'Action' },
      start: 'Start retention', started: 'Retention under way', model: { logistic: 'Model score', rules: 'Rule score' },
      dialog: { title: 'Retention task: {{name}}', offer: 'Offer', defaultOffer: 'Call, listen, and suggest a better-fitting package', due: 'Due', submit: 'Create task', created: 'Retention task created' },
    },
    retention: {
      title: 'Retention plans', plans: 'Plans', tasks: 'My retention tasks', newPlan: 'New retention plan', empty: 'No retention plans yet', noTasks: 'No open retention tasks',
      column: { name: 'Plan', offer: 'Offer', owner: 'Owner', due: 'Due', tasks: 'Tasks', done: 'Done', rate: 'Won back', customer: 'Customer', phone: 'Phone', score: 'Risk', outcome: 'Outcome' },
      form: { name: 'Plan name', offer: 'Offer', due: 'Due', minScore: 'Targets: risk score at least', targets: 'Creates tasks for {{count}} customers', submit: 'Create plan', created: '{{count}} tasks created' },
      note: 'Note', open: 'Open',
    },
  },
});
