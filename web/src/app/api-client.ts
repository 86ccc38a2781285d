/**
 * The one way the web app talks to the server: same-origin cookie session, the CSRF token on writes,
 * the user's language in Accept-Language, and `{ error: { code, message, fields } }` turned into an ApiError
 * whose field messages forms show beside their fields.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields ?? {};
    this.details = details ?? {};
  }
}

let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** The auth provider registers what a 401 does: forget the user, which shows the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  }
  const text = await res.text();
  const data: unknown = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  if (res.ok) return data as T;
  const err = (
    data as
      | {
          error?: {
            code?: string;
            message?: string;
            fields?: Record<string, string>;
            details?: Record<string, unknown>;
          };
        }
      | undefined
  )?.error;
  const error = new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? res.statusText,
    err?.fields,
    err?.details,
  );
  // A failed login is a 401 too, but it is the login form's business, not a session that ended.
  if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated();
  throw error;
}

export const get = <T>(path: string, query: Query = {}) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
