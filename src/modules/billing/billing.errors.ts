import { defineErrors } from '../../platform/errors.ts';
import { registerFieldMessages } from '../../platform/http/field-messages.ts';

export const billingError = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  BILL_NOT_FOUND: { status: 404, zh: '账单不存在', en: 'Bill not found' },
  BATCH_NOT_FOUND: { status: 404, zh: '导入批次不存在', en: 'Import batch not found' },
  FUTURE_MONTH: { status: 400, zh: '不能为未来月份出账', en: 'A future month cannot be billed' },
  NO_FILE: { status: 400, zh: '请选择要导入的文件', en: 'Choose a file to import' },
  EMPTY_FILE: { status: 400, zh: '文件是空的或没有表头', en: 'The file is empty or has no header row' },
  MAPPING_INVALID: {
    status: 400,
    zh: '字段对应关系不完整，请为标出的字段选择文件中的列',
    en: 'The field mapping is incomplete: choose a file column for each marked field',
  },
  FILE_MALFORMED: { status: 400, zh: '文件格式有误：{detail}', en: 'The file is malformed: {detail}' },
  MERGED_HAS_ARREARS: {
    status: 409,
    zh: '被合并的客户尚有欠费 ¥{arrears}，结清后才能合并',
    en: 'The customer being merged away owes ¥{arrears}; settle it before merging',
  },
  TEMPLATE_EXISTS: { status: 409, zh: '已有同名模板', en: 'A template with this name exists' },
});

registerFieldMessages({ 'choose the file column': '请选择文件中的列' });
