import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../app/i18n.ts';
import { buildOrgTree, type OrgTreeNode } from '../../lib/org-tree.ts';
import { isRegion, useOrgUnits } from '../../lib/org-units.ts';
import './region-picker.css';

const below = (node: OrgTreeNode): string[] => node.children.flatMap((c) => [c.unit.id, ...below(c)]);

/**
 * Regions of the org tree (province → city → county) to tick. A ticked region includes everything below it: its
 * districts show ticked and greyed, and ticking a region drops the ones below it from the value.
 */
export function RegionPicker({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const units = useOrgUnits();
  const hintId = useId();
  const tree = useMemo(() => buildOrgTree((units.data ?? []).filter(isRegion)), [units.data]);

  function toggle(node: OrgTreeNode) {
    if (value.includes(node.unit.id)) onChange(value.filter((id) => id !== node.unit.id));
    else {
      const implied = new Set(below(node));
      onChange([...value.filter((id) => !implied.has(id)), node.unit.id]);
    }
  }
  return (
    <fieldset className="form-section region-picker" aria-describedby={hintId}>
      <legend>{label}</legend>
      <div className="field__hint" id={hintId}>
        {hint}
      </div>
      <ul>
        {tree.map((n) => (
          <RegionItem key={n.unit.id} node={n} picked={value} inherited={false} onToggle={toggle} />
        ))}
      </ul>
    </fieldset>
  );
}

function RegionItem({
  node,
  picked,
  inherited,
  onToggle,
}: {
  node: OrgTreeNode;
  picked: string[];
  inherited: boolean;
  onToggle: (node: OrgTreeNode) => void;
}) {
  const { i18n } = useTranslation();
  const ticked = picked.includes(node.unit.id);
  return (
    <li>
      <label className={inherited ? 'muted' : undefined}>
        <input type="checkbox" checked={ticked || inherited} disabled={inherited} onChange={() => onToggle(node)} />{' '}
        {pick({ zh: node.unit.name, en: node.unit.nameEn }, i18n.language)}
      </label>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <RegionItem key={c.unit.id} node={c} picked={picked} inherited={inherited || ticked} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
