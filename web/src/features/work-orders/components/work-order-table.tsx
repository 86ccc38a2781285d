import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '../../../components/ui/data-table.tsx';
import type { WorkOrder } from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { TimeLeft } from './time-left.tsx';
import { useDateFormat } from '../../../lib/date-format.ts';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useWorkOrdersT();
  return <span className={`wo-status wo-status--${status}`}>{t(`status.${status}`)}</span>;
}

/** Work orders as a table; Enter or a click opens one. */
export function WorkOrderTable({
  rows,
  empty,
  showCustomer = true,
}: {
  rows: WorkOrder[];
  empty: string;
  showCustomer?: boolean;
}) {
  const { dateTime } = useDateFormat();
  const { t } = useWorkOrdersT();
  const navigate = useNavigate();
  const columns = useMemo<ColumnDef<WorkOrder>[]>(
    () => [
      {
        id: 'orderNo',
        header: t('field.orderNo'),
        cell: ({ row }) => (
          <Link className="mono" to={`/work-orders/${row.original.id}`}>
            {row.original.orderNo}
          </Link>
        ),
      },
      ...(showCustomer
        ? [
            {
              id: 'customer',
              header: t('field.customer'),
              cell: ({ row }: { row: { original: WorkOrder } }) => row.original.customerName,
            },
          ]
        : []),
      {
        id: 'type',
        header: t('field.type'),
        cell: ({ row }) =>
          `${row.original.typeName}${row.original.subtypeName ? ` · ${row.original.subtypeName}` : ''}`,
      },
      {
        id: 'business',
        header: t('field.businessType'),
        cell: ({ row }) => t(`business.${row.original.businessType}`),
      },
      { id: 'priority', header: t('field.priority'), cell: ({ row }) => t(`priority.${row.original.priority}`) },
      { id: 'status', header: t('field.status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
      { id: 'department', header: t('field.department'), cell: ({ row }) => row.original.departmentName ?? '—' },
      { id: 'timeLeft', header: t('field.timeLeft'), cell: ({ row }) => <TimeLeft workOrder={row.original} /> },
      { id: 'createdAt', header: t('field.createdAt'), cell: ({ row }) => dateTime(row.original.createdAt) },
    ],
    [t, showCustomer, dateTime],
  );
  return (
    <DataTable
      label={t('title')}
      testId="work-order-table"
      columns={columns}
      data={rows}
      getRowId={(w) => w.id}
      empty={empty}
      onOpen={(w) => navigate(`/work-orders/${w.id}`)}
    />
  );
}
