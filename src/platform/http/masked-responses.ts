import type { FastifyReply, FastifyRequest } from 'fastify';
import { maskNumbersInText, seesSensitive } from '../access/masking.ts';

/**
 * onSend: the last line of defence for callers without `sensitive:view`. Every DTO masks its own fields; this
 * masks any whole phone or ID-card number still left in a JSON or text answer (a free-text note, an import
 * error, an audit detail, a field some future route forgets), so a masked role never receives one.
 */
export async function maskForMaskedRoles(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (typeof payload !== 'string' || !request.ctx || seesSensitive(request.ctx)) return payload;
  const type = String(reply.getHeader('content-type') ?? '');
  return /json|text\//.test(type) ? maskNumbersInText(payload) : payload;
}

/** The request as a log line shows it: a phone or ID card typed into a search never reaches the log. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: maskNumbersInText(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
