import { useState, type FormEvent } from 'react';
import { useAuth } from '../../../app/auth.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { FormError, SelectField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  useCustomerTarget,
  useEndSubscription,
  useProducts,
  useSubscribe,
  useSubscriptions,
  type Product,
  type Subscription,
} from '../api/products-api.ts';
import { useProductsT } from '../i18n.ts';
import { PastSubscriptionForm } from './past-subscription-form.tsx';
import { businessDate } from '../../../lib/date-format.ts';

/** The parts of a product's target (category, segment) this customer is not: guidance for the seller, not a rule. */
function missedTarget(
  p: Product,
  customer: { category: string; segment: string | null } | undefined,
  t: (key: string) => string,
): string {
  if (!customer) return '';
  return [
    p.targetCategory && p.targetCategory !== customer.category && t(`category.${p.targetCategory}`),
    p.targetSegment && p.targetSegment !== customer.segment && p.targetSegment,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The customer's packages and services over time; subscribe, change package, unsubscribe (the server refuses while they
 * owe money). The choice offers only what may be sold in the customer's region, with a product's target where the customer misses it.
 */
export function SubscriptionsTab({ customerId }: { customerId: string }) {
  const { t } = useProductsT();
  const { can } = useAuth();
  const toast = useToast();
  const subs = useSubscriptions(customerId);
  const sellable = useProducts({ sellableTo: customerId });
  const customer = useCustomerTarget(customerId).data;
  const subscribe = useSubscribe(customerId);
  const end = useEndSubscription(customerId);
  const [productId, setProductId] = useState('');
  const [effective, setEffective] = useState('');
  const [ending, setEnding] = useState<Subscription | null>(null);
  const items = subs.data?.items ?? [];
  const offers = (sellable.data?.items ?? []).map((p) => ({ product: p, missed: missedTarget(p, customer, t) }));
  const chosen = offers.find((o) => o.product.id === productId);
  const state = (s: Subscription) =>
    s.current ? t('sub.current') : s.endsOn && s.endsOn <= businessDate() ? t('sub.ended') : t('sub.scheduled');

  function submit(e: FormEvent) {
    e.preventDefault();
    subscribe.mutate(
      { productId, effective: effective || undefined },
      {
        onSuccess: () => {
          toast(t('sub.done'));
          setProductId('');
        },
      },
    );
  }

  return (
    <div>
      {can('subscriptions:create') && (
        <form className="toolbar__row" onSubmit={submit} aria-label={t('sub.add')} style={{ marginBottom: 12 }}>
          <SelectField
            label={t('sub.add')}
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
            placeholder={t('sub.choose')}
            required
            hint={
              chosen?.missed
                ? t('sub.targetHint', { target: chosen.missed })
                : sellable.data && offers.length === 0
                  ? t('sub.noneSellable')
                  : undefined
            }
            options={offers.map(({ product: p, missed }) => ({
              value: p.id,
              label: `${p.name}（${t(`kind.${p.kind}`)}${p.kind === 'package' ? ` ¥${p.monthlyFee}` : ''}）${missed ? ` · ${t('sub.meantFor', { target: missed })}` : ''}`,
            }))}
          />
          <SelectField
            label={t('sub.effective')}
            value={effective}
            onChange={(e) => setEffective(e.target.value)}
            placeholder="—"
            options={[
              { value: 'next_month', label: t('sub.nextMonth') },
              { value: 'today', label: t('sub.today') },
            ]}
          />
          <button
            type="submit"
            className="button button--primary"
            style={{ alignSelf: 'flex-end' }}
            disabled={!productId || subscribe.isPending}
          >
            {t('sub.submit')}
          </button>
        </form>
      )}
      {can('subscription-history:create') && <PastSubscriptionForm customerId={customerId} />}
      <FormError message={(subscribe.error ?? end.error ?? subs.error)?.message} />
      {subs.data && items.length === 0 && <p className="muted">{t('sub.empty')}</p>}
      {items.length > 0 && (
        <table className="table" aria-label={t('sub.title')} data-testid="customer-subscriptions">
          <thead>
            <tr>
              <th>{t('sub.product')}</th>
              <th>{t('sub.kind')}</th>
              <th className="num">{t('sub.monthly')}</th>
              <th>{t('sub.from')}</th>
              <th>{t('sub.until')}</th>
              <th>{t('sub.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.productName}</strong>
                </td>
                <td>{t(`kind.${s.kind}`)}</td>
                <td className="num">¥{s.monthlyFee}</td>
                <td>{s.startsOn}</td>
                <td>{s.endsOn ?? '—'}</td>
                <td>{state(s)}</td>
                <td>
                  {can('subscriptions:delete') && !s.endsOn && (
                    <button type="button" className="button button--small button--danger" onClick={() => setEnding(s)}>
                      {t('sub.end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ending && (
        <ConfirmDialog
          title={t('sub.end')}
          confirmLabel={t('sub.end')}
          cancelLabel={t('cancel')}
          danger
          busy={end.isPending}
          onClose={() => setEnding(null)}
          onConfirm={() =>
            end.mutate({ id: ending.id }, { onSuccess: () => toast(t('sub.ended2')), onSettled: () => setEnding(null) })
          }
        >
          {t('sub.endConfirm', { name: ending.productName })}
        </ConfirmDialog>
      )}
    </div>
  );
}
