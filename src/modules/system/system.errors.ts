import { defineErrors } from '../../platform/errors.ts';

export const systemError = defineErrors({
  ORG_UNIT_NOT_FOUND: { status: 404, zh: '组织机构不存在', en: 'Org unit not found' },
  ORG_UNIT_CYCLE: { status: 409, zh: '不能把机构移到它自己的下级', en: 'An org unit cannot move under itself' },
  EMPLOYEE_NOT_FOUND: { status: 404, zh: '员工不存在', en: 'Employee not found' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'That username is taken' },
  ROLE_NOT_FOUND: { status: 404, zh: '角色不存在', en: 'Role not found' },
  ROLE_CODE_TAKEN: { status: 409, zh: '角色代码已被使用', en: 'That role code is taken' },
  CANNOT_DISABLE_SELF: { status: 409, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  API_TOKEN_NOT_FOUND: { status: 404, zh: 'API 令牌不存在', en: 'API token not found' },
  JOB_NOT_RETRYABLE: {
    status: 409,
    zh: '只能重试失败的任务（且同名任务未在运行）',
    en: 'Only a failed job can be retried, and not while the same job runs',
  },
});
