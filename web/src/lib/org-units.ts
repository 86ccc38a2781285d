import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api-client.ts';
import { pick } from '../app/i18n.ts';

/** The server's org units (src/modules/system/system.schema.ts). Every signed-in user may read the tree. */
export const ORG_UNIT_KINDS = ['province', 'city', 'county', 'department', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export interface OrgUnit {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  nameEn: string | null;
  kind: OrgUnitKind;
  path: string;
}

/** The kinds that are places: customers live in them and products are sold in them. */
export const REGION_KINDS: readonly OrgUnitKind[] = ['province', 'city', 'county'];
export const isRegion = (unit: OrgUnit): boolean => REGION_KINDS.includes(unit.kind);

export const orgUnitsKey = ['org-units'] as const;

const fetchOrgUnits = () => get<{ items: OrgUnit[] }>('/api/org-units').then((r) => r.items);

/** The whole org tree, ordered by path (parents before children). */
export function useOrgUnits() {
  return useQuery({ queryKey: orgUnitsKey, queryFn: fetchOrgUnits, staleTime: 60_000 });
}

/**
 * Only the regions (province, city, county), for region filters. The same cached tree, narrowed per caller: a
 * narrowed list must never be cached under the tree's key, or every page after it would see regions only.
 */
export function useRegions() {
  return useQuery({
    queryKey: orgUnitsKey,
    queryFn: fetchOrgUnits,
    staleTime: 60_000,
    select: (units) => units.filter(isRegion),
  });
}

/** Org-unit ids → their names in the current language, in the order given (unknown ids are left out). */
export function useOrgUnitNames(): (ids: readonly string[]) => string[] {
  const units = useOrgUnits();
  const { i18n } = useTranslation();
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  return (ids) =>
    ids.flatMap((id) => {
      const unit = byId.get(id);
      return unit ? [pick({ zh: unit.name, en: unit.nameEn }, i18n.language)] : [];
    });
}
