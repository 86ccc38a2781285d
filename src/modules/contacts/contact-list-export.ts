import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { today } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import {
  countUpTo,
  sendListExport,
  type ExportColumn,
  type ExportFormat,
  type ListCount,
} from '../../platform/files/list-export.ts';
import { contactCountRows, type ContactFilter } from './contacts.repository.ts';
import { searchContacts } from './contacts.service.ts';
import type { Contact } from './contacts.schema.ts';

export function countContacts(db: Db, ctx: RequestContext, f: ContactFilter): Promise<ListCount> {
  return countUpTo(db, contactCountRows(db, ctx, f));
}

const COLUMNS: ExportColumn<Contact>[] = [
  { header: { zh: '姓名', en: 'Name' }, value: (c) => c.name },
  { header: { zh: '电话', en: 'Phone' }, value: (c) => c.phone },
  { header: { zh: '电子邮箱', en: 'E-mail' }, value: (c) => c.email },
  { header: { zh: '职务', en: 'Title' }, value: (c) => c.title },
  {
    header: { zh: '所属客户', en: 'Customers' },
    value: (c) => c.customers.map((x) => `${x.customerName} (${x.customerNo})`).join('、'),
  },
];

/** The contact list as the caller sees it (scope, masked phones, search), streamed as a download; audited. */
export async function exportContacts(
  db: Db,
  ctx: RequestContext,
  reply: FastifyReply,
  log: FastifyBaseLogger,
  f: ContactFilter & { format: ExportFormat },
): Promise<FastifyReply> {
  const { format, ...filters } = f;
  await recordAudit(db, ctx, { action: 'export', entity: 'contact', changes: { format, ...filters } });
  return sendListExport(reply, log, {
    name: `contacts-${today()}`,
    format,
    locale: ctx.locale,
    columns: COLUMNS,
    fetchPage: (cursor, limit) => searchContacts(db, ctx, { ...filters, cursor, limit }),
  });
}
