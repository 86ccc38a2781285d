import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, get } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { Highlighted } from '../../../components/ui/highlighted.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  BUSINESS_TYPES,
  PRIORITIES,
  useCreateWorkOrder,
  useSuggestions,
  useTypes,
  type WorkOrder,
} from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import '../components/work-orders.css';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

export interface CustomerRef {
  id: string;
  name: string;
  customerNo?: string;
  phone?: string;
}

/** Finds a customer by name, phone or number when the order is not started from the customer's page. */
function CustomerPicker({ onPick }: { onPick: (c: CustomerRef) => void }) {
  const { t } = useWorkOrdersT();
  const app = useAppT();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CustomerRef[] | null>(null);
  async function search() {
    if (!q.trim()) return;
    setFound((await get<{ items: CustomerRef[] }>('/api/customers', { q: q.trim(), limit: 8 })).items);
  }
  return (
    <div className="field">
      <label htmlFor="wo-customer-search">{t('field.customer')}</label>
      <div className="toolbar__row">
        <input
          id="wo-customer-search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="button" onClick={() => void search()}>
          {app.t('common.search')}
        </button>
      </div>
      {found &&
        (found.length === 0 ? (
          <p className="muted">{app.t('common.empty')}</p>
        ) : (
          <ul className="picker__results">
            {found.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => onPick(c)}>
                  {c.name} · {c.customerNo} · {c.phone}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

/** Accepting a fault or complaint: typed in one form, with the knowledge base's answers suggested beside the description. */
export function CreateWorkOrderDialog({
  customer: given,
  onClose,
  onCreated,
}: {
  customer?: CustomerRef;
  onClose: () => void;
  onCreated?: (w: WorkOrder) => void;
}) {
  const { t, i18n } = useWorkOrdersT();
  const app = useAppT();
  const toast = useToast();
  const types = useTypes();
  const create = useCreateWorkOrder();
  const [customer, setCustomer] = useState<CustomerRef | undefined>(given);
  const top = (types.data ?? []).filter((x) => x.parentId === null && x.active);
  const [form, setForm] = useState({
    typeId: '',
    subtypeId: '',
    businessType: 'broadband',
    priority: 'normal',
    contactPhone: given?.phone && !given.phone.includes('*') ? given.phone : '',
    description: '',
  });
  const typeId = form.typeId || top.find((x) => x.code === 'fault')?.id || '';
  const subtypes = (types.data ?? []).filter((x) => x.parentId === typeId && x.active);
  const suggestions = useSuggestions(form.description);
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!customer) return;
    create.mutate(
      {
        customerId: customer.id,
        typeId,
        subtypeId: form.subtypeId || undefined,
        businessType: form.businessType,
        priority: form.priority,
        contactPhone: form.contactPhone,
        description: form.description,
      },
      {
        onSuccess: (w) => {
          toast(
            w.departmentName ? t('created', { no: w.orderNo, dept: w.departmentName }) : t('notDispatched'),
            w.departmentName ? 'success' : 'info',
          );
          onCreated?.(w);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      title={`${t('report')}${customer ? ` · ${customer.name}` : ''}`}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button
            type="submit"
            form="wo-create"
            className="button button--primary"
            disabled={!customer || create.isPending}
          >
            {create.isPending ? app.t('common.saving') : t('action.create')}
          </button>
        </>
      }
    >
      <div className="wo-create">
        <form id="wo-create" className="form-grid" onSubmit={submit}>
          {!customer && (
            <div className="span-2">
              <CustomerPicker onPick={setCustomer} />
            </div>
          )}
          <SelectField
            label={t('field.type')}
            value={typeId}
            onChange={(e) => setForm({ ...form, typeId: e.target.value, subtypeId: '' })}
            error={fields.typeId}
            options={top.map((x) => ({ value: x.id, label: pick({ zh: x.name, en: x.nameEn }, i18n.language) }))}
          />
          <SelectField
            label={t('field.subtype')}
            value={form.subtypeId}
            onChange={set('subtypeId')}
            error={fields.subtypeId}
            placeholder="—"
            options={subtypes.map((x) => ({ value: x.id, label: pick({ zh: x.name, en: x.nameEn }, i18n.language) }))}
          />
          <SelectField
            label={t('field.businessType')}
            value={form.businessType}
            onChange={set('businessType')}
            error={fields.businessType}
            options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`business.${b}`) }))}
          />
          <SelectField
            label={t('field.priority')}
            value={form.priority}
            onChange={set('priority')}
            error={fields.priority}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          />
          <TextField
            label={t('field.contactPhone')}
            value={form.contactPhone}
            onChange={set('contactPhone')}
            error={fields.contactPhone}
            required
            inputMode="tel"
          />
          <TextArea
            className="span-2"
            label={t('field.description')}
            maxLength={TEXT_LIMITS.workOrders.description}
            value={form.description}
            onChange={set('description')}
            error={fields.description}
            required
            rows={5}
          />
          <FormError message={create.error && !Object.keys(fields).length ? create.error.message : undefined} />
        </form>
        <aside className="wo-suggest" aria-label={t('suggest.title')} data-testid="kb-suggestions">
          <h3>{t('suggest.title')}</h3>
          {!suggestions.data?.length ? (
            <p className="muted">{t('suggest.none')}</p>
          ) : (
            <ul>
              {suggestions.data.map((s) => (
                <li key={s.id}>
                  <Link to={`/knowledge/articles/${s.id}`} target="_blank">
                    <strong>{s.title}</strong>
                  </Link>
                  <div>
                    <Highlighted html={s.snippet} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </Dialog>
  );
}
