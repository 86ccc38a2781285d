/**
 * Customer enums and their zh/en labels, defined once for the server (zod schemas, table types) and the web
 * app (selects, tables, charts; imported as `@shared/customer-enums.ts`). Plain data: this folder is shared by
 * both builds, so it imports nothing outside it.
 */
import type { Labels } from './labels.ts';

export const CUSTOMER_CATEGORIES = ['individual', 'enterprise', 'key_account'] as const;
export type CustomerCategory = (typeof CUSTOMER_CATEGORIES)[number];
export const CUSTOMER_CATEGORY_LABELS: Labels<CustomerCategory> = {
  individual: { zh: '个人客户', en: 'Individual' },
  enterprise: { zh: '企业客户', en: 'Enterprise' },
  key_account: { zh: '政企大客户', en: 'Key account' },
};

export const CUSTOMER_LEVELS = ['ordinary', 'silver', 'gold', 'vip'] as const;
export type CustomerLevel = (typeof CUSTOMER_LEVELS)[number];
export const CUSTOMER_LEVEL_LABELS: Labels<CustomerLevel> = {
  ordinary: { zh: '普通', en: 'Ordinary' },
  silver: { zh: '银卡', en: 'Silver' },
  gold: { zh: '金卡', en: 'Gold' },
  vip: { zh: 'VIP', en: 'VIP' },
};

export const CUSTOMER_LIFECYCLES = ['potential', 'formal', 'declining', 'churned'] as const;
export type CustomerLifecycle = (typeof CUSTOMER_LIFECYCLES)[number];
export const CUSTOMER_LIFECYCLE_LABELS: Labels<CustomerLifecycle> = {
  potential: { zh: '潜在客户', en: 'Potential' },
  formal: { zh: '正式客户', en: 'Formal' },
  declining: { zh: '衰退客户', en: 'Declining' },
  churned: { zh: '流失客户', en: 'Churned' },
};

export const CUSTOMER_STATUSES = ['active', 'cancelled', 'merged'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_STATUS_LABELS: Labels<CustomerStatus> = {
  active: { zh: '正常', en: 'Active' },
  cancelled: { zh: '已销户', en: 'Cancelled' },
  merged: { zh: '已合并', en: 'Merged' },
};
