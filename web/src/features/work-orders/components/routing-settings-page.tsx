import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useOrgUnits } from '../../../lib/org-units.ts';
import {
  BUSINESS_TYPES,
  CENTRE_KINDS,
  PRIORITIES,
  useRoutingRules,
  useSaveRoutingRule,
  useSaveSlaPolicies,
  useSlaPolicies,
  type RoutingRule,
  type SlaPolicy,
} from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { CUSTOMER_CATEGORIES } from '@shared/customer-enums.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

const BLANK: Partial<RoutingRule> = {
  position: 100,
  name: '',
  regionId: null,
  businessType: null,
  customerCategory: null,
  centreKind: 'access_network',
  departmentId: null,
  active: true,
};

/** One rule as an editable table row; a target is either a kind of centre (resolved per region) or a fixed department. */
function RuleRow({ rule, onSaved }: { rule: Partial<RoutingRule>; onSaved?: () => void }) {
  const { t, i18n } = useWorkOrdersT();
  const toast = useToast();
  const units = useOrgUnits();
  const save = useSaveRoutingRule();
  const [r, setR] = useState(rule);
  useEffect(() => setR(rule), [rule]);
  const regions = (units.data ?? []).filter((u) => ['province', 'city', 'county'].includes(u.kind));
  const departments = (units.data ?? []).filter((u) => u.kind === 'department');
  const name = (u: { name: string; nameEn: string | null }) => pick({ zh: u.name, en: u.nameEn }, i18n.language);
  const target = r.departmentId ? `dept:${r.departmentId}` : `kind:${r.centreKind ?? ''}`;
  const error =
    save.error instanceof ApiError ? (Object.values(save.error.fields)[0] ?? save.error.message) : save.error?.message;
  const opt = (v: string | null | undefined) => v || null;
  return (
    <tr>
      <td>
        <input
          type="number"
          aria-label={t('settings.position')}
          value={r.position ?? 0}
          onChange={(e) => setR({ ...r, position: Number(e.target.value) })}
          style={{ width: 64 }}
        />
      </td>
      <td>
        <input
          aria-label={t('settings.name')}
          maxLength={TEXT_LIMITS.workOrders.ruleName}
          value={r.name ?? ''}
          onChange={(e) => setR({ ...r, name: e.target.value })}
        />
      </td>
      <td>
        <select
          aria-label={t('field.region')}
          value={r.regionId ?? ''}
          onChange={(e) => setR({ ...r, regionId: opt(e.target.value) })}
        >
          <option value="">{t('settings.any')}</option>
          {regions.map((u) => (
            <option key={u.id} value={u.id}>
              {name(u)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={t('field.businessType')}
          value={r.businessType ?? ''}
          onChange={(e) => setR({ ...r, businessType: opt(e.target.value) })}
        >
          <option value="">{t('settings.any')}</option>
          {BUSINESS_TYPES.map((b) => (
            <option key={b} value={b}>
              {t(`business.${b}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={t('settings.category')}
          value={r.customerCategory ?? ''}
          onChange={(e) => setR({ ...r, customerCategory: opt(e.target.value) })}
        >
          <option value="">{t('settings.any')}</option>
          {CUSTOMER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={t('settings.target')}
          value={target}
          onChange={(e) => {
            const [kind, value] = e.target.value.split(':');
            setR({ ...r, centreKind: kind === 'kind' ? value : null, departmentId: kind === 'dept' ? value : null });
          }}
        >
          <optgroup label={t('settings.centreKind')}>
            {CENTRE_KINDS.map((k) => (
              <option key={k} value={`kind:${k}`}>
                {t(`centre.${k}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('settings.fixedDepartment')}>
            {departments.map((u) => (
              <option key={u.id} value={`dept:${u.id}`}>
                {name(u)}
              </option>
            ))}
          </optgroup>
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('settings.active')}
          checked={r.active ?? true}
          onChange={(e) => setR({ ...r, active: e.target.checked })}
        />
      </td>
      <td>
        <button
          type="button"
          className="button button--small"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              {
                id: r.id,
                position: r.position,
                name: r.name,
                regionId: r.regionId ?? null,
                businessType: r.businessType ?? null,
                customerCategory: r.customerCategory ?? null,
                typeId: r.typeId ?? null,
                centreKind: r.centreKind ?? null,
                departmentId: r.departmentId ?? null,
                assigneeId: r.assigneeId ?? null,
                active: r.active,
              },
              {
                onSuccess: () => {
                  toast(t('done'));
                  onSaved?.();
                },
              },
            )
          }
        >
          {t('settings.save')}
        </button>
        {error && (
          <div className="text-danger" role="alert">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}

function SlaEditor() {
  const { t } = useWorkOrdersT();
  const toast = useToast();
  const policies = useSlaPolicies();
  const save = useSaveSlaPolicies();
  const [rows, setRows] = useState<SlaPolicy[]>([]);
  useEffect(() => setRows(policies.data ?? []), [policies.data]);
  const types = [...new Map(rows.map((p) => [p.typeId, p.typeName])).entries()];
  const update = (typeId: string, priority: string, key: 'responseMinutes' | 'resolveMinutes', value: number) =>
    setRows(rows.map((p) => (p.typeId === typeId && p.priority === priority ? { ...p, [key]: value } : p)));
  return (
    <section className="card">
      <h2>{t('settings.sla')}</h2>
      <div className="table-wrap">
        <table className="table wo-settings-table">
          <thead>
            <tr>
              <th>{t('field.type')}</th>
              {PRIORITIES.map((p) => (
                <th key={p}>
                  {t(`priority.${p}`)}（{t('settings.response')} / {t('settings.resolveTime')}）
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {types.map(([typeId, typeName]) => (
              <tr key={typeId}>
                <td>{typeName}</td>
                {PRIORITIES.map((p) => {
                  const policy = rows.find((x) => x.typeId === typeId && x.priority === p);
                  return (
                    <td key={p}>
                      {policy && (
                        <>
                          <input
                            type="number"
                            min={1}
                            style={{ width: 70 }}
                            aria-label={`${typeName} ${t(`priority.${p}`)} ${t('settings.response')}`}
                            value={policy.responseMinutes}
                            onChange={(e) => update(typeId, p, 'responseMinutes', Number(e.target.value))}
                          />
                          {' / '}
                          <input
                            type="number"
                            min={1}
                            style={{ width: 80 }}
                            aria-label={`${typeName} ${t(`priority.${p}`)} ${t('settings.resolveTime')}`}
                            value={policy.resolveMinutes}
                            onChange={(e) => update(typeId, p, 'resolveMinutes', Number(e.target.value))}
                          />
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button button--primary"
        onClick={() =>
          save.mutate(
            rows.map(({ typeName: _, ...p }) => p),
            { onSuccess: () => toast(t('done')) },
          )
        }
      >
        {t('settings.save')}
      </button>
      <FormError message={save.error?.message} />
    </section>
  );
}

/** Admins edit the routing rules (first match wins) and the response / resolution deadlines. */
export function RoutingSettingsPage() {
  const { t } = useWorkOrdersT();
  const app = useAppT();
  const rules = useRoutingRules();
  const [adding, setAdding] = useState(false);
  return (
    <div className="page page--padded">
      <div className="page__header">
        <h1>{t('settings.title')}</h1>
      </div>
      <section className="card">
        <h2>{t('settings.rules')}</h2>
        <FormError message={rules.error?.message} />
        <div className="table-wrap">
          <table className="table wo-settings-table" data-testid="routing-rules">
            <thead>
              <tr>
                <th>{t('settings.position')}</th>
                <th>{t('settings.name')}</th>
                <th>{t('field.region')}</th>
                <th>{t('field.businessType')}</th>
                <th>{t('settings.category')}</th>
                <th>{t('settings.target')}</th>
                <th>{t('settings.active')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(rules.data ?? []).map((r) => (
                <RuleRow key={r.id} rule={r} />
              ))}
              {adding && <RuleRow rule={BLANK} onSaved={() => setAdding(false)} />}
            </tbody>
          </table>
        </div>
        {!adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            ＋ {t('settings.add')}
          </button>
        )}
        {rules.isLoading && <p className="muted">{app.t('common.loading')}</p>}
      </section>
      <SlaEditor />
    </div>
  );
}
