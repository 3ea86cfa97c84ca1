import { useCallback, useEffect, useState } from 'react';
import { certificateIdentifiersLabel } from '../../../shared/domain/staff';
import type {
  TokenCertificateView,
  TokenLibraryView,
  TokenList,
  TokenView,
} from '../../../shared/ipc/tokenChannels';
import { useIpc } from '../../ipc/IpcContext';
import { signingStrings } from './strings';
import { useTokenChanges } from './useTokenChanges';

const text = signingStrings.token;

export type TokenChoice = { readonly token: TokenView; readonly certificate: TokenCertificateView };

function usable(certificate: TokenCertificateView): boolean {
  return certificate.validity === 'valid' && certificate.canSign;
}

function certificateLabel(certificate: TokenCertificateView): string {
  const until = new Date(certificate.notAfter).toLocaleDateString('vi-VN');
  const suffix =
    (certificate.validity === 'expired' ? text.expired : '') +
    (certificate.validity === 'not-yet-valid' ? text.notYetValid : '') +
    (certificate.canSign ? '' : text.cannotSign);
  const identifiers = certificateIdentifiersLabel(certificate.identity);
  return (
    text.certificateOption(
      certificate.subjectCommonName ?? certificate.keyIdHex,
      certificate.issuerCommonName ?? '',
      until,
    ) +
    (identifiers === '' ? '' : text.identifiers(identifiers)) +
    suffix
  );
}

/** A library as the user knows it: the CA's name, or the file picked for it. The path is only a tooltip. */
function libraryName(library: TokenLibraryView): string {
  if (library.source === 'user') return text.userLibrary(library.provider);
  if (library.source === 'configured') return text.configuredLibrary(library.provider);
  return library.provider;
}

/**
 * Finds the USB tokens (the known Vietnamese CA libraries on this machine, or the library the user
 * picked in main's own file dialog) and lets the user pick one token and one of its certificates.
 * The page names a library by main's id only, never by path. Listed again when main says a token
 * was plugged in or pulled out (useTokenChanges), and on "Làm mới".
 */
