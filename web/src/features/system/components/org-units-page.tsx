import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { useSystemT } from '../i18n.ts';
import { OrgUnitDialog } from './org-unit-dialog.tsx';
import { buildOrgTree, type OrgTreeNode } from '../../../lib/org-tree.ts';
import { useOrgUnits, type OrgUnit } from '../../../lib/org-units.ts';
import { SystemSection } from './system-section.tsx';

/** The org tree (province → city → county / department → team); each unit can get a child unit. */
export function OrgUnitsPage() {
  const { t } = useSystemT();
  const app = useAppT();
  const { can } = useAuth();
  const units = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units.data ?? []), [units.data]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [adding, setAdding] = useState<OrgUnit | null | undefined>(undefined); // null: a top-level unit

  function toggle(id: string) {
    const next = new Set(collapsed);
    if (!next.delete(id)) next.add(id);
    setCollapsed(next);
  }

  return (
    <SystemSection
      actions={
        <>
          <button type="button" className="button" onClick={() => setCollapsed(new Set())}>
            {t('orgUnits.expandAll')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setCollapsed(new Set((units.data ?? []).map((u) => u.id)))}
          >
            {t('orgUnits.collapseAll')}
          </button>
          {can('system:create') && (
            <button type="button" className="button button--primary" onClick={() => setAdding(null)}>
              ＋ {t('orgUnits.addRoot')}
            </button>
          )}
        </>
      }
    >
      <section className="card card__body">
        <FormError message={units.error?.message} />
        {units.isLoading && <p className="muted">{app.t('common.loading')}</p>}
        <ul className="org-tree" aria-label={t('section.orgUnits')} data-testid="org-tree">
          {tree.map((node) => (
            <TreeItem
              key={node.unit.id}
              node={node}
              collapsed={collapsed}
              onToggle={toggle}
              onAdd={can('system:create') ? setAdding : undefined}
            />
          ))}
        </ul>
      </section>
      {adding !== undefined && <OrgUnitDialog parent={adding} onClose={() => setAdding(undefined)} />}
    </SystemSection>
  );
}

function TreeItem({
  node,
  collapsed,
  onToggle,
  onAdd,
}: {
  node: OrgTreeNode;
  collapsed: Set<string>;
  onToggle: (id: string) => void;
  onAdd?: (unit: OrgUnit) => void;
}) {
  const { t } = useSystemT();
  const { i18n } = useTranslation();
  const { unit, children } = node;
  const open = !collapsed.has(unit.id);
  const name = pick({ zh: unit.name, en: unit.nameEn }, i18n.language);
  return (
    <li aria-label={name}>
      <div className="org-tree__row">
        {children.length ? (
          <button
            type="button"
            className="org-tree__toggle"
            aria-expanded={open}
            aria-label={t('orgUnits.toggle', { name })}
            onClick={() => onToggle(unit.id)}
          >
            {open ? '▼' : '▶'}
          </button>
        ) : (
          <span className="org-tree__leaf" aria-hidden="true" />
        )}
        <span>{name}</span>
        <span className="badge">{t(`kind.${unit.kind}`)}</span>
        {unit.code && <span className="org-tree__code mono">{unit.code}</span>}
        {onAdd && (
          <button type="button" className="button button--small" onClick={() => onAdd(unit)}>
            ＋ {t('orgUnits.addChild')}
          </button>
        )}
      </div>
      {children.length > 0 && open && (
        <ul>
          {children.map((c) => (
            <TreeItem key={c.unit.id} node={c} collapsed={collapsed} onToggle={onToggle} onAdd={onAdd} />
          ))}
        </ul>
      )}
    </li>
  );
}
