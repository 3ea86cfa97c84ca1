import { useState } from 'react';
import { signingStrings } from './strings';

const text = signingStrings.pin;

type Props = {
  readonly count: number;
  readonly signerName: string;
  /** The token's own warning (few tries left, last try), shown before the PIN is typed. */
  readonly warning: string | undefined;
  readonly finalTry: boolean;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly onConfirm: (pin: string, acknowledgeFinalTry: boolean) => void;
  readonly onCancel: () => void;
};

/**
 * Asks for the token's PIN once for the whole batch. The PIN lives in this dialog's state only
 * until it is sent; closing the dialog drops it.
 */
export function PinDialog({ count, signerName, warning, finalTry, busy, error, onConfirm, onCancel }: Props) {
  const [pin, setPin] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog pin-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={text.heading}
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(pin, acknowledged);
          setPin('');
        }}
      >
        <h2>{text.heading}</h2>
        <p>{text.explain(count, signerName)}</p>
        {warning && (
          <p className="error" role="alert">
            {warning}
          </p>
        )}
        <label className="field">
          <span>{text.label}</span>
          <input
            type="password"
            autoComplete="off"
            autoFocus
            inputMode="text"
            value={pin}
            disabled={busy}
            onChange={(event) => setPin(event.target.value)}
          />
        </label>
        {finalTry && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.target.checked)}
            />
            {text.acknowledgeFinalTry}
          </label>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || pin.length < 4 || (finalTry && !acknowledged)}
          >
            {busy ? text.starting : text.confirm}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {text.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
