// The smpp package ships no types; this declares the part of its API the messaging module uses.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    source_addr: string;
    destination_addr: string;
    esm_class: number;
    data_coding: number;
    message_id: string;
    short_message: unknown;
    response(options?: Record<string, unknown>): PDU;
  }
  interface Session extends EventEmitter {
    send(pdu: PDU, callback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(): void;
    bind_transceiver(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    submit_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    deliver_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    unbind(options?: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
  }
  interface Server extends NetServer {}
  function connect(options: { url: string; auto_enquire_link_period?: number }, listener?: () => void): Session;
  function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  const _default: { connect: typeof connect; createServer: typeof createServer };
  export default _default;
  export type { PDU, Session, Server };
}
