import { defineErrors } from '../../platform/errors.ts';

export const workOrderError = defineErrors({
  WORK_ORDER_NOT_FOUND: { status: 404, zh: '工单不存在', en: 'Work order not found' },
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  INVALID_TRANSITION: {
    status: 409,
    zh: '工单当前状态为“{status}”，不能执行“{action}”',
    en: 'A work order that is "{status}" cannot be "{action}"',
  },
  NOT_YOUR_STEP: { status: 403, zh: '这一步应由{who}处理', en: 'This step belongs to {who}' },
  CANNOT_ARCHIVE_DISSATISFIED: {
    status: 409,
    zh: '客户不满意，请重新派回处理部门，不能归档',
    en: 'The customer is not satisfied: reopen it instead of archiving',
  },
  NOT_A_DEPARTMENT: { status: 400, zh: '所选机构不是部门', en: 'The chosen org unit is not a department' },
  NOT_A_REGION: { status: 400, zh: '所选机构不是地区', en: 'The chosen org unit is not a region' },
  UNKNOWN_TYPE: {
    status: 400,
    zh: '工单类型不存在或子类型不属于该类型',
    en: 'Unknown type, or the sub-type does not belong to it',
  },
  UNKNOWN_EMPLOYEE: { status: 400, zh: '员工不存在或已停用', en: 'No such active employee' },
  SAME_DEPARTMENT: { status: 409, zh: '工单已在该部门', en: 'The work order is already with that department' },
  ROUTING_RULE_NOT_FOUND: { status: 404, zh: '派单规则不存在', en: 'Routing rule not found' },
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'Attachment not found' },
  ATTACHMENT_FILE_MISSING: {
    status: 404,
    zh: '附件文件已丢失，请联系管理员',
    en: "The attachment's file is missing; tell your administrator",
  },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件不能超过 {limitMb} MB', en: 'Attachments are limited to {limitMb} MB' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '只能上传 PNG、JPEG 图片或 PDF 文件',
    en: 'Only PNG or JPEG images and PDF files are accepted',
  },
  ATTACHMENT_MISSING: { status: 400, zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  NO_ACCEPTING_AGENT: {
    status: 503,
    zh: '暂时无法在线受理，请致电客服热线',
    en: 'We cannot accept this online right now; please call customer service',
  },
  WORK_ORDER_CLOSED: {
    status: 409,
    zh: '工单已归档，不能修改',
    en: 'The work order is archived and cannot be changed',
  },
});
