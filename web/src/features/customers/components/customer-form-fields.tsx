import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useOrgUnits } from '../../../lib/org-units.ts';
import { CATEGORIES, EDUCATIONS, LEVELS, LIFECYCLES, useColleagues } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { regionOptions } from './region-options.ts';
import type { CustomerFormState } from './customer-form.ts';

interface Props {
  form: CustomerFormState;
  onChange: (next: CustomerFormState) => void;
  errors: Record<string, string | undefined>;
  onPhoneBlur?: () => void;
  /** The ID-card number cannot be edited while it is shown masked. */
  idCardReadOnly?: boolean;
}

/** The customer's fields, grouped as the front desk fills them in; shared by "open an account" and "edit". */
export function CustomerFormFields({ form, onChange, errors, onPhoneBlur, idCardReadOnly }: Props) {
  const { t } = useCustomersT();
  const { i18n } = useTranslation();
  const regions = useOrgUnits();
  const colleagues = useColleagues();
  const set = (key: keyof CustomerFormState) => (e: { target: { value: string } }) =>
    onChange({ ...form, [key]: e.target.value });
  const options = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));

  return (
    <>
      <section className="form-section">
        <h3>{t('open.basics')}</h3>
        <div className="form-grid">
          <SelectField
            label={t('field.category')}
            required
            value={form.category}
            onChange={set('category')}
            error={errors.category}
            options={options('category', CATEGORIES)}
          />
          <TextField
            label={t('field.name')}
            required
            maxLength={100}
            value={form.name}
            onChange={set('name')}
            error={errors.name}
          />
          <TextField
            label={t('field.idCard')}
            className="mono-input"
            maxLength={18}
            value={form.idCard}
            onChange={set('idCard')}
            error={errors.idCard}
            hint={t('open.derived')}
            readOnly={idCardReadOnly}
            required={form.category === 'individual'}
          />
          <TextField
            label={t('field.phone')}
            required
            type="tel"
            maxLength={20}
            value={form.phone}
            onChange={set('phone')}
            onBlur={onPhoneBlur}
            error={errors.phone}
          />
          <TextField
            label={t('field.backupPhone')}
            type="tel"
            maxLength={20}
            value={form.backupPhone}
            onChange={set('backupPhone')}
            error={errors.backupPhone}
          />
          <TextField
            label={t('field.email')}
            type="email"
            maxLength={100}
            value={form.email}
            onChange={set('email')}
            error={errors.email}
          />
          <TextField
            label={t('field.address')}
            className="span-2"
            maxLength={200}
            value={form.address}
            onChange={set('address')}
            error={errors.address}
          />
        </div>
      </section>
      <section className="form-section">
        <h3>{t('open.profile')}</h3>
        <div className="form-grid">
          <SelectField
            label={t('field.education')}
            value={form.education}
            onChange={set('education')}
            error={errors.education}
            placeholder="—"
            options={options('education', EDUCATIONS)}
          />
          <TextField label={t('field.job')} maxLength={50} value={form.job} onChange={set('job')} error={errors.job} />
          <TextField
            label={t('field.income')}
            inputMode="decimal"
            value={form.income}
            onChange={set('income')}
            error={errors.income}
          />
          <SelectField
            label={t('field.level')}
            value={form.level}
            onChange={set('level')}
            error={errors.level}
            options={options('level', LEVELS)}
          />
          <SelectField
            label={t('field.lifecycle')}
            value={form.lifecycle}
            onChange={set('lifecycle')}
            error={errors.lifecycle}
            options={options('lifecycle', LIFECYCLES)}
          />
        </div>
      </section>
      <section className="form-section">
        <h3>{t('open.ownership')}</h3>
        <div className="form-grid">
          <SelectField
            label={t('field.region')}
            required
            value={form.regionId}
            onChange={set('regionId')}
            error={errors.regionId}
            placeholder={t('open.regionPick')}
            options={regionOptions(regions.data, i18n.language)}
          />
          <SelectField
            label={t('field.accountManager')}
            value={form.accountManagerId}
            onChange={set('accountManagerId')}
            error={errors.accountManagerId}
            placeholder={t('open.managerNone')}
            options={(colleagues.data ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.orgUnitName}` }))}
          />
        </div>
      </section>
    </>
  );
}
