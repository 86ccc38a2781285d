import type { Product } from './products.schema.ts';
import type { ProductRow } from './products.repository.ts';

export function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    monthlyFee: r.monthly_fee,
    callOutRate: r.call_out_rate,
    callInRate: r.call_in_rate,
    dataRate: r.data_rate,
    includedDataGb: r.included_data_gb,
    includedMinutes: r.included_minutes,
    specialCallRate: r.special_call_rate,
    specialDataRate: r.special_data_rate,
    roamingCallRate: r.roaming_call_rate,
    roamingDataRate: r.roaming_data_rate,
    smsRate: r.sms_rate,
    regionIds: r.region_ids.map(String),
    targetCategory: r.target_category,
    targetSegment: r.target_segment,
    description: r.description,
    responsibility: r.responsibility,
    status: r.status,
    statusChangedBy: r.status_changed_by,
    statusChangedAt: new Date(r.status_changed_at).toISOString(),
    version: r.version,
    requires: r.requires,
    bundles: r.bundles,
    subscribers: r.subscribers,
  };
}

/** API field → column, for the tariff and descriptive fields a product form edits. */
export const PRODUCT_COLUMNS = {
  name: 'name',
  monthlyFee: 'monthly_fee',
  callOutRate: 'call_out_rate',
  callInRate: 'call_in_rate',
  dataRate: 'data_rate',
  includedDataGb: 'included_data_gb',
  includedMinutes: 'included_minutes',
  specialCallRate: 'special_call_rate',
  specialDataRate: 'special_data_rate',
  roamingCallRate: 'roaming_call_rate',
  roamingDataRate: 'roaming_data_rate',
  smsRate: 'sms_rate',
  regionIds: 'region_ids',
  targetCategory: 'target_category',
  targetSegment: 'target_segment',
  description: 'description',
  responsibility: 'responsibility',
} as const;
