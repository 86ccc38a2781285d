import { defineErrors } from '../../platform/errors.ts';

export const customerError = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  DUPLICATE_ID_CARD: {
    status: 409,
    zh: '该身份证号已开户：客户 {customerNo}',
    en: 'This ID card already has an account: customer {customerNo}',
  },
  CUSTOMER_HAS_ARREARS: {
    status: 409,
    zh: '客户尚有欠费 ¥{arrears}，结清后才能销户',
    en: 'The customer owes ¥{arrears}; settle it before cancelling',
  },
  CUSTOMER_NOT_ACTIVE: {
    status: 409,
    zh: '客户已销户或已合并，不能再修改',
    en: 'The customer is cancelled or merged and cannot be changed',
  },
  OUT_OF_SCOPE: {
    status: 403,
    zh: '不能把客户放到您的数据权限范围之外',
    en: 'You cannot place a customer outside your data scope',
  },
  NOT_A_REGION: { status: 400, zh: '所选机构不是地区', en: 'The chosen org unit is not a region' },
  UNKNOWN_EMPLOYEE: { status: 400, zh: '客户经理不存在或已停用', en: 'No such active account manager' },
  IMPORT_NO_FILE: { status: 400, zh: '请选择要导入的文件', en: 'Choose a file to import' },
  IMPORT_EMPTY_FILE: { status: 400, zh: '文件是空的或没有表头', en: 'The file is empty or has no header row' },
  IMPORT_MAPPING_INVALID: {
    status: 400,
    zh: '字段对应关系不完整，请为标出的字段选择文件中的列',
    en: 'The field mapping is incomplete: choose a file column for each marked field',
  },
  IMPORT_FILE_MALFORMED: { status: 400, zh: '文件格式有误：{detail}', en: 'The file is malformed: {detail}' },
  IMPORT_NOT_FOUND: { status: 404, zh: '导入批次不存在', en: 'Import batch not found' },
});
