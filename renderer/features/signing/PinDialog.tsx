import { useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
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
    <FormDialog
      title={text.heading}
      className="pin-dialog"
      error={error}
      submitLabel={busy ? text.starting : text.confirm}
      cancelLabel={text.cancel}
      submitDisabled={busy || pin.length < 4 || (finalTry && !acknowledged)}
      onSubmit={() => {
        onConfirm(pin, acknowledged);
        setPin('');
      }}
      onCancel={onCancel}
    >
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
    </FormDialog>
  );
}
