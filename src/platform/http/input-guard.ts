import type { FastifyRequest } from 'fastify';
import { platformError } from '../errors.ts';
import { registerFieldMessages } from './field-messages.ts';

/**
 * Text no client means to send and no column can hold: NUL bytes (PostgreSQL text refuses them) and UTF-16 halves
 * without their pair (not valid Unicode; the driver cannot encode them). Refused at the edge for every route, body,
 * query and path alike, so no service ever sees them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNSTORABLE_TEXT = 'contains a NUL byte or an unpaired surrogate';
registerFieldMessages({ [UNSTORABLE_TEXT]: '包含无法保存的字符（空字符或不成对的代理字符）' });

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The field path (`contacts.0.name`, as validation errors name fields) of the first unstorable string or key, if any. */
export function findUnstorableText(value: unknown): string | undefined {
  // Iterative: a 1 MB body can nest far deeper than the call stack.
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return path;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (UNSTORABLE.test(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

/** preValidation hook: a 400 naming the field before any schema or handler sees the text. */
export async function rejectUnstorableText(request: FastifyRequest): Promise<void> {
  for (const [context, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const field = findUnstorableText(value);
    if (field !== undefined)
      throw platformError('VALIDATION_FAILED', undefined, {
        [field || (context === 'body' ? '_' : context)]: UNSTORABLE_TEXT,
      });
  }
}
