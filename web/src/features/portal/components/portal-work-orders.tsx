import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  useMyWorkOrder,
  useMyWorkOrders,
  useOpenWorkOrder,
  useWorkOrderOptions,
  type MyWorkOrder,
  type PortalHome,
} from '../api/portal-api.ts';
import { usePortalT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

/** The customer reports a fault or complains: it becomes a work order, routed to the team in charge at once. */
function NewWorkOrderForm({ home }: { home: PortalHome }) {
  const { t } = usePortalT();
  const toast = useToast();
  const options = useWorkOrderOptions();
  const open = useOpenWorkOrder();
  const empty = { typeId: '', subtypeId: '', businessType: '', description: '', contactPhone: home.customer.phone };
  const [form, setForm] = useState(empty);
  const types = options.data?.types ?? [];
  const typeId = form.typeId || types[0]?.id || '';
  // Only the sub-types of the chosen business (光缆中断 is no broadband fault); none until a business is chosen.
  const subtypes = (types.find((x) => x.id === typeId)?.subtypes ?? []).filter(
    (x) => form.businessType && (!x.businessTypes || x.businessTypes.includes(form.businessType)),
  );
  const fields = open.error instanceof ApiError ? open.error.fields : {};
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({
      ...form,
      [key]: e.target.value,
      ...(key === 'typeId' || key === 'businessType' ? { subtypeId: '' } : {}),
    });

  function submit(e: FormEvent) {
    e.preventDefault();
    open.mutate(
      {
        typeId,
        subtypeId: form.subtypeId || undefined,
        businessType: form.businessType,
        description: form.description,
        contactPhone: form.contactPhone,
      },
      {
        onSuccess: (order) => {
          toast(t('wo.filed', { no: order.orderNo }));
          setForm({ ...empty, typeId });
        },
      },
    );
  }
  return (
    <form className="portal__card" onSubmit={submit} aria-label={t('wo.new')} noValidate>
      <h2>{t('wo.new')}</h2>
      <FormError
        message={options.error?.message ?? (open.error && Object.keys(fields).length === 0 ? open.error.message : null)}
      />
      <SelectField
        label={t('wo.type')}
        value={typeId}
        onChange={set('typeId')}
        error={fields.typeId}
        options={types.map((x) => ({ value: x.id, label: x.name }))}
      />
      <SelectField
        label={t('wo.businessType')}
        value={form.businessType}
        onChange={set('businessType')}
        error={fields.businessType}
        required
        placeholder={t('wo.businessPick')}
        options={(options.data?.businessTypes ?? []).map((b) => ({ value: b, label: t(`business.${b}`) }))}
      />
      {subtypes.length > 0 && (
        <SelectField
          label={t('wo.subtype')}
          value={form.subtypeId}
          onChange={set('subtypeId')}
          error={fields.subtypeId}
          placeholder={t('wo.subtypeAny')}
          options={subtypes.map((x) => ({ value: x.id, label: x.name }))}
        />
      )}
      <TextArea
        label={t('wo.description')}
        value={form.description}
        maxLength={4000}
        onChange={set('description')}
        error={fields.description}
        required
      />
      <TextField
        label={t('wo.contactPhone')}
        type="tel"
        inputMode="tel"
        maxLength={20}
        value={form.contactPhone}
        onChange={set('contactPhone')}
        error={fields.contactPhone}
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={open.isPending || !options.data}>
        {t('wo.submit')}
      </button>
    </form>
  );
}

/** The progress of one order: its status changes, the team it went to and, once resolved, what was done. */
function Progress({ id }: { id: string }) {
  const { dateTime } = useDateFormat();
  const { t } = usePortalT();
  const order = useMyWorkOrder(id);
  if (!order.data) return <FormError message={order.error?.message} />;
  return (
    <div>
      <p style={{ whiteSpace: 'pre-wrap' }}>{order.data.description}</p>
      <ol className="portal__timeline" aria-label={order.data.orderNo}>
        {order.data.timeline.map((e, i) => (
          <li key={i}>
            <strong>{e.action === 'reopen' ? t('wo.reopened') : t(`wo.status.${e.status}`)}</strong>
            {e.departmentName && <> · {e.departmentName}</>}
            <span className="muted"> · {dateTime(e.at)}</span>
            {e.note && (
              <p className="notice notice--info">
                {t('wo.resolution')}：{e.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function OrderCard({ order }: { order: MyWorkOrder }) {
  const { dateTime } = useDateFormat();
  const { t } = usePortalT();
  const [open, setOpen] = useState(false);
  return (
    <section className="portal__card" data-testid="portal-work-order">
      <div className="portal__row">
        <strong className="mono">{order.orderNo}</strong>
        <span className="portal__status">{t(`wo.status.${order.status}`)}</span>
      </div>
      <p className="muted">
        {order.typeName}
        {order.subtypeName && ` · ${order.subtypeName}`} · {t(`business.${order.businessType}`)} ·{' '}
        {t('wo.filedAt', { at: dateTime(order.createdAt) })}
      </p>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('wo.hide') : t('wo.details')}
      </button>
      {open && <Progress id={order.id} />}
    </section>
  );
}

export function PortalWorkOrders({ home }: { home: PortalHome }) {
  const { t } = usePortalT();
  const orders = useMyWorkOrders();
  const items = orders.data?.items ?? [];
  return (
    <>
      <NewWorkOrderForm home={home} />
      <h2 className="portal__heading">{t('wo.mine')}</h2>
      <div data-testid="portal-work-orders">
        <FormError message={orders.error?.message} />
        {items.map((o) => (
          <OrderCard key={o.id} order={o} />
        ))}
        {orders.data && items.length === 0 && <p className="muted">{t('wo.empty')}</p>}
      </div>
    </>
  );
}
