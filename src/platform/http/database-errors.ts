import { AppError, platformError } from '../errors.ts';
import { registerFieldMessages } from './field-messages.ts';

/**
 * The safety net for constraint and value errors PostgreSQL raises (on the server and on PGlite alike): a unique
 * violation is a 409 naming the field, a missing or still-used reference a 400/409, a value the column cannot take a
 * 400. Services still check what they can first and answer with their own codes; this keeps the rest from being 500s.
 * The field comes from the error's detail (`Key (code)=(…) already exists.`: the column names only, never the value,
 * which may be an ID card) or, failing that, from the constraint's name; a module can name it explicitly.
 */
interface DatabaseError {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
}

export const ALREADY_EXISTS = 'already exists';
export const DOES_NOT_EXIST = 'does not exist';
export const INVALID_VALUE = 'is not a valid value';
registerFieldMessages({ [ALREADY_EXISTS]: '已存在', [DOES_NOT_EXIST]: '不存在', [INVALID_VALUE]: '取值无效' });

const constraintFields = new Map<string, string>();

/** A constraint or unique index whose field the detail does not name well (an expression index, a composite key). */
export function registerConstraintFields(fields: Record<string, string>): void {
  for (const [constraint, field] of Object.entries(fields)) constraintFields.set(constraint, field);
}

export function isDatabaseError(err: unknown): err is DatabaseError {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !(err instanceof AppError);
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `Key (parent_id, lower(code))=(…)` → `code`: the last column named, foreign keys to a parent skipped when others exist. */
function fieldFrom(err: DatabaseError): string {
  const explicit = err.constraint && constraintFields.get(err.constraint);
  if (explicit) return explicit;
  const detail = err.detail ?? '';
  const start = detail.indexOf('Key (');
  const end = detail.indexOf(')=(');
  if (start >= 0 && end > start) {
    // Column names only: not function names (`lower(`) nor casts (`::text`).
    const columns = [...detail.slice(start + 5, end).matchAll(/(?<!::)\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)].map(
      (m) => m[1],
    );
    const own = columns.filter((c) => !/_id$/.test(c));
    const column = (own.length ? own : columns).at(-1);
    if (column) return camel(column);
  }
  if (err.column) return camel(err.column);
  if (err.constraint && err.table) {
    const rest = err.constraint
      .replace(new RegExp(`^${err.table}_`), '')
      .replace(/_(key|idx|uniq|unique|fkey|check|pkey)$/, '');
    if (rest) return camel(rest);
  }
  return '_';
}

/** The AppError a database error means for the client, or undefined when it is our bug (a 500). */
export function appErrorFromDatabase(err: DatabaseError): AppError | undefined {
  switch (err.code) {
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return platformError('ALREADY_EXISTS', undefined, { [fieldFrom(err)]: ALREADY_EXISTS });
    case '23503': // foreign_key_violation: a missing target on insert/update, or a row still referenced on delete
      return /still referenced/.test(err.detail ?? '')
        ? platformError('STILL_REFERENCED')
        : platformError('VALIDATION_FAILED', undefined, { [fieldFrom(err)]: DOES_NOT_EXIST });
    case '23502': // not_null_violation
    case '23514': // check_violation
      return platformError('VALIDATION_FAILED', undefined, { [fieldFrom(err)]: INVALID_VALUE });
  }
  // Class 22 (data exception: bad text for a type, out of range, bad date, NUL, too long) and 54000 (a value too big to index).
  if (err.code.startsWith('22') || err.code === '54000')
    return platformError('VALIDATION_FAILED', undefined, { [err.column ? camel(err.column) : '_']: INVALID_VALUE });
  return undefined;
}
