import { useState } from 'react';
import type { CustomerTab } from '../../app/feature-types.ts';
import { useAuth } from '../../app/auth.tsx';
import { useAppT } from '../../app/app-i18n.ts';
import { get } from '../../app/api-client.ts';
import { useQuery } from '@tanstack/react-query';
import { useWorkOrders } from './api/work-orders-api.ts';
import { useWorkOrdersT } from './i18n.ts';
import { CreateWorkOrderDialog } from './components/create-work-order-dialog.tsx';
import { WorkOrderTable } from './components/work-order-table.tsx';

/** On the customer 360° page: the one-click "report fault / complaint" and the customer's work orders. */
function CustomerWorkOrders({ customerId }: { customerId: string }) {
  const { t } = useWorkOrdersT();
  const app = useAppT();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const list = useWorkOrders({ queue: 'all', customerId });
  const customer = useQuery({
    queryKey: ['customers', customerId, 'for-work-order'],
    queryFn: () => get<{ id: string; name: string; customerNo: string; phone: string }>(`/api/customers/${customerId}`),
  });
  return (
    <div>
      {can('work-orders:create') && (
        <div className="form-actions" style={{ marginTop: 0, marginBottom: 12 }}>
          <button
            type="button"
            className="button button--primary"
            disabled={!customer.data}
            onClick={() => setCreating(true)}
          >
            ＋ {t('report')}
          </button>
        </div>
      )}
      <WorkOrderTable
        rows={list.data?.items ?? []}
        empty={list.isLoading ? app.t('common.loading') : t('tab.empty')}
        showCustomer={false}
      />
      {creating && customer.data && (
        <CreateWorkOrderDialog customer={customer.data} onClose={() => setCreating(false)} />
      )}
    </div>
  );
}

export const workOrdersCustomerTab: CustomerTab = {
  key: 'work-orders',
  label: { zh: '服务工单', en: 'Work orders' },
  permission: 'work-orders:view',
  component: CustomerWorkOrders,
};
