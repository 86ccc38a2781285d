import type { ReactNode } from 'react';
import { Dialog } from './dialog.tsx';
import { FormError } from './fields.tsx';

/**
 * "Are you sure?" before an action that cannot simply be undone (disable, revoke). The confirm button takes
 * the focus, so Enter confirms and Esc cancels; a refusal from the server shows inside the dialog.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy,
  error,
  danger,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={`button ${danger ? 'button--danger-solid' : 'button--primary'}`}
            autoFocus
            disabled={busy}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="form-stack">
        <FormError message={error} />
        <p style={{ margin: 0 }}>{children}</p>
      </div>
    </Dialog>
  );
}
