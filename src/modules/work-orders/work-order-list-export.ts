import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { toBusinessDateTime, today } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { sendListExport, type ExportColumn, type ExportFormat } from '../../platform/files/list-export.ts';
import { listWorkOrders } from './work-order-queries.ts';
import type { WorkOrder, WorkOrderQuery } from './work-orders.schema.ts';
import type { BusinessType, Priority, WorkOrderStatus as Status } from './work-orders.tables.ts';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;
// The words the list page shows for these codes (web/src/features/work-orders/i18n.ts), for the downloaded file.
const STATUS: Labels<Status> = {
  new: { zh: '待派单', en: 'New' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已处理', en: 'Resolved' },
  visited: { zh: '已回访', en: 'Visited' },
  archived: { zh: '已归档', en: 'Archived' },
};
const PRIORITY: Labels<Priority> = {
  urgent: { zh: '紧急', en: 'Urgent' },
  high: { zh: '高', en: 'High' },
  normal: { zh: '普通', en: 'Normal' },
  low: { zh: '低', en: 'Low' },
};
const BUSINESS: Labels<BusinessType> = {
  broadband: { zh: '宽带', en: 'Broadband' },
  fixed_line: { zh: '固话', en: 'Fixed line' },
  mobile: { zh: '移动', en: 'Mobile' },
  iptv: { zh: 'IPTV', en: 'IPTV' },
  dedicated_line: { zh: '专线 / 数字电路', en: 'Dedicated line' },
  optical_cable: { zh: '光缆', en: 'Optical cable' },
};

function columns(lang: 'zh' | 'en'): ExportColumn<WorkOrder>[] {
  const yes = lang === 'zh' ? '是' : 'Yes';
  return [
    { header: { zh: '工单号', en: 'Order no.' }, value: (w) => w.orderNo },
    { header: { zh: '客户编号', en: 'Customer no.' }, value: (w) => w.customerNo },
    { header: { zh: '客户', en: 'Customer' }, value: (w) => w.customerName },
    { header: { zh: '联系电话', en: 'Contact phone' }, value: (w) => w.contactPhone },
    { header: { zh: '业务', en: 'Business' }, value: (w) => BUSINESS[w.businessType][lang] },
    { header: { zh: '类型', en: 'Type' }, value: (w) => [w.typeName, w.subtypeName].filter(Boolean).join(' / ') },
    { header: { zh: '优先级', en: 'Priority' }, value: (w) => PRIORITY[w.priority][lang] },
    { header: { zh: '状态', en: 'Status' }, value: (w) => STATUS[w.status][lang] },
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
