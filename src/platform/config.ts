import path from 'node:path';

const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

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
  /** How long a session lives at most, however busy: a stolen cookie stops working within this many hours of the sign-in. */
  sessionMaxHours: number;
  /** Whether this process runs background jobs; LIANXI_JOBS=0 makes it serve HTTP only (one jobs process, several web ones). */
  jobs: boolean;
  /** The business time zone: every business date (bills, due dates, SLA days, reports) is a day there. */
  timeZone: string;
  /** LIANXI_NOW: start the clock at this instant (it keeps running); for demos and date-sensitive test runs. */
  now: Date | undefined;
  /** LIANXI_BACKUP_DIR: where backup archives (and their verification results) are kept. */
  backupDir: string;
  /** LIANXI_BACKUP_EVERY_HOURS: how often the scheduled backup runs (default daily); 0 turns it off. */
  backupEveryHours: number;
  /** LIANXI_BACKUP_KEEP: how many archives the scheduled backup keeps; older ones are deleted. */
  backupKeep: number;
  /** LIANXI_SECURE_COOKIE=1 behind HTTPS: session cookies get `Secure` and answers `Strict-Transport-Security`. */
  secureCookie: boolean;
  /** LIANXI_TRUST_PROXY=1 behind a reverse proxy: client addresses come from `X-Forwarded-For`. */
  trustProxy: boolean;
  /** LIANXI_WEB_DIST: the built web app to serve (default web/dist; browser tests serve a private copy). */
  webDist: string;
  /** LIANXI_SMTP_URL (smtp://user:pass@host:587): the email gateway; unset, a local SMTP sink (test outbox) receives mail. */
  smtpUrl: string | undefined;
  /** LIANXI_SMPP_URL (smpp://system_id:password@host:2775): the SMS gateway; unset, a local SMPP sink receives SMS. */
  smppUrl: string | undefined;
  /** LIANXI_SMTP_SINK_PORT / LIANXI_SMPP_SINK_PORT: loopback ports of the local sinks (0 = any free port). */
  smtpSinkPort: number;
  smppSinkPort: number;
  /** LIANXI_MAIL_FROM and LIANXI_SMS_SOURCE: the sender address and SMS source number. */
  mailFrom: string;
  smsSource: string;
  /** LIANXI_QUIET_HOURS=21-8 (the default; `off` for none): business hours in which marketing messages wait. */
  quietHours: { startHour: number; endHour: number } | undefined;
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
    sessionMaxHours: Number(env.LIANXI_SESSION_MAX_HOURS ?? 12),
    jobs: env.LIANXI_JOBS !== '0',
    timeZone: parseTimeZone(env.LIANXI_TIMEZONE || 'Asia/Shanghai'),
    now: parseNow(env.LIANXI_NOW),
    backupDir: path.resolve(env.LIANXI_BACKUP_DIR ?? 'backups'),
    backupEveryHours: Number(env.LIANXI_BACKUP_EVERY_HOURS ?? 24),
    backupKeep: Math.max(1, Number(env.LIANXI_BACKUP_KEEP ?? 7)),
    secureCookie: env.LIANXI_SECURE_COOKIE === '1',
    trustProxy: env.LIANXI_TRUST_PROXY === '1',
    webDist: path.resolve(env.LIANXI_WEB_DIST || DEFAULT_WEB_DIST),
    smtpUrl: env.LIANXI_SMTP_URL || undefined,
    smppUrl: env.LIANXI_SMPP_URL || undefined,
    smtpSinkPort: Number(env.LIANXI_SMTP_SINK_PORT ?? 0),
    smppSinkPort: Number(env.LIANXI_SMPP_SINK_PORT ?? 0),
    mailFrom: env.LIANXI_MAIL_FROM || 'Lianxi CRM <noreply@lianxi.invalid>',
    smsSource: env.LIANXI_SMS_SOURCE || '10690000',
    quietHours: parseQuietHours(env.LIANXI_QUIET_HOURS ?? '21-8'),
  };
}

function parseQuietHours(value: string): Config['quietHours'] {
  if (value === 'off' || value === '') return undefined;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value);
  const [startHour, endHour] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
  if (!(startHour < 24 && endHour < 24 && startHour !== endHour)) {
    throw new Error(`LIANXI_QUIET_HOURS: expected "start-end" hours such as 21-8, or "off": ${value}`);
  }
  return { startHour, endHour };
}

function parseNow(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`LIANXI_NOW is not an instant: ${value}`);
  return at;
}

function parseTimeZone(value: string): string {
  // An IANA name only (it also goes into the database sessions' options).
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) throw new Error(`LIANXI_TIMEZONE is not a time zone name: ${value}`);
  new Intl.DateTimeFormat('en-US', { timeZone: value }); // throws RangeError for an unknown zone
  return value;
}
