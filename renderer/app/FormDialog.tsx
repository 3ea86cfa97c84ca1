import type { ReactNode } from 'react';

type Props = {
  /** The dialog's heading, also its accessible name. */
  readonly title: string;
  readonly className?: string;
  readonly error: string | undefined;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  readonly submitDisabled: boolean;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
};

/** A modal form with a heading, its fields, the error of the last try, and submit / cancel. */
export function FormDialog({
  title,
  className,
  error,
  submitLabel,
  cancelLabel,
  submitDisabled,
  onSubmit,
  onCancel,
  children,
}: Props) {
  return (
    <div className="dialog-backdrop">
      <form
        className={className === undefined ? 'dialog' : `dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2>{title}</h2>
        {children}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" className="button button-primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
