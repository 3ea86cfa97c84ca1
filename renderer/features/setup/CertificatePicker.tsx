import { useState, type ChangeEvent } from 'react';
import type { PickedCertificate } from '../../../shared/domain/certificateFile';
import { certificateIdentifiersLabel } from '../../../shared/domain/staff';
import { certificateLine } from './certificateLabels';
import { setupStrings } from './strings';

const strings = setupStrings.identities;

type Props = {
  /** The file input's accessible name (whose certificate this is). */
  readonly label: string;
  readonly confirmLabel: string;
  readonly busy: boolean;
  /** Pins the certificate; resolves true when it was stored (the picker then clears). */
  readonly onPin: (picked: PickedCertificate) => Promise<boolean>;
};

/**
 * Picks a certificate file (.cer, .crt, .pem) and shows what it holds (holder, CA, validity, the
 * identifiers, masked) before the principal pins it. The file is read here, capped in size; only
 * the certificate's issuer, serial, name and validity are kept.
 */
export function CertificatePicker({ label, confirmLabel, busy, onPin }: Props) {
  const [picked, setPicked] = useState<PickedCertificate | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [inputKey, setInputKey] = useState(0);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setPicked(undefined);
    setError(undefined);
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      // Loaded on first use: the certificate parser (pkijs) stays out of the app's main bundle.
      const { maxCertificateFileBytes, readCertificateFile } =
        await import('../../../shared/domain/certificateFile');
      // Refused before reading: a huge file never reaches the parser.
      if (file.size > maxCertificateFileBytes) {
        setError(strings.fileTooLarge);
        return;
      }
      const reading = readCertificateFile(new Uint8Array(await file.arrayBuffer()));
      if (reading.ok) setPicked(reading.certificate);
      else setError(reading.message);
    } catch {
      setError(strings.fileUnreadable);
    }
  };

  const pin = async () => {
    if (!picked) return;
    if (await onPin(picked)) {
      setPicked(undefined);
      setInputKey((key) => key + 1);
    }
  };

  const identifiers = picked ? certificateIdentifiersLabel(picked.identity) : '';
  return (
    <div className="certificate-picker">
      <label className="button setup-small certificate-file">
        {strings.chooseFile}
        <input
          key={inputKey}
          type="file"
          accept=".cer,.crt,.pem,.der,application/pkix-cert,application/x-x509-ca-cert"
          aria-label={label}
          disabled={busy}
          onChange={(event) => void choose(event)}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {picked && (
        <div className="certificate-preview" role="group" aria-label={strings.preview}>
          <p>
            {certificateLine({
              holderName: picked.identity.commonName ?? '',
              issuer: picked.identity.issuer,
              notBefore: picked.notBefore,
              notAfter: picked.notAfter,
            })}
          </p>
          {identifiers !== '' && <p className="hint">{strings.previewIdentifiers(identifiers)}</p>}
          <p className="hint">{strings.serial(picked.identity.serialNumberHex)}</p>
          <div className="setup-row-actions">
            <button
              type="button"
              className="button button-primary setup-small"
              aria-label={confirmLabel}
              disabled={busy}
              onClick={() => void pin()}
            >
              {strings.confirmPin}
            </button>
            <button
              type="button"
              className="button setup-small"
              disabled={busy}
              onClick={() => {
                setPicked(undefined);
                setInputKey((key) => key + 1);
              }}
            >
              {setupStrings.cancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
