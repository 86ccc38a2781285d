import { defineErrors } from '../../platform/errors.ts';

export const authError = defineErrors({
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 429,
    zh: '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  ADDRESS_LOCKED: {
    status: 429,
    zh: '此网络地址登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins from this address; try again in {minutes} minutes',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账号已停用，请联系管理员',
    en: 'This account is disabled; contact your administrator',
  },
  OLD_PASSWORD_LOCKED: {
    status: 429,
    zh: '原密码输错次数过多，账号已暂时锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong current passwords; the account is locked, try again in {minutes} minutes',
  },
  API_TOKEN_EXPIRED: { status: 401, zh: 'API 令牌已过期', en: 'This API token has expired' },
  API_TOKEN_READ_ONLY: {
    status: 403,
    zh: '此 API 令牌为只读，只能发起 GET 请求',
    en: 'This API token is read-only: GET requests only',
  },
  API_TOKEN_OUT_OF_SCOPE: {
    status: 403,
    zh: '此 API 令牌无权调用 /api/{module}',
    en: 'This API token may not call /api/{module}',
  },
  WRONG_OLD_PASSWORD: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
});
