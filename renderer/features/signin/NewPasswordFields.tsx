import { newPasswordStrings as text } from './strings';

export type NewPassword = { readonly next: string; readonly again: string };

/** Whether the two entries agree; the message to show when they do not. */
export function newPasswordMismatch(value: NewPassword): string | undefined {
  return value.next === value.again ? undefined : text.mismatch;
}

/** Mật khẩu mới, typed twice: shared by "Đổi mật khẩu" and "Đặt mật khẩu bằng mã". */
export function NewPasswordFields({
  value,
  onChange,
}: {
  readonly value: NewPassword;
  readonly onChange: (value: NewPassword) => void;
}) {
  return (
    <>
      <label>
        {text.next}
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={value.next}
          onChange={(event) => onChange({ ...value, next: event.target.value })}
        />
      </label>
      <label>
        {text.again}
        <input
          type="password"
          autoComplete="new-password"
          required
          value={value.again}
          onChange={(event) => onChange({ ...value, again: event.target.value })}
        />
      </label>
      <p className="hint">{text.rule}</p>
    </>
  );
}
