import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { EmailAdapter } from './email-adapter.ts';
import { startLocalSinks, type LocalSinks } from './local-sinks.ts';
import { SmsAdapter, type DeliverHandler } from './sms-adapter.ts';

/** The process's outbound channels: real gateways from the config, or the local sinks (then `sinks` is set). */
export interface Gateways {
  email: EmailAdapter;
  sms: SmsAdapter;
  sinks: LocalSinks | undefined;
  close(): Promise<void>;
}

const running = new WeakMap<Db, Gateways>();

/** The gateways of the app that owns `db` (one app per database handle; tests start several apps in one process). */
export function gatewaysFor(db: Db): Gateways | undefined {
  return running.get(db);
}

export async function startGateways(db: Db, config: Config, onDeliver: DeliverHandler): Promise<Gateways> {
  const sinks =
    config.smtpUrl && config.smppUrl
      ? undefined
      : await startLocalSinks(db, { smtp: config.smtpSinkPort, smpp: config.smppSinkPort });
  const smtpUrl = config.smtpUrl ?? `smtp://127.0.0.1:${sinks!.smtpPort}`;
  const smpp = new URL(config.smppUrl ?? `smpp://lianxi:sink@127.0.0.1:${sinks!.smppPort}`);
  const email = new EmailAdapter(smtpUrl, config.mailFrom);
  const sms = new SmsAdapter(
    {
      url: `${smpp.protocol}//${smpp.host}`,
      systemId: decodeURIComponent(smpp.username),
      password: decodeURIComponent(smpp.password),
      sourceAddr: config.smsSource,
    },
    onDeliver,
  );
  const gateways: Gateways = {
    email,
    sms,
    sinks,
    close: async () => {
      running.delete(db);
      email.close();
      await sms.close();
      await sinks?.close();
    },
  };
  running.set(db, gateways);
  return gateways;
}
