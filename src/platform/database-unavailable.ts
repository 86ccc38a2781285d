/**
 * Whether an error means the database cannot be reached right now (restarting, shutting down, the connection lost),
 * rather than a fault in the request: such a request is answered 503 with a Retry-After, never 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    // SQLSTATE class 08 (connection exception), 57P01–57P05 (administrator / crash shutdown, cannot connect now,
    // database dropped, idle session timeout), 53300 (too many connections).
    if (/^08/.test(code) || /^57P0[1-5]$/.test(code) || code === '53300') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code))
      return true;
    // node-postgres reports a dead socket and a pool wait that timed out in plain messages.
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.some((m) => (e!.message as string).includes(m)))
      return true;
  }
  return false;
}

const CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];
