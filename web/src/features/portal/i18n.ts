import { registerTranslations } from '../../app/i18n.ts';

export const usePortalT = registerTranslations('portal', {
  'zh-CN': {
    brand: '联系 CRM 自助服务', phone: '手机号码', password: '密码', login: '登录', logout: '退出', hello: '您好，{{name}}',
    tab: { home: '首页', bills: '账单', payments: '缴费', requests: '报障与投诉', profile: '我的资料' },
    home: { package: '当前套餐', none: '您还没有订购套餐', monthly: '月费 ¥{{fee}}', since: '自 {{date}} 起', next: '{{date}} 起变更为 {{name}}', minutes: '语音', data: '流量', sms: '短信 {{count}} 条', balance: '账户余额', arrears: '欠费 ¥{{amount}}，请及时缴纳', usedOf: '已用 {{used}} / {{total}}', services: '已开通业务' },
    bills: { empty: '暂无账单', total: '合计' }, payments: { empty: '暂无缴费记录' },
    wo: {
      new: '报障或投诉', type: '问题类型', subtype: '具体问题', subtypeAny: '其他 / 不确定', businessType: '业务类型', businessPick: '请选择业务',
      description: '问题描述', contactPhone: '联系电话', submit: '提交', filed: '已受理，工单号 {{no}}', empty: '您还没有报障或投诉', mine: '我的工单',
      details: '查看进度', hide: '收起', reopened: '重新处理', resolution: '处理结果', filedAt: '提交于 {{at}}',
      status: { new: '已受理', dispatched: '已转交处理部门', in_progress: '处理中', resolved: '已处理', visited: '已回访', archived: '已完成' },
    },
    business: { broadband: '宽带', fixed_line: '固定电话', mobile: '手机', iptv: 'IPTV 电视', dedicated_line: '专线', optical_cable: '光缆' },
    profile: { address: '联系地址', email: '电子邮箱', backupPhone: '备用联系电话', save: '保存', saved: '资料已更新', customerNo: '客户编号', loginPhone: '登录手机号', loginPhoneHint: '登录手机号需到营业厅变更' },
    reset: { title: '设置登录密码', password: '新密码（至少 10 位）', submit: '设置密码', done: '密码已设置，请登录' },
    code: { base_fee: '套餐月费', voice_domestic: '国内语音超出', voice_incoming: '接听', voice_international: '国际长途', voice_roaming: '国际漫游通话', data_domestic: '国内流量超出', data_roaming: '国际漫游流量', sms: '短信彩信' },
  },
  en: {
    brand: 'Lianxi CRM self-service', phone: 'Phone number', password: 'Password', login: 'Sign in', logout: 'Sign out', hello: 'Hello, {{name}}',
    tab: { home: 'Home', bills: 'Bills', payments: 'Payments', requests: 'Faults & complaints', profile: 'My details' },
    home: { package: 'Current package', none: 'You have no package yet', monthly: '¥{{fee}} a month', since: 'since {{date}}', next: 'Changes to {{name}} on {{date}}', minutes: 'Voice', data: 'Data', sms: '{{count}} SMS', balance: 'Balance', arrears: 'You owe ¥{{amount}}; please pay soon', usedOf: '{{used}} of {{total}} used', services: 'Services' },
    bills: { empty: 'No bills yet', total: 'Total' }, payments: { empty: 'No payments yet' },
    wo: {
      new: 'Report a fault or complain', type: 'What kind of problem', subtype: 'Problem', subtypeAny: 'Other / not sure', businessType: 'Service', businessPick: 'Choose the service',
      description: 'What happened', contactPhone: 'Contact phone', submit: 'Submit', filed: 'Received: order {{no}}', empty: 'You have not reported anything yet', mine: 'My reports',
      details: 'Show progress', hide: 'Hide', reopened: 'Taken up again', resolution: 'What we did', filedAt: 'Filed {{at}}',
      status: { new: 'Received', dispatched: 'Passed to the team in charge', in_progress: 'Being handled', resolved: 'Resolved', visited: 'Followed up', archived: 'Closed' },
    },
    business: { broadband: 'Broadband', fixed_line: 'Fixed line', mobile: 'Mobile', iptv: 'IPTV', dedicated_line: 'Dedicated line', optical_cable: 'Optical cable' },
    profile: { address: 'Address', email: 'E-mail', backupPhone: 'Backup phone', save: 'Save', saved: 'Details updated', customerNo: 'Customer no.', loginPhone: 'Sign-in phone', loginPhoneHint: 'The sign-in phone can be changed at a branch' },
    reset: { title: 'Set your password', password: 'New password (8+ characters)', submit: 'Set password', done: 'Password set; please sign in' },
    code: { base_fee: 'Monthly fee', voice_domestic: 'Domestic calls beyond allowance', voice_incoming: 'Incoming calls', voice_international: 'International calls', voice_roaming: 'Roaming calls', data_domestic: 'Data beyond allowance', data_roaming: 'Roaming data', sms: 'SMS/MMS' },
  },
});
