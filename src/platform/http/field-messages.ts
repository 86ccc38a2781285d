/**
 * Field messages in Chinese for the web app. Schemas and module errors carry English messages (API integrators and
 * logs read them); when a request asks for Chinese explicitly (`Accept-Language: zh…`, as the web app sends), the error
 * handler shows each field's message in Chinese: a module's own wording registered here, else (for a schema check)
 * one made from the check that failed.
 */
const registered = new Map<string, string>();

/** A module's custom messages, English → Chinese. */
export function registerFieldMessages(messages: Record<string, string>): void {
  for (const [en, zh] of Object.entries(messages)) registered.set(en, zh);
}

/** A message a module registered, in Chinese; any other message as it is. */
export function registeredChinese(message: string): string {
  return registered.get(message) ?? message;
}

interface Issue {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

export function chineseFieldMessage(issue: Issue): string {
  const own = issue.message && registered.get(issue.message);
  if (own) return own;
  const p = issue.params ?? {};
  const origin = p.origin;
  switch (issue.keyword) {
    case 'too_small':
      if (origin === 'string') return Number(p.minimum) <= 1 ? '必填' : `至少 ${p.minimum} 个字符`;
      if (origin === 'array' || origin === 'set') return `至少选择 ${p.minimum} 项`;
      return `不能小于 ${p.minimum}`;
    case 'too_big':
      if (origin === 'string') return `最多 ${p.maximum} 个字符`;
      if (origin === 'array' || origin === 'set') return `最多 ${p.maximum} 项`;
      return `不能大于 ${p.maximum}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '') ? '必填' : '格式不正确';
    case 'invalid_value':
      return '请从列表中选择';
    case 'invalid_format':
      return p.format === 'email' ? '电子邮箱格式不正确' : '格式不正确';
    case 'unrecognized_keys':
      return '包含不认识的字段';
    default:
      return issue.message ?? '输入有误';
  }
}

/** zod's own wording ("Too small: expected string to have >=1 characters"), as opposed to a schema's custom message. */
const ZOD_DEFAULT =
  /^(Too small|Too big|Invalid input|Invalid string|Invalid option|Invalid (e-?mail|url|uuid|ISO)|Unrecognized key|Expected|Invalid)/i;

/** The same message for an English reader: a custom one as written, zod's own wording made human. */
export function englishFieldMessage(issue: Issue): string {
  if (issue.message && registered.has(issue.message)) return issue.message;
  if (issue.message && !ZOD_DEFAULT.test(issue.message)) return issue.message;
  const p = issue.params ?? {};
  const origin = p.origin;
  switch (issue.keyword) {
    case 'too_small':
      if (origin === 'string') return Number(p.minimum) <= 1 ? 'Required' : `At least ${p.minimum} characters`;
      if (origin === 'array' || origin === 'set') return `Choose at least ${p.minimum}`;
      return `Must be at least ${p.minimum}`;
    case 'too_big':
      if (origin === 'string') return `At most ${p.maximum} characters`;
      if (origin === 'array' || origin === 'set') return `At most ${p.maximum} items`;
      return `Must be at most ${p.maximum}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '') ? 'Required' : 'Not a valid value';
    case 'invalid_value':
      return 'Choose one from the list';
    case 'invalid_format':
      return p.format === 'email' ? 'Not a valid e-mail address' : 'Not in the expected format';
    case 'unrecognized_keys':
      return 'Contains fields that are not known';
    default:
      return 'Not valid';
  }
}
