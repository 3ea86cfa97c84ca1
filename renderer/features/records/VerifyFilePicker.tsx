import { useState } from 'react';
import type { RecordVerification } from '../../../shared/ipc/recordChannels';
import { fileToBase64 } from '../../app/download';
import { useIpc } from '../../ipc/IpcContext';
import { FilePickButton } from '../../ui/FilePickButton';
import { recordStrings } from './strings';
import { VerificationReport } from './VerificationReport';

const text = recordStrings.verify;

/** Checks any học bạ PDF the user picks (from another school, a parent, an inspector). */
export function VerifyFilePicker() {
  const ipc = useIpc();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RecordVerification | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const check = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    const result = await ipc.invoke('records:verify', {
      fileName: file.name,
      bytesBase64: await fileToBase64(file),
    });
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  };

  return (
    <section className="verify-file" aria-label={text.heading}>
      <h2>{text.heading}</h2>
      <p className="intro">{text.pickHint}</p>
      <FilePickButton
        label={busy ? text.checking : text.pickFile}
        accept="application/pdf,.pdf"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void check(file);
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && <VerificationReport report={report} onClose={() => setReport(undefined)} />}
    </section>
  );
}
