import type { Option } from '../../../components/ui/fields.tsx';
import { pick } from '../../../app/i18n.ts';
import { useTranslation } from 'react-i18next';
import { isRegion, useOrgUnits, type OrgUnit } from '../../../lib/org-units.ts';

/** Regions (province → city → county) as indented options in tree order (paths are '1/4/9/', and '/' sorts before digits). */
export function regionOptions(units: OrgUnit[] | undefined, lang: string): Option[] {
  if (!units) return [];
  const regions = units.filter(isRegion).sort((a, b) => a.path.localeCompare(b.path));
  const depth = (u: OrgUnit) => u.path.split('/').filter(Boolean).length;
  const top = Math.min(...regions.map(depth));
  return regions.map((u) => ({
    value: u.id,
    label: `${'\u00a0\u00a0'.repeat(depth(u) - top)}${pick({ zh: u.name, en: u.nameEn }, lang)}`,
  }));
}

/** The region's name in the current language (the API sends the Chinese name only). */
export function useRegionName(): (customer: { regionId: string; regionName: string }) => string {
  const units = useOrgUnits();
  const { i18n } = useTranslation();
  return (c) => {
    const unit = units.data?.find((u) => u.id === c.regionId);
    return unit ? pick({ zh: unit.name, en: unit.nameEn }, i18n.language) : c.regionName;
  };
}

/** The region an org unit belongs to (itself, or its nearest province/city/county ancestor): where a clerk's new customers usually live. */
export function homeRegionId(units: OrgUnit[] | undefined, orgUnitId: string): string | undefined {
  const byId = new Map((units ?? []).map((u) => [u.id, u]));
  for (let unit = byId.get(orgUnitId); unit; unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    if (isRegion(unit)) return unit.id;
  }
  return undefined;
}
