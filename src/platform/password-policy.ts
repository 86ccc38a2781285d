import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { platformError } from './errors.ts';
import { registerFieldMessages } from './http/field-messages.ts';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * The 10,000 most common passwords of the zxcvbn-ts project's list (`@zxcvbn-ts/language-common`, MIT, drawn
 * from breach corpora), lower-cased, plus common Chinese ones (woaini1314, 5201314 …). See docs/security.md.
 */
const COMMON = new Set(
  readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
    .split('\n')
    .filter(Boolean),
);

export const PASSWORD_MESSAGES = {
  tooShort: `at least ${MIN_PASSWORD_LENGTH} characters`,
  tooSimple: 'too few different characters',
  common: 'a commonly used password; choose another',
  likeUsername: 'too close to the username',
} as const;
registerFieldMessages({
  [PASSWORD_MESSAGES.tooShort]: `至少 ${MIN_PASSWORD_LENGTH} 个字符`,
  [PASSWORD_MESSAGES.tooSimple]: '包含的不同字符太少',
  [PASSWORD_MESSAGES.common]: '这是常见密码，请换一个',
  [PASSWORD_MESSAGES.likeUsername]: '与用户名过于相似',
});

/** "Password2026!" is "password" with digits and symbols around it: as easy to guess. */
function cores(lower: string): string[] {
  const stripped = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return stripped.length >= 4 && stripped !== lower ? [lower, stripped] : [lower];
}

/**
 * What is wrong with a new password, as a field message, or undefined. Length (NIST SP 800-63B asks at least 8;
 * 10 here, as staff passwords guard personal data), a few different characters (not ten spaces), not a common
 * password, and — when the account's login is known — not the login with a few digits or symbols around it.
 */
export function passwordProblem(password: string, login?: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (new Set(password.toLowerCase()).size < 4) return PASSWORD_MESSAGES.tooSimple;
  const lower = password.toLowerCase();
  if (cores(lower).some((c) => COMMON.has(c))) return PASSWORD_MESSAGES.common;
  if (login) {
    const name = login.toLowerCase();
    const reversed = [...name].reverse().join('');
    if (lower === name || lower === reversed) return PASSWORD_MESSAGES.likeUsername;
    // What is left without the login must hold at least 3 letters of its own: zhangwei2026 is not a password.
    for (const n of name.length >= 3 ? [name, reversed] : []) {
      if (
        lower.includes(n) &&
        lower
          .split(n)
          .join('')
          .replace(/[\d\W_]/g, '').length < 3
      )
        return PASSWORD_MESSAGES.likeUsername;
    }
  }
  return undefined;
}

/** A new password in a request body: every check that needs no login (the service adds the login check). */
export const newPassword = z
  .string()
  .max(128)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The login check the schema cannot make: refuses (400, the message under `field`) a password too close to the login. */
export function requirePasswordFitFor(login: string, password: string, field = 'password'): void {
  const problem = passwordProblem(password, login);
  if (problem) throw platformError('VALIDATION_FAILED', undefined, { [field]: problem });
}
