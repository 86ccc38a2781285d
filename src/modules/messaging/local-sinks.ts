import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import smpp, { type PDU, type Session } from 'smpp';
import type { Db } from '../../platform/db.ts';

/**
 * The built-in gateways used when no real one is configured: an SMTP server and an SMPP server on loopback, in this
 * process, that keep what they receive in `messaging_test_outbox` (the "test outbox" page). The real adapters talk to
 * them over TCP exactly as they would to an operator's gateway.
 */
export interface LocalSinks {
  smtpPort: number;
  smppPort: number;
  /** The delivery receipt status the SMPP sink reports for a number (default DELIVRD); tests set UNDELIV. */
  setReceipt(destination: string, stat: 'DELIVRD' | 'UNDELIV' | 'REJECTD'): void;
  /** A mobile-originated reply (deliver_sm) from `from`, such as 退订, sent to every bound client. */
  reply(from: string, text: string): Promise<void>;
  close(): Promise<void>;
}

interface PendingConcat {
  parts: string[];
  received: number;
}

export async function startLocalSinks(db: Db, ports: { smtp: number; smpp: number }): Promise<LocalSinks> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Lianxi test outbox (local sink)',
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream)
        .then(async (mail) => {
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          for (const recipient of recipients) {
            await db
              .insertInto('messaging_test_outbox')
              .values({
                channel: 'email',
                sender: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                recipient,
                subject: mail.subject ?? null,
                body: mail.text ?? '',
              })
              .execute();
          }
          done();
        })
        .catch((err: Error) => done(err));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(ports.smtp, '127.0.0.1', resolve));

  const receipts = new Map<string, string>();
  const sessions = new Set<Session>();
  const concat = new Map<string, PendingConcat>();
  let nextId = 1;
  const server = smpp.createServer({}, (session: Session) => {
    session.on('bind_transceiver', (pdu: PDU) => {
      sessions.add(session);
      session.send(pdu.response());
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      sessions.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on('close', () => sessions.delete(session));
    session.on('error', () => sessions.delete(session));
    session.on('submit_sm', (pdu: PDU) => {
      const messageId = `sink-${nextId++}`;
      session.send(pdu.response({ message_id: messageId }));
      void storeSubmitted(pdu).then(() => {
        const stat = receipts.get(pdu.destination_addr) ?? 'DELIVRD';
        session.deliver_sm({
          source_addr: pdu.destination_addr,
          destination_addr: pdu.source_addr,
          esm_class: 0x04,
          short_message: `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} stat:${stat} err:000 text:`,
        });
      });
    });
  });

  /** Stores a single message at once and a concatenated one when its last part arrives, joined back together. */
  async function storeSubmitted(pdu: PDU): Promise<void> {
    const { message, udh } = readShortMessage(pdu.short_message);
    let body = message;
    let parts = 1;
    const header = udh?.find((u) => u[0] === 0x00 && u.length >= 5);
    if (header) {
      const [, , ref, total, seq] = header;
      const key = `${pdu.destination_addr}:${ref}`;
      const pending = concat.get(key) ?? { parts: new Array<string>(total).fill(''), received: 0 };
      pending.parts[seq - 1] = message;
      pending.received++;
      concat.set(key, pending);
      if (pending.received < total) return;
      concat.delete(key);
      body = pending.parts.join('');
      parts = total;
    }
    await db
      .insertInto('messaging_test_outbox')
      .values({ channel: 'sms', sender: pdu.source_addr || null, recipient: pdu.destination_addr, body, parts })
      .execute();
  }

  await new Promise<void>((resolve) => server.listen(ports.smpp, '127.0.0.1', resolve));

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    smppPort: (server.address() as AddressInfo).port,
    setReceipt: (destination, stat) => receipts.set(destination, stat),
    reply: async (from, text) => {
      for (const session of sessions) {
        await new Promise<void>((resolve) =>
          session.deliver_sm(
            { source_addr: from, destination_addr: '10086', esm_class: 0, data_coding: 8, short_message: text },
            () => resolve(),
          ),
        );
      }
    },
    close: async () => {
      for (const session of sessions) session.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

/** The smpp package hands over `short_message` as a string, or `{ message, udh }` when the UDHI bit is set. */
export function readShortMessage(value: unknown): { message: string; udh?: Buffer[] } {
  if (typeof value === 'string') return { message: value };
  if (Buffer.isBuffer(value)) return { message: value.toString() };
  const v = value as { message: string | Buffer; udh?: Buffer[] };
  return { message: typeof v.message === 'string' ? v.message : v.message.toString(), udh: v.udh };
}
