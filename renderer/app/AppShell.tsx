import type { ReactNode } from 'react';
import type { Session } from './session';
import { areas, type AreaId } from './navigation';
import { shellStrings } from './strings';
import { useAppInfo } from './useAppInfo';
import { useIpc } from '../ipc/IpcContext';

type Props = {
  readonly session: Session;
  readonly currentArea: AreaId;
  readonly onNavigate: (area: AreaId) => void;
  readonly onSignOut: () => void;
  readonly children: ReactNode;
};

/** The frame around every screen: the menu of areas, who is signed in, and what the app runs on. */
export function AppShell({ session, currentArea, onNavigate, onSignOut, children }: Props) {
  const info = useAppInfo();
  const ipc = useIpc();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            HB
          </span>
          <div>
            <div className="brand-name">{shellStrings.appName}</div>
            <div className="brand-tagline">{shellStrings.tagline}</div>
          </div>
        </div>
        <nav aria-label={shellStrings.navHeading}>
          <ul className="nav">
            {areas.map((area) => (
              <li key={area.id}>
                <button
                  type="button"
                  className={area.id === currentArea ? 'nav-item current' : 'nav-item'}
                  aria-current={area.id === currentArea ? 'page' : undefined}
                  disabled={!area.available}
                  title={area.description}
                  onClick={() => onNavigate(area.id)}
                >
                  <span>{area.label}</span>
                  {!area.available && <span className="badge">{shellStrings.comingSoon}</span>}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-footer">
          <div className="user">{session.displayName}</div>
          <button type="button" className="link-button" onClick={onSignOut}>
            {shellStrings.signOut}
          </button>
          <div className="runtime">
            {info ? shellStrings.version(info.version) : null}
            <br />
            {shellStrings.runtime[ipc.transportKind]}
          </div>
          {info && (
            <div className="runtime" title={info.dataDir}>
              {shellStrings.dataFolder(info.dataDir)}
            </div>
          )}
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
