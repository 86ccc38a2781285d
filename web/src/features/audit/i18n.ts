import { registerTranslations } from '../../app/i18n.ts';

export const useAuditT = registerTranslations('audit', {
  'zh-CN': {
    title: '审计日志',
    filter: { entity: '对象类型', entityId: '对象编号', actor: '操作人', actorHint: '姓名或员工编号', action: '操作', from: '开始日期', to: '结束日期', apply: '查询', clear: '清除条件' },
    column: { at: '时间', actor: '操作人', ip: 'IP 地址', action: '操作', entity: '对象', entityId: '编号', details: '详情' },
    expand: '展开 {{id}} 的变更', collapse: '收起', noChanges: '没有字段变更', loadMore: '加载更多', loadingMore: '正在加载…', end: '已显示全部记录',
    empty: '没有符合条件的记录', shown: '已显示 {{count}} 条', field: '字段', old: '原值', new: '新值', emptyValue: '（空）',
  },
  en: {
    title: 'Audit log',
    filter: { entity: 'Entity', entityId: 'Entity id', actor: 'Actor', actorHint: 'Name or employee id', action: 'Action', from: 'From', to: 'To', apply: 'Filter', clear: 'Clear' },
    column: { at: 'When', actor: 'Who', ip: 'IP address', action: 'Action', entity: 'Entity', entityId: 'Id', details: 'Details' },
    expand: 'Show the changes of {{id}}', collapse: 'Hide', noChanges: 'No field changes', loadMore: 'Load more', loadingMore: 'Loading…', end: 'That is everything',
    empty: 'Nothing matches', shown: '{{count}} shown', field: 'Field', old: 'Old', new: 'New', emptyValue: '(empty)',
  },
});
