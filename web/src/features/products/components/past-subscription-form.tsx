import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useAddPastSubscription, useProducts } from '../api/products-api.ts';
import { useProductsT } from '../i18n.ts';

/**
 * For administrators: a subscription from before the CRM (a past start, an end or none, a reason), so that past
 * months can be billed and profiled. Retired products are offered too: history may hold them.
 */
export function PastSubscriptionForm({ customerId }: { customerId: string }) {
  const { t } = useProductsT();
  const toast = useToast();
  const products = useProducts();
  const add = useAddPastSubscription(customerId);
  const [productId, setProductId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const fields = add.error instanceof ApiError ? add.error.fields : {};
  const choices = (products.data?.items ?? []).filter((p) => p.status === 'released' || p.status === 'retired');

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate(
      { productId, startsOn, endsOn: endsOn || null, reason },
      {
        onSuccess: () => {
          toast(t('sub.pastDone'));
          setProductId('');
          setStartsOn('');
          setEndsOn('');
          setReason('');
        },
      },
    );
  }

  return (
    <details style={{ marginBottom: 12 }}>
      <summary>{t('sub.past')}</summary>
      <p className="muted">{t('sub.pastHint')}</p>
      <form className="toolbar__row" onSubmit={submit} aria-label={t('sub.past')}>
        <SelectField
          label={t('sub.product')}
          value={productId}
          onChange={(e) => setProductId(e.target.value)}
          placeholder={t('sub.choose')}
          required
          error={fields.productId}
          options={choices.map((p) => ({ value: p.id, label: `${p.name}（${t(`kind.${p.kind}`)}）` }))}
        />
        <TextField
          label={t('sub.pastFrom')}
          type="date"
          required
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={fields.startsOn}
        />
        <TextField
          label={t('sub.pastUntil')}
          type="date"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={fields.endsOn}
        />
        <TextField
          label={t('sub.pastReason')}
          required
          minLength={2}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fields.reason}
        />
        <button
          type="submit"
          className="button button--primary"
          style={{ alignSelf: 'flex-end' }}
          disabled={!productId || !startsOn || reason.trim().length < 2 || add.isPending}
        >
          {t('sub.pastSubmit')}
        </button>
      </form>
      <FormError message={add.error?.message} />
    </details>
  );
}
