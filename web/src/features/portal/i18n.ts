import { registerTranslations } from '../../app/i18n.ts';

export const usePortalT = registerTranslations('portal', {
  'zh-CN': {
    brand: '联信自助服务', phone: '手机号码', password: '密码', login: '登录', logout: '退出', hello: '您好，{{name}}',
    tab: { home: '首页', bills: '账单', payments: '缴费', requests: '报障与投诉', profile: '我的资料' },
    home: { package: '当前套餐', none: '您还没有订购套餐', monthly: '月费 ¥{{fee}}', since: '自 {{date}} 起', next: '{{date}} 起变更为 {{name}}', minutes: '语音', data: '流量', sms: '短信 {{count}} 条', balance: '账户余额', arrears: '欠费 ¥{{amount}}，请及时缴纳', usedOf: '已用 {{used}} / {{total}}', services: '已开通业务' },
    bills: { empty: '暂无账单', total: '合计' }, payments: { empty: '暂无缴费记录' },
    requests: { new: '提交报障或投诉', kind: '类型', fault: '故障报修', complaint: '投诉', subject: '标题', description: '详细说明', submit: '提交', filed: '已提交，我们会尽快处理', empty: '暂无记录', reply: '回复' },
    status: { open: '待处理', in_progress: '处理中', resolved: '已解决', closed: '已关闭' },
    profile: { address: '联系地址', save: '保存', saved: '地址已更新', customerNo: '客户编号' },
    staff: { title: '自助服务报障与投诉', status: '状态', all: '全部', at: '提交时间', customer: '客户', answer: '答复', answered: '已答复' },
    reset: { title: '设置登录密码', password: '新密码（至少 8 位）', submit: '设置密码', done: '密码已设置，请登录' },
    code: { base_fee: '套餐月费', voice_domestic: '国内语音超出', voice_incoming: '接听', voice_international: '国际长途', voice_roaming: '国际漫游通话', data_domestic: '国内流量超出', data_roaming: '国际漫游流量', sms: '短信彩信' },
  },
  en: {
    brand: 'Lianxi self-service', phone: 'Phone number', password: 'Password', login: 'Sign in', logout: 'Sign out', hello: 'Hello, {{name}}',
    tab: { home: 'Home', bills: 'Bills', payments: 'Payments', requests: 'Faults & complaints', profile: 'My details' },
    home: { package: 'Current package', none: 'You have no package yet', monthly: '¥{{fee}} a month', since: 'since {{date}}', next: 'Changes to {{name}} on {{date}}', minutes: 'Voice', data: 'Data', sms: '{{count}} SMS', balance: 'Balance', arrears: 'You owe ¥{{amount}}; please pay soon', usedOf: '{{used}} of {{total}} used', services: 'Services' },
    bills: { empty: 'No bills yet', total: 'Total' }, payments: { empty: 'No payments yet' },
    requests: { new: 'Report a fault or complain', kind: 'Kind', fault: 'Fault', complaint: 'Complaint', subject: 'Subject', description: 'Details', submit: 'Submit', filed: 'Submitted; we will get back to you soon', empty: 'Nothing yet', reply: 'Reply' },
    status: { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed' },
    profile: { address: 'Address', save: 'Save', saved: 'Address updated', customerNo: 'Customer no.' },
    staff: { title: 'Faults and complaints from the portal', status: 'Status', all: 'All', at: 'Filed', customer: 'Customer', answer: 'Answer', answered: 'Answered' },
    reset: { title: 'Set your password', password: 'New password (8+ characters)', submit: 'Set password', done: 'Password set; please sign in' },
    code: { base_fee: 'Monthly fee', voice_domestic: 'Domestic calls beyond allowance', voice_incoming: 'Incoming calls', voice_international: 'International calls', voice_roaming: 'Roaming calls', data_domestic: 'Data beyond allowance', data_roaming: 'Roaming data', sms: 'SMS/MMS' },
  },
});
