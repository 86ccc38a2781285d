import { useTranslation } from 'react-i18next';
import { pick } from '../../../app/i18n.ts';
import { ACTIONS, type PermissionArea } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { grants, SENSITIVE, setPermission } from './permission-set.ts';

/**
 * Rows are the permission areas the server's modules registered; columns the actions, then "all actions" (`area:*`).
 * `*` and `sensitive:view` are separate boxes above and below.
 */
export function PermissionMatrix({
  areas,
  permissions,
  onChange,
}: {
  areas: PermissionArea[];
  permissions: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useSystemT();
  const { i18n } = useTranslation();
  const superuser = permissions.includes('*');
  const rows = areas.filter((a) => a.area !== 'sensitive');
  return (
    <div className="form-stack">
      <label className="check-row">
        <input
          type="checkbox"
          checked={superuser}
          onChange={(e) => onChange(e.target.checked ? [...permissions, '*'] : permissions.filter((p) => p !== '*'))}
        />
        <span>
          {t('roles.superuser')} <span className="mono muted">*</span>
          <small>{t('roles.superuserHint')}</small>
        </span>
      </label>
      <div className="table-wrap">
        <table className="perm-matrix" data-testid="permission-matrix">
          <thead>
            <tr>
              <th scope="col">{t('roles.area')}</th>
              {ACTIONS.map((a) => (
                <th key={a} scope="col">
                  {t(`action.${a}`)}
                </th>
              ))}
              <th scope="col" className="perm-matrix__all">
                {t('roles.allActions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ area, label }) => {
              const name = pick(label, i18n.language);
              const all = superuser || permissions.includes(`${area}:*`);
              return (
                <tr key={area} data-area={area}>
                  <th scope="row">
                    {name} <span className="mono muted">{area}</span>
                  </th>
                  {ACTIONS.map((action) => (
                    <td key={action}>
                      <input
                        type="checkbox"
                        aria-label={`${name} ${t(`action.${action}`)}`}
                        disabled={all}
                        checked={grants(permissions, area, action)}
                        onChange={(e) => onChange(setPermission(permissions, area, action, e.target.checked))}
                      />
                    </td>
                  ))}
                  <td className="perm-matrix__all">
                    <input
                      type="checkbox"
                      aria-label={`${name} ${t('roles.allActions')}`}
                      disabled={superuser}
                      checked={all}
                      onChange={(e) => onChange(setPermission(permissions, area, '*', e.target.checked))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          disabled={superuser}
          checked={superuser || permissions.includes(SENSITIVE)}
          onChange={(e) =>
            onChange(e.target.checked ? [...permissions, SENSITIVE] : permissions.filter((p) => p !== SENSITIVE))
          }
        />
        <span>
          {t('roles.sensitive')} <span className="mono muted">{SENSITIVE}</span>
          <small>{t('roles.sensitiveHint')}</small>
        </span>
      </label>
    </div>
  );
}
