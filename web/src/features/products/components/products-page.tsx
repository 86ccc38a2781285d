import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { RegionPicker } from '../../../components/ui/region-picker.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useOrgUnitNames } from '../../../lib/org-units.ts';
import {
  NEXT_STATUS,
  TARIFF_FIELDS,
  useChangeStatus,
  useProducts,
  useSaveProduct,
  type Product,
} from '../api/products-api.ts';
import { useProductsT } from '../i18n.ts';
import { CUSTOMER_CATEGORIES } from '@shared/customer-enums.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

type Form = Record<string, string>;
const EMPTY: Form = {
  code: '',
  kind: 'package',
  name: '',
  targetCategory: '',
  targetSegment: '',
  description: '',
  responsibility: '',
  ...Object.fromEntries(TARIFF_FIELDS.map((f) => [f, '0'])),
};

function ProductDialog({
  product,
  services,
  onClose,
}: {
  product: Product | null;
  services: Product[];
  onClose: () => void;
}) {
  const { t } = useProductsT();
  const toast = useToast();
  const save = useSaveProduct(product?.id);
  const locked = product?.status === 'released' || product?.status === 'retired';
  const [form, setForm] = useState<Form>(
    product
      ? { ...EMPTY, ...Object.fromEntries(Object.entries(product).map(([k, v]) => [k, v == null ? '' : String(v)])) }
      : EMPTY,
  );
  const [regionIds, setRegionIds] = useState<string[]>(product?.regionIds ?? []);
  const [requires, setRequires] = useState<string[]>(product?.requires.map((r) => r.id) ?? []);
  const [bundles, setBundles] = useState<string[]>(product?.bundles.map((r) => r.id) ?? []);
  const field = (k: string, props: Record<string, unknown> = {}) => (
    <TextField
      key={k}
      label={t(`field.${k}`)}
      value={form[k]}
      onChange={(e) => setForm({ ...form, [k]: e.target.value })}
      error={
        save.error && 'fields' in save.error ? (save.error as { fields: Record<string, string> }).fields[k] : undefined
      }
      {...props}
    />
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = {
      name: form.name,
      regionIds,
      targetCategory: form.targetCategory || null,
      targetSegment: form.targetSegment || null,
      description: form.description,
      responsibility: form.responsibility,
      requires,
      bundles: form.kind === 'package' ? bundles : [],
    };
    if (!locked)
      for (const f of TARIFF_FIELDS) body[f] = f === 'includedMinutes' ? Number(form[f] || 0) : form[f] || '0';
    if (!product) Object.assign(body, { code: form.code, kind: form.kind });
    save.mutate(body, {
      onSuccess: () => {
        toast(t('saved'));
        onClose();
      },
    });
  }
  const toggle = (list: string[], set: (v: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  return (
    <Dialog title={product ? t('edit') : t('create')} onClose={onClose} wide>
      <form onSubmit={submit} aria-label={product ? t('edit') : t('create')}>
        <FormError message={save.error?.message} />
        <div className="form-grid">
          {field('code', { disabled: !!product, required: true, maxLength: TEXT_LIMITS.products.code })}
          <SelectField
            label={t('field.kind')}
            value={form.kind}
            disabled={!!product}
            onChange={(e) => setForm({ ...form, kind: e.target.value })}
            options={[
              { value: 'package', label: t('kind.package') },
              { value: 'service', label: t('kind.service') },
            ]}
          />
          {field('name', { required: true, maxLength: TEXT_LIMITS.products.name })}
          <SelectField
            label={t('field.targetCategory')}
            value={form.targetCategory}
            onChange={(e) => setForm({ ...form, targetCategory: e.target.value })}
            placeholder={t('all')}
            options={CUSTOMER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
          {field('targetSegment', { maxLength: TEXT_LIMITS.products.targetSegment })}
          {TARIFF_FIELDS.map((f) => field(f, { inputMode: 'decimal', disabled: locked }))}
        </div>
        {locked && <p className="muted">{t('pricingLocked')}</p>}
        <RegionPicker label={t('field.regionIds')} hint={t('regionHint')} value={regionIds} onChange={setRegionIds} />
        <fieldset className="form-section">
          <legend>{t('field.requires')}</legend>
          {services
            .filter((s) => s.id !== product?.id)
            .map((s) => (
              <label key={s.id} style={{ marginRight: 12 }}>
                <input
                  type="checkbox"
                  checked={requires.includes(s.id)}
                  onChange={() => toggle(requires, setRequires, s.id)}
                />{' '}
                {s.name}
              </label>
            ))}
        </fieldset>
        {form.kind === 'package' && (
          <fieldset className="form-section">
            <legend>{t('field.bundles')}</legend>
            {services.map((s) => (
              <label key={s.id} style={{ marginRight: 12 }}>
                <input
                  type="checkbox"
                  checked={bundles.includes(s.id)}
                  onChange={() => toggle(bundles, setBundles, s.id)}
                />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <TextArea
          label={t('field.description')}
          maxLength={TEXT_LIMITS.products.description}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
        <TextArea
          label={t('field.responsibility')}
          maxLength={TEXT_LIMITS.products.responsibility}
          value={form.responsibility}
          onChange={(e) => setForm({ ...form, responsibility: e.target.value })}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function StatusButtons({ product }: { product: Product }) {
  const { t } = useProductsT();
  const toast = useToast();
  const change = useChangeStatus(product.id);
  return (
    <>
      {NEXT_STATUS[product.status].map((to) => (
        <button
          key={to}
          type="button"
          className={`button button--small${to === 'retired' ? ' button--danger' : ''}`}
          disabled={change.isPending}
          onClick={() =>
            change.mutate(to, { onSuccess: () => toast(t('statusChanged')), onError: (e) => toast(e.message) })
          }
        >
          {t(`to.${to}`)}
        </button>
      ))}
    </>
  );
}

/** The name and sales cells may wrap (between words and after 、), so the table fits beside the navigation. */
const WRAP = { whiteSpace: 'normal', wordBreak: 'keep-all' } as const;

/** Tariff packages and single services: list, create, edit (tariffs only before release), move through the lifecycle. */
export function ProductsPage() {
  const { t } = useProductsT();
  const { can } = useAuth();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const products = useProducts({ kind: kind || undefined, status: status || undefined });
  const regionNames = useOrgUnitNames();
  const services = useProducts({ kind: 'service' });
  const items = products.data?.items ?? [];
  // The header search opens a product as `?open=<id>`.
  // An editor gets its form; anyone else the row, marked and scrolled to.
  const [params, setParams] = useSearchParams();
  const toOpen = params.get('open');
  const [marked, setMarked] = useState<string | null>(null);
  const mayEdit = can('products:edit');
  useEffect(() => {
    const found = toOpen ? items.find((p) => p.id === toOpen) : undefined;
    if (!found) return;
    if (mayEdit) setEditing(found);
    setMarked(found.id);
    setParams({}, { replace: true });
  }, [toOpen, items, setParams, mayEdit]);
  useEffect(() => {
    if (marked) document.getElementById(`product-${marked}`)?.scrollIntoView({ block: 'center' });
  }, [marked]);
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        {can('products:create') && (
          <div className="page__actions">
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              ＋ {t('create')}
            </button>
          </div>
        )}
      </div>
      <section className="card">
        <div className="card__body toolbar__row">
          <SelectField
            label={t('field.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            placeholder={t('all')}
            options={[
              { value: 'package', label: t('kind.package') },
              { value: 'service', label: t('kind.service') },
            ]}
          />
          <SelectField
            label={t('field.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            placeholder={t('all')}
            options={(['draft', 'testing', 'released', 'retired'] as const).map((s) => ({
              value: s,
              label: t(`status.${s}`),
            }))}
          />
        </div>
        <FormError message={products.error?.message} />
        <div className="table-wrap">
          <table className="table" aria-label={t('title')} data-testid="products">
            <thead>
              <tr>
                <th>{t('field.code')}</th>
                <th>{t('field.name')}</th>
                <th>{t('field.kind')}</th>
                <th className="num">{t('field.monthlyFee')}</th>
                <th className="num">{t('field.includedMinutes')}</th>
                <th className="num">{t('field.includedDataGb')}</th>
                <th>{t('field.regionIds')}</th>
                <th>{t('field.status')}</th>
                <th className="num">{t('field.subscribers')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} id={`product-${p.id}`} aria-current={p.id === marked || undefined}>
                  <td className="mono">{p.code}</td>
                  <td style={WRAP}>
                    {can('products:edit') ? (
                      <button type="button" className="link-button" onClick={() => setEditing(p)}>
                        {p.name}
                      </button>
                    ) : (
                      p.name
                    )}
                    {p.requires.length > 0 && (
                      <div className="muted">
                        {t('field.requires')}: {p.requires.map((r) => r.name).join('、')}
                      </div>
                    )}
                    {p.bundles.length > 0 && (
                      <div className="muted">
                        {t('field.bundles')}: {p.bundles.map((r) => r.name).join('、')}
                      </div>
                    )}
                  </td>
                  <td>{t(`kind.${p.kind}`)}</td>
                  <td className="num">¥{p.monthlyFee}</td>
                  <td className="num">{p.includedMinutes}</td>
                  <td className="num">{Number(p.includedDataGb)}</td>
                  <td style={WRAP}>
                    {p.regionIds.length ? (
                      regionNames(p.regionIds).join('、')
                    ) : (
                      <span className="muted">{t('allRegions')}</span>
                    )}
                    {(p.targetCategory || p.targetSegment) && (
                      <div className="muted">
                        {t('target')}:{' '}
                        {[p.targetCategory && t(`category.${p.targetCategory}`), p.targetSegment]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    )}
                  </td>
                  <td>{t(`status.${p.status}`)}</td>
                  <td className="num">{p.subscribers}</td>
                  <td>{can('products:admin') && <StatusButtons product={p} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {editing && (
        <ProductDialog
          product={editing === 'new' ? null : editing}
          services={services.data?.items ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
