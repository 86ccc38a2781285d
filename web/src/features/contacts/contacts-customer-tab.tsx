import { useState } from 'react';
import type { CustomerTab } from '../../app/feature-types.ts';
import { useAuth } from '../../app/auth.tsx';
import { useAppT } from '../../app/app-i18n.ts';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { FormError } from '../../components/ui/fields.tsx';
import { useToast } from '../../components/ui/toast.tsx';
import {
  CONTACT_ROLES,
  useChangeContactRole,
  useCustomerContacts,
  useUnlinkContact,
  type Contact,
  type ContactRole,
} from './api/contacts-api.ts';
import { useContactsT } from './i18n.ts';
import { AddCustomerContactDialog } from './components/add-customer-contact-dialog.tsx';

/** The customer's contacts with their roles: add (new or existing), change a role, unlink. */
function CustomerContacts({ customerId }: { customerId: string }) {
  const { t } = useContactsT();
  const app = useAppT();
  const { can } = useAuth();
  const toast = useToast();
  const contacts = useCustomerContacts(customerId);
  const changeRole = useChangeContactRole(customerId);
  const unlink = useUnlinkContact(customerId);
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<Contact | null>(null);
  const editable = can('contacts:edit');
  const roleOf = (c: Contact) => c.customers.find((link) => link.customerId === customerId)?.role ?? 'other';

  return (
    <div>
      <FormError message={(contacts.error ?? changeRole.error ?? unlink.error)?.message} />
      {editable && (
        <div className="form-actions" style={{ marginTop: 0, marginBottom: 12 }}>
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            ＋ {t('tab.add')}
          </button>
        </div>
      )}
      {contacts.data && contacts.data.items.length === 0 && <p className="muted">{t('tab.empty')}</p>}
      {contacts.data && contacts.data.items.length > 0 && (
        <table className="table" aria-label={t('title')} data-testid="customer-contacts">
          <thead>
            <tr>
              <th>{t('field.name')}</th>
              <th>{t('field.role')}</th>
              <th>{t('field.phone')}</th>
              <th>{t('field.email')}</th>
              <th>{t('field.title')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {contacts.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <strong>{c.name}</strong>
                </td>
                <td>
                  {editable ? (
                    <select
                      aria-label={t('tab.changeRole', { name: c.name })}
                      value={roleOf(c)}
                      onChange={(e) =>
                        changeRole.mutate(
                          { contactId: c.id, role: e.target.value as ContactRole },
                          { onSuccess: () => toast(t('tab.roleChanged')) },
                        )
                      }
                    >
                      {CONTACT_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`role.${roleOf(c)}`)
                  )}
                </td>
                <td className="mono">{c.phone ?? '—'}</td>
                <td>{c.email ?? '—'}</td>
                <td>{c.title ?? '—'}</td>
                <td>
                  {editable && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => setUnlinking(c)}
                    >
                      {t('tab.unlink')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddCustomerContactDialog customerId={customerId} onClose={() => setAdding(false)} />}
      {unlinking && (
        <ConfirmDialog
          title={t('tab.unlink')}
          confirmLabel={t('tab.unlink')}
          cancelLabel={app.t('common.cancel')}
          danger
          busy={unlink.isPending}
          onClose={() => setUnlinking(null)}
          onConfirm={() =>
            unlink.mutate(unlinking.id, {
              onSuccess: () => toast(t('tab.unlinked')),
              onSettled: () => setUnlinking(null),
            })
          }
        >
          {t('tab.unlinkConfirm', { name: unlinking.name })}
        </ConfirmDialog>
      )}
    </div>
  );
}

export const contactsCustomerTab: CustomerTab = {
  key: 'contacts',
  label: { zh: '联系人', en: 'Contacts' },
  permission: 'contacts:view',
  component: CustomerContacts,
};
