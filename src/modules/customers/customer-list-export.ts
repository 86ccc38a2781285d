import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { toBusinessDateTime, today } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import {
  countUpTo,
  sendListExport,
  type ExportColumn,
  type ExportFormat,
  type ListCount,
} from '../../platform/files/list-export.ts';
import {
  CUSTOMER_CATEGORY_LABELS,
  CUSTOMER_LEVEL_LABELS,
  CUSTOMER_LIFECYCLE_LABELS,
  CUSTOMER_STATUS_LABELS,
} from '../../shared/customer-enums.ts';
import { searchCustomers } from './customer-queries.ts';
import { customerCountRows, type CustomerFilter } from './customers.repository.ts';
import type { Customer, CustomerQuery } from './customers.schema.ts';

/** The list's total for the same filters (capped: see COUNT_CAP). */
export function countCustomers(db: Db, ctx: RequestContext, f: CustomerFilter): Promise<ListCount> {
  return countUpTo(db, customerCountRows(db, ctx, f));
}

function columns(lang: 'zh' | 'en'): ExportColumn<Customer>[] {
  return [
    { header: { zh: '客户编号', en: 'Customer no.' }, value: (c) => c.customerNo },
    { header: { zh: '姓名 / 名称', en: 'Name' }, value: (c) => c.name },
    { header: { zh: '联系电话', en: 'Phone' }, value: (c) => c.phone },
    { header: { zh: '身份证号', en: 'ID card' }, value: (c) => c.idCard },
    { header: { zh: '客户类别', en: 'Category' }, value: (c) => CUSTOMER_CATEGORY_LABELS[c.category][lang] },
    { header: { zh: '客户等级', en: 'Level' }, value: (c) => CUSTOMER_LEVEL_LABELS[c.level][lang] },
    { header: { zh: '生命周期', en: 'Lifecycle' }, value: (c) => CUSTOMER_LIFECYCLE_LABELS[c.lifecycle][lang] },
    { header: { zh: '所属地区', en: 'Region' }, value: (c) => c.regionName },
    { header: { zh: '客户经理', en: 'Account manager' }, value: (c) => c.accountManagerName },
    { header: { zh: '欠费', en: 'Arrears' }, value: (c) => Number(c.arrears) },
    { header: { zh: '状态', en: 'Status' }, value: (c) => CUSTOMER_STATUS_LABELS[c.status][lang] },
    { header: { zh: '开户时间', en: 'Opened' }, value: (c) => toBusinessDateTime(new Date(c.createdAt)) },
  ];
}

/**
 * The customer list as the caller sees it (scope, masking, filters, sort) as a streamed download. The export
 * itself is audited: who took which list, with which filters, in which format.
 */
export async function exportCustomers(
  db: Db,
  ctx: RequestContext,
  reply: FastifyReply,
  log: FastifyBaseLogger,
  f: CustomerQuery & { format: ExportFormat },
): Promise<FastifyReply> {
  const { format, cursor: _cursor, limit: _limit, ...filters } = f;
  await recordAudit(db, ctx, { action: 'export', entity: 'customer', changes: { format, ...filters } });
  return sendListExport(reply, log, {
    name: `customers-${today()}`,
    format,
    locale: ctx.locale,
    columns: columns(ctx.locale === 'en' ? 'en' : 'zh'),
    fetchPage: (cursor, limit) => searchCustomers(db, ctx, { ...f, cursor, limit }),
  });
}
