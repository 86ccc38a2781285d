import { useMemo } from 'react';
import { registerTranslations } from '../app/i18n.ts';

/**
 * The one label registry for the codes the audit trail stores (actions, objects, field names): the audit log and
 * the customer history show these words, never the codes, and the audit filter takes the words back to codes.
 */
const zh = {
  action: {
    login: '登录', login_failed: '登录失败', logout: '退出登录', create: '新建', update: '修改', edit: '编辑', save: '保存', disable: '停用',
    revoke: '吊销', cancel: '销户', merge: '合并', merged_into: '被合并', change_password: '修改密码', delete: '删除', rename: '改名',
    link: '关联', unlink: '解除关联', link_contact: '关联联系人', unlink_contact: '解除联系人', update_contact_role: '修改联系人角色',
    subscribe: '订购', change_package: '变更套餐', unsubscribe: '退订', lifecycle: '生命周期变更',
    portal_password_set: '设置自助服务密码', portal_password_reset: '重置自助服务密码', portal_reset_link: '发送自助服务重置链接',
    import_usage: '导入话单', import_payments: '导入缴费', import: '导入', billing_run: '出账', publish: '发布', start: '开始处理',
    dispatch: '派单', transfer: '转派', resolve: '办结', reopen: '重新打开', close: '关闭', archive: '归档', note: '备注', attach: '上传附件',
    'return-visit': '回访', 'sla-breach': '超时', satisfied: '满意', very_satisfied: '非常满意', dissatisfied: '不满意', satisfaction: '满意度',
    ask: '提问', answer: '回答', 'best-answer': '采纳最佳答案', promote: '转为知识', outcome: '挽留结果',
  },
  entity: {
    session: '登录会话', employee: '员工', role: '角色', org_unit: '组织机构', api_token: 'API 令牌', customer: '客户', contact: '联系人',
    product: '产品', billing_run: '出账批次', import_batch: '导入批次', import_template: '导入模板', churn_record: '流失记录',
    retention_plan: '挽留计划', retention_task: '挽留任务', segmentation_run: '客户细分', work_order: '工单', work_order_type: '工单类型',
    routing_rule: '派单规则', sla_policy: '时限规则', kb_article: '知识文章', kb_category: '知识分类', kb_question: '问答',
  },
  field: {
    name: '名称', status: '状态', phone: '电话', email: '电子邮箱', username: '用户名', roleIds: '角色', orgUnitId: '所属机构', regionId: '地区',
    subscriptionId: '订购编号', productId: '产品', startsOn: '生效日期', endsOn: '失效日期', reason: '原因', file: '文件', batchKey: '批次',
    accepted: '成功', rejected: '失败', total: '合计', month: '月份', permissions: '权限', dataScope: '数据范围', title: '标题', version: '版本',
    assigneeId: '处理人', departmentId: '处理部门', priority: '优先级', customerId: '客户', level: '等级', category: '类别', address: '地址',
    idCard: '身份证号', accountManagerId: '客户经理', lifecycle: '生命周期', note: '备注', outcome: '结果', dueDate: '截止日期',
  },
  actor: { 'demo seed': '演示数据' },
};
const en = {
  action: {
    login: 'Sign in', login_failed: 'Failed sign-in', logout: 'Sign out', create: 'Create', update: 'Update', edit: 'Edit', save: 'Save', disable: 'Disable',
    revoke: 'Revoke', cancel: 'Cancel account', merge: 'Merge', merged_into: 'Merged into', change_password: 'Change password', delete: 'Delete', rename: 'Rename',
    link: 'Link', unlink: 'Unlink', link_contact: 'Link contact', unlink_contact: 'Unlink contact', update_contact_role: 'Change contact role',
    subscribe: 'Subscribe', change_package: 'Change package', unsubscribe: 'Unsubscribe', lifecycle: 'Lifecycle change',
    portal_password_set: 'Set portal password', portal_password_reset: 'Reset portal password', portal_reset_link: 'Portal reset link',
    import_usage: 'Import usage', import_payments: 'Import payments', import: 'Import', billing_run: 'Billing run', publish: 'Publish', start: 'Start',
    dispatch: 'Dispatch', transfer: 'Transfer', resolve: 'Resolve', reopen: 'Reopen', close: 'Close', archive: 'Archive', note: 'Note', attach: 'Attach file',
    'return-visit': 'Return visit', 'sla-breach': 'SLA breach', satisfied: 'Satisfied', very_satisfied: 'Very satisfied', dissatisfied: 'Dissatisfied', satisfaction: 'Satisfaction',
    ask: 'Ask', answer: 'Answer', 'best-answer': 'Best answer', promote: 'Promote to article', outcome: 'Retention outcome',
  },
  entity: {
    session: 'Session', employee: 'Employee', role: 'Role', org_unit: 'Org unit', api_token: 'API token', customer: 'Customer', contact: 'Contact',
    product: 'Product', billing_run: 'Billing run', import_batch: 'Import batch', import_template: 'Import template', churn_record: 'Churn record',
    retention_plan: 'Retention plan', retention_task: 'Retention task', segmentation_run: 'Segmentation run', work_order: 'Work order', work_order_type: 'Work-order type',
    routing_rule: 'Routing rule', sla_policy: 'SLA policy', kb_article: 'Article', kb_category: 'Knowledge category', kb_question: 'Question',
  },
  field: {
    name: 'Name', status: 'Status', phone: 'Phone', email: 'E-mail', username: 'Username', roleIds: 'Roles', orgUnitId: 'Org unit', regionId: 'Region',
    subscriptionId: 'Subscription', productId: 'Product', startsOn: 'Starts on', endsOn: 'Ends on', reason: 'Reason', file: 'File', batchKey: 'Batch',
    accepted: 'Accepted', rejected: 'Rejected', total: 'Total', month: 'Month', permissions: 'Permissions', dataScope: 'Data scope', title: 'Title', version: 'Version',
    assigneeId: 'Handler', departmentId: 'Department', priority: 'Priority', customerId: 'Customer', level: 'Level', category: 'Category', address: 'Address',
    idCard: 'ID card', accountManagerId: 'Account manager', lifecycle: 'Lifecycle', note: 'Note', outcome: 'Outcome', dueDate: 'Due date',
  },
  actor: { 'demo seed': 'Demo data' },
};

const useLabelsT = registerTranslations('auditLabels', { 'zh-CN': zh, en });
type Group = 'action' | 'entity' | 'field' | 'actor';

/** `label('action', 'return-visit')` → 回访 / Return visit; a code without a label shows as it is. */
export function useAuditLabels() {
  const { t } = useLabelsT();
  return useMemo(() => {
    const label = (group: Group, code: string) => (code in zh[group] ? t(`${group}.${code}`) : code);
    /** The code a typed word means, in either language (客户 → customer); the word itself when none does. */
    const codeFor = (group: 'action' | 'entity', typed: string): string => {
      const word = typed.trim().toLowerCase();
      if (!word || word in zh[group]) return typed.trim();
      const labels = [zh[group], en[group]] as Record<string, string>[];
      const exact = labels.flatMap((l) => Object.entries(l)).find(([, v]) => v.toLowerCase() === word);
      const partial = labels.flatMap((l) => Object.entries(l)).find(([, v]) => v.toLowerCase().includes(word));
      return (exact ?? partial)?.[0] ?? typed.trim();
    };
    return { label, codeFor, codes: (group: 'action' | 'entity') => Object.keys(zh[group]) };
  }, [t]);
}
