import { defineErrors } from '../../platform/errors.ts';

export const churnError = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  RECORD_NOT_FOUND: { status: 404, zh: '流失记录不存在', en: 'Churn record not found' },
  ALREADY_RECORDED: {
    status: 409,
    zh: '该客户在这一天已有流失记录',
    en: 'This customer already has a churn record on that date',
  },
  IMPORT_HAS_ERRORS: {
    status: 422,
    zh: '文件中有 {errors} 行有误，未导入任何记录',
    en: '{errors} row(s) have errors; nothing was imported',
  },
  UNREADABLE_FILE: { status: 400, zh: '无法读取文件：{reason}', en: 'The file could not be read: {reason}' },
  PLAN_NOT_FOUND: { status: 404, zh: '挽留计划不存在', en: 'Retention plan not found' },
  TASK_NOT_FOUND: { status: 404, zh: '挽留任务不存在', en: 'Retention task not found' },
  TASK_ALREADY_OPEN: {
    status: 409,
    zh: '该客户已有进行中的挽留任务',
    en: 'This customer already has an open retention task',
  },
  TASK_ALREADY_DONE: { status: 409, zh: '该任务已记录结果', en: 'This task already has an outcome' },
  NO_ASSIGNEE: {
    status: 400,
    zh: '客户没有客户经理，请指定负责人',
    en: 'The customer has no account manager; choose an owner',
  },
  UNKNOWN_EMPLOYEE: { status: 400, zh: '负责人不存在或已停用', en: 'No such active employee' },
});
