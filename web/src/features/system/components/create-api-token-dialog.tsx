import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useCreateApiToken, type Employee } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { businessToday } from '../../../lib/business-date.ts';

/** Names a new token and the employee it acts as; then shows the secret, this once, with a copy button. */
export function CreateApiTokenDialog({ employees, onClose }: { employees: Employee[]; onClose: () => void }) {
  const { t } = useSystemT();
  const app = useAppT();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [modules, setModules] = useState('');
  const [copied, setCopied] = useState(false);
  const error = create.error instanceof ApiError ? create.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({
      name,
      employeeId: employeeId || undefined,
      expiresOn: expiresOn || undefined,
      readOnly,
      modules: modules.split(/[\s,，、]+/).filter(Boolean),
    });
  }

  const token = create.data?.token;
  if (token) {
    return (
      <Dialog
        title={t('tokens.shownTitle')}
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('tokens.done')}
          </button>
        }
      >
        <div className="form-stack">
          <div className="notice" role="alert">
            {t('tokens.shownWarning')}
          </div>
          <div className="token-secret">
            <code data-testid="new-token">{token}</code>
            <button
              type="button"
              className="button"
              onClick={() => navigator.clipboard.writeText(token).then(() => setCopied(true))}
            >
              {copied ? `✓ ${t('tokens.copied')}` : t('tokens.copy')}
            </button>
          </div>
          <p className="muted" style={{ margin: 0 }}>
            {t('tokens.usage')} <span className="mono">Authorization: Bearer {create.data?.prefix}…</span>
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('tokens.createTitle')} onClose={onClose}>
      <form className="form-stack" onSubmit={submit}>
        <FormError message={error?.message} />
        <TextField
          label={t('tokens.name')}
          required
          autoFocus
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint={t('tokens.nameHint')}
          error={error?.fields.name}
        />
        <SelectField
          label={t('tokens.employee')}
          value={employeeId}
          onChange={(e) => setEmployeeId(e.target.value)}
          placeholder={t('tokens.self')}
          options={employees.map((e) => ({ value: e.id, label: `${e.name}（${e.username}）` }))}
          hint={t('tokens.employeeHint')}
          error={error?.fields.employeeId}
        />
        <TextField
          label={t('tokens.expiresOn')}
          type="date"
          min={businessToday()}
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          hint={t('tokens.expiresOnHint')}
          error={error?.fields.expiresOn}
        />
        <label className="check-row">
          <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          <span>
            {t('tokens.readOnly')}
            <small>{t('tokens.readOnlyHint')}</small>
          </span>
        </label>
        <TextField
          label={t('tokens.modules')}
          placeholder="customers, work-orders"
          value={modules}
          onChange={(e) => setModules(e.target.value)}
          hint={t('tokens.modulesHint')}
          error={Object.entries(error?.fields ?? {}).find(([k]) => k.startsWith('modules'))?.[1]}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? app.t('common.saving') : t('tokens.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
