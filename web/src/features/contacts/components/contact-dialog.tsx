import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useCreateContact, useUpdateContact, type Contact } from '../api/contacts-api.ts';
import { useContactsT } from '../i18n.ts';
import { ContactFields, contactInput, EMPTY_CONTACT, type ContactFormState } from './contact-fields.tsx';

/** Create a contact, or edit one (`contact` given). */
export function ContactDialog({ contact, onClose }: { contact?: Contact; onClose: () => void }) {
  const { t } = useContactsT();
  const app = useAppT();
  const toast = useToast();
  const [form, setForm] = useState<ContactFormState>(
    contact
      ? {
          name: contact.name,
          phone: contact.phone ?? '',
          email: contact.email ?? '',
          title: contact.title ?? '',
          notes: contact.notes ?? '',
        }
      : EMPTY_CONTACT,
  );
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? '');
  const save = contact ? update : create;
  const error = save.error instanceof ApiError ? save.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(contactInput(form), {
      onSuccess: () => {
        toast(t('saved'));
        onClose();
      },
    });
  }

  return (
    <Dialog title={contact ? t('edit') : t('create')} onClose={onClose} wide>
      <form className="form-stack" onSubmit={submit} noValidate>
        <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null} />
        <ContactFields form={form} onChange={setForm} errors={error?.fields ?? {}} autoFocus />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? app.t('common.saving') : app.t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
