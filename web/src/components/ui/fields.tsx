import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  label: string;
  /** The server's (or the form's) message for this field, shown beside it. */
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

function Frame({ id, label, error, hint, required, className, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}{required && <span className="field__required" aria-hidden="true"> *</span>}</label>
      {children}
      {error ? <div className="field__error" id={`${id}-error`} role="alert">{error}</div> : hint ? <div className="field__hint">{hint}</div> : null}
    </div>
  );
}

function describe(id: string, error?: string) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}

export function TextField({ label, error, hint, className, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <input id={id} {...describe(id, error)} {...input} />
    </Frame>
  );
}

export function TextArea({ label, error, hint, className, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <textarea id={id} {...describe(id, error)} {...input} />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ label, error, hint, className, options, placeholder, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string }) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={select.required} className={className}>
      <select id={id} {...describe(id, error)} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}

/** A message about the whole form (not one field), e.g. a refused save. */
export function FormError({ message, children }: { message?: string | null; children?: ReactNode }) {
  if (!message) return null;
  return <div className="form-error" role="alert">{message}{children}</div>;
}
