import { Navigate } from 'react-router';
import type { Feature } from '../../app/feature-types.ts';
import { ApiTokensPage } from './components/api-tokens-page.tsx';
import { BackupsPage } from './components/backups-page.tsx';
import { EmployeesPage } from './components/employees-page.tsx';
import { OrgUnitsPage } from './components/org-units-page.tsx';
import { RoleEditorPage } from './components/role-editor-page.tsx';
import { RolesPage } from './components/roles-page.tsx';

export const systemFeature: Feature = {
  id: 'system',
  routes: [
    { path: '/system', element: <Navigate to="/system/employees" replace />, permission: 'system:view' },
    { path: '/system/org-units', element: <OrgUnitsPage />, permission: 'system:view' },
    { path: '/system/employees', element: <EmployeesPage />, permission: 'system:view' },
    { path: '/system/roles', element: <RolesPage />, permission: 'system:view' },
    { path: '/system/roles/new', element: <RoleEditorPage />, permission: 'system:create' },
    { path: '/system/roles/:id', element: <RoleEditorPage />, permission: 'system:view' },
    { path: '/system/api-tokens', element: <ApiTokensPage />, permission: 'system:admin' },
    { path: '/system/backups', element: <BackupsPage />, permission: 'backup:admin' },
  ],
  nav: [{ to: '/system', label: { zh: '系统管理', en: 'System' }, icon: '⚙', permission: 'system:view', order: 90 }],
};
