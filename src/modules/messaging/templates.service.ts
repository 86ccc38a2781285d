import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { addDays, addMonths, firstDayOfMonth, thisMonth } from '../../platform/clock.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { findCustomer } from '../customers/index.ts';
import { listSubscriptions } from '../products/index.ts';
import { messagingError } from './messaging.errors.ts';
import type { Template, TemplateInput } from './messaging.schema.ts';
import { smsLength } from './sms-segments.ts';
import { renderTemplate, type TemplateVariables } from './template-render.ts';

type TemplateRow = {
  id: string;
  name: string;
  channel: Template['channel'];
  purpose: Template['purpose'];
  locale: 'zh' | 'en';
  subject: string | null;
  body: string;
  created_at: Date;
};

const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  purpose: r.purpose,
  locale: r.locale,
  subject: r.subject,
  body: r.body,
  createdAt: r.created_at.toISOString(),
});

export async function listTemplates(db: Db): Promise<Template[]> {
  const rows = await db.selectFrom('message_templates').selectAll().orderBy('id', 'desc').limit(200).execute();
  return rows.map(toTemplate);
}

export async function findTemplate(db: Db, id: string): Promise<Template> {
  const row = await db.selectFrom('message_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw messagingError('TEMPLATE_NOT_FOUND');
  return toTemplate(row);
}

export function createTemplate(db: Db, ctx: RequestContext, input: TemplateInput): Promise<Template> {
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('message_templates')
      .values({ ...input, subject: input.subject ?? null, created_by: ctx.employeeId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'message_template',
      entityId: row.id,
      changes: { name: [null, row.name], channel: [null, row.channel] },
    });
    return toTemplate(row);
  });
}

/** The variables for one customer, read within the caller's data scope (a customer outside it is "not found"). */
export async function customerVariables(db: Db, ctx: RequestContext, customerId: string) {
  const customer = await findCustomer(db, ctx, customerId);
  if (!customer) throw messagingError('CUSTOMER_NOT_FOUND');
  const current = (await listSubscriptions(db, ctx, customerId)).find((s) => s.current && s.kind === 'package');
  const vars: TemplateVariables = {
    name: customer.name,
    package: current?.productName ?? '',
    amount: customer.arrears,
    // Bills fall due on the last day of the month they are issued for.
    dueDate: addDays(firstDayOfMonth(addMonths(thisMonth(), 1)), -1),
  };
  return { customer, vars };
}

export function renderFor(template: Pick<Template, 'channel' | 'subject' | 'body'>, vars: TemplateVariables) {
  const body = renderTemplate(template.body, vars);
  const subject = template.subject ? renderTemplate(template.subject, vars) : null;
  const length = template.channel === 'sms' ? smsLength(body) : undefined;
  return { subject, body, segments: length?.segments ?? 1, encoding: length?.encoding ?? null };
}

export async function previewTemplate(db: Db, ctx: RequestContext, templateId: string, customerId: string) {
  const template = await findTemplate(db, templateId);
  const { vars } = await customerVariables(db, ctx, customerId);
  return renderFor(template, vars);
}
