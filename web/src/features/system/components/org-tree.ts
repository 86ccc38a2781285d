import type { Option } from '../../../components/ui/fields.tsx';
import { pick } from '../../../app/i18n.ts';
import type { OrgUnit } from '../api/system-api.ts';

/** Depth in the tree, from the materialised path ('1/4/9/' is depth 3). */
export function orgUnitDepth(unit: OrgUnit): number {
  return unit.path.split('/').filter(Boolean).length;
}

/** Every org unit as an indented option, in tree order (the server sorts by path). */
export function orgUnitOptions(units: OrgUnit[] | undefined, lang: string): Option[] {
  if (!units) return [];
  return units.map((u) => ({ value: u.id, label: `${'\u00a0\u00a0\u00a0'.repeat(orgUnitDepth(u) - 1)}${pick({ zh: u.name, en: u.nameEn }, lang)}` }));
}
