import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { customerTabs } from '../../../app/customer-tabs.tsx';
import { pick } from '../../../app/i18n.ts';
import { NotFoundPage } from '../../../app/shell/not-found-page.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { Tabs, type TabItem } from '../../../components/ui/tabs.tsx';
import { ShareRecordButton } from '../../../components/ui/record-shares-dialog.tsx';
import { useCustomer, type Customer } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { LevelBadge, LifecycleBadge, StatusBadge } from './customer-badges.tsx';
import { CustomerDetailsTab } from './customer-details-tab.tsx';
import { CustomerHistoryTab } from './customer-history-tab.tsx';
import { CancelAccountDialog } from './cancel-account-dialog.tsx';
import { useRegionName } from './region-options.ts';

/** The customer 360° view: who they are at a glance, then tabs (details, the other features' tabs, history). */
export function Customer360Page() {
  const { id = '' } = useParams();
  const { t } = useCustomersT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [cancelling, setCancelling] = useState(false);
  const customer = useCustomer(id);
  const regionName = useRegionName();

  if (customer.error instanceof ApiError && customer.error.status === 404)
    return <NotFoundPage message={t('view.notFound')} />;
  if (customer.error)
    return (
      <div className="page">
        <FormError message={customer.error.message} />
      </div>
    );
  if (!customer.data) return <div className="page muted">{app.t('common.loading')}</div>;
  const c = customer.data;

  const tabs: TabItem[] = [
    { key: 'details', label: t('view.details'), render: () => <CustomerDetailsTab customer={c} /> },
    ...customerTabs
      .filter((tab) => can(tab.permission))
      .map((tab) => ({
        key: tab.key,
        label: pick(tab.label, i18n.language),
        render: () => <tab.component customerId={c.id} />,
      })),
    { key: 'history', label: t('view.history'), render: () => <CustomerHistoryTab customerId={c.id} /> },
  ];

  return (
    <div className="page">
      <div className="breadcrumb">
        <Link to="/customers">{t('view.back')}</Link> / {c.customerNo}
      </div>
      <StatusBanner customer={c} />
      <section className="card" aria-label={c.name}>
        <div className="profile">
          <div className="profile__avatar" aria-hidden="true">
            {c.name.slice(0, 1)}
          </div>
          <div className="profile__main">
            <div className="profile__title">
              <h1 data-testid="customer-name">{c.name}</h1>
              <span className="mono muted">{c.customerNo}</span>
              <StatusBadge status={c.status} />
              <LevelBadge level={c.level} />
              <LifecycleBadge lifecycle={c.lifecycle} />
            </div>
            <dl className="profile__facts">
              <div>
                <dt>{t('field.phone')}</dt>
                <dd className="mono" data-testid="customer-phone">
                  {c.phone}
                </dd>
              </div>
              <div>
                <dt>{t('field.idCard')}</dt>
                <dd className="mono" data-testid="customer-id-card">
                  {c.idCard ?? '—'}
                </dd>
              </div>
              <div>
                <dt>{t('field.category')}</dt>
                <dd>{t(`category.${c.category}`)}</dd>
              </div>
              <div>
                <dt>{t('field.segment')}</dt>
                <dd data-testid="customer-segment">{c.segment ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('field.region')}</dt>
                <dd>{regionName(c)}</dd>
              </div>
              <div>
                <dt>{t('field.accountManager')}</dt>
                <dd>{c.accountManagerName ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('field.arrears')}</dt>
                <dd className={Number(c.arrears) > 0 ? 'mono text-danger' : 'mono'}>¥{c.arrears}</dd>
              </div>
            </dl>
          </div>
          {c.status === 'active' && (
            <div className="page__actions">
              {can('customers:edit') && <ShareRecordButton basePath={`/api/customers/${c.id}`} name={c.name} />}
              {can('customers:admin') && (
                <Link className="button" to={`/customers/merge?a=${c.id}`}>
                  {t('view.merge')}
                </Link>
              )}
              {can('customers:delete') && (
                <button type="button" className="button button--danger" onClick={() => setCancelling(true)}>
                  {t('view.cancelAccount')}
                </button>
              )}
            </div>
          )}
        </div>
        <Tabs
          tabs={tabs}
          active={params.get('tab') ?? 'details'}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
        />
      </section>
      {cancelling && <CancelAccountDialog customer={c} onClose={() => setCancelling(false)} />}
    </div>
  );
}

function StatusBanner({ customer }: { customer: Customer }) {
  const { t } = useCustomersT();
  if (customer.status === 'merged' && customer.mergedIntoId) {
    return (
      <div className="notice banner" role="status" data-testid="merged-banner">
        {t('view.mergedBanner')} <Link to={`/customers/${customer.mergedIntoId}`}>{t('view.openSurvivor')}</Link>
      </div>
    );
  }
  if (customer.status === 'cancelled') {
    return (
      <div className="notice notice--info banner" role="status">
        {t('view.cancelledBanner')}
        {customer.cancelReason ? ` · ${t('view.reason')}${t('colon')}${customer.cancelReason}` : ''}
      </div>
    );
  }
  return null;
}
