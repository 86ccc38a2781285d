import { TextArea, TextField } from '../../../components/ui/fields.tsx';
import type { ContactInput } from '../api/contacts-api.ts';
import { useContactsT } from '../i18n.ts';

export interface ContactFormState {
  name: string;
  phone: string;
  email: string;
  title: string;
  notes: string;
}
export const EMPTY_CONTACT: ContactFormState = { name: '', phone: '', email: '', title: '', notes: '' };

export function contactInput(f: ContactFormState): ContactInput {
  const text = (v: string) => v.trim() || null;
  return {
    name: f.name.trim(),
    phone: text(f.phone),
    email: text(f.email),
    title: text(f.title),
    notes: text(f.notes),
  };
}

/** A contact's own fields, for "new contact", "edit contact" and "add a new contact to this customer". */
export function ContactFields({
  form,
  onChange,
  errors,
  autoFocus,
}: {
  form: ContactFormState;
  onChange: (next: ContactFormState) => void;
  errors: Record<string, string | undefined>;
  autoFocus?: boolean;
}) {
  const { t } = useContactsT();
  const set = (key: keyof ContactFormState) => (e: { target: { value: string } }) =>
    onChange({ ...form, [key]: e.target.value });
  return (
    <div className="form-grid">
      <TextField
        label={t('field.name')}
        required
        autoFocus={autoFocus}
        maxLength={100}
        value={form.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        label={t('field.phone')}
        type="tel"
        maxLength={20}
        value={form.phone}
        onChange={set('phone')}
        error={errors.phone}
      />
      <TextField
        label={t('field.email')}
        type="email"
        maxLength={200}
        value={form.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label={t('field.title')}
        maxLength={50}
        value={form.title}
        onChange={set('title')}
        error={errors.title}
      />
      <TextArea
        label={t('field.notes')}
        className="span-2"
        maxLength={1000}
        value={form.notes}
        onChange={set('notes')}
        error={errors.notes}
      />
    </div>
  );
}
