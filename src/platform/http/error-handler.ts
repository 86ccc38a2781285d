import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, localeFrom, platformError } from '../errors.ts';
import { chineseFieldMessage, englishFieldMessage, registeredChinese } from './field-messages.ts';
import { isDatabaseUnavailable } from '../database-unavailable.ts';

/** Seconds a client should wait before retrying a request that met the database restarting. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
import { appErrorFromDatabase, isDatabaseError } from './database-errors.ts';

/** Field messages come in Chinese only when asked for explicitly (see field-messages.ts). */
const asksForChinese = (request: FastifyRequest) => /^zh\b/i.test(request.headers['accept-language']?.trim() ?? '');

function send(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const locale = request.ctx?.locale ?? localeFrom(request.headers['accept-language']);
  const fields =
    error.fields && asksForChinese(request)
      ? Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field, registeredChinese(message)]))
      : error.fields;
  return reply.code(error.status).send({
    error: {
      code: error.code,
      message: error.messageFor(locale),
      ...(fields ? { fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  });
}

/** Instance path `/contacts/0/name` → `contacts.0.name`; a whole-body error is under `_`. */
function fieldName(instancePath: string, context: string): string {
  const name = instancePath.split('/').filter(Boolean).join('.');
  return name || (context === 'body' ? '_' : context);
}

const isUpload = (request: FastifyRequest) => /^multipart\//i.test(request.headers['content-type'] ?? '');
const isPlainError = (err: Error) =>
  (Object.getPrototypeOf(err) === Error.prototype || String((err as { code?: unknown }).code).startsWith('CSV_')) &&
  !isDatabaseError(err);

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, request, err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: Record<string, string> = {};
    const chinese = asksForChinese(request);
    for (const issue of err.validation) {
      const key = fieldName(issue.instancePath, err.validationContext ?? 'body');
      fields[key] ??= chinese ? chineseFieldMessage(issue) : englishFieldMessage(issue);
    }
    return send(reply, request, platformError('VALIDATION_FAILED', undefined, fields));
  }
  if (isDatabaseError(err)) {
    const mapped = appErrorFromDatabase(err);
    if (mapped) {
      // Logged: a constraint the service did not check first (or a race) is worth knowing about.
      request.log.warn(
        { code: err.code, constraint: (err as { constraint?: string }).constraint, mapped: mapped.code },
        'database refused the input',
      );
      return send(reply, request, mapped);
    }
  }
  switch (err.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return send(reply, request, platformError('URI_TOO_LONG'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, request, platformError('PAYLOAD_TOO_LARGE'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, request, platformError('UNSUPPORTED_MEDIA_TYPE'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return send(reply, request, platformError('BAD_REQUEST'));
  }
  if (err.statusCode === 429) return send(reply, request, platformError('TOO_MANY_REQUESTS'));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    if (err.statusCode === 413) return send(reply, request, platformError('PAYLOAD_TOO_LARGE'));
    if (err.statusCode === 415) return send(reply, request, platformError('UNSUPPORTED_MEDIA_TYPE'));
    if (err.statusCode === 414) return send(reply, request, platformError('URI_TOO_LONG'));
    return send(reply, request, platformError('BAD_REQUEST', { reason: err.message }));
  }
  if (isDatabaseUnavailable(err)) {
    // Not our bug and not the client's: the database is restarting or unreachable. The pool reconnects by itself.
    request.log.warn({ err }, 'database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return send(reply, request, platformError('DATABASE_UNAVAILABLE'));
  }
  // A multipart body that ends early or has no boundary, a ".xlsx" that is no zip, a CSV quote never closed: the parsers
  // (busboy, exceljs, csv-parse) throw plain Errors. On an upload these are the file's fault; a programming error
  // (TypeError, RangeError…) stays a 500.
  if (isUpload(request) && isPlainError(err)) {
    request.log.warn({ err }, 'unreadable upload');
    return send(reply, request, platformError('UPLOAD_UNREADABLE'));
  }
  // Anything else is our bug: log it with the request id, tell the client only the id.
  request.log.error({ err }, 'unhandled error');
  return send(reply, request, platformError('INTERNAL', { requestId: request.id }));
}
