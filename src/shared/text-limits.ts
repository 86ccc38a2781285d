/**
 * The longest text each field takes, in characters: the web form's `maxLength`, the API's zod `.max()` and the
 * table's CHECK constraint (each module's `*_text_limits.sql` migration) all say the same number.
 * Plain data, shared by the server and the web app (`@shared/text-limits.ts`).
 */
export const TEXT_LIMITS = {
  churn: { customerNo: 20, competitor: 100, reason: 500, notes: 1000, planName: 100, offer: 500, taskNote: 1000 },
  contacts: { name: 100, email: 100, title: 50, notes: 1000 },
  customers: { name: 100, email: 100, address: 200, job: 50, cancelReason: 500, segment: 50 },
  knowledge: { title: 200, tag: 20, body: 100_000, categoryName: 50, questionBody: 20_000, answer: 20_000 },
  products: { code: 40, name: 100, targetSegment: 60, description: 2000, responsibility: 2000, note: 500 },
  system: { orgUnitName: 100, orgUnitCode: 40, employeeName: 50, phone: 20, email: 100, roleName: 50, tokenName: 100 },
  workOrders: {
    description: 4000,
    note: 2000,
    reason: 1000,
    customerWords: 1000,
    ruleName: 100,
    typeName: 50,
    search: 50,
  },
  segmentation: { clusterName: 30 },
} as const;
