import { useState } from 'react';
import type { StudyRecord } from '../../../shared/record/studyRecord';
import { FormDialog } from '../../app/FormDialog';
import { useIpc } from '../../ipc/IpcContext';
import { recordStrings } from './strings';

const text = recordStrings.amend;

type Result = { readonly kind: 'ok' | 'error'; readonly text: string };

/**
 * The principal corrects a signed record: with the number of the approved amendment (biên bản
 * điều chỉnh), main archives the signed version and makes the next one, linked to it.
 */
export function AmendDialog({
  record,
  onDone,
}: {
  record: StudyRecord;
  onDone: (result: Result | undefined) => void;
}) {
  const ipc = useIpc();
  const [amendmentId, setAmendmentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <FormDialog
      title={text.heading}
      className="amend-dialog"
      error={error}
      submitLabel={busy ? text.working : text.confirm}
      cancelLabel={text.cancel}
      submitDisabled={busy || amendmentId.trim() === ''}
      onSubmit={() => {
        setBusy(true);
        void ipc.invoke('records:amend', { record, amendmentId }).then((result) => {
          setBusy(false);
          if (result.ok) onDone({ kind: 'ok', text: result.value.message ?? '' });
          else setError(result.error.message);
        });
      }}
      onCancel={() => onDone(undefined)}
    >
      <p>{text.explain(record.student.fullName)}</p>
      <label className="field">
        <span>{text.idLabel}</span>
        <input
          type="text"
          value={amendmentId}
          placeholder={text.idPlaceholder}
          autoFocus
          onChange={(event) => setAmendmentId(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}
