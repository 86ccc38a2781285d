/**
 * The role editor's model of a permission list: `*` (everything), `area:*` (every action of an area),
 * `area:action`, and `sensitive:view`. Entries the matrix does not show are kept as they are.
 */
export const SENSITIVE = 'sensitive:view';

export function grants(permissions: readonly string[], area: string, action: string): boolean {
  return permissions.includes('*') || permissions.includes(`${area}:*`) || permissions.includes(`${area}:${action}`);
}

/** Ticks or unticks one `area:action`; `action` '*' is the "all actions" box, which replaces the single actions. */
export function setPermission(permissions: readonly string[], area: string, action: string, on: boolean): string[] {
  const name = `${area}:${action}`;
  const rest = permissions.filter((p) => p !== name && !(action === '*' && p.startsWith(`${area}:`)));
  return on ? [...rest, name] : rest;
}
