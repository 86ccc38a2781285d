import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  CONTACT_ROLES,
  useContactSearch,
  useCreateContact,
  useLinkContact,
  type Contact,
  type ContactRole,
} from '../api/contacts-api.ts';
import { useContactsT } from '../i18n.ts';
import { ContactFields, contactInput, EMPTY_CONTACT, type ContactFormState } from './contact-fields.tsx';

/** Link a contact to the customer with a role: an existing contact (searched) or a new one created on the spot. */
export function AddCustomerContactDialog({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useContactsT();
  const app = useAppT();
  const toast = useToast();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [form, setForm] = useState<ContactFormState>(EMPTY_CONTACT);
  const [role, setRole] = useState<ContactRole>('other');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Contact | null>(null);
  const found = useContactSearch(q, undefined, mode === 'existing' && q !== '');
  const create = useCreateContact();
  const link = useLinkContact(customerId);
  const failed = create.error ?? link.error;
  const error = failed instanceof ApiError ? failed : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      // A new contact is created first; if linking then fails it stays, findable under "existing".
      const contactId = mode === 'new' ? (await create.mutateAsync(contactInput(form))).id : picked?.id;
      if (!contactId) return;
      await link.mutateAsync({ contactId, role });
      toast(t('tab.linked'));
      onClose();
    } catch {
      // shown from the mutation's error
    }
  }

  const busy = create.isPending || link.isPending;
  return (
    <Dialog title={t('tab.add')} onClose={onClose} wide>
      <form className="form-stack" onSubmit={submit} noValidate>
        <div className="lang-switch" role="group">
          <button type="button" aria-pressed={mode === 'new'} onClick={() => setMode('new')}>
            {t('tab.new')}
          </button>
          <button type="button" aria-pressed={mode === 'existing'} onClick={() => setMode('existing')}>
            {t('tab.existing')}
          </button>
        </div>
        <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null} />
        {mode === 'new' ? (
          <ContactFields
            form={form}
            onChange={setForm}
            errors={create.error instanceof ApiError ? create.error.fields : {}}
            autoFocus
          />
        ) : (
          <div>
            <div className="picker__search">
              <input
                className="search-input"
                type="search"
                aria-label={t('searchLabel')}
                placeholder={t('search')}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    setQ(typed.trim());
                  }
                }}
              />
              <button type="button" className="button" onClick={() => setQ(typed.trim())}>
                {app.t('common.search')}
              </button>
            </div>
            {picked && <p className="notice notice--info">{t('tab.picked', { name: picked.name })}</p>}
            {q && (
              <ul className="picker__results">
                {(found.data?.items ?? []).map((c) => (
                  <li key={c.id}>
                    <span>
                      {c.name} · <span className="mono">{c.phone ?? '—'}</span>
                      {c.title ? ` · ${c.title}` : ''}
                    </span>
                    <button type="button" className="button button--small" onClick={() => setPicked(c)}>
                      {t('tab.pick')}
                    </button>
                  </li>
                ))}
                {found.data?.items.length === 0 && <li className="muted">{t('empty')}</li>}
              </ul>
            )}
          </div>
        )}
        <SelectField
          label={t('field.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as ContactRole)}
          error={link.error instanceof ApiError ? link.error.fields.role : undefined}
          options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || (mode === 'existing' && !picked)}>
            {busy ? app.t('common.saving') : t('tab.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
