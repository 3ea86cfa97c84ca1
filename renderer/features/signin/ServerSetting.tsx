import { useEffect, useState, type SyntheticEvent } from 'react';
import { useIpc } from '../../ipc/IpcContext';
import { signInStrings } from './strings';

type View = { readonly serverUrl: string | null; readonly source: 'settings' | 'environment' | 'none' };

/**
 * Máy chủ của Sở: which province server this desktop signs in against. Set once by whoever installs
 * the desktop; afterwards only leadership may change it (main enforces that).
 */
export function ServerSetting({ disabled }: { readonly disabled: boolean }) {
  const ipc = useIpc();
  const [view, setView] = useState<View | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void ipc.invoke('session:serverSetting', {}).then((answer) => {
      if (live && answer.ok) setView(answer.value);
    });
    return () => {
      live = false;
    };
  }, [ipc]);

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(undefined);
    const answer = await ipc.invoke('session:setServer', {
      serverUrl: draft.trim() === '' ? null : draft.trim(),
    });
    if (!answer.ok) {
      setError(answer.error.issues?.[0]?.message ?? answer.error.message);
      return;
    }
    setView(answer.value);
    setEditing(false);
  };

  if (view === undefined) return null;
  return (
    <div className="server-setting">
      {!editing ? (
        <p className="hint">
          {view.serverUrl === null ? signInStrings.noServer : signInStrings.serverIs(view.serverUrl)}{' '}
          {view.source !== 'environment' && (
            <button
              type="button"
              className="link-button"
              disabled={disabled}
              onClick={() => {
                setDraft(view.serverUrl ?? 'https://');
                setEditing(true);
              }}
            >
              {view.serverUrl === null ? signInStrings.setServer : signInStrings.changeServer}
            </button>
          )}
        </p>
      ) : (
        <form className="signin-form" onSubmit={(event) => void save(event)}>
          <label>
            {signInStrings.serverLabel}
            <input
              type="url"
              name="serverUrl"
              value={draft}
              spellCheck={false}
              onChange={(event) => setDraft(event.target.value)}
            />
          </label>
          <div className="actions">
            <button type="submit" className="button">
              {signInStrings.saveServer}
            </button>
            <button type="button" className="link-button" onClick={() => setEditing(false)}>
              {signInStrings.cancel}
            </button>
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
