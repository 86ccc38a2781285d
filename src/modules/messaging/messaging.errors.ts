import { defineErrors } from '../../platform/errors.ts';

export const messagingError = defineErrors({
  TEMPLATE_NOT_FOUND: { status: 404, zh: '消息模板不存在', en: 'Message template not found' },
  TEMPLATE_CHANNEL_MISMATCH: {
    status: 400,
    zh: '模板的渠道与所选渠道不一致',
    en: 'The template is for another channel',
  },
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  NO_ADDRESS: { status: 409, zh: '该客户没有此渠道的联系方式', en: 'The customer has no address for this channel' },
  OPT_OUT_NOT_FOUND: { status: 404, zh: '退订记录不存在', en: 'Opt-out not found' },
  BLACKLIST_ADDRESS_REQUIRED: {
    status: 400,
    zh: '请填写号码或邮箱，或选择客户和渠道',
    en: 'Give a number or email address, or a customer and a channel',
  },
  BLACKLIST_ENTRY_NOT_FOUND: { status: 404, zh: '黑名单记录不存在', en: 'Blacklist entry not found' },
  NO_TEST_OUTBOX: {
    status: 404,
    zh: '已配置真实网关，没有测试发件箱',
    en: 'Real gateways are configured; there is no test outbox',
  },
});
