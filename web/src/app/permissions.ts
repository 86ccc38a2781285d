/** Mirrors the server's rule (`platform/access/permissions.ts`): `area:action`, `area:*` or `*`. The server still decides. */
export function hasPermission(permissions: readonly string[], permission: string | undefined): boolean {
  if (!permission) return true;
  const area = permission.slice(0, permission.indexOf(':'));
  return permissions.includes(permission) || permissions.includes('*') || permissions.includes(`${area}:*`);
}
