import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from '../../../lib/org-units.ts';
import { useCreateOrgUnit } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';

/** What a new unit under this parent most likely is: a province holds cities, a city counties, a department teams. */
const LIKELY_CHILD: Record<OrgUnitKind, OrgUnitKind> = {
  province: 'city',
  city: 'county',
  county: 'department',
  department: 'team',
  team: 'team',
};

/** Adds a unit under `parent` (or at the top when it is null). */
export function OrgUnitDialog({ parent, onClose }: { parent: OrgUnit | null; onClose: () => void }) {
  const { t } = useSystemT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const create = useCreateOrgUnit();
  const [form, setForm] = useState({
    name: '',
    nameEn: '',
    code: '',
    kind: parent ? LIKELY_CHILD[parent.kind] : ('province' as OrgUnitKind),
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      {
        parentId: parent?.id ?? null,
        name: form.name,
        nameEn: form.nameEn || undefined,
        code: form.code || undefined,
        kind: form.kind,
      },
      {
        onSuccess: (unit) => {
          toast(t('orgUnits.created', { name: unit.name }));
          onClose();
        },
      },
    );
  }

  const title = parent
    ? t('orgUnits.dialogTitle', { parent: pick({ zh: parent.name, en: parent.nameEn }, i18n.language) })
    : t('orgUnits.rootTitle');
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form-stack" onSubmit={submit}>
        <FormError message={error?.message} />
        <TextField
          label={t('orgUnits.name')}
          required
          autoFocus
          maxLength={100}
          value={form.name}
          onChange={set('name')}
          error={error?.fields.name}
        />
        <TextField
          label={t('orgUnits.nameEn')}
          maxLength={100}
          value={form.nameEn}
          onChange={set('nameEn')}
          error={error?.fields.nameEn}
        />
        <TextField
          label={t('orgUnits.code')}
          maxLength={40}
          value={form.code}
          onChange={set('code')}
          error={error?.fields.code}
        />
        <SelectField
          label={t('orgUnits.kind')}
          required
          value={form.kind}
          onChange={set('kind')}
          error={error?.fields.kind}
          options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? app.t('common.saving') : app.t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
