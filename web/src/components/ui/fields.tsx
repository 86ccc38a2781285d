import {
  useId,
  useState,
  type ChangeEvent,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { registerTranslations } from '../../app/i18n.ts';

const useFieldsT = registerTranslations('fields', {
  'zh-CN': {
    valueMissing: '必填',
    tooLong: '最多 {{n}} 个字符',
    tooShort: '至少 {{n}} 个字符',
    email: '电子邮箱格式不正确',
    format: '格式不正确',
    rangeUnderflow: '不能小于 {{n}}',
    rangeOverflow: '不能大于 {{n}}',
    number: '请输入数字',
  },
  en: {
    valueMissing: 'Required',
    tooLong: 'At most {{n}} characters',
    tooShort: 'At least {{n}} characters',
    email: 'Not a valid e-mail address',
    format: 'Not in the expected format',
    rangeUnderflow: 'Must be at least {{n}}',
    rangeOverflow: 'Must be at most {{n}}',
    number: 'Enter a number',
  },
});

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The browser still checks required, maxLength, min/max and e-mail before a submit, but its bubble (in the browser's
 * language, not the app's) is cancelled: the field shows the app's message in the UI language instead, until edited.
 */
function useOwnValidity<E extends Control>(handlers: {
  onInvalid?: (e: FormEvent<E>) => void;
  onChange?: (e: ChangeEvent<E>) => void;
}) {
  const { t } = useFieldsT();
  const [message, setMessage] = useState<string | undefined>();
  return {
    message,
    onInvalid(e: FormEvent<E>) {
      e.preventDefault();
      const c = e.currentTarget;
      const v = c.validity;
      const n = (attr: string) => ({ n: c.getAttribute(attr) ?? '' });
      setMessage(
        v.valueMissing
          ? t('valueMissing')
          : v.tooLong
            ? t('tooLong', n('maxlength'))
            : v.tooShort
              ? t('tooShort', n('minlength'))
              : v.typeMismatch
                ? t(c.getAttribute('type') === 'email' ? 'email' : 'format')
                : v.rangeUnderflow
                  ? t('rangeUnderflow', n('min'))
                  : v.rangeOverflow
                    ? t('rangeOverflow', n('max'))
                    : v.badInput || v.stepMismatch
                      ? t('number')
                      : t('format'),
      );
      if (!document.activeElement?.matches(':invalid')) c.focus(); // the first invalid field of the form, as the browser would
      handlers.onInvalid?.(e);
    },
    onChange(e: ChangeEvent<E>) {
      setMessage(undefined);
      handlers.onChange?.(e);
    },
  };
}

interface FieldFrame {
  label: string;
  /** The server's (or the form's) message for this field, shown beside it. */
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

function Frame({
  id,
  label,
  error,
  hint,
  required,
  className,
  children,
}: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {error ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="field__hint">{hint}</div>
      ) : null}
    </div>
  );
}

function describe(id: string, error?: string) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}

export function TextField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const own = useOwnValidity<HTMLInputElement>(input);
  const shown = error ?? own.message;
  return (
    <Frame id={id} label={label} error={shown} hint={hint} required={input.required} className={className}>
      <input id={id} {...describe(id, shown)} {...input} onInvalid={own.onInvalid} onChange={own.onChange} />
    </Frame>
  );
}

export function TextArea({
  label,
  error,
  hint,
  className,
  ...input
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const own = useOwnValidity<HTMLTextAreaElement>(input);
  const shown = error ?? own.message;
  return (
    <Frame id={id} label={label} error={shown} hint={hint} required={input.required} className={className}>
      <textarea id={id} {...describe(id, shown)} {...input} onInvalid={own.onInvalid} onChange={own.onChange} />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  error,
  hint,
  className,
  options,
  placeholder,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string }) {
  const id = useId();
  const own = useOwnValidity<HTMLSelectElement>(select);
  const shown = error ?? own.message;
  return (
    <Frame id={id} label={label} error={shown} hint={hint} required={select.required} className={className}>
      <select id={id} {...describe(id, shown)} {...select} onInvalid={own.onInvalid} onChange={own.onChange}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A message about the whole form (not one field), e.g. a refused save. */
export function FormError({ message, children }: { message?: string | null; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
      {children}
    </div>
  );
}
