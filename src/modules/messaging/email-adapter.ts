import nodemailer, { type Transporter } from 'nodemailer';

export interface EmailOutcome {
  ok: boolean;
  gatewayId: string | null;
  reason: string | null;
}

/** Email over SMTP with nodemailer: the relay's accept or reject is the outcome. */
export class EmailAdapter {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(smtpUrl: string, from: string) {
    this.#transport = nodemailer.createTransport(smtpUrl);
    this.#from = from;
  }

  async send(to: string, subject: string, text: string, idempotencyKey: string): Promise<EmailOutcome> {
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to,
        subject,
        text,
        // The key travels with the message so a relay (or a person reading headers) can recognise a duplicate.
        headers: { 'X-Lianxi-Message-Key': idempotencyKey },
      });
      if ((info.rejected ?? []).length > 0)
        return { ok: false, gatewayId: info.messageId ?? null, reason: info.response ?? null };
      return { ok: true, gatewayId: info.messageId ?? null, reason: null };
    } catch (err) {
      const e = err as { responseCode?: number; message: string };
      // 5xx is a permanent rejection (the message fails); anything else is temporary and the job retries.
      if (e.responseCode && e.responseCode >= 500) return { ok: false, gatewayId: null, reason: e.message };
      throw err;
    }
  }

  close(): void {
    this.#transport.close();
  }
}
