import { z } from 'zod';
import { CUSTOMER_CATEGORIES } from '../../shared/customer-enums.ts';
import { cursor, id, int4, isoDate, limit } from '../../platform/http/schemas.ts';
import { isPhone, normalisePhone } from '../customers/index.ts';
import { BUSINESS_TYPES, CENTRE_KINDS, CHANNELS, PRIORITIES, SATISFACTION, STATUSES } from './work-orders.tables.ts';

const phoneNo = z
  .string()
  .trim()
  .transform(normalisePhone)
  .refine(isPhone, 'must be a mainland mobile (11 digits) or a landline with area code');
const text = (max: number) => z.string().trim().min(1).max(max);
/** The steps of a work order's flow (work-order-rules.ts says from where and by whom). */
export const ACTIONS = ['dispatch', 'start', 'resolve', 'transfer', 'return-visit', 'reopen', 'archive'] as const;

export const WorkOrder = z.object({
  id,
  orderNo: z.string(),
  customerId: id,
  customerName: z.string(),
  customerNo: z.string(),
  /** Whether the caller may open the customer (the page links the name only then). */
  customerVisible: z.boolean(),
  typeId: id,
  typeName: z.string(),
  subtypeId: id.nullable(),
  subtypeName: z.string().nullable(),
  businessType: z.enum(BUSINESS_TYPES),
  regionId: id,
  regionName: z.string(),
  priority: z.enum(PRIORITIES),
  contactPhone: z.string(),
  description: z.string(),
  status: z.enum(STATUSES),
  departmentId: id.nullable(),
  departmentName: z.string().nullable(),
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  acceptedById: id,
  acceptedByName: z.string(),
  channel: z.enum(CHANNELS),
  responseDue: z.string(),
  resolveDue: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  responseBreached: z.boolean(),
  resolveBreached: z.boolean(),
  escalationLevel: z.number(),
  reopenCount: z.number(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  customerWords: z.string().nullable(),
  version: z.number(),
  /** The steps this caller may take next (the page offers only these). */
  nextSteps: z.array(z.enum(ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

export const CreateWorkOrder = z.object({
  customerId: id,
  typeId: id,
  subtypeId: id.optional(),
  businessType: z.enum(BUSINESS_TYPES),
  /** Defaults to the customer's region. */
  regionId: id.optional(),
  priority: z.enum(PRIORITIES).default('normal'),
  contactPhone: phoneNo,
  description: text(4000),
});
export type CreateWorkOrder = z.infer<typeof CreateWorkOrder>;

/** What a customer fills in to open an order themselves: the priority and region are not theirs to choose. */
export const CustomerWorkOrderInput = CreateWorkOrder.pick({
  typeId: true,
  subtypeId: true,
  businessType: true,
  contactPhone: true,
  description: true,
});
export type CustomerWorkOrderInput = z.infer<typeof CustomerWorkOrderInput>;

/** A customer's own order as they see it: no staff names, no internal notes, no SLA internals. */
export const CustomerWorkOrder = z.object({
  id,
  orderNo: z.string(),
  typeName: z.string(),
  subtypeName: z.string().nullable(),
  businessType: z.enum(BUSINESS_TYPES),
  status: z.enum(STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerWorkOrder = z.infer<typeof CustomerWorkOrder>;
export const CustomerWorkOrderDetail = CustomerWorkOrder.extend({
  description: z.string(),
  contactPhone: z.string(),
  resolvedAt: z.string().nullable(),
  /** Status changes; the department for a dispatch or transfer; the note only of a resolution (what was done). */
  timeline: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      status: z.enum(STATUSES),
      departmentName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type CustomerWorkOrderDetail = z.infer<typeof CustomerWorkOrderDetail>;
/** What the customer's form offers: the types they may open, with their sub-types, and the businesses. */
export const CustomerWorkOrderOptions = z.object({
  types: z.array(
    z.object({
      id,
      code: z.string(),
      name: z.string(),
      subtypes: z.array(
        z.object({ id, code: z.string(), name: z.string(), businessTypes: z.array(z.string()).nullable() }),
      ),
    }),
  ),
  businessTypes: z.array(z.enum(BUSINESS_TYPES)),
});
export type CustomerWorkOrderOptions = z.infer<typeof CustomerWorkOrderOptions>;

export const UpdateWorkOrder = z
  .object({
    subtypeId: id.nullable(),
    regionId: id,
    priority: z.enum(PRIORITIES),
    contactPhone: phoneNo,
    description: text(4000),
    assigneeId: id.nullable(),
  })
  .partial()
  .extend({ version: int4.optional() });
export type UpdateWorkOrder = z.infer<typeof UpdateWorkOrder>;

export type TransitionAction = (typeof ACTIONS)[number];
const reason = z.string().trim().min(2, 'say why, in a few words').max(1000);
export const Transition = z.discriminatedUnion('action', [
  z.object({ action: z.literal('dispatch'), departmentId: id, assigneeId: id.optional(), reason: reason.optional() }),
  z.object({ action: z.literal('start'), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('resolve'), note: reason }),
  z.object({ action: z.literal('transfer'), departmentId: id, reason }),
  z.object({
    action: z.literal('return-visit'),
    satisfaction: z.enum(SATISFACTION),
    customerWords: z.string().trim().max(1000).default(''),
  }),
  z.object({ action: z.literal('reopen'), reason }),
  z.object({ action: z.literal('archive'), note: z.string().trim().max(1000).optional() }),
]);
export type Transition = z.infer<typeof Transition>;

export const QUEUES = ['all', 'mine', 'department', 'return_visit', 'overdue'] as const;
export const WorkOrderQuery = z.object({
  queue: z.enum(QUEUES).default('all'),
  status: z.enum(STATUSES).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  typeId: id.optional(),
  businessType: z.enum(BUSINESS_TYPES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  customerId: id.optional(),
  q: z.string().trim().max(50).optional(),
  limit,
  cursor,
});
export type WorkOrderQuery = z.infer<typeof WorkOrderQuery>;

export const TimelineEntry = z.object({
  id,
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  departmentId: id.nullable(),
  departmentName: z.string().nullable(),
  note: z.string().nullable(),
});

export const AddNote = z.object({ note: text(2000) });

export const RoutingRuleInput = z
  .object({
    position: z.number().int().min(0).max(1_000_000),
    name: text(100),
    regionId: id.nullable().default(null),
    businessType: z.enum(BUSINESS_TYPES).nullable().default(null),
    customerCategory: z.enum(CUSTOMER_CATEGORIES).nullable().default(null),
    typeId: id.nullable().default(null),
    centreKind: z.enum(CENTRE_KINDS).nullable().default(null),
    departmentId: id.nullable().default(null),
    assigneeId: id.nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((v) => (v.centreKind === null) !== (v.departmentId === null), {
    path: ['departmentId'],
    message: 'choose either a department or a kind of maintenance centre',
  });
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;
export const RoutingRule = z.object({
  id,
  position: z.number(),
  name: z.string(),
  regionId: id.nullable(),
  regionName: z.string().nullable(),
  businessType: z.enum(BUSINESS_TYPES).nullable(),
  customerCategory: z.string().nullable(),
  typeId: id.nullable(),
  centreKind: z.enum(CENTRE_KINDS).nullable(),
  departmentId: id.nullable(),
  departmentName: z.string().nullable(),
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  active: z.boolean(),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const SlaPolicy = z.object({
  typeId: id,
  typeName: z.string(),
  priority: z.enum(PRIORITIES),
  responseMinutes: z.number().int().min(1).max(100_000),
  resolveMinutes: z.number().int().min(1).max(1_000_000),
});
export const SlaPolicyUpdate = z.object({
  items: z
    .array(SlaPolicy.omit({ typeName: true }))
    .min(1)
    .max(200),
});

export const WorkOrderType = z.object({
  id,
  parentId: id.nullable(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export const WorkOrderTypeInput = z.object({
  parentId: id.nullable().default(null),
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'lower-case letters, digits and _'),
  name: text(50),
  nameEn: text(50),
  active: z.boolean().default(true),
});

export const Notification = z.object({
  id,
  workOrderId: id,
  orderNo: z.string(),
  kind: z.string(),
  message: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});

export const StatsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  granularity: z.enum(['day', 'week', 'month']).default('day'),
});
export type StatsQuery = z.infer<typeof StatsQuery>;
