/**
 * Work-order enums and their zh/en labels, defined once for the server (schemas, tables, statistics and list
 * exports) and the staff web app. The self-service portal words statuses for customers in its own i18n.
 */
import type { Labels } from './labels.ts';

export const BUSINESS_TYPES = ['broadband', 'fixed_line', 'mobile', 'iptv', 'dedicated_line', 'optical_cable'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
export const BUSINESS_TYPE_LABELS: Labels<BusinessType> = {
  broadband: { zh: '宽带', en: 'Broadband' },
  fixed_line: { zh: '固定电话', en: 'Fixed line' },
  mobile: { zh: '手机', en: 'Mobile' },
  iptv: { zh: 'IPTV 电视', en: 'IPTV' },
  dedicated_line: { zh: '专线', en: 'Dedicated line' },
  optical_cable: { zh: '光缆', en: 'Optical cable' },
};

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Labels<Priority> = {
  urgent: { zh: '紧急', en: 'Urgent' },
  high: { zh: '高', en: 'High' },
  normal: { zh: '普通', en: 'Normal' },
  low: { zh: '低', en: 'Low' },
};

export const WORK_ORDER_STATUSES = ['new', 'dispatched', 'in_progress', 'resolved', 'visited', 'archived'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const WORK_ORDER_STATUS_LABELS: Labels<WorkOrderStatus> = {
  new: { zh: '待派单', en: 'New' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已处理', en: 'Resolved' },
  visited: { zh: '已回访', en: 'Visited' },
  archived: { zh: '已归档', en: 'Archived' },
};

export const SATISFACTION = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const SATISFACTION_LABELS: Labels<Satisfaction> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  neutral: { zh: '一般', en: 'Neutral' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
};
