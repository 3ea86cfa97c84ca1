import { useEffect, useState } from 'react';
import { samePersonName } from '../../../shared/domain/personName';
import type { TokenCertificateView, TokenList, TokenView } from '../../../shared/ipc/signingChannels';
import { useIpc } from '../../ipc/IpcContext';
import { signingStrings } from './strings';

const text = signingStrings.token;

const hotPlugPollMs = 3000;

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
  return (
    text.certificateOption(
      certificate.subjectCommonName ?? certificate.keyIdHex,
      certificate.issuerCommonName ?? '',
      until,
    ) + suffix
  );
}

/**
 * Finds the USB tokens (the known Vietnamese CA libraries on this machine, or a library the user
 * names) and lets the user pick one token and one of its certificates. Polled again on "Làm mới":
 * SoftHSM and some tokens are only seen after the library is reloaded.
 */
export function TokenPicker({
  holderName,
  refreshRound,
  onChoice,
}: {
  /** Who is signing: a token with a certificate of theirs is chosen first. */
  holderName: string;
  /** Changing it lists the tokens again (after a wrong PIN, the counters have changed). */
  refreshRound: number;
  onChoice: (choice: TokenChoice | undefined) => void;
}) {
  const ipc = useIpc();
  const [customPath, setCustomPath] = useState('');
  const [list, setList] = useState<TokenList | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [tokenKey, setTokenKey] = useState('');
  const [keyId, setKeyId] = useState('');

  /** The library path asked for: "Làm mới" takes the typed path; the first look uses none. */
  const [request, setRequest] = useState<{ path: string; round: number }>({ path: '', round: 0 });
  useEffect(() => {
    let cancelled = false;
    void ipc
      .invoke('token:list', request.path === '' ? {} : { userLibraryPath: request.path })
      .then((result) => {
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
  }, [ipc, request, refreshRound]);
  // Hot-plug: while no token is found, look again every few seconds, so a token plugged in
  // appears without a click.
  const noToken = list?.tokens.length === 0;
  useEffect(() => {
    if (!noToken) return undefined;
    const timer = setInterval(
      () => setRequest((current) => ({ path: current.path, round: current.round + 1 })),
      hotPlugPollMs,
    );
    return () => clearInterval(timer);
  }, [noToken]);

  const refresh = () => {
    setBusy(true);
    setRequest((current) => ({ path: customPath.trim(), round: current.round + 1 }));
  };

  const keyOf = (token: TokenView) => `${token.libraryPath}|${token.slotId}|${token.serialNumber}`;
  const tokens = list?.tokens ?? [];
  const holds = (certificate: TokenCertificateView) =>
    usable(certificate) && samePersonName(certificate.subjectCommonName ?? '', holderName);
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
      {list && list.libraries.length > 0 && (
        <p className="hint">
          {text.library}:{' '}
          {list.libraries
            .map(
              (library) =>
                `${library.source === 'user' ? text.userLibrary : library.provider} (${library.path})`,
            )
            .join('; ')}
        </p>
      )}
      {list?.libraries.length === 0 && <p className="hint">{text.noLibrary}</p>}
      <label className="field">
        <span>{text.customLibrary}</span>
        <input
          type="text"
          value={customPath}
          placeholder={text.customHint}
          spellCheck={false}
          onChange={(event) => setCustomPath(event.target.value)}
        />
      </label>
      <button type="button" className="button" disabled={busy} onClick={refresh}>
        {busy ? text.refreshing : text.refresh}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {list?.problems.map((problem) => (
        <p key={problem.libraryPath} className="error">
          {problem.libraryPath}: {problem.message}
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
