import { z } from 'zod';
import { CUSTOMER_CATEGORIES } from '../../shared/customer-enums.ts';
import { id, int4, isoDate } from '../../platform/http/schemas.ts';

export const PRODUCT_STATUSES = ['draft', 'testing', 'released', 'retired'] as const;
/** The lifecycle: each status and where it may go next (testing may go back to draft). */
export const LIFECYCLE_STEPS: Record<(typeof PRODUCT_STATUSES)[number], readonly (typeof PRODUCT_STATUSES)[number][]> =
  {
    draft: ['testing'],
    testing: ['draft', 'released'],
    released: ['retired'],
    retired: [],
  };

const rate = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, 'a rate with at most 4 decimals'));
const money = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'an amount with at most 2 decimals'));
const gb = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,7}(\.\d{1,3})?$/, 'GB with at most 3 decimals'));

/** The tariff fields: locked once a product is released, so that re-rating an old month gives the same bill. */
export const pricing = {
  monthlyFee: money,
  callOutRate: rate,
  callInRate: rate,
  dataRate: rate,
  includedDataGb: gb,
  includedMinutes: z.number().int().min(0).max(1_000_000),
  specialCallRate: rate,
  specialDataRate: rate,
  roamingCallRate: rate,
  roamingDataRate: rate,
  smsRate: rate,
};
const descriptive = {
  name: z.string().trim().min(1).max(100),
  regionIds: z.array(id).max(100),
  targetCategory: z.enum(CUSTOMER_CATEGORIES).nullable(),
  targetSegment: z.string().trim().max(60).nullable(),
  description: z.string().trim().max(2000),
  responsibility: z.string().trim().max(2000),
  requires: z.array(id).max(20),
  bundles: z.array(id).max(50),
};

export const ProductInput = z
  .object(pricing)
  .partial()
  .extend({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{2,40}$/, 'letters, digits, - and _'),
    kind: z.enum(['package', 'service']),
    ...descriptive,
    regionIds: descriptive.regionIds.default([]),
    targetCategory: descriptive.targetCategory.default(null),
    targetSegment: descriptive.targetSegment.default(null),
    description: descriptive.description.default(''),
    responsibility: descriptive.responsibility.default(''),
    requires: descriptive.requires.default([]),
    bundles: descriptive.bundles.default([]),
  });
export type ProductInput = z.infer<typeof ProductInput>;

export const ProductPatch = z
  .object({ ...pricing, ...descriptive })
  .partial()
  .extend({ version: int4.optional() });
export type ProductPatch = z.infer<typeof ProductPatch>;

export const Product = z.object({
  id,
  code: z.string(),
  kind: z.enum(['package', 'service']),
  name: z.string(),
  monthlyFee: z.string(),
  callOutRate: z.string(),
  callInRate: z.string(),
  dataRate: z.string(),
  includedDataGb: z.string(),
  includedMinutes: z.number(),
  specialCallRate: z.string(),
  specialDataRate: z.string(),
  roamingCallRate: z.string(),
  roamingDataRate: z.string(),
  smsRate: z.string(),
  regionIds: z.array(z.string()),
  targetCategory: z.string().nullable(),
  targetSegment: z.string().nullable(),
  description: z.string(),
  responsibility: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  statusChangedBy: z.string().nullable(),
  statusChangedAt: z.string(),
  version: z.number(),
  requires: z.array(z.object({ id, name: z.string() })),
  bundles: z.array(z.object({ id, name: z.string() })),
  subscribers: z.number(),
});
export type Product = z.infer<typeof Product>;

export const ProductQuery = z.object({
  kind: z.enum(['package', 'service']).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  /** A customer id: only the released products that may be sold in that customer's region. */
  sellableTo: id.optional(),
});
export type ProductQuery = z.infer<typeof ProductQuery>;

export const LifecycleStep = z.object({ to: z.enum(PRODUCT_STATUSES), note: z.string().trim().max(500).optional() });

export const StatusChange = z.object({
  from: z.string(),
  to: z.string(),
  by: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});

/** When a subscription change takes effect: the 1st of next month (default for a package change), today, or a date. */
export const effective = z.union([z.enum(['next_month', 'today']), isoDate]);

export const Subscribe = z.object({ productId: id, effective: effective.optional() });
export const EndSubscription = z.object({
  effective: effective.optional(),
  reason: z.string().trim().max(200).optional(),
});

/** A subscription from before the CRM, loaded by an administrator: from a past date, ended or still running. */
export const PastSubscriptionInput = z.object({
  productId: id,
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  reason: z.string().trim().min(2).max(200),
});
export type PastSubscriptionInput = z.infer<typeof PastSubscriptionInput>;

export const Subscription = z.object({
  id,
  customerId: id,
  productId: id,
  productName: z.string(),
  productCode: z.string(),
  kind: z.enum(['package', 'service']),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  endReason: z.string().nullable(),
  current: z.boolean(),
  monthlyFee: z.string(),
  includedMinutes: z.number(),
  includedDataGb: z.string(),
});
export type Subscription = z.infer<typeof Subscription>;
