import { defineErrors } from '../../platform/errors.ts';
import { registerFieldMessages } from '../../platform/http/field-messages.ts';

export const productError = defineErrors({
  PRODUCT_NOT_FOUND: { status: 404, zh: '产品不存在', en: 'Product not found' },
  DUPLICATE_PRODUCT_CODE: { status: 409, zh: '产品编码 {code} 已存在', en: 'Product code {code} is already used' },
  BAD_LIFECYCLE_STEP: {
    status: 409,
    zh: '产品不能从“{from}”变为“{to}”',
    en: 'A product cannot go from {from} to {to}',
  },
  PRICING_LOCKED: {
    status: 409,
    zh: '已发布的产品不能修改资费，请新建产品',
    en: 'A released product keeps its tariff; create a new product instead',
  },
  NOT_A_SERVICE: { status: 400, zh: '只能依赖或捆绑单项业务', en: 'Only services can be required or bundled' },
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  SUBSCRIPTION_NOT_FOUND: { status: 404, zh: '订购记录不存在', en: 'Subscription not found' },
  CUSTOMER_HAS_ARREARS: {
    status: 409,
    zh: '客户尚有欠费 ¥{arrears}，结清后才能办理订购或变更',
    en: 'The customer owes ¥{arrears}; settle it before changing subscriptions',
  },
  CUSTOMER_NOT_ACTIVE: { status: 409, zh: '客户已销户或已合并', en: 'The customer is cancelled or merged' },
  PRODUCT_NOT_ON_SALE: {
    status: 409,
    zh: '产品“{name}”未发布，不能订购',
    en: '{name} is not released and cannot be sold',
  },
  NOT_SOLD_IN_REGION: {
    status: 409,
    zh: '产品“{name}”不在客户所在地区“{region}”销售',
    en: "{name} is not sold in {regionEn}, the customer's region",
  },
  NOT_A_REGION: {
    status: 400,
    zh: '销售地区只能选择省、市或区县',
    en: 'Sales regions must be provinces, cities or counties',
  },
  ALREADY_SUBSCRIBED: { status: 409, zh: '客户已订购“{name}”', en: 'The customer already has {name}' },
  MISSING_REQUIREMENT: { status: 409, zh: '“{name}”需要先开通“{requires}”', en: '{name} needs {requires} first' },
  REQUIRED_BY_OTHER: {
    status: 409,
    zh: '“{name}”依赖“{requires}”，请先退订“{name}”',
    en: '{name} depends on {requires}; unsubscribe {name} first',
  },
  NO_PACKAGE: { status: 409, zh: '客户尚未订购套餐', en: 'The customer has no package' },
  SAME_PACKAGE: { status: 409, zh: '客户已在使用该套餐', en: 'The customer already has this package' },
  BAD_HISTORY_DATES: {
    status: 400,
    zh: '历史订购应从今天以前开始，结束日期晚于开始日期',
    en: 'A past subscription starts before today and ends after it starts',
  },
  SUBSCRIPTION_OVERLAP: {
    status: 409,
    zh: '与已有订购“{name}”（{from} 至 {until}）时间重叠',
    en: 'Overlaps the subscription to {name} ({from} to {until})',
  },
  BAD_EFFECTIVE_DATE: { status: 400, zh: '生效日期不能早于今天', en: 'The effective date cannot be in the past' },
});

/** What the services say beside a field (English), and the web app's Chinese for it. */
export const FIELD_MESSAGES = {
  regionIds: 'provinces, cities or counties only',
  startsOn: 'a date before today',
  endsOn: 'after the start date',
} as const;

registerFieldMessages({
  [FIELD_MESSAGES.regionIds]: '只能选择省、市或区县',
  [FIELD_MESSAGES.startsOn]: '应早于今天',
  [FIELD_MESSAGES.endsOn]: '应晚于开始日期',
});
