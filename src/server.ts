import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { logConnectionLost, openDatabase, type DatabaseHandle } from './platform/db.ts';
import { migrate } from './platform/migrate.ts';
import { systemContext } from './platform/access/context.ts';
import { seededRandom, type DemoContext } from './platform/demo.ts';
import { modules } from './modules/registry.ts';
import { ensureAdmin } from './modules/system/index.ts';

export interface StartOptions {
  logger?: boolean;
  /** How many demo customers a first start creates (500 unless a test wants fewer). */
  demoCustomers?: number;
  /** An already-open database (tests share one per file). */
  database?: DatabaseHandle;
}

/**
 * Opens the database, applies migrations, makes sure an admin exists (seeding the demo data on a first
 * start), and builds the HTTP app. `main.ts` then listens; tests call this with their own config.
 */
export async function startLianxi(config: Config, opts: StartOptions = {}) {
  // A lost idle connection goes to the app's log once the app (and its logger) exists.
  let logConnectionError = logConnectionLost;
  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      onError: (err) => logConnectionError(err),
    }));
  await migrate(
    database.db,
    modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : [])),
  );
  const admin = await ensureAdmin(database.db, config.adminPassword);
  const { app, services } = await buildApp(config, database, { logger: opts.logger });
  logConnectionError = (err) => app.log.error({ err }, 'idle database connection lost');

  if (admin.created && config.demo) {
    const demo: DemoContext = {
      ctx: { ...systemContext(admin.adminId!, ['*']), name: 'demo seed' },
      password: admin.password!,
      orgUnits: new Map(),
      employees: new Map(),
      random: seededRandom(20261121),
      customers: opts.demoCustomers ?? 500,
      customerIds: [],
      customerOpenedOn: new Map(),
    };
    for (const mod of modules) await mod.seedDemo?.(services, demo);
  }
  return { app, services, database, adminPassword: admin.created ? admin.password : undefined };
}
