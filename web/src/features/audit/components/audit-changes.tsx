import { useAuditLabels } from '../../../lib/audit-labels.ts';
import { useAuditT } from '../i18n.ts';

function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A row's `changes`: `[old, new]` pairs read as old → new; anything else (a sign-in's username, a reason) as a plain value. */
export function AuditChanges({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useAuditT();
  const { label } = useAuditLabels();
  const entries = Object.entries(changes);
  if (entries.length === 0)
    return (
      <p className="muted" style={{ margin: 0 }}>
        {t('noChanges')}
      </p>
    );
  const empty = t('emptyValue');
  return (
    <table className="compare" data-testid="audit-changes">
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          <th scope="col">{t('old')}</th>
          <th scope="col">{t('new')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([field, value]) => {
          const pair = Array.isArray(value) && value.length === 2;
          return (
            <tr key={field}>
              <th scope="row">{label('field', field)}</th>
              <td>{pair && <span className="history__old">{show(value[0], empty)}</span>}</td>
              <td>
                <span className={pair ? 'history__new' : undefined}>{show(pair ? value[1] : value, empty)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
