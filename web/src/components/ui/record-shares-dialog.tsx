import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, del, get, post } from '../../app/api-client.ts';
import { useAppT } from '../../app/app-i18n.ts';
import { pick, registerTranslations } from '../../app/i18n.ts';
import { addDays, businessToday } from '../../lib/business-date.ts';
import { useDateFormat } from '../../lib/date-format.ts';
import { useOrgUnits } from '../../lib/org-units.ts';
import { Dialog } from './dialog.tsx';
import { FormError, SelectField, TextField } from './fields.tsx';

const useSharesT = registerTranslations('recordShares', {
  'zh-CN': {
    share: '共享',
    title: '共享「{{name}}」',
    intro: '共享后，对方可以通过链接查看此记录（号码仍按其权限脱敏），到期或撤销后立即失效。',
    current: '当前共享',
    none: '尚未共享给任何人',
    with: '共享给',
    employee: '员工',
    orgUnit: '组织单元（含下级）',
    target: '对象类型',
    pickEmployee: '选择员工',
    pickOrgUnit: '选择组织单元',
    expiresOn: '有效期至',
    expiresAt: '到期',
    by: '共享人',
    add: '添加共享',
    revoke: '撤销',
    revokeLabel: '撤销对 {{name}} 的共享',
    close: '关闭',
  },
  en: {
    share: 'Share',
    title: 'Share “{{name}}”',
    intro:
      'Whoever it is shared with can open this record by its link (numbers stay masked as their role requires) until it expires or is revoked.',
    current: 'Current shares',
    none: 'Not shared with anyone',
    with: 'Shared with',
    employee: 'Employee',
    orgUnit: 'Org unit (and below)',
    target: 'Share with',
    pickEmployee: 'Choose an employee',
    pickOrgUnit: 'Choose an org unit',
    expiresOn: 'Valid until',
    expiresAt: 'Expires',
    by: 'Shared by',
    add: 'Add share',
    revoke: 'Revoke',
    revokeLabel: 'Revoke the share with {{name}}',
    close: 'Close',
  },
});

export interface RecordShare {
  id: string;
  employeeId: string | null;
  employeeName: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  expiresAt: string;
  createdByName: string | null;
}

/**
 * The "Share" button of one customer or work order and its dialog: current shares with revoke, and a new share
 * with an employee or an org unit until a day. `basePath` is the record's API path, e.g. /api/customers/12.
 */
export function ShareRecordButton({ basePath, name }: { basePath: string; name: string }) {
  const { t } = useSharesT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('share')}
      </button>
      {open && <RecordSharesDialog basePath={basePath} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}

function RecordSharesDialog({ basePath, name, onClose }: { basePath: string; name: string; onClose: () => void }) {
  const { t } = useSharesT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const { dateTime } = useDateFormat();
  const client = useQueryClient();
  const key = ['record-shares', basePath];
  const shares = useQuery({
    queryKey: key,
    queryFn: () => get<{ items: RecordShare[] }>(`${basePath}/shares`).then((r) => r.items),
  });
  const colleagues = useQuery({
    queryKey: ['employees', 'directory'],
    queryFn: () =>
      get<{ items: { id: string; name: string; orgUnitName: string }[] }>('/api/employees/directory').then(
        (r) => r.items,
      ),
  });
  const units = useOrgUnits();
  const [kind, setKind] = useState<'employee' | 'orgUnit'>('employee');
  const [target, setTarget] = useState('');
  const [expiresOn, setExpiresOn] = useState(addDays(businessToday(), 7));
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () =>
      post<RecordShare>(`${basePath}/shares`, {
        ...(kind === 'employee' ? { employeeId: target } : { orgUnitId: target }),
        expiresOn,
      }),
    onSuccess: () => {
      setTarget('');
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => del<void>(`${basePath}/shares/${id}`), onSuccess: refresh });
  const error = add.error instanceof ApiError ? add.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate();
  }
  const targetName = (s: RecordShare) => s.employeeName ?? s.orgUnitName ?? '';

  return (
    <Dialog
      title={t('title', { name })}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      }
    >
      <div className="form-stack">
        <p className="muted" style={{ margin: 0 }}>
          {t('intro')}
        </p>
        <FormError message={shares.error?.message ?? revoke.error?.message} />
        <table className="table" aria-label={t('current')} data-testid="share-table">
          <thead>
            <tr>
              <th>{t('with')}</th>
              <th>{t('expiresAt')}</th>
              <th>{t('by')}</th>
              <th>
                <span className="visually-hidden">{t('revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(shares.data ?? []).map((s) => (
              <tr key={s.id}>
                <td>
                  {targetName(s)} <span className="muted">{s.employeeId ? t('employee') : t('orgUnit')}</span>
                </td>
                <td className="mono">{dateTime(s.expiresAt)}</td>
                <td>{s.createdByName ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={t('revokeLabel', { name: targetName(s) })}
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(s.id)}
                  >
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shares.data?.length === 0 && <div className="table__empty">{t('none')}</div>}
        <form className="form-stack" onSubmit={submit} aria-label={t('add')}>
          <FormError message={error?.message} />
          <SelectField
            label={t('target')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as 'employee' | 'orgUnit');
              setTarget('');
            }}
            options={[
              { value: 'employee', label: t('employee') },
              { value: 'orgUnit', label: t('orgUnit') },
            ]}
          />
          {kind === 'employee' ? (
            <SelectField
              label={t('pickEmployee')}
              required
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              placeholder=""
              options={(colleagues.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.orgUnitName}）` }))}
              error={error?.fields.employeeId}
            />
          ) : (
            <SelectField
              label={t('pickOrgUnit')}
              required
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              placeholder=""
              options={(units.data ?? []).map((u) => ({
                value: u.id,
                label: pick({ zh: u.name, en: u.nameEn }, i18n.language),
              }))}
              error={error?.fields.orgUnitId}
            />
          )}
          <TextField
            label={t('expiresOn')}
            type="date"
            required
            min={businessToday()}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
            error={error?.fields.expiresOn}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={add.isPending}>
              {add.isPending ? app.t('common.saving') : t('add')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
