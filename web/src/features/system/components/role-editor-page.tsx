import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { NotFoundPage } from '../../../app/shell/not-found-page.tsx';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  DATA_SCOPES,
  useCreateRole,
  useRoles,
  useUpdateRole,
  type DataScope,
  type PermissionArea,
  type Role,
} from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { PermissionMatrix } from './permission-matrix.tsx';
import { SystemSection } from './system-section.tsx';

/** /system/roles/new and /system/roles/:id: name, data scope and the permission matrix. */
export function RoleEditorPage() {
  const { id } = useParams();
  const { t } = useSystemT();
  const app = useAppT();
  const roles = useRoles();
  if (!roles.data)
    return (
      <SystemSection>
        <FormError message={roles.error?.message} />
        {roles.isLoading && <p className="muted">{app.t('common.loading')}</p>}
      </SystemSection>
    );
  const role = id ? roles.data.items.find((r) => r.id === id) : undefined;
  if (id && !role) return <NotFoundPage message={t('roles.notFound')} />;
  // Keyed by id so that moving from one role to another starts a fresh form.
  return <RoleForm key={id ?? 'new'} role={role} areas={roles.data.areas} />;
}

function RoleForm({ role, areas }: { role?: Role; areas: PermissionArea[] }) {
  const { t } = useSystemT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateRole();
  const update = useUpdateRole();
  const [form, setForm] = useState({
    code: role?.code ?? '',
    name: role?.name ?? '',
    nameEn: role?.nameEn ?? '',
    dataScope: role?.dataScope ?? ('own' as DataScope),
  });
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);
  const write = role ? update : create;
  const error = write.error instanceof ApiError ? write.error : null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const editable = can(role ? 'system:edit' : 'system:create');

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = { name: form.name, nameEn: form.nameEn || undefined, dataScope: form.dataScope, permissions };
    const done = (saved: Role) => {
      toast(
        t(role ? 'roles.saved' : 'roles.created', { name: pick({ zh: saved.name, en: saved.nameEn }, i18n.language) }),
      );
      navigate('/system/roles');
    };
    if (role) update.mutate({ id: role.id, ...input }, { onSuccess: done });
    else create.mutate({ ...input, code: form.code }, { onSuccess: done });
  }

  const title = role
    ? t('roles.editTitle', { name: pick({ zh: role.name, en: role.nameEn }, i18n.language) })
    : t('roles.createTitle');
  return (
    <SystemSection>
      <div className="breadcrumb">
        <Link to="/system/roles">{t('roles.back')}</Link> / {title}
      </div>
      <form className="card card__body form-stack" onSubmit={submit} aria-label={title}>
        <h2>{title}</h2>
        <FormError message={error?.message} />
        <fieldset disabled={!editable} className="form-stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <div className="form-grid">
            <TextField
              label={t('roles.code')}
              maxLength={40}
              required
              readOnly={!!role}
              value={form.code}
              onChange={set('code')}
              hint={role ? undefined : t('roles.codeHint')}
              error={error?.code === 'ROLE_CODE_TAKEN' ? error.message : error?.fields.code}
            />
            <TextField
              label={t('roles.name')}
              required
              maxLength={50}
              value={form.name}
              onChange={set('name')}
              error={error?.fields.name}
            />
            <TextField
              label={t('roles.nameEn')}
              maxLength={50}
              value={form.nameEn}
              onChange={set('nameEn')}
              error={error?.fields.nameEn}
            />
            <SelectField
              className="span-2"
              label={t('roles.dataScope')}
              value={form.dataScope}
              onChange={set('dataScope')}
              error={error?.fields.dataScope}
              hint={t(`scope.${form.dataScope}Hint`)}
              options={DATA_SCOPES.map((s) => ({ value: s, label: `${t(`scope.${s}`)} — ${t(`scope.${s}Hint`)}` }))}
            />
          </div>
          <h3>{t('roles.permissions')}</h3>
          <PermissionMatrix areas={areas} permissions={permissions} onChange={setPermissions} />
          {error?.fields.permissions && (
            <div className="field__error" role="alert">
              {error.fields.permissions}
            </div>
          )}
        </fieldset>
        <div className="form-actions">
          <Link className="button" to="/system/roles">
            {app.t('common.cancel')}
          </Link>
          {editable && (
            <button type="submit" className="button button--primary" disabled={write.isPending}>
              {write.isPending ? app.t('common.saving') : app.t('common.save')}
            </button>
          )}
        </div>
      </form>
    </SystemSection>
  );
}
