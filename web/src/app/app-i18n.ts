import { registerTranslations } from './i18n.ts';

/** The shell's own strings (login, top bar, account, errors); features keep theirs beside them. */
export const useAppT = registerTranslations('app', {
  'zh-CN': {
    productName: '联系 CRM',
    tagline: '电信营业厅与呼叫中心客户管理',
    login: { title: '登录', username: '用户名', password: '密码', submit: '登录', submitting: '正在登录…', locked: '账号已临时锁定' },
    topbar: { account: '我的账户', logout: '退出登录', menu: '用户菜单' },
    account: {
      title: '修改密码', oldPassword: '原密码', newPassword: '新密码', confirmPassword: '确认新密码', save: '保存',
      tooShort: '新密码至少 10 个字符', mismatch: '两次输入的新密码不一致', changed: '密码已修改',
    },
    common: {
      cancel: '取消', close: '关闭', save: '保存', saving: '正在保存…', loading: '加载中…', empty: '没有记录',
      next: '下一页', previous: '上一页', search: '搜索', all: '全部', confirm: '确认', edit: '编辑',
    },
    errors: { title: '出错了', notFound: '页面不存在', reload: '重新加载', back: '返回首页' },
  },
  en: {
    productName: 'Lianxi CRM',
    tagline: 'Customer management for telecom branches and call centres',
    login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', submitting: 'Signing in…', locked: 'Account temporarily locked' },
    topbar: { account: 'My account', logout: 'Sign out', menu: 'User menu' },
    account: {
      title: 'Change password', oldPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Repeat new password', save: 'Save',
      tooShort: 'The new password needs at least 10 characters', mismatch: 'The two new passwords differ', changed: 'Password changed',
    },
    common: {
      cancel: 'Cancel', close: 'Close', save: 'Save', saving: 'Saving…', loading: 'Loading…', empty: 'Nothing here',
      next: 'Next', previous: 'Previous', search: 'Search', all: 'All', confirm: 'Confirm', edit: 'Edit',
    },
    errors: { title: 'Something went wrong', notFound: 'Page not found', reload: 'Reload', back: 'Back to start' },
  },
});
