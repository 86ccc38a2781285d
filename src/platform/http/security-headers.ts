import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app is one module script and its bundles from this origin; React and ECharts set styles through the DOM,
 * which style-src 'unsafe-inline' allows for style attributes some components write. Nothing may frame the app
 * (clickjacking on a screen full of customer data). The API docs page (Swagger UI) brings its own inline script,
 * so it gets the same policy without a script restriction.
 */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const DOCS_CSP = "default-src 'self' 'unsafe-inline' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** onSend: security headers on every answer; API answers (personal data) are never stored by a browser or proxy. */
export function securityHeaders(opts: { https: boolean }) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (opts.https || request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  };
}
