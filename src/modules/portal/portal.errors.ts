import { defineErrors } from '../../platform/errors.ts';

export const portalError = defineErrors({
  PORTAL_UNAUTHENTICATED: { status: 401, zh: '请先登录自助服务', en: 'Please sign in to self-service' },
  PORTAL_CSRF_INVALID: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page has expired; reload and try again',
  },
  BAD_CREDENTIALS: { status: 401, zh: '手机号或密码不正确', en: 'Wrong phone number or password' },
  RESET_TOKEN_INVALID: {
    status: 400,
    zh: '重置链接无效或已过期，请联系营业厅重新获取',
    en: 'The reset link is invalid or expired; ask the branch for a new one',
  },
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  PHONE_TAKEN: {
    status: 409,
    zh: '该手机号已用于另一位客户的自助服务登录',
    en: 'This phone number already signs in another customer',
  },
});
