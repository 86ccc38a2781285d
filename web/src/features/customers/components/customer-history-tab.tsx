import { useTranslation } from 'react-i18next';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { useOrgUnits } from '../../../lib/org-units.ts';
import { useColleagues, useCustomerHistory } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';
import { useAuditLabels } from '../../../lib/audit-labels.ts';

const ENUM_FIELDS = new Set(['category', 'level', 'lifecycle', 'status', 'gender', 'education']);

/** Who changed what and when, newest first: each field as old → new. Merged-away records' history shows here too. */
export function CustomerHistoryTab({ customerId }: { customerId: string }) {
  const { dateTime } = useDateFormat();
  const { t } = useCustomersT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const labels = useAuditLabels();
  const history = useCustomerHistory(customerId);
  const units = useOrgUnits();
  const colleagues = useColleagues();

  function show(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t('history.empty_value');
    if (field === 'regionId') {
      const unit = units.data?.find((u) => u.id === String(value));
      return unit ? pick({ zh: unit.name, en: unit.nameEn }, i18n.language) : String(value);
    }
    if (field === 'accountManagerId')
      return colleagues.data?.find((c) => c.id === String(value))?.name ?? String(value);
    if (ENUM_FIELDS.has(field) && typeof value === 'string') return t(`${field}.${value}`, { defaultValue: value });
    if (field === 'role' && typeof value === 'string') return t(`contactRole.${value}`, { defaultValue: value });
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  if (history.error) return <FormError message={history.error.message} />;
  if (!history.data) return <p className="muted">{app.t('common.loading')}</p>;
  if (history.data.items.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="history" aria-label={t('view.history')} data-testid="customer-history">
      {history.data.items.map((entry) => (
        <li key={entry.id}>
          <div className="history__meta">
            <div>{dateTime(entry.at)}</div>
            <div>{labels.label('actor', entry.actorName)}</div>
          </div>
          <div>
            <strong>
              {t(`history.action.${entry.action}`, { defaultValue: labels.label('action', entry.action) })}
            </strong>
            <ul className="history__changes">
              {Object.entries(entry.changes).map(([field, change]) => {
                const [from, to] = Array.isArray(change) ? change : [undefined, change];
                return (
                  <li key={field}>
                    <span className="muted">
                      {t(`field.${field}`, { defaultValue: labels.label('field', field) })}
                      {t('colon')}
                    </span>
                    {from !== undefined && from !== null && (
                      <>
                        <span className="history__old">{show(field, from)}</span> →{' '}
                      </>
                    )}
                    <span className="history__new">{show(field, to)}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}
