import type { FastifyRequest } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle, Db, DbKind } from './db.ts';
import type { JobRunner } from './jobs.ts';
import type { DemoContext } from './demo.ts';

/** The Fastify instance routes are declared on: zod schemas give typed bodies, params and queries. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the process shares with every module. */
export interface Services {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  dbKind: DbKind;
  jobs: JobRunner;
}

/**
 * A domain module as the application sees it: its migrations, its routes, its background jobs.
 * Routes are declared on the root instance with full paths (`/api/customers/:id/contacts`) and each
 * declares its access in `config`: `{ permission: 'customers:view' }`, `{ authenticated: true }` or `{ public: true }`.
 */
export interface CrmModule {
  name: string;
  migrationsDir?: string;
  routes?(app: App, services: Services): void | Promise<void>;
  /**
   * An onRequest hook that finds who is calling (sets `request.ctx`); the app runs every module's before checking the
   * route's access rule and before any route's input is parsed (auth: session cookies and API tokens).
   */
  identifyCaller?(services: Services): (request: FastifyRequest) => Promise<void>;
  jobs?(runner: JobRunner, services: Services): void | Promise<void>;
  /** Adds this module's demo data on a first start (modules run in registry order, sharing `demo`). */
  seedDemo?(services: Services, demo: DemoContext): Promise<void>;
}
