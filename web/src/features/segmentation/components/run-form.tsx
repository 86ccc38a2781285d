import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useRegions } from '../../../lib/org-units.ts';
import { useStartRun, useVariables, type RunFilter } from '../api/segmentation-api.ts';
import { useSegmentationT } from '../i18n.ts';
import { businessMonth } from '../../../lib/date-format.ts';
import { CUSTOMER_CATEGORIES, CUSTOMER_LEVELS, CUSTOMER_LIFECYCLES } from '@shared/customer-enums.ts';

/** The run form: month (or an average over months), variables (all 15 by default), K or "choose", seed, customer filter. */
export function RunForm() {
  const { t, i18n } = useSegmentationT();
  const toast = useToast();
  const navigate = useNavigate();
  const variables = useVariables();
  const regions = useRegions();
  const start = useStartRun();
  const [form, setForm] = useState({
    month: businessMonth(-1),
    months: '1',
    k: '3',
    auto: false,
    seed: '1',
    log: false,
  });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [filter, setFilter] = useState<RunFilter>({});
  const all = variables.data?.map((v) => v.key) ?? [];
  const selected = chosen ?? all;
  const error = start.error instanceof ApiError ? start.error : undefined;
  const fieldError = (name: string) =>
    Object.entries(error?.fields ?? {}).find(([key]) => key === name || key.startsWith(`${name}.`))?.[1];

  function toggle(key: string) {
    setChosen(
      selected.includes(key) ? selected.filter((k) => k !== key) : all.filter((k) => k === key || selected.includes(k)),
    );
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as RunFilter;
    start.mutate(
      {
        month: form.month,
        months: Number(form.months) || 1,
        variables: selected,
        k: form.auto ? 'auto' : Number(form.k),
        seed: Number(form.seed) || 0,
        filter: clean,
        log: form.log,
      },
      {
        onSuccess: ({ runId }) => {
          toast(t('form.started'));
          void navigate(`/segmentation/runs/${runId}`);
        },
      },
    );
  }
  const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: t(`value.${v}`) }));

  return (
    <form className="card card__body seg-form" onSubmit={submit} aria-label={t('form.title')} noValidate>
      <h2>{t('form.title')}</h2>
      <div className="seg-form__row">
        <TextField
          label={t('form.month')}
          type="month"
          required
          value={form.month}
          onChange={(e) => setForm({ ...form, month: e.target.value })}
          error={fieldError('month')}
        />
        <TextField
          label={t('form.months')}
          type="number"
          min={1}
          max={12}
          value={form.months}
          onChange={(e) => setForm({ ...form, months: e.target.value })}
          error={fieldError('months')}
          hint={t('form.monthsHint')}
        />
        <TextField
          label={t('form.k')}
          type="number"
          min={2}
          max={8}
          value={form.k}
          disabled={form.auto}
          onChange={(e) => setForm({ ...form, k: e.target.value })}
          error={fieldError('k')}
          hint={t('form.kHint')}
        />
        <label className="seg-check">
          <input type="checkbox" checked={form.auto} onChange={(e) => setForm({ ...form, auto: e.target.checked })} />{' '}
          {t('form.auto')}
        </label>
        <TextField
          label={t('form.seed')}
          type="number"
          min={0}
          value={form.seed}
          onChange={(e) => setForm({ ...form, seed: e.target.value })}
          error={fieldError('seed')}
        />
      </div>
      <fieldset className="seg-variables">
        <legend>
          {t('form.variables')} ({selected.length}/{all.length})
          <button type="button" className="button button--small" onClick={() => setChosen(null)}>
            {t('form.all')}
          </button>
          <button type="button" className="button button--small" onClick={() => setChosen([])}>
            {t('form.none')}
          </button>
        </legend>
        {variables.data?.map((v) => (
          <label key={v.key} className="seg-check">
            <input type="checkbox" checked={selected.includes(v.key)} onChange={() => toggle(v.key)} />{' '}
            {pick(v, i18n.language)}
          </label>
        ))}
        {fieldError('variables') && (
          <div className="field__error" role="alert">
            {fieldError('variables')}
          </div>
        )}
      </fieldset>
      <label className="seg-check">
        <input type="checkbox" checked={form.log} onChange={(e) => setForm({ ...form, log: e.target.checked })} />{' '}
        {t('form.log')}
      </label>
      <fieldset className="seg-form__row">
        <legend>{t('form.filter')}</legend>
        <SelectField
          label={t('form.region')}
          value={filter.region ?? ''}
          placeholder={t('form.allRegions')}
          onChange={(e) => setFilter({ ...filter, region: e.target.value })}
          options={(regions.data ?? []).map((r) => ({
            value: r.id,
            label: pick({ zh: r.name, en: r.nameEn }, i18n.language),
          }))}
        />
        <SelectField
          label={t('form.category')}
          value={filter.category ?? ''}
          placeholder={t('form.any')}
          onChange={(e) => setFilter({ ...filter, category: e.target.value })}
          options={options(CUSTOMER_CATEGORIES)}
        />
        <SelectField
          label={t('form.level')}
          value={filter.level ?? ''}
          placeholder={t('form.any')}
          onChange={(e) => setFilter({ ...filter, level: e.target.value })}
          options={options(CUSTOMER_LEVELS)}
        />
        <SelectField
          label={t('form.lifecycle')}
          value={filter.lifecycle ?? ''}
          placeholder={t('form.any')}
          onChange={(e) => setFilter({ ...filter, lifecycle: e.target.value })}
          options={options(CUSTOMER_LIFECYCLES)}
        />
      </fieldset>
      <FormError message={error?.message} />
      <div>
        <button type="submit" className="button button--primary" disabled={start.isPending}>
          {t('form.start')}
        </button>
      </div>
    </form>
  );
}
