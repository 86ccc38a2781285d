import path from 'node:path';

/** Everything the process reads from its environment, in one place. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  demo: boolean;
  logLevel: string;
  /** How long a session lives without use. */
  sessionIdleMinutes: number;
  /** Whether this process runs background jobs; LIANXI_JOBS=0 makes it serve HTTP only (one jobs process, several web ones). */
  jobs: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LIANXI_DATA_DIR ?? 'data'),
    adminPassword: env.LIANXI_ADMIN_PASSWORD || undefined,
    demo: env.LIANXI_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: Number(env.LIANXI_SESSION_IDLE_MINUTES ?? 480),
    jobs: env.LIANXI_JOBS !== '0',
  };
}
