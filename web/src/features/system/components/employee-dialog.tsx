import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useCreateEmployee, useRoles, useUpdateEmployee, type Employee } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { orgUnitOptions } from '../../../lib/org-tree.ts';
import { useOrgUnits } from '../../../lib/org-units.ts';
import { MIN_PASSWORD } from './reset-password-dialog.tsx';

/** Creates an employee (with username and first password), or edits one (name, contact, org unit, roles). */
export function EmployeeDialog({ employee, onClose }: { employee?: Employee; onClose: () => void }) {
  const { t } = useSystemT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const units = useOrgUnits();
  const roles = useRoles();
  const create = useCreateEmployee();
  const update = useUpdateEmployee();
  const [form, setForm] = useState({
    username: '',
    password: '',
    name: employee?.name ?? '',
    phone: employee?.phone ?? '',
    email: employee?.email ?? '',
    orgUnitId: employee?.orgUnitId ?? '',
  });
  const [roleIds, setRoleIds] = useState<string[]>(employee?.roleIds ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  const write = employee ? update : create;
  const server = write.error instanceof ApiError ? write.error : null;
  // The server's field texts are terse; a taken username is better said with the localized message.
  const fields: Record<string, string | undefined> = {
    ...server?.fields,
    ...(server?.code === 'USERNAME_TAKEN' ? { username: server.message } : {}),
    ...local,
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  function toggleRole(id: string, on: boolean) {
    setRoleIds(on ? [...roleIds, id] : roleIds.filter((r) => r !== id));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> =
      !employee && form.password.length < MIN_PASSWORD ? { password: t('employees.tooShort') } : {};
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const contact = { name: form.name, orgUnitId: form.orgUnitId, roleIds };
    if (employee) {
      update.mutate(
        { id: employee.id, ...contact, phone: form.phone || null, email: form.email || null },
        {
          onSuccess: () => {
            toast(t('employees.saved'));
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        {
          ...contact,
          username: form.username,
          password: form.password,
          phone: form.phone || undefined,
          email: form.email || undefined,
        },
        {
          onSuccess: (created) => {
            toast(t('employees.created', { name: created.name }));
            onClose();
          },
        },
      );
    }
  }

  return (
    <Dialog
      title={employee ? t('employees.editTitle', { name: employee.name }) : t('employees.createTitle')}
      onClose={onClose}
      wide
    >
      <form className="form-stack" onSubmit={submit}>
        <FormError message={server?.message} />
        <div className="form-grid">
          {!employee && (
            <>
              <TextField
                label={t('employees.username')}
                required
                autoFocus
                autoComplete="off"
                maxLength={40}
                value={form.username}
                onChange={set('username')}
                error={fields.username}
              />
              <TextField
                label={t('employees.password')}
                type="password"
                required
                autoComplete="new-password"
                value={form.password}
                onChange={set('password')}
                hint={t('employees.passwordHint')}
                error={fields.password}
              />
            </>
          )}
          <TextField
            label={t('employees.name')}
            required
            autoFocus={!!employee}
            maxLength={50}
            value={form.name}
            onChange={set('name')}
            error={fields.name}
          />
          <SelectField
            label={t('employees.orgUnit')}
            required
            value={form.orgUnitId}
            onChange={set('orgUnitId')}
            error={fields.orgUnitId}
            placeholder={t('employees.pickOrgUnit')}
            options={orgUnitOptions(units.data, i18n.language)}
          />
          <TextField
            label={t('employees.phone')}
            type="tel"
            maxLength={20}
            value={form.phone}
            onChange={set('phone')}
            error={fields.phone}
          />
          <TextField
            label={t('employees.email')}
            type="email"
            maxLength={100}
            value={form.email}
            onChange={set('email')}
            error={fields.email}
          />
        </div>
        <fieldset className="field">
          <legend>{t('employees.roles')}</legend>
          <div className="role-picks">
            {(roles.data?.items ?? []).map((r) => (
              <label key={r.id}>
                <input
                  type="checkbox"
                  checked={roleIds.includes(r.id)}
                  onChange={(e) => toggleRole(r.id, e.target.checked)}
                />
                {pick({ zh: r.name, en: r.nameEn }, i18n.language)}
              </label>
            ))}
          </div>
          {fields.roleIds && (
            <div className="field__error" role="alert">
              {fields.roleIds}
            </div>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={write.isPending}>
            {write.isPending ? app.t('common.saving') : app.t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
