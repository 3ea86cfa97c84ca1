import type { ChangeEvent } from 'react';
import './filePickButton.css';

type Props = {
  /** The button's words, in Vietnamese ("Chọn tệp Excel"). */
  readonly label: string;
  readonly accept: string;
  readonly disabled?: boolean;
  /** The input's accessible name when it should say more than the button (whose file it is). */
  readonly accessibleName?: string;
  readonly id?: string;
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void;
};

/**
 * A file picker that speaks Vietnamese: the browser's own control says "Choose File / No file
 * chosen" in the system's language, so it is drawn as our button while the native input stays
 * underneath, covering it (keyboard, screen readers and tests still use the real input).
 */
export function FilePickButton({ label, accept, disabled, accessibleName, id, onChange }: Props) {
  return (
    <label className={disabled ? 'button file-pick-button disabled' : 'button file-pick-button'}>
      {label}
      <input
        id={id}
        type="file"
        accept={accept}
        aria-label={accessibleName ?? label}
        disabled={disabled}
        onChange={onChange}
      />
    </label>
  );
}
