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
});
