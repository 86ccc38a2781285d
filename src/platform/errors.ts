/**
 * Errors are values with a code. Each module defines its codes with `defineErrors`, giving every code
 * its HTTP status and its message in both languages, so a code without a status does not compile.
 * The error handler turns an AppError into `{ error: { code, message, fields? , details? } }`.
 */
export type Locale = 'zh-CN' | 'en';

export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: { zh: string; en: string };
  readonly details: Record<string, unknown> | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(code: string, spec: ErrorSpec, details?: Record<string, unknown>, fields?: Record<string, string>) {
    super(`${code}: ${spec.en}`);
    this.code = code;
    this.status = spec.status;
    this.messages = { zh: spec.zh, en: spec.en };
    this.details = details;
    this.fields = fields;
  }

  /** The message for the user, with `{name}` placeholders filled from the details. */
  messageFor(locale: Locale): string {
    const template = locale === 'en' ? this.messages.en : this.messages.zh;
    return template.replace(/\{(\w+)\}/g, (_, key: string) => String(this.details?.[key] ?? ''));
  }
}

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T) {
  return (code: keyof T & string, details?: Record<string, unknown>, fields?: Record<string, string>): AppError =>
    new AppError(code, specs[code], details, fields);
}

/** Errors every module may raise. */
export const platformError = defineErrors({
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  BAD_REQUEST: { status: 400, zh: '请求无法解析', en: 'The request could not be understood' },
  UPLOAD_UNREADABLE: {
    status: 400,
    zh: '上传的文件无法读取（格式不对或内容不完整）',
    en: 'The uploaded file could not be read (wrong format or incomplete)',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  CSRF_TOKEN_INVALID: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  FORBIDDEN: { status: 403, zh: '您没有此操作的权限', en: 'You do not have permission to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新', en: 'The record was changed by someone else; reload it' },
  ALREADY_EXISTS: { status: 409, zh: '已存在相同的记录', en: 'A record with the same value already exists' },
  STILL_REFERENCED: { status: 409, zh: '该记录仍在使用中，无法删除或修改', en: 'The record is still in use' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'The request address is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  TOO_MANY_REQUESTS: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时不可用，请稍后重试',
    en: 'The database is unavailable for a moment; try again shortly',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，请联系管理员（请求编号 {requestId}）',
    en: 'Internal error; tell your administrator (request {requestId})',
  },
});

export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh-CN';
}
