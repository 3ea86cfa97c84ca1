import { useId, useState, type KeyboardEvent } from 'react';
import { formatDate, parseVietnameseDate } from '../../../shared/domain/dates';
import { notApplicable } from '../../../shared/domain/text';
import { FieldStatus } from './FieldStatus';
import { profilesStrings } from './strings';
import { useFieldSave } from './useFieldSave';

type TextProps = {
  readonly label: string;
  /** The stored value. */
  readonly value: string;
  readonly readOnly: boolean;
  readonly onSave: (value: string) => Promise<unknown>;
  /** Accessible name of a "Không" button beside the field, for fields that may not apply. */
  readonly notApplicableButton?: string;
  readonly inputMode?: 'text' | 'numeric';
  readonly maxLength?: number;
  readonly hint?: string;
  /** Turns typed text into the stored form, or a message why it cannot be stored. */
  readonly parse?: (text: string) => { value: string } | { problem: string };
  /** How the stored value is shown for editing. */
  readonly display?: (value: string) => string;
};

const blurOnEnter = (event: KeyboardEvent<HTMLInputElement>): void => {
  if (event.key === 'Enter') event.currentTarget.blur();
};

/**
 * A text field of the identity page, saved when it loses focus; its own status beside it. While
 * typing, or after a refused save, the typed text is kept; otherwise the stored value shows.
 */
export function ProfileTextField(props: TextProps) {
  const { label, value, readOnly, onSave, notApplicableButton, inputMode, maxLength, hint, parse, display } =
    props;
  const id = useId();
  const statusId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [state, run, fail, clear] = useFieldSave();
  const shown = display ? display(value) : value;

  const commit = (text: string): void => {
    const parsed = parse ? parse(text) : { value: text };
    if ('problem' in parsed) {
      fail(parsed.problem);
      return;
    }
    if (parsed.value === value) {
      // Put back to what is stored (after a refusal, too): nothing to save, nothing wrong.
      setDraft(undefined);
      if (state.kind === 'failed') clear();
      return;
    }
    void run(() => onSave(parsed.value)).then((saved) => {
      if (saved) setDraft(undefined);
    });
  };

  return (
    <div className="profile-field">
      <label htmlFor={id}>{label}</label>
      <div className="profile-input-row">
        <input
          id={id}
          type="text"
          value={draft ?? shown}
          readOnly={readOnly}
          inputMode={inputMode}
          maxLength={maxLength}
          aria-invalid={state.kind === 'failed' ? true : undefined}
          aria-describedby={hint ? `${hintId} ${statusId}` : statusId}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={blurOnEnter}
          onBlur={() => {
            if (draft !== undefined && !readOnly) commit(draft);
          }}
        />
        {notApplicableButton && !readOnly && (
          <button
            type="button"
            className="button not-applicable"
            aria-label={notApplicableButton}
            title={profilesStrings.notApplicableTitle}
            onClick={() => commit(notApplicable)}
          >
            {profilesStrings.notApplicable}
          </button>
        )}
      </div>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      <FieldStatus id={statusId} state={state} />
    </div>
  );
}

/** A date typed as dd/mm/yyyy, stored as ISO. */
export function ProfileDateField(props: Omit<TextProps, 'parse' | 'display' | 'hint' | 'inputMode'>) {
  return (
    <ProfileTextField
      {...props}
      hint={profilesStrings.dateHint}
      maxLength={10}
      display={formatDate}
      parse={(text) => {
        const iso = parseVietnameseDate(text);
        return iso === undefined ? { problem: profilesStrings.badDate } : { value: iso };
      }}
    />
  );
}

type SelectProps = {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly readOnly: boolean;
  readonly onSave: (value: string) => Promise<unknown>;
};

/** A choice of the identity page, saved as soon as it changes. */
export function ProfileSelectField({ label, value, options, readOnly, onSave }: SelectProps) {
  const id = useId();
  const statusId = useId();
  const [state, run] = useFieldSave();
  // A stored value outside the list (an older import) is still shown as it is.
  const all = options.some((option) => option.value === value)
    ? options
    : [{ value, label: value }, ...options];
  return (
    <div className="profile-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={readOnly}
        aria-describedby={statusId}
        onChange={(event) => {
          const next = event.target.value;
          void run(() => onSave(next));
        }}
      >
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldStatus id={statusId} state={state} />
    </div>
  );
}
