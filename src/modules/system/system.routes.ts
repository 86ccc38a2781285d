import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { idParams, page } from '../../platform/http/schemas.ts';
import { permissionAreas } from '../../platform/access/permissions.ts';
import {
  ApiToken,
  CreateApiToken,
  CreateEmployee,
  CreateOrgUnit,
  CreateRole,
  DirectoryEntry,
  Employee,
  EmployeeQuery,
  OrgUnit,
  Role,
  UpdateEmployee,
  UpdateRole,
} from './system.schema.ts';
import { createOrgUnit, listOrgUnits } from './org-units.service.ts';
import { createEmployee, employeeDirectory, getEmployee, listEmployees, updateEmployee } from './employees.service.ts';
import { createRole, listRoles, updateRole } from './roles.service.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

export function systemRoutes(app: App, { db }: Services): void {
  const tags = ['system'];

  // Every signed-in user needs the org tree (region pickers, filters).
  app.get(
    '/api/org-units',
    { config: { authenticated: true }, schema: { tags, response: { 200: z.object({ items: z.array(OrgUnit) }) } } },
    async () => ({ items: await listOrgUnits(db) }),
  );
  app.post(
    '/api/org-units',
    { config: { permission: 'system:create' }, schema: { tags, body: CreateOrgUnit, response: { 201: OrgUnit } } },
    async (req, reply) => reply.code(201).send(await createOrgUnit(db, req.ctx, req.body)),
  );

  app.get(
    '/api/employees',
    {
      config: { permission: 'system:view' },
      schema: { tags, querystring: EmployeeQuery, response: { 200: page(Employee) } },
    },
    (req) => listEmployees(db, req.ctx, req.query),
  );
  // Pickers (account manager, assignee) need names of active colleagues, not the whole employee record or system:view.
  app.get(
    '/api/employees/directory',
    {
      config: { authenticated: true },
      schema: {
        tags,
        querystring: EmployeeQuery.pick({ q: true, orgUnitId: true }),
        response: { 200: z.object({ items: z.array(DirectoryEntry) }) },
      },
    },
    async (req) => ({ items: await employeeDirectory(db, req.ctx, req.query) }),
  );
  app.get(
    '/api/employees/:id',
    { config: { permission: 'system:view' }, schema: { tags, params: idParams, response: { 200: Employee } } },
    (req) => getEmployee(db, req.params.id),
  );
  app.post(
    '/api/employees',
    { config: { permission: 'system:create' }, schema: { tags, body: CreateEmployee, response: { 201: Employee } } },
    async (req, reply) => reply.code(201).send(await createEmployee(db, req.ctx, req.body)),
  );
  app.patch(
    '/api/employees/:id',
    {
      config: { permission: 'system:edit' },
      schema: { tags, params: idParams, body: UpdateEmployee, response: { 200: Employee } },
    },
    (req) => updateEmployee(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/roles',
    {
      config: { permission: 'system:view' },
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(Role),
            areas: z.array(z.object({ area: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
          }),
        },
      },
    },
    async () => ({ items: await listRoles(db), areas: permissionAreas() }),
  );
  app.post(
    '/api/roles',
    { config: { permission: 'system:create' }, schema: { tags, body: CreateRole, response: { 201: Role } } },
    async (req, reply) => reply.code(201).send(await createRole(db, req.ctx, req.body)),
  );
  app.patch(
    '/api/roles/:id',
    {
      config: { permission: 'system:edit' },
      schema: { tags, params: idParams, body: UpdateRole, response: { 200: Role } },
    },
    (req) => updateRole(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/api-tokens',
    {
      config: { permission: 'system:admin' },
      schema: { tags, response: { 200: z.object({ items: z.array(ApiToken) }) } },
    },
    async () => ({ items: await listApiTokens(db) }),
  );
  app.post(
    '/api/api-tokens',
    {
      config: { permission: 'system:admin' },
      schema: { tags, body: CreateApiToken, response: { 201: ApiToken.extend({ token: z.string() }) } },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(db, req.ctx, req.body)),
  );
  app.delete(
    '/api/api-tokens/:id',
    { config: { permission: 'system:admin' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      await revokeApiToken(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
}