export function TokenPicker({
  isOwn,
  refreshRound,
  onChoice,
}: {
  /**
   * Whether a certificate is the signer's own (names folded, and the personal ID or the school's
   * codes where it carries them, and the pinned one where setup pinned one): chosen first.
   */
  isOwn: (certificate: TokenCertificateView) => boolean;
  /** Changing it lists the tokens again (after a wrong PIN, the counters have changed). */
  refreshRound: number;
  onChoice: (choice: TokenChoice | undefined) => void;
}) {
  const ipc = useIpc();
  const [list, setList] = useState<TokenList | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState(false);
  /** What the last "Chọn thư viện PKCS#11…" answered, when it has something to say. */
  const [chooseNote, setChooseNote] = useState<string | undefined>(undefined);
  /** Kept apart from the list's error: the hot-plug polling must not wipe a refused pick's reason. */
  const [chooseError, setChooseError] = useState<string | undefined>(undefined);
  const [tokenKey, setTokenKey] = useState('');
  const [keyId, setKeyId] = useState('');

  /** Each new round lists the tokens again. */
  const [round, setRound] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void ipc.invoke('token:list', {}).then((result) => {
      if (cancelled) return;
      setBusy(false);
      if (!result.ok) setError(result.error.message);
      else {
        setError(undefined);
        setList(result.value);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [ipc, round, refreshRound]);
  // Hot-plug: a token plugged in appears, and one pulled out goes, without a click.
  useTokenChanges(useCallback(() => setRound((current) => current + 1), []));

  const refresh = () => {
    setBusy(true);
    setRound((current) => current + 1);
  };

  /** Main opens its own file dialog and keeps the choice; in the bridge there is none. */
  const chooseLibrary = async () => {
    setChoosing(true);
    setChooseNote(undefined);
    setChooseError(undefined);
    const result = await ipc.invoke('token:chooseLibrary', {});
    setChoosing(false);
    if (!result.ok) {
      setChooseError(result.error.message);
      return;
    }
    if (result.value.outcome === 'unavailable') setChooseNote(text.chooseInBridge);
    if (result.value.outcome === 'chosen') {
      setChooseNote(text.chosen(libraryName(result.value.library)));
      refresh();
    }
  };

  const libraries = list?.libraries ?? [];
  const nameOfLibrary = (libraryId: string | undefined) => {
    const library = libraries.find((candidate) => candidate.id === libraryId);
    return library ? libraryName(library) : text.library;
  };
  const keyOf = (token: TokenView) => `${token.libraryId}|${token.slotId}|${token.serialNumber}`;
  const tokens = list?.tokens ?? [];
  const holds = (certificate: TokenCertificateView) => usable(certificate) && isOwn(certificate);
  const token =
    tokens.find((candidate) => keyOf(candidate) === tokenKey) ??
    tokens.find((candidate) => candidate.certificates.some(holds)) ??
    tokens[0];
  const certificates = token?.certificates ?? [];
  const certificate =
    certificates.find((candidate) => candidate.keyIdHex === keyId && usable(candidate)) ??
    certificates.find(holds) ??
    certificates.find(usable);

  useEffect(() => {
    onChoice(token && certificate && !token.pinLocked ? { token, certificate } : undefined);
  }, [token, certificate, onChoice]);

  return (
    <fieldset className="token-picker">
      <legend>{text.heading}</legend>
      {libraries.length > 0 && (
        <p className="hint token-libraries">
          {text.library}:{' '}
          {libraries.map((library, index) => (
            <span key={library.id} title={library.path}>
              {index > 0 && '; '}
              {libraryName(library)}
            </span>
          ))}
        </p>
      )}
      {list && libraries.length === 0 && <p className="hint">{text.noLibrary}</p>}
      {list?.chooseAgain && (
        <p className="error" role="alert">
          {list.chooseAgain}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button" disabled={choosing} onClick={() => void chooseLibrary()}>
          {text.chooseLibrary}
        </button>
        <button type="button" className="button" disabled={busy} onClick={refresh}>
          {busy ? text.refreshing : text.refresh}
        </button>
      </div>
      {chooseNote && (
        <p className="hint" role="status">
          {chooseNote}
        </p>
      )}
      {chooseError && (
        <p className="error" role="alert">
          {chooseError}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {list?.problems.map((problem) => (
        <p key={`${problem.libraryId ?? ''}|${problem.message}`} className="error">
          {problem.libraryId === undefined
            ? problem.message
            : text.problem(nameOfLibrary(problem.libraryId), problem.message)}
        </p>
      ))}
      {list && tokens.length === 0 && <p className="status">{text.noToken}</p>}
      {tokens.length > 0 && (
        <label className="field">
          <span>{text.tokenLabel}</span>
          <select
            aria-label={text.tokenLabel}
            value={token ? keyOf(token) : ''}
            onChange={(event) => setTokenKey(event.target.value)}
          >
            {tokens.map((candidate) => (
              <option key={keyOf(candidate)} value={keyOf(candidate)}>
                {candidate.label} ({candidate.manufacturer}, số sê-ri {candidate.serialNumber})
              </option>
            ))}
          </select>
        </label>
      )}
      {token?.pinLocked && (
        <p className="error" role="alert">
          {text.locked}
        </p>
      )}
      {token && certificates.length > 0 && (
        <label className="field">
          <span>{text.certificateLabel}</span>
          <select
            aria-label={text.certificateLabel}
            value={certificate?.keyIdHex ?? ''}
            onChange={(event) => setKeyId(event.target.value)}
          >
            {certificates.map((candidate) => (
              <option key={candidate.keyIdHex} value={candidate.keyIdHex} disabled={!usable(candidate)}>
                {certificateLabel(candidate)}
              </option>
            ))}
          </select>
        </label>
      )}
      {token && !certificate && <p className="error">{text.noCertificate}</p>}
    </fieldset>
  );
}
