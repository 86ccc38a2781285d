import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { toBusinessDateTime, today } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { sendListExport, type ExportColumn, type ExportFormat } from '../../platform/files/list-export.ts';
import { listWorkOrders } from './work-order-queries.ts';
import type { WorkOrder, WorkOrderQuery } from './work-orders.schema.ts';
import { BUSINESS_TYPE_LABELS, PRIORITY_LABELS, WORK_ORDER_STATUS_LABELS } from '../../shared/work-order-enums.ts';

function columns(lang: 'zh' | 'en'): ExportColumn<WorkOrder>[] {
  const yes = lang === 'zh' ? '是' : 'Yes';
  return [
    { header: { zh: '工单号', en: 'Order no.' }, value: (w) => w.orderNo },
    { header: { zh: '客户编号', en: 'Customer no.' }, value: (w) => w.customerNo },
    { header: { zh: '客户', en: 'Customer' }, value: (w) => w.customerName },
    { header: { zh: '联系电话', en: 'Contact phone' }, value: (w) => w.contactPhone },
    { header: { zh: '业务', en: 'Business' }, value: (w) => BUSINESS_TYPE_LABELS[w.businessType][lang] },
    { header: { zh: '类型', en: 'Type' }, value: (w) => [w.typeName, w.subtypeName].filter(Boolean).join(' / ') },
    { header: { zh: '优先级', en: 'Priority' }, value: (w) => PRIORITY_LABELS[w.priority][lang] },
    { header: { zh: '状态', en: 'Status' }, value: (w) => WORK_ORDER_STATUS_LABELS[w.status][lang] },
    { header: { zh: '地区', en: 'Region' }, value: (w) => w.regionName },
    { header: { zh: '处理部门', en: 'Department' }, value: (w) => w.departmentName },
    { header: { zh: '处理人', en: 'Handler' }, value: (w) => w.assigneeName },
    { header: { zh: '受理人', en: 'Accepted by' }, value: (w) => w.acceptedByName },
    { header: { zh: '受理时间', en: 'Created' }, value: (w) => toBusinessDateTime(new Date(w.createdAt)) },
    { header: { zh: '处理时限', en: 'Resolve by' }, value: (w) => toBusinessDateTime(new Date(w.resolveDue)) },
    {
      header: { zh: '超时', en: 'SLA breached' },
      value: (w) => (w.responseBreached || w.resolveBreached ? yes : ''),
    },
    { header: { zh: '问题描述', en: 'Description' }, value: (w) => w.description },
  ];
}

/** The work-order list (queue, filters, search) as the caller sees it, streamed as a download; the export is audited. */
export async function exportWorkOrders(
  db: Db,
  ctx: RequestContext,
  reply: FastifyReply,
  log: FastifyBaseLogger,
  f: Omit<WorkOrderQuery, 'limit' | 'cursor'> & { format: ExportFormat },
): Promise<FastifyReply> {
  const { format, ...filters } = f;
  await recordAudit(db, ctx, { action: 'export', entity: 'work_order', changes: { format, ...filters } });
  return sendListExport(reply, log, {
    name: `work-orders-${today()}`,
    format,
    locale: ctx.locale,
    columns: columns(ctx.locale === 'en' ? 'en' : 'zh'),
    fetchPage: (cursor, limit) => listWorkOrders(db, ctx, { ...filters, cursor, limit }),
  });
}
