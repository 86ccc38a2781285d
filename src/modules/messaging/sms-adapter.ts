import { randomInt } from 'node:crypto';
import smpp, { type PDU, type Session } from 'smpp';
import { smsLength, splitSms } from './sms-segments.ts';
import { readShortMessage } from './local-sinks.ts';

export interface SmppSettings {
  url: string;
  systemId: string;
  password: string;
  sourceAddr: string;
}

/** The gateway refused a part: retrying would not help (and could duplicate the parts already accepted). */
export class PermanentSendError extends Error {}

export type DeliverHandler = (
  event: { kind: 'receipt'; gatewayId: string; stat: string } | { kind: 'reply'; from: string; text: string },
) => Promise<void>;

/**
 * SMS over SMPP 3.4 with the smpp package: one bound transceiver session per process, opened on first use and kept, so
 * delivery receipts and replies (deliver_sm) arrive on it. Chinese goes as UCS-2 (data_coding 8); a long text goes as
 * concatenated parts with a UDH (IEI 0x00: reference, total, sequence).
 */
export class SmsAdapter {
  readonly #settings: SmppSettings;
  readonly #onDeliver: DeliverHandler;
  #session: Promise<Session> | undefined;

  constructor(settings: SmppSettings, onDeliver: DeliverHandler) {
    this.#settings = settings;
    this.#onDeliver = onDeliver;
  }

  #bind(): Promise<Session> {
    this.#session ??= new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ url: this.#settings.url, auto_enquire_link_period: 30_000 });
      const forget = (err?: Error) => {
        this.#session = undefined;
        reject(err ?? new Error('SMPP connection closed'));
      };
      session.on('error', forget);
      session.on('close', () => forget());
      session.on('deliver_sm', (pdu: PDU) => {
        session.send(pdu.response());
        void this.#onDeliver(readDeliver(pdu)).catch(() => undefined);
      });
      session.on('connect', () =>
        session.bind_transceiver(
          { system_id: this.#settings.systemId, password: this.#settings.password },
          (pdu: PDU) =>
            pdu.command_status === 0 ? resolve(session) : forget(new Error(`SMPP bind refused: ${pdu.command_status}`)),
        ),
      );
    });
    return this.#session;
  }

  /** Submits every part; returns the gateway's message id for each. A refused part throws (the job retries or fails). */
  async send(to: string, text: string): Promise<string[]> {
    const session = await this.#bind();
    const ucs2 = smsLength(text).encoding === 'ucs2';
    const parts = splitSms(text);
    const ref = randomInt(256);
    const ids: string[] = [];
    for (const [i, part] of parts.entries()) {
      const short_message =
        parts.length === 1 ? part : { udh: Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]), message: part };
      const pdu = await new Promise<PDU>((resolve) =>
        session.submit_sm(
          {
            source_addr: this.#settings.sourceAddr,
            destination_addr: to,
            registered_delivery: 1,
            ...(ucs2 ? { data_coding: 8 } : {}),
            short_message,
          },
          resolve,
        ),
      );
      if (pdu.command_status !== 0)
        throw new PermanentSendError(`SMPP submit_sm refused: status ${pdu.command_status}`);
      ids.push(pdu.message_id);
    }
    return ids;
  }

  async close(): Promise<void> {
    const pending = this.#session;
    this.#session = undefined;
    if (!pending) return;
    const session = await pending.catch(() => undefined);
    session?.removeAllListeners('close');
    session?.close();
  }
}

function readDeliver(pdu: PDU): Parameters<DeliverHandler>[0] {
  const { message } = readShortMessage(pdu.short_message);
  if (pdu.esm_class & 0x04) {
    const id = /id:(\S+)/.exec(message)?.[1] ?? '';
    const stat = /stat:(\S+)/.exec(message)?.[1] ?? 'UNKNOWN';
    return { kind: 'receipt', gatewayId: id, stat };
  }
  return { kind: 'reply', from: pdu.source_addr, text: message };
}
