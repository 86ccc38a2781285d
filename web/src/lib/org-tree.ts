import type { Option } from '../components/ui/fields.tsx';
import { pick } from '../app/i18n.ts';
import { ORG_UNIT_KINDS, type OrgUnit } from './org-units.ts';

export interface OrgTreeNode {
  unit: OrgUnit;
  depth: number;
  children: OrgTreeNode[];
}

/**
 * The org units as a tree. Siblings read regions first (city, county), then departments and teams, each in the order
 * they were created — the server's path order compares ids as text ('1/10/' before '1/2/'), which reads as random.
 */
export function buildOrgTree(units: OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, depth: 0, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const rank = (n: OrgTreeNode) => ORG_UNIT_KINDS.indexOf(n.unit.kind);
  const order = (list: OrgTreeNode[], depth: number) => {
    list.sort((a, b) => rank(a) - rank(b) || Number(a.unit.id) - Number(b.unit.id));
    for (const n of list) {
      n.depth = depth;
      order(n.children, depth + 1);
    }
  };
  order(roots, 0);
  return roots;
}

/** Every org unit as an indented option, in tree order. */
export function orgUnitOptions(units: OrgUnit[] | undefined, lang: string): Option[] {
  const options: Option[] = [];
  const walk = (list: OrgTreeNode[]) => {
    for (const n of list) {
      options.push({
        value: n.unit.id,
        label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${pick({ zh: n.unit.name, en: n.unit.nameEn }, lang)}`,
      });
      walk(n.children);
    }
  };
  walk(buildOrgTree(units ?? []));
  return options;
}
