import type { FieldSaveState } from './useFieldSave';
import { profilesStrings } from './strings';

/** Beside a field: "Đang lưu…", "Đã lưu", or why the value was not saved. */
export function FieldStatus({ id, state }: { id: string; state: FieldSaveState }) {
  switch (state.kind) {
    case 'idle':
      return <span id={id} className="field-status" />;
    case 'saving':
      return (
        <span id={id} className="field-status" role="status">
          {profilesStrings.saving}
        </span>
      );
    case 'saved':
      return (
        <span id={id} className="field-status saved" role="status">
          {profilesStrings.saved}
        </span>
      );
    case 'failed':
      return (
        <span id={id} className="field-status failed" role="alert">
          {state.message}
        </span>
      );
  }
}
